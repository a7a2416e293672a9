"""Feedback core of the exercises: result objects and the check decorator.

Every check is declared with the reader of its answer, ``@check(Number())``, ``@check(Names(
...))``: the one door all answers pass through (:mod:`._answers`). The decorator hands the
learner's answer to the reader, and the check function sees only what the reader returns (a
float, a set of names, a multiplied-out expression...). With ``graded=True`` the function returns
a :class:`~._verdicts.Target` (a number or Series of memberships, its decimals and its named
mistakes), which grades the value read; :data:`TARGETS` lists them for the teachers' guide.

A check returns a :class:`Feedback`: right, or what is wrong and a hint, never only ``False``
and never the solution. It never raises: an answer still left as ``...`` (or ``None``) gets a
friendly "not answered yet", an answer of the wrong form (a Series of several values where a
number is expected, text where a list is expected) gets a note on the form the task expects. An answer that makes a check stumble on its shape (a ``TypeError``, ``ValueError``,
``KeyError``, ``IndexError`` or ``AttributeError`` while reading it) gets the status ``"error"``
with the exception named, never a verdict; any other exception propagates, so a real bug in a
check shows as a traceback instead of hiding behind a message. Written answers get the status
``"self-assessed"``: a model answer and a rubric, never a mark (see :mod:`._verdicts`).

Under nbgrader (its ``autograde`` and ``validate`` set the environment variable
``NBGRADER_EXECUTION``), a check is a test: an answer that is not correct raises an
``AssertionError`` carrying the feedback, so the locked check cell scores no points. A correct
answer, or a written one ("self-assessed", graded by hand in nbgrader), shows its box and returns
``None``, so that nbgrader reads no result as a partial score. Without that variable
(self-study) checks never raise.

Every feedback is recorded in :data:`LOG` (see :func:`progress`), and appended as one JSON line
to the file named by the environment variable ``QCAKIT_EXERCISES_LOG`` when it is set; the tests
use that file to see what every check in an executed notebook reported.

A check speaks the language set with :func:`qcakit.set_language` when it runs (its message,
hint and details, and the heading and status word shown); ``Feedback.status`` and the log's
status stay the English code values (``"correct"``, ``"partly"``...) in every language.

>>> fb = Feedback("ex00", "q1", "correct", "Right: 0.69 is the minimum of 0.89 and 1 - 0.31.")
>>> print(fb)
[correct] ex00.q1: Right: 0.69 is the minimum of 0.89 and 1 - 0.31.
"""
from __future__ import annotations

import functools
import html
import json
import os
from dataclasses import dataclass, field

import pandas as pd

from ..i18n import get_language, tr, tr_later

#: Environment variable naming a file to which every feedback is appended as a JSON line.
LOG_ENV = "QCAKIT_EXERCISES_LOG"

STATUSES = ("correct", "partly", "incorrect", "unanswered", "error", "self-assessed")
_STYLE = {  # background, border, icon, heading (translated when shown)
    "correct": ("#e6f4ea", "#34a853", "✔", tr_later("Correct")),
    "partly": ("#fef7e0", "#f9ab00", "◐", tr_later("Partly there")),
    "incorrect": ("#fff4e5", "#e37400", "✎", tr_later("Not yet")),
    "unanswered": ("#eef3fd", "#4285f4", "…", tr_later("Not answered yet")),
    "error": ("#f3e8fd", "#9334e6", "?", tr_later("The checker could not read this answer")),
    "self-assessed": ("#f1f3f4", "#5f6368", "✍", tr_later("Written answer: assess it yourself")),
}
#: The status as the text display and :func:`progress` show it: in English the status itself
#: (the code's value), in another language its translation.
STATUS_WORDS = {
    # Translators: status word of a checked answer, shown as [correct] in text and in progress()
    "correct": tr_later("correct"),
    # Translators: status word: partly right
    "partly": tr_later("partly"),
    # Translators: status word: not right yet
    "incorrect": tr_later("incorrect"),
    # Translators: status word: the task still has its ... placeholder
    "unanswered": tr_later("unanswered"),
    # Translators: status word: the checker could not read the answer
    "error": tr_later("error"),
    # Translators: status word: a written answer, compared with a model answer by the learner
    "self-assessed": tr_later("self-assessed"),
}


def status_word(status: str) -> str:
    """``status`` as shown to the learner, in the current language (``"correct"`` in English)."""
    return tr(STATUS_WORDS[status])

#: Every feedback given in this Python session, oldest first.
LOG: list = []
#: Question names of every exercise module, in order: {"ex01": ["q1", "q2", ...]}.
REGISTRY: dict = {}


@dataclass
class Feedback:
    """What a check says about one answer; shows as a coloured box in Jupyter, as text elsewhere.

    ``status`` is one of ``"correct"``, ``"partly"``, ``"incorrect"``, ``"unanswered"``,
    ``"error"``, ``"self-assessed"`` (a written answer, not marked); ``message`` says what is
    right or wrong; ``hint`` suggests where to look.
    """

    exercise: str
    question: str
    status: str
    message: str
    hint: str = ""
    details: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the answer is correct."""
        return self.status == "correct"

    def _label(self) -> str:
        return f"{self.exercise}.{self.question}"

    def __repr__(self) -> str:
        lines = [f"[{status_word(self.status)}] {self._label()}: {self.message}"]
        lines += [f"  - {d}" for d in self.details]
        if self.hint:
            lines.append("  " + tr("Hint: {hint}").format(hint=self.hint))
        return "\n".join(lines)

    __str__ = __repr__

    def _repr_html_(self) -> str:
        bg, border, icon, heading = _STYLE[self.status]
        parts = [
            f"<div class='qcakit-feedback' style='background:{bg};border-left:6px solid {border};"
            "padding:6px 12px;margin:4px 0;border-radius:3px;color:#202124'>",
            f"<b>{icon} {html.escape(tr(heading))}</b> <span style='color:#5f6368;font-size:85%'>"
            f"({html.escape(self._label())})</span>",
            f"<div style='margin-top:4px'>{html.escape(self.message)}</div>",
        ]
        if self.details:
            items = "".join(f"<li>{html.escape(d)}</li>" for d in self.details)
            parts.append(f"<ul style='margin:4px 0'>{items}</ul>")
        if self.hint:
            hint = html.escape(tr("Hint:"))
            parts.append(f"<div style='margin-top:4px'><i>{hint}</i> "
                         f"{html.escape(self.hint)}</div>")
        parts.append("</div>")
        return "".join(parts)


class AnswerProblem(Exception):
    """Raised inside a check when the answer is of the wrong kind; becomes an "incorrect" box."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


class Result:
    """What a check function returns before the decorator adds exercise and question names."""

    def __init__(self, status: str, message: str, hint: str = "", details=()):
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self.status, self.message, self.hint, self.details = status, message, hint, list(details)


def correct(message: str, details=()) -> Result:
    return Result("correct", message, details=details)


def partly(message: str, hint: str = "", details=()) -> Result:
    return Result("partly", message, hint, details)


def wrong(message: str, hint: str = "", details=()) -> Result:
    return Result("incorrect", message, hint, details)


def unanswered(message: str = "") -> Result:
    return Result("unanswered", message or tr(
        "Not answered yet: replace the ... with your answer and run the cell again. Take your "
        "time; the check gives feedback as often as you like."))


#: Punctuation between the parts of a message that the code assembles, by language: in
#: Chinese the full-width marks, without the space that follows an English one (and no space
#: between two sentences).
_MARKS = {"zh": {".": "。", ";": "；", ",": "，", ":": "：", " ": ""}}
_ENGLISH_MARKS = {".": ".", ";": "; ", ",": ", ", ":": ": ", " ": " "}


def mark(punctuation: str) -> str:
    """``"."``, ``";"``, ``","``, ``":"`` or ``" "`` (between two sentences) as it joins parts
    of a message in the current language: ``"; "`` in English, ``"；"`` in Chinese.

    >>> mark(";"), mark("."), mark(" ")
    ('; ', '.', ' ')
    """
    return _MARKS.get(get_language(), _ENGLISH_MARKS)[punctuation]


def sentence(part: str) -> str:
    """A part of a message (``"your table has 10 cases"``) as a sentence: in English
    capitalised with a full stop, in Chinese with the full-width stop ``。`` (a part may start
    with a name, which keeps its case)."""
    if get_language() == "en":
        part = part[:1].upper() + part[1:]
    return part + mark(".")


def is_unanswered(answer) -> bool:
    """True for ``...``, ``None``, empty text, and containers holding only those."""
    if answer is Ellipsis or answer is None:
        return True
    if isinstance(answer, str):
        return answer.strip() in ("", "...")
    if isinstance(answer, dict):
        return len(answer) > 0 and all(is_unanswered(v) for v in answer.values())
    if isinstance(answer, (list, tuple, set)):
        return len(answer) > 0 and all(is_unanswered(v) for v in answer)
    return False


def has_gaps(answer) -> bool:
    """True when a container still holds a ``...`` somewhere."""
    if answer is Ellipsis:
        return True
    if isinstance(answer, dict):
        return any(has_gaps(v) for v in answer.values())
    if isinstance(answer, (list, tuple, set)):
        return any(has_gaps(v) for v in answer)
    return False


def _record(fb: Feedback) -> None:
    LOG.append(fb)
    path = os.environ.get(LOG_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"exercise": fb.exercise, "question": fb.question,
                                 "status": fb.status, "message": fb.message}) + "\n")


#: Environment variable that nbgrader sets while it executes a notebook ("autograde", "validate").
NBGRADER_ENV = "NBGRADER_EXECUTION"
#: Statuses that pass under nbgrader; a written answer is graded by hand, not by its check.
PASSING = ("correct", "self-assessed")


def _as_nbgrader_test(fb: Feedback) -> None:
    """Under nbgrader: raise with the feedback unless it passes; else display it."""
    if fb.status not in PASSING:
        raise AssertionError(str(fb))
    from IPython.display import display
    display(fb)


#: Exceptions that reading an answer of an unexpected shape can raise; they give status "error".
_SHAPE_ERRORS = (TypeError, ValueError, KeyError, IndexError, AttributeError)


#: The reader of every question: {("ex01", "q1"): reader}; see :mod:`._answers`.
READERS: dict = {}
#: The graded target of every numeric question: {("ex03", "q1"): function returning it}.
TARGETS: dict = {}


def check(reader, *, graded: bool = False):
    """Decorate ``qN`` of module ``exNN``: the answer goes through ``reader`` (the one door,
    :mod:`._answers`), then to the check; unanswered tasks, wrong forms and bugs are handled.

    The decorated function receives what the reader returns. With ``graded=True`` it takes no
    argument and returns a :class:`~._verdicts.Target`, which grades the value read (and is
    listed in the teachers' guide).
    """
    if not hasattr(reader, "read"):
        raise TypeError("check(...) needs a reader from qcakit.exercises._answers, e.g. "
                        "@check(Number()).")

    def decorate(func):
        module = func.__module__.rsplit(".", 1)[-1]
        REGISTRY.setdefault(module, [])
        if func.__name__ not in REGISTRY[module]:
            REGISTRY[module].append(func.__name__)
        READERS[(module, func.__name__)] = reader
        if graded:
            TARGETS[(module, func.__name__)] = func

        @functools.wraps(func)
        def wrapper(answer=Ellipsis):
            if is_unanswered(answer):
                result = unanswered()
            elif has_gaps(answer):
                result = Result("unanswered", tr("Partly filled in: some parts of your answer "
                                                 "are still ... . Fill them all in, then run "
                                                 "the cell again."))
            else:
                result = _verdict(func, reader, answer, graded)
            fb = Feedback(module, func.__name__, result.status, result.message, result.hint,
                          result.details)
            _record(fb)
            if os.environ.get(NBGRADER_ENV):
                return _as_nbgrader_test(fb)
            return fb

        wrapper.reader = reader
        return wrapper

    return decorate


def _verdict(func, reader, answer, graded: bool) -> Result:
    try:
        value = reader.read(answer)
        return func().grade(value) if graded else func(value)
    except AnswerProblem as problem:
        return wrong(problem.message, problem.hint)
    except _SHAPE_ERRORS as exc:  # an answer of an unforeseen shape: say so, no verdict
        return Result(
            "error",
            tr("Something in this answer made the checker stumble ({error}).").format(
                error=f"{type(exc).__name__}: {exc}"),
            tr("Check that the answer has the form the task asks for (a number, a list of "
               "names, an expression in quotes...). If it does, tell your teacher: this may be "
               "a bug in the checker."),
        )


#: Column headers of :func:`progress` (translated when shown).
PROGRESS_COLUMNS = (tr_later("exercise"), tr_later("question"), tr_later("status"))


def progress(exercise: str | None = None) -> pd.DataFrame:
    """Latest status of every question checked in this session (optionally of one exercise).

    A table to read: its headers and status words are in the current language
    (:func:`qcakit.set_language`); code reads :data:`LOG`, whose statuses stay the English
    values (``"correct"``, ...) in every language.

    >>> progress("ex99").empty
    True
    """
    latest = {}
    for fb in LOG:
        if exercise is None or fb.exercise == exercise:
            latest[(fb.exercise, fb.question)] = fb.status
    rows = [(e, q, status_word(s)) for (e, q), s in sorted(latest.items())]
    return pd.DataFrame(rows, columns=[tr(c) for c in PROGRESS_COLUMNS])
