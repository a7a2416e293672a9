"""Automatic feedback for the exercise notebooks in ``exercises/``.

Each exercise ``exNN`` has a module here with one check per task. A notebook imports it and calls
the check right after each task::

    from qcakit.exercises import ex03 as check
    answer = ...          # the learner replaces ... with an answer
    check.q2(answer)      # a coloured box: right, or what is wrong and a hint

The checks live in the installed package, so they work offline and on a read-only JupyterHub.
They compute the expected values with qcakit from the bundled data, never reveal the solution,
and never raise: an unanswered task (``...``) gets "not answered yet", a wrong kind of answer a
note on the kind wanted. :func:`progress` lists the latest result of every check run in this
session.

>>> from qcakit.exercises import ex01
>>> ex01.q3(0.03).message
'That is the minimum: you computed AND.'
>>> sorted(EXERCISES)[:2]
['ex01', 'ex02']
"""
from __future__ import annotations

import importlib

from ._feedback import LOG, REGISTRY, Feedback, progress

#: Exercise module -> topic (the notebooks are exercises/exNN_<topic>.ipynb).
EXERCISES = {
    "ex01": "memberships",
    "ex02": "calibration",
    "ex03": "necessity",
    "ex04": "sufficiency_pri",
    "ex05": "truth_table",
    "ex06": "minimization",
    "ex07": "counterfactuals",
    "ex08": "chart_critique",
    "ex09": "robustness",
}


def questions(exercise: str) -> list[str]:
    """Names of the checks of one exercise, in order, e.g. ``['q1', 'q2', ...]``.

    >>> questions("ex03")
    ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
    """
    if exercise not in EXERCISES:
        raise ValueError(f"Unknown exercise {exercise!r}; known: {', '.join(EXERCISES)}.")
    importlib.import_module(f"{__name__}.{exercise}")
    return list(REGISTRY[exercise])


__all__ = ["EXERCISES", "Feedback", "LOG", "progress", "questions"]
