"""Theory evaluation: where a theory T and the empirical solution S agree and disagree.

Following Ragin (1987, 2008) and Schneider & Wagemann (2012, ch. 11.3), the theory expression T
(e.g. ``"A*B + C"``) is intersected with the solution S and with their negations, giving four
sets: ``T*S`` (theory confirmed by the data), ``T*~S`` (theory expected the outcome where the
data do not show a sufficient path), ``~T*S`` (the data find a path the theory missed) and
``~T*~S`` (neither). For each, :func:`theory_evaluation` lists the cases with membership above 0.5
split by the outcome (``Y > 0.5`` typical or puzzling, ``Y < 0.5``), and the fit of the
intersection as a subset of Y (sufficiency consistency and coverage, :mod:`qcakit.fit`), as
SetMethods' ``theory.evaluation`` does (Oana, Schneider & Thomann 2021).

Memberships are computed directly with fuzzy operations (``min``, ``max``, ``1 - x``), so the
fit is exact. The sum-of-products labels come from :func:`negate` and :func:`intersect`, which
keep fuzzy membership exact: ``A*~A`` is not 0 in fuzzy sets (it is at most 0.5), so such a
term is dropped there only when it is redundant in fuzzy logic (checked on the memberships
{0, 0.5, 1}, which decide every identity of min / max / 1 - x; Kalman 1958). No case can be a
member *in kind* (above 0.5) of a contradictory term, so the table's ``expression`` leaves
them out (:func:`without_contradictions`), and an intersection made only of such terms is
shown as "(empty in kind)" with ``empty_in_kind`` True: it can hold no case, whatever the
data. R's ``admisc`` minimizes the labels crisply instead; both readings name the same cases.

The table gives each intersection's consistency, PRI and coverage as a subset of Y; ``.fit``
adds the fit of T alone and S alone (as SetMethods' ``theory.evaluation(print.fit = TRUE)``).

>>> import pandas as pd
>>> to_string(negate(parse("A*B + C")))
'~A*~C + ~B*~C'
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.7, 0.1]}, index=list("pqrs"))
>>> ev = theory_evaluation(data, "A", "A*B + ~A*B", "Y")
>>> ev.table[["expression", "cases_Y", "cases_not_Y", "consistency", "PRI"]].round(3)
      expression cases_Y cases_not_Y  consistency    PRI
T*S          A*B       p                    1.000  1.000
T*~S        A*~B       q                    0.923  0.750
~T*S        ~A*B       r                    0.846  0.667
~T*~S      ~A*~B                   s        0.462  0.000
>>> ev.fit.loc["T"].round(3).tolist()                      # consistency, PRI, coverage
[0.85, 0.727, 0.773]
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from itertools import product

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from .errors import QCAInputError, QCAWarning
from .sets import Expression, membership, names_in, parse, to_string


def _pri(x, y) -> float:
    """PRI, NaN where undefined (X <= min(Y, ~Y) in every case, e.g. a set empty in kind);
    the table's notes say so, so no warning is raised for it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        return fit.pri(x, y, undefined="nan")

MAX_TERMS = 20000
# Schneider & Wagemann (2012, ch. 11.3) names of the eight cells (cases with Y > 0.5 / Y < 0.5).
READINGS = {
    "T*S": ("covered, most likely", "inconsistent, most likely"),
    "T*~S": ("uncovered, most likely", "consistent, most likely"),
    "~T*S": ("covered, least likely", "inconsistent, least likely"),
    "~T*~S": ("uncovered, least likely", "consistent, least likely"),
}
KLEENE_MAX_CONDITIONS = 10


def _absorb(terms) -> list:
    """Drop duplicate terms and terms containing another term (a + a*b = a, fuzzy-valid)."""
    unique = sorted(set(terms), key=lambda t: (len(t), sorted(t)))
    kept: list = []
    for t in unique:
        if not any(k <= t for k in kept):
            kept.append(t)
    return kept


def _values(terms, names, grid) -> np.ndarray:
    col = {n: i for i, n in enumerate(names)}
    out = np.zeros(grid.shape[0])
    for t in terms:
        v = np.ones(grid.shape[0])
        for name, value in t:
            x = grid[:, col[name]]
            v = np.minimum(v, x if value else 1.0 - x)
        out = np.maximum(out, v)
    return out


def _drop_redundant(terms, names) -> list:
    """Drop terms whose removal leaves the fuzzy membership unchanged (checked on {0, .5, 1})."""
    if len(names) > KLEENE_MAX_CONDITIONS:
        return terms
    grid = np.array(list(product((0.0, 0.5, 1.0), repeat=len(names))))
    target = _values(terms, names, grid)
    kept = list(terms)
    for t in sorted(terms, key=lambda t: -len(t)):
        rest = [k for k in kept if k != t]
        if rest and np.array_equal(_values(rest, names, grid), target):
            kept = rest
    return kept


def simplify(terms, order=None) -> Expression:
    """Sum of products from an iterable of literal sets, simplified without changing membership.

    Literals are sorted by ``order`` (e.g. the data's columns; default alphabetical), present
    before negated; terms by length, then by their literals.
    """
    kept = _absorb(frozenset(t) for t in terms)
    names = sorted({n for t in kept for n, _ in t})
    kept = _drop_redundant(kept, names)
    rank = {n: i for i, n in enumerate(order or names)}

    def key(lit):
        return (rank.get(lit[0], len(rank)), lit[0], -lit[1])

    terms = [tuple(sorted(t, key=key)) for t in kept]
    return tuple(sorted(terms, key=lambda t: (len(t), [key(lit) for lit in t])))


def intersect(*expressions: Expression, order=None) -> Expression:
    """Product of sums of products, distributed back to a (simplified) sum of products."""
    terms = [frozenset()]
    for expr in expressions:
        terms = _absorb(t | frozenset(e) for t in terms for e in expr)
        if len(terms) > MAX_TERMS:
            raise QCAInputError(
                f"The expanded expression has more than {MAX_TERMS} terms; simplify the theory "
                "or the solution (fewer terms) before evaluating it.")
    return simplify(terms, order)


def without_contradictions(expression: Expression) -> Expression:
    """The terms of ``expression`` that hold no condition together with its negation.

    >>> negate(parse("A*B + ~A*B"))                    # ~B + A*~A in fuzzy sets
    ((('B', 0),), (('A', 1), ('A', 0)))
    >>> to_string(without_contradictions(negate(parse("A*B + ~A*B"))))
    '~B'
    """
    return tuple(t for t in expression
                 if not any((name, 1 - value) in t for name, value in t))


def negate(expression: Expression, order=None) -> Expression:
    """``~E`` in sum-of-products by De Morgan: ``~(A*B + C) = (~A + ~B)*~C = ~A*~C + ~B*~C``."""
    return intersect(*[tuple(((name, 1 - value),) for name, value in term)
                       for term in expression], order=order)


@dataclass
class TheoryEvaluation:
    """Result of :func:`theory_evaluation`: ``.table`` (four intersections) and ``.memberships``."""

    table: pd.DataFrame
    memberships: pd.DataFrame
    theory: str
    solution: str
    outcome_label: str
    notes: list = field(default_factory=list)

    @property
    def fit(self) -> pd.DataFrame:
        """Consistency, PRI and coverage (as subsets of the outcome) of T alone, S alone and
        the four intersections."""
        m = self.memberships
        y = m[self.outcome_label].to_numpy()
        rows = {}
        for key in ("T", "S", "T*S", "T*~S", "~T*S", "~T*~S"):
            x = m[key].to_numpy()
            empty = x.sum() == 0
            rows[key] = {"consistency": np.nan if empty else fit.consistency(x, y),
                         "PRI": _pri(x, y), "coverage": fit.coverage(x, y)}
        return pd.DataFrame.from_dict(rows, orient="index")

    def _title(self):
        return (f"Theory evaluation: T = {self.theory}, S = {self.solution}, "
                f"outcome {self.outcome_label}")

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table, self.notes)

    def __repr__(self):
        return _display.render_text(self._title(), self.table, self.notes)


def _solution_and_outcome(solution, outcome, negate_outcome, model):
    if isinstance(solution, str):
        if outcome is None:
            raise QCAInputError("Name the outcome column: theory_evaluation(data, theory, "
                                "solution, outcome) when the solution is an expression.")
        return parse(solution), outcome, negate_outcome
    models = getattr(solution, "models", None)
    tt = getattr(solution, "truth_table", None)
    if models is None or tt is None:
        raise QCAInputError("solution must be an expression such as 'A*B + C' or the result of "
                            f"qcakit.minimize, got {type(solution).__name__}.")
    if outcome is not None and outcome != tt.outcome:
        raise QCAInputError(f"The solution was found for outcome {tt.outcome!r}, not "
                            f"{outcome!r}; leave outcome out or minimize for {outcome!r}.")
    if not 0 <= model < len(models):
        raise QCAInputError(f"model must be 0 to {len(models) - 1} (the solution has "
                            f"{len(models)} model(s)), got {model!r}.")
    return models[model], tt.outcome, tt.negate_outcome


def theory_evaluation(data: pd.DataFrame, theory: str, solution, outcome: str | None = None,
                      *, negate_outcome: bool = False, model: int = 0) -> TheoryEvaluation:
    """Intersect theory ``T`` with solution ``S``: ``T*S, T*~S, ~T*S, ~T*~S``, cases and fit.

    Parameters
    ----------
    data : DataFrame of calibrated memberships (the theory may use columns the solution does not).
    theory : the theory as an expression, e.g. ``"A*B + ~C"``.
    solution : an expression string, or a :class:`~qcakit.solution.Solution` from
        :func:`qcakit.minimize` (then the outcome and its negation come from its truth table and
        ``model`` picks one of its equally minimal models).
    outcome : outcome column (needed when ``solution`` is a string).
    """
    data = _checks.as_frame(data)
    t_expr = parse(theory)
    s_expr, outcome, negate_outcome = _solution_and_outcome(solution, outcome, negate_outcome,
                                                            model)
    _checks.known_columns(data, names_in(t_expr), "condition in the theory")
    _checks.known_columns(data, names_in(s_expr), "condition in the solution")
    _checks.known_columns(data, [outcome], "outcome")
    y = _checks.membership_column(data, outcome)
    y = 1.0 - y if negate_outcome else y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    t, s = membership(data, t_expr).to_numpy(), membership(data, s_expr).to_numpy()
    parts = {"T*S": np.minimum(t, s), "T*~S": np.minimum(t, 1 - s),
             "~T*S": np.minimum(1 - t, s), "~T*~S": np.minimum(1 - t, 1 - s)}
    order = [str(c) for c in data.columns]
    t_neg, s_neg = negate(t_expr, order), negate(s_expr, order)
    labels = {"T*S": intersect(t_expr, s_expr, order=order),
              "T*~S": intersect(t_expr, s_neg, order=order),
              "~T*S": intersect(t_neg, s_expr, order=order),
              "~T*~S": intersect(t_neg, s_neg, order=order)}
    table, notes = _table(parts, labels, y, np.asarray(data.index.astype(str)))
    if (y == 0.5).any():
        notes.append("Cases with outcome membership exactly 0.5 are listed in neither column.")
    label = f"~{outcome}" if negate_outcome else outcome
    mem = pd.DataFrame({"T": t, "S": s, label: y, **parts}, index=data.index)
    return TheoryEvaluation(table, mem, to_string(t_expr), to_string(s_expr), label, notes)


def _table(parts, labels, y, names):
    rows, notes = {}, []
    for key, x in parts.items():
        in_y, out_y = (x > 0.5) & (y > 0.5), (x > 0.5) & (y < 0.5)
        empty = x.sum() == 0
        if empty:
            notes.append(f"{key} is empty (no membership in any case): its consistency is "
                         "undefined and shown blank.")
        kind = without_contradictions(labels[key])
        rows[key] = {
            "expression": to_string(kind) if kind else "(empty in kind)",
            "empty_in_kind": not kind,
            "cases_Y": ", ".join(names[in_y]),
            "cases_not_Y": ", ".join(names[out_y]),
            "n_Y": int(in_y.sum()),
            "n_not_Y": int(out_y.sum()),
            "reading_Y": READINGS[key][0],
            "reading_not_Y": READINGS[key][1],
            "consistency": np.nan if empty else fit.consistency(x, y),
            "PRI": _pri(x, y),
            "coverage": fit.coverage(x, y),
        }
    undefined = [key for key, row in rows.items() if np.isnan(row["PRI"])]
    if undefined:
        notes.append(f"PRI is undefined for {', '.join(undefined)} (its membership is at most "
                     "min(Y, ~Y) in every case): shown blank.")
    if any(len(without_contradictions(lab)) < len(lab) for lab in labels.values()):
        notes.append("Terms such as A*~A are left out of the expressions: no case can score "
                     "above 0.5 in them. Memberships and fit are computed exactly.")
    return pd.DataFrame.from_dict(rows, orient="index"), notes
