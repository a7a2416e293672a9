"""Compare a learner's truth table or solution with the reference built from the bundled data.

The checks of tasks that ask for a qcakit object do not look at the settings alone: they compare
what the object holds (its cases, their memberships, the cuts, every row and its output code, the
models) with a reference computed from the same bundled data, and name each difference, e.g.
"your table has 10 cases; the data have 18". An empty list means "no graded difference".

>>> import qcakit
>>> lf = qcakit.datasets.load("lipset_fuzzy")
>>> conds = ["DEV", "URB", "LIT", "IND", "STB"]
>>> ref = qcakit.truth_table(lf, "SURV", conds, incl_cut=0.8)
>>> truth_table_differences(qcakit.truth_table(lf.iloc[:10], "SURV", conds, incl_cut=0.8), ref)[0]
'your table has 10 cases; the data have 18 (missing: IT, NL, PL, PT, RO, ES, SE, UK)'
>>> truth_table_differences(ref, ref)
[]

A PRI cut of 0 is no PRI cut (as in the explorers), so these two tables do not differ:

>>> truth_table_differences(qcakit.truth_table(lf, "SURV", conds, incl_cut=0.8, pri_cut=0), ref)
[]
"""
from __future__ import annotations

import numpy as np

from ..i18n import tr
from ._feedback import mark, sentence, wrong

#: Memberships that differ by more than this count as different data.
DATA_TOL = 1e-6


def _names(items, limit: int = 8) -> str:
    items = [str(i) for i in items]
    return ", ".join(items[:limit]) + (", ..." if len(items) > limit else "")


def case_differences(given, reference, what: str | None = None) -> list[str]:
    """Differences between the cases (and memberships) of two DataFrames of memberships;
    ``what`` names the learner's object in the messages (default: "your table")."""
    what = what or tr("your table")
    g, r = list(given.index), list(reference.index)
    out = []
    dup = sorted({str(c) for c in g if g.count(c) > 1})
    if dup:
        out.append(tr("{what} has {rows} rows of cases, with {names} more than once; the data "
                      "have {n} cases, each once")
                   .format(what=what, rows=len(g), names=_names(dup), n=len(r)))
    missing = [c for c in r if c not in set(g)]
    extra = [c for c in dict.fromkeys(g) if c not in set(r)]
    if missing or (extra and not dup):
        if missing:
            text = tr("{what} has {given} cases; the data have {n} (missing: {names})").format(
                what=what, given=len(set(g)), n=len(r), names=_names(missing))
        else:
            text = tr("{what} has {given} cases; the data have {n}").format(
                what=what, given=len(set(g)), n=len(r))
        out.append(text)
    if extra:
        out.append(tr("{what} has cases that are not in the data: {names}")
                   .format(what=what, names=_names(extra)))
    if out:
        return out
    cols = [c for c in reference.columns if c in given.columns]
    diff = np.abs(given.loc[r, cols].to_numpy(dtype=float)
                  - reference[cols].to_numpy(dtype=float))
    bad = diff > DATA_TOL
    if bad.any():
        rows, colpos = np.nonzero(bad)
        out.append(tr("{what} uses other memberships than the bundled data for {n} case(s) "
                      "(first: {case} in {column})")
                   .format(what=what, n=len(set(rows)), case=r[rows[0]], column=cols[colpos[0]]))
    return out


def _setting(tt, name: str):
    """A cut of a truth table; a PRI cut of 0 is no PRI cut, as in the explorers, whose slider
    reads "PRI cut (0 = none)" (every PRI is at least 0, so the table is the same)."""
    value = getattr(tt, name)
    if name == "pri_cut" and value is not None and float(value) == 0:
        return None
    return value


def _same_cut(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), rtol=0,
                            atol=1e-9))


def _cut(value) -> str:
    if value is None:
        # Translators: the value of a cut that is not set ("the PRI cut none")
        return tr("none")
    return str(tuple(value)) if isinstance(value, tuple) else f"{value:g}"


def wrong_because(problems: list[str], hint: str):
    """The "wrong" verdict for a list of differences from the reference: the first one as the
    message (as a sentence), the others as details, and ``hint`` on what to do."""
    return wrong(sentence(problems[0]), hint, problems[1:])


def truth_table_differences(given, reference, what: str | None = None) -> list[str]:
    """Every graded difference between two :class:`~qcakit.truthtable.TruthTable` objects."""
    what = what or tr("your table")
    out = []
    if given.outcome_label != reference.outcome_label:
        out.append(tr("{what} has the outcome {given}; the task's is {task}").format(
            what=what, given=given.outcome_label, task=reference.outcome_label))
    if set(given.conditions) != set(reference.conditions):
        out.append(tr("{what} uses the conditions {given}; the task's are {task}").format(
            what=what, given=", ".join(given.conditions), task=", ".join(reference.conditions)))
        return out
    out += case_differences(given.data, reference.data, what)
    cut_messages = {
        "incl_cut": tr("{what} uses the consistency cut {given}; the task's is {task}"),
        "pri_cut": tr("{what} uses the PRI cut {given}; the task's is {task}"),
        "n_cut": tr("{what} uses the frequency cut {given}; the task's is {task}"),
    }
    for name, message in cut_messages.items():
        g, r = _setting(given, name), _setting(reference, name)
        if not _same_cut(g, r):
            out.append(message.format(what=what, given=_cut(g), task=_cut(r)))
    conditions = list(reference.conditions)  # rows are keyed by their values, in any order
    rows = _row_differences(_codes(given.table, conditions), _codes(reference.table, conditions))
    if rows:
        out.append(tr("as a result, {rows}").format(rows=rows) if out
                   else tr("in {what}, {rows}").format(what=what, rows=rows))
    return out


def _codes(table, conditions) -> dict:
    """{row as a tuple of 0/1 in the order of ``conditions``: its output code}."""
    keys = map(tuple, table[conditions].to_numpy(dtype=int).tolist())
    return dict(zip(keys, table["OUT"]))


def _row_differences(codes_g: dict, codes_r: dict) -> str:
    if codes_g == codes_r:
        return ""
    changed = [r for r in codes_r if r in codes_g and codes_g[r] != codes_r[r]]
    missing = [r for r in codes_r if r not in codes_g]
    extra = [r for r in codes_g if r not in codes_r]
    parts = []
    if changed:
        parts.append(tr("{n} row(s) get another output code").format(n=len(changed)))
    if missing:
        parts.append(tr("{n} row(s) with cases in the data are missing").format(n=len(missing)))
    if extra:
        parts.append(tr("{n} row(s) have cases that the data do not put there")
                     .format(n=len(extra)))
    return mark(";").join(parts)


def _model_set(solution) -> set:
    return {frozenset(frozenset(term) for term in model) for model in solution.models}


def solution_differences(given, reference) -> list[str]:
    """Every graded difference between two :class:`~qcakit.solution.Solution` objects."""
    if given.kind != reference.kind:
        return [tr("this is the {given} solution; the task asks for the {task} one").format(
            given=tr(given.kind), task=tr(reference.kind))]
    out = truth_table_differences(given.truth_table, reference.truth_table,
                                  tr("the truth table behind your solution"))
    if reference.kind == "intermediate" and (given.directional or {}) != reference.directional:
        off = sorted(c for c in reference.directional
                     if (given.directional or {}).get(c) != reference.directional[c])
        out.append(tr("your directional expectations differ from the task's for {conditions}")
                   .format(conditions=", ".join(off) or tr("some condition")))
    if _model_set(given) != _model_set(reference):
        out.append(tr("your solution has {n} model(s) ({models}), which differ from the "
                      "reference solution of the task's data and settings")
                   .format(n=len(given.models), models="; ".join(given.expressions)))
    return out
