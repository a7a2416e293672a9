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

from ._feedback import wrong

#: Memberships that differ by more than this count as different data.
DATA_TOL = 1e-6


def _names(items, limit: int = 8) -> str:
    items = [str(i) for i in items]
    return ", ".join(items[:limit]) + (", ..." if len(items) > limit else "")


def case_differences(given, reference, what: str = "your table") -> list[str]:
    """Differences between the cases (and memberships) of two DataFrames of memberships."""
    g, r = list(given.index), list(reference.index)
    out = []
    dup = sorted({str(c) for c in g if g.count(c) > 1})
    if dup:
        out.append(f"{what} has {len(g)} rows of cases, with {_names(dup)} more than once; "
                   f"the data have {len(r)} cases, each once")
    missing = [c for c in r if c not in set(g)]
    extra = [c for c in dict.fromkeys(g) if c not in set(r)]
    if missing or (extra and not dup):
        text = f"{what} has {len(set(g))} cases; the data have {len(r)}"
        if missing:
            text += f" (missing: {_names(missing)})"
        out.append(text)
    if extra:
        out.append(f"{what} has cases that are not in the data: {_names(extra)}")
    if out:
        return out
    cols = [c for c in reference.columns if c in given.columns]
    diff = np.abs(given.loc[r, cols].to_numpy(dtype=float)
                  - reference[cols].to_numpy(dtype=float))
    bad = diff > DATA_TOL
    if bad.any():
        rows, colpos = np.nonzero(bad)
        out.append(f"{what} uses other memberships than the bundled data for "
                   f"{len(set(rows))} case(s) (first: {r[rows[0]]} in {cols[colpos[0]]})")
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
        return "none"
    return str(tuple(value)) if isinstance(value, tuple) else f"{value:g}"


def wrong_because(problems: list[str], hint: str):
    """The "wrong" verdict for a list of differences from the reference: the first one as the
    message (capitalised, as a sentence), the others as details, and ``hint`` on what to do."""
    return wrong(problems[0][0].upper() + problems[0][1:] + ".", hint, problems[1:])


def truth_table_differences(given, reference, what: str = "your table") -> list[str]:
    """Every graded difference between two :class:`~qcakit.truthtable.TruthTable` objects."""
    out = []
    if given.outcome_label != reference.outcome_label:
        out.append(f"{what} has the outcome {given.outcome_label}; the task's is "
                   f"{reference.outcome_label}")
    if set(given.conditions) != set(reference.conditions):
        out.append(f"{what} uses the conditions {', '.join(given.conditions)}; the task's are "
                   f"{', '.join(reference.conditions)}")
        return out
    out += case_differences(given.data, reference.data, what)
    for name, label in (("incl_cut", "consistency cut"), ("pri_cut", "PRI cut"),
                        ("n_cut", "frequency cut")):
        g, r = _setting(given, name), _setting(reference, name)
        if not _same_cut(g, r):
            out.append(f"{what} uses the {label} {_cut(g)}; the task's is {_cut(r)}")
    conditions = list(reference.conditions)  # rows are keyed by their values, in any order
    rows = _row_differences(_codes(given.table, conditions), _codes(reference.table, conditions))
    if rows:
        out.append(("as a result, " if out else f"in {what}, ") + rows)
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
        parts.append(f"{len(changed)} row(s) get another output code")
    if missing:
        parts.append(f"{len(missing)} row(s) with cases in the data are missing")
    if extra:
        parts.append(f"{len(extra)} row(s) have cases that the data do not put there")
    return "; ".join(parts)


def _model_set(solution) -> set:
    return {frozenset(frozenset(term) for term in model) for model in solution.models}


def solution_differences(given, reference) -> list[str]:
    """Every graded difference between two :class:`~qcakit.solution.Solution` objects."""
    if given.kind != reference.kind:
        return [f"this is the {given.kind} solution; the task asks for the {reference.kind} one"]
    out = truth_table_differences(given.truth_table, reference.truth_table,
                                  "the truth table behind your solution")
    if reference.kind == "intermediate" and (given.directional or {}) != reference.directional:
        off = sorted(c for c in reference.directional
                     if (given.directional or {}).get(c) != reference.directional[c])
        out.append("your directional expectations differ from the task's for "
                   f"{', '.join(off) or 'some condition'}")
    if _model_set(given) != _model_set(reference):
        out.append(f"your solution has {len(given.models)} model(s) "
                   f"({'; '.join(given.expressions)}), which differ from the reference "
                   "solution of the task's data and settings")
    return out
