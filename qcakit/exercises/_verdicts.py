"""Shared verdicts of the exercise checks: multiple choice, diagnosed numbers, written answers.

- :func:`multiple_choice`: one letter, right or the reason why the chosen option is wrong.
- :func:`diagnose`: a number compared with the reference within a stated tolerance; when it
  differs, the first typical mistake it matches names what went wrong.
- :func:`self_assessed`: written answers are never marked by keywords; the learner gets a model
  answer and a short rubric to assess the text, and is told plainly that writing is not marked.

>>> r = multiple_choice("b", {"a": "No.", "b": None}, "Yes.", "Think.")
>>> (r.status, r.message)
('correct', 'Yes.')
>>> r = diagnose(0.5, 0.7, 0.01, "Right.", [(0.5, "You used X.", "Use Y.")], "Look again.")
>>> (r.status, r.message)
('incorrect', 'You used X.')
>>> self_assessed("A model.", ["Point one.", "Point two."], "my text").status
'self-assessed'
"""
from __future__ import annotations

from ._answers import close, read_choices, read_text
from ._feedback import Result, correct, wrong

NOT_MARKED = ("Writing is not marked automatically: no program can judge an argument. Compare "
              "your answer with the model answer and the rubric below, and revise it if a point "
              "is missing.")


def multiple_choice(answer, options: dict, right: str, hint: str) -> Result:
    """One-letter choice: ``options`` maps each letter to None (right) or why it is wrong."""
    choice = read_choices(answer, "".join(options), single=True)
    if options[choice] is None:
        return correct(right)
    return wrong(options[choice], hint)


def diagnose(value: float, expected: float, tol: float, right: str, mistakes, fallback: str,
             *, lower: float | None = None, upper: float | None = None) -> Result:
    """Correct when ``|value - expected| <= tol``; else the first matching mistake's message.

    ``mistakes`` is a list of ``(value the mistake gives, message, hint)``; a mistake whose value
    equals the reference (within ``tol``) is skipped, since it cannot be told apart. ``lower``
    and ``upper`` bound possible values (e.g. 0 and 1 for a membership).
    """
    if close(value, expected, tol):
        return correct(right)
    for candidate, message, hint in mistakes:
        if not close(candidate, expected, tol) and close(value, candidate, tol):
            return wrong(message, hint)
    if lower is not None and value < lower - tol or upper is not None and value > upper + tol:
        return wrong(f"This value cannot lie outside [{lower:g}, {upper:g}].", fallback)
    return wrong(f"Not quite: your value differs from the reference by more than the "
                 f"tolerance ({tol:g}).", fallback)


def self_assessed(model: str, rubric, answer, *, min_words: int = 0) -> Result:
    """A written answer: not marked; returns the model answer and the rubric to compare with."""
    text = read_text(answer, "a few sentences")
    words = len(text.split())
    details = [f"Model answer: {model}"] + [f"Rubric {i}: {point}"
                                             for i, point in enumerate(rubric, 1)]
    note = (f" Your text has {words} words; the task asks for at least about {min_words}."
            if words < min_words else "")
    return Result("self-assessed", NOT_MARKED + note, details=details)
