"""Shared verdicts of the exercise checks: graded numbers and memberships, choices, writing.

- :class:`Target`: a number graded to a stated number of decimals. The tolerance is half a unit
  of the last decimal asked for (0.005 for two decimals, 0.0005 for three), so a correctly
  rounded answer passes; the decimals are chosen per question so that every named
  :class:`Mistake`, and the mistake rounded to those decimals, lands outside the tolerance
  (the tests check it with values computed by hand). An answer matching a mistake gets the
  mistake's message; an answer rounded more coarsely than asked, and within that rounding of
  the reference, is told to give more decimals (it is not accepted: at that precision it could
  be a mistake).
- :class:`MembershipTarget`: the same for a Series of memberships, case by case.
- :func:`multiple_choice`: one letter, right or the reason why the chosen option is wrong.
- :func:`self_assessed`: written answers are never marked by keywords; the learner gets a model
  answer and a short rubric to assess the text, and is told plainly that writing is not marked.

>>> t = Target(0.7, 2, "Right.", "Look again.", [Mistake("X", 0.5, "You used X.", "Use Y.")])
>>> t.grade(0.704).status, t.grade(0.5).message, t.tolerance
('correct', 'You used X.', 0.005)
>>> r = multiple_choice("b", {"a": "No.", "b": None}, "Yes.", "Think.")
>>> (r.status, r.message)
('correct', 'Yes.')
>>> self_assessed("A model.", ["Point one.", "Point two."], "my text").status
'self-assessed'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..i18n import tr, tr_later, trn
from ._feedback import Result, correct, mark, wrong

NOT_MARKED = tr_later("Writing is not marked automatically: no program can judge an argument. "
                      "Compare your answer with the model answer and the rubric below, and "
                      "revise it if a point is missing.")

_EPS = 1e-12
_WORDS = {1: tr_later("one decimal"), 2: tr_later("two decimals"),
          3: tr_later("three decimals"), 4: tr_later("four decimals")}


def decimals_text(decimals: int) -> str:
    if decimals in _WORDS:
        return tr(_WORDS[decimals])
    return trn("{n} decimal", "{n} decimals", decimals).format(n=decimals)


@dataclass
class Mistake:
    """A typical mistake: a short ``name``, the value it gives, what to say, the status
    (``"partly"`` for another defensible convention, such as R's ``idm=0.95``)."""

    name: str
    value: object  # a float, or a Series for MembershipTarget
    message: str
    hint: str = ""
    status: str = "incorrect"

    def verdict(self) -> Result:
        return Result(self.status, self.message, self.hint)


def _diff(a, b) -> float:
    """The largest absolute difference between two numbers or two arrays of numbers."""
    return float(np.max(np.abs(np.asarray(a, dtype=float) - np.asarray(b, dtype=float))))


def _half(decimals: int) -> float:
    return 0.5 * 10 ** -decimals + _EPS


@dataclass
class Target:
    """A number graded to ``decimals`` decimals (tolerance half a unit of the last one).

    ``mistakes`` are tried in order; ``lower`` and ``upper`` bound possible values (e.g. 0 and 1
    for a membership) for the message given to an answer outside them.
    """

    reference: float
    decimals: int
    right: str
    fallback: str
    mistakes: list = field(default_factory=list)
    lower: float | None = None
    upper: float | None = None

    @property
    def tolerance(self) -> float:
        return 0.5 * 10 ** -self.decimals

    def _values(self, x):
        return x

    def distance(self, value) -> float:
        """The largest absolute difference between ``value`` and the reference."""
        return _diff(self._values(value), self._values(self.reference))

    def nearest_mistake(self) -> Mistake:
        """The named mistake closest to the reference."""
        return min(self.mistakes, key=lambda m: self.distance(m.value))

    def _rounded_to(self, value) -> int | None:
        """The coarser number of decimals (1 .. decimals - 1) the value is rounded to, if any."""
        for d in range(1, self.decimals):
            if _diff(value, np.round(np.asarray(value, dtype=float), d)) <= _EPS:
                return d
        return None

    def grade(self, value) -> Result:
        value, reference = self._values(value), self._values(self.reference)
        if _diff(value, reference) <= _half(self.decimals):
            return correct(self.right)
        mistakes = [(m, self._values(m.value)) for m in self.mistakes]
        mistakes = [(m, v) for m, v in mistakes  # those that can be told apart from the reference
                    if _diff(v, reference) > _half(self.decimals)]
        for mistake, m in mistakes:
            if _diff(value, m) <= _half(self.decimals):
                return mistake.verdict()
        coarse = self._rounded_to(value)
        if coarse is not None and _diff(value, reference) > _half(coarse):
            for mistake, m in mistakes:  # a mistake rounded more coarsely
                if _diff(value, m) <= _half(coarse):
                    return mistake.verdict()
        if coarse is not None and _diff(value, reference) <= _half(coarse):
            return wrong(tr("Give at least {decimals}: to {coarse}, a value cannot be told "
                            "apart from typical mistakes (and if yours is exact, it is not the "
                            "value asked for).").format(decimals=decimals_text(self.decimals),
                                                        coarse=decimals_text(coarse)),
                         tr("Keep the value Python computes, or round it to {decimals}.")
                         .format(decimals=decimals_text(self.decimals)))
        return self.otherwise(value)

    def otherwise(self, value) -> Result:
        """The verdict for a value that is neither right nor a named mistake."""
        lower, upper, tol = self.lower, self.upper, self.tolerance
        if lower is not None and value < lower - tol or upper is not None and value > upper + tol:
            return wrong(tr("This value cannot lie outside [{lower}, {upper}].")
                         .format(lower=f"{lower:g}", upper=f"{upper:g}"), self.fallback)
        return wrong(tr("Not quite: your value differs from the reference by more than the "
                        "tolerance ({tolerance}: {decimals}).")
                     .format(tolerance=f"{tol:g}", decimals=decimals_text(self.decimals)),
                     self.fallback)


@dataclass
class MembershipTarget(Target):
    """One membership per case: ``reference`` is a Series, answers and mistakes are Series with
    the same labels, and every case is graded to ``decimals`` decimals."""

    def _values(self, x):
        return np.asarray(x.reindex(self.reference.index) if isinstance(x, pd.Series) else x,
                          dtype=float)

    def otherwise(self, value) -> Result:
        reference = self._values(self.reference)
        if ((value == 0.5) & (reference != 0.5)).any():
            return wrong(tr("Some cases sit at exactly 0.5, so they belong to no truth-table "
                            "row."), self.fallback)
        off = self.reference.index[np.abs(value - reference) > _half(self.decimals)]
        return wrong(tr("{n} of the {total} memberships differ from the reference by more than "
                        "{tolerance} (first: {first}).")
                     .format(n=len(off), total=len(reference), tolerance=f"{self.tolerance:g}",
                             first=off[0]), self.fallback)


def multiple_choice(letter: str, options: dict, right: str, hint: str) -> Result:
    """One-letter choice: ``options`` maps each letter to None (right) or why it is wrong.

    The texts are English marked with :func:`~qcakit.i18n.tr_later` (the options are module
    constants); they are translated here, when the check runs."""
    if options[letter] is None:
        return correct(tr(right))
    return wrong(tr(options[letter]), tr(hint))


def self_assessed(model: str, rubric, text: str, *, min_words: int = 0) -> Result:
    """A written answer: not marked; returns the model answer and the rubric to compare with.

    ``model`` and the ``rubric`` points are English marked with :func:`~qcakit.i18n.tr_later`
    (module constants, which the teachers' guide prints); they are translated here."""
    details = [tr("Model answer: {model}").format(model=tr(model))] + [
        tr("Rubric {number}: {point}").format(number=i, point=tr(point))
        for i, point in enumerate(rubric, 1)]
    return Result("self-assessed", tr(NOT_MARKED) + _length_note(text, min_words),
                  details=details)


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Chinese characters counted as one English word when a written answer is measured (a Chinese
#: text runs to about two characters per word of its English counterpart).
CHARACTERS_PER_WORD = 2


def _length_note(text: str, min_words: int) -> str:
    """A note when ``text`` is shorter than ``min_words`` English words (or, for a text in
    Chinese, which has no spaces between words, ``CHARACTERS_PER_WORD`` characters a word).

    >>> _length_note("two words", 3)
    ' Your text has 2 words; the task asks for at least about 3.'
    >>> _length_note("校准的锚点", 3)
    ' Your text has 5 characters; the task asks for at least about 6.'
    >>> _length_note("锚点 1.25 位于两个观测值之间", 3)
    ''
    """
    chinese = len(_CJK.findall(text))
    words = len([w for w in _CJK.sub(" ", text).split() if re.search(r"\w", w)])
    if chinese == 0:
        if words >= min_words:
            return ""
        return mark(" ") + tr("Your text has {words} words; the task asks for at least about "
                        "{minimum}.").format(words=words, minimum=min_words)
    characters, minimum = chinese + CHARACTERS_PER_WORD * words, CHARACTERS_PER_WORD * min_words
    if characters >= minimum:
        return ""
    return mark(" ") + tr("Your text has {characters} characters; the task asks for at least about "
                    "{minimum}.").format(characters=characters, minimum=minimum)
