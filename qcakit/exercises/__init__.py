"""Automatic feedback for the exercise notebooks in ``exercises/``.

Each exercise ``exNN`` has a module here with one check per task. A notebook imports it and calls
the check right after each task::

    from qcakit.exercises import ex03 as check
    answer = ...          # the learner replaces ... with an answer
    check.q2(answer)      # a coloured box: right, or what is wrong and a hint

The checks live in the installed package, so they work offline and on a read-only JupyterHub.
Every answer first goes through its task's reader (:mod:`._answers`), which accepts every
sensible container of a right answer (a numpy value, a one-value Series, a set, a dict of
booleans, a factored expression, the kit's own result objects...). Each check then compares the
value read with a reference computed with qcakit from the bundled data (numbers to stated
decimals, chosen so that every named mistake lies outside the tolerance; sets of cases; rows and
output codes; expressions by what they mean; models; the cases a table or solution was built
from) and says "correct" only when nothing graded differs; otherwise it names what differs.
:func:`graded_values` lists every graded number, its decimals and the nearest named mistake;
:func:`readers` what each task reads. They never reveal the solution: an unanswered task (``...``) gets "not answered
yet", a wrong kind of answer a note on the kind wanted. Written answers are not marked: their
check shows a model answer and a rubric (status "self-assessed"). :func:`progress` lists the
latest result of every check run in this session.

>>> from qcakit.exercises import ex01
>>> ex01.q3(0.03).message
'That is the minimum: you computed AND.'
>>> sorted(EXERCISES)[:2]
['ex01', 'ex02']
"""
from __future__ import annotations

import importlib

import pandas as pd

from ._feedback import LOG, READERS, REGISTRY, TARGETS, Feedback, progress

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
    "ex10": "your_study",
    "ex11": "skewness_suin",
    "ex12": "esa_contradictions",
    "ex13": "case_types_theory",
    "ex14": "robustness_protocol",
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


def readers() -> pd.DataFrame:
    """What every question reads (see :mod:`._answers`): one row per question.

    >>> readers().loc[("ex03", "q4"), "reader"]
    'Names'
    """
    for exercise in EXERCISES:
        questions(exercise)
    rows = [{"exercise": e, "question": q, "reader": type(r).__name__, "expects": r.expects}
            for (e, q), r in READERS.items() if e in EXERCISES]
    return pd.DataFrame(rows).set_index(["exercise", "question"])


def graded_values() -> pd.DataFrame:
    """Every graded number or Series of memberships: the reference, the decimals graded, the
    tolerance (half a unit of the last decimal), and the nearest named mistake.

    >>> row = graded_values().loc[("ex03", "q1")]
    >>> int(row["decimals"]), float(row["tolerance"]), row["nearest_mistake"]
    (3, 0.0005, "summed over the condition's cases only (X > 0.5)")
    """
    for exercise in EXERCISES:
        questions(exercise)
    rows = []
    for (exercise, question), make in TARGETS.items():
        if exercise not in EXERCISES:
            continue
        target = make()
        ref = target.reference
        nearest = target.nearest_mistake()
        rows.append({
            "exercise": exercise, "question": question,
            "reference": (f"{len(ref)} memberships" if isinstance(ref, pd.Series)
                          else f"{ref:.{target.decimals + 1}f}"),
            "decimals": target.decimals, "tolerance": target.tolerance,
            "nearest_mistake": nearest.name,
            "distance": round(target.distance(nearest.value), 4),
            "mistakes": len(target.mistakes),
        })
    # sorted, so the order does not depend on which exercise modules were imported first
    return pd.DataFrame(rows).set_index(["exercise", "question"]).sort_index()


def graded_values_markdown() -> str:
    """:func:`graded_values` as the Markdown table of the teachers' guide (exercises/TEACHERS.md),
    which a test keeps in step with the checks."""
    lines = ["| task | reference | decimals (tolerance) | nearest named mistake (distance) | "
             "named mistakes |", "|---|---|---|---|---|"]
    for (exercise, question), row in graded_values().iterrows():
        lines.append(f"| `{exercise}.{question}` | {row.reference} | {row.decimals} "
                     f"({row.tolerance:g}) | {row.nearest_mistake} ({row.distance:g}) | "
                     f"{row.mistakes} |")
    return "\n".join(lines)


__all__ = ["EXERCISES", "Feedback", "LOG", "graded_values", "graded_values_markdown", "progress",
           "questions", "readers"]
