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

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError, QCAWarning
from .i18n import tr
from .sets import Expression, membership, names_in, parse, resolve_one, to_string


def _pri(x, y) -> float:
    """PRI, NaN where undefined (X <= min(Y, ~Y) in every case, e.g. a set empty in kind);
    the table's notes say so, so no warning is raised for it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        return fit.pri(x, y, undefined="nan")


#: The most terms a label's sum of products may reach while it is expanded; a longer one is
#: shown unexpanded (the memberships and fit never need the expansion).
MAX_TERMS = 20000
# Schneider & Wagemann (2012, ch. 11.3) names of the eight cells (cases with Y > 0.5 / Y < 0.5).
READINGS = {
    "T*S": ("covered, most likely", "inconsistent, most likely"),
    "T*~S": ("uncovered, most likely", "consistent, most likely"),
    "~T*S": ("covered, least likely", "inconsistent, least likely"),
    "~T*~S": ("uncovered, least likely", "consistent, least likely"),
}
KLEENE_MAX_CONDITIONS = 10
#: The most (terms x grid points) the fuzzy redundancy check compares; beyond, a label keeps
#: its absorbed terms (an equivalent sum of products, maybe not the shortest).
KLEENE_BUDGET = 20_000_000


def _absorb(terms) -> list:
    """Drop duplicate terms and terms containing another term (a + a*b = a, fuzzy-valid).

    Terms are bit masks of their literals, so "k is inside t" is ``k & ~t == 0``, tested
    against all kept terms at once.
    """
    unique = sorted(set(terms), key=lambda t: (len(t), sorted(t)))
    literals = {lit: i for i, lit in enumerate(sorted({lit for t in unique for lit in t}))}
    if len(literals) > 64:  # more literals than bits: compare the sets themselves
        kept: list = []
        for t in unique:
            if not any(k <= t for k in kept):
                kept.append(t)
        return kept
    masks = np.array([sum(1 << literals[lit] for lit in t) for t in unique], dtype=np.uint64)
    kept_masks = np.empty(len(unique), dtype=np.uint64)
    kept, n = [], 0
    for t, mask in zip(unique, masks):
        if not np.any(kept_masks[:n] & ~mask == 0):
            kept.append(t)
            kept_masks[n] = mask
            n += 1
    return kept


def _kleene_grid(k: int) -> np.ndarray:
    """Every assignment of 0, 0.5, 1 to k conditions, coded 0, 1, 2 (int8): conditions x points
    (negation is 2 - x, min and max are unchanged)."""
    return np.indices((3,) * k, dtype=np.int8).reshape(k, -1)


def _drop_redundant(terms, names) -> list:
    """Drop terms whose removal leaves the fuzzy membership unchanged (checked on {0, .5, 1}).

    Terms are tried longest first. A term can go when, at every grid point where it reaches
    the union's value, another kept term reaches it too; one pass over the terms with a count
    per grid point (no union recomputed per term). Skipped (the terms kept as they are, an
    equivalent sum of products) beyond :data:`KLEENE_BUDGET` terms x grid points.
    """
    if len(names) > KLEENE_MAX_CONDITIONS or len(terms) < 2 or \
            len(terms) * 3 ** len(names) > KLEENE_BUDGET:
        return list(terms)
    grid = _kleene_grid(len(names))
    literal = {(n, 1): grid[i] for i, n in enumerate(names)}
    literal.update({(n, 0): 2 - grid[i] for i, n in enumerate(names)})
    order = sorted(terms, key=lambda t: -len(t))
    values = np.full((len(order), grid.shape[1]), 2, dtype=np.int8)
    for i, term in enumerate(order):
        for lit in term:
            np.minimum(values[i], literal[lit], out=values[i])
    reaches = values == values.max(axis=0)
    count = reaches.sum(axis=0)
    kept = set(range(len(order)))
    for i, hits in enumerate(reaches):
        if len(kept) > 1 and np.all(count[hits] >= 2):
            kept.discard(i)
            count -= hits
    return [t for i, t in enumerate(order) if i in kept]


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
    """Product of sums of products, distributed back to a (simplified) sum of products.

    Each step multiplies the terms so far by the next expression's terms; a step that could
    pass :data:`MAX_TERMS` is refused before it is taken.
    """
    terms = [frozenset()]
    for expr in expressions:
        if len(terms) * len(expr) > MAX_TERMS:
            raise QCAInputError(
                tr("Expanding this product into a sum of products takes {left} x {right} terms, "
                   "more than {most}; simplify the theory or the solution (fewer terms) before "
                   "expanding it.").format(left=len(terms), right=len(expr), most=MAX_TERMS))
        terms = _absorb(t | frozenset(e) for t in terms for e in expr)
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
        return tr("Theory evaluation: T = {theory}, S = {solution}, outcome {outcome}").format(
            theory=self.theory, solution=self.solution, outcome=self.outcome_label)

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table, self.notes)

    def __repr__(self):
        return _display.render_text(self._title(), self.table, self.notes)


def _solution_and_outcome(solution, outcome, negate_outcome, model):
    if not hasattr(solution, "models"):
        if outcome is None:
            raise QCAInputError(tr("Name the outcome column: theory_evaluation(data, theory, "
                                   "solution, outcome) when the solution is an expression."))
        return parse(solution), outcome, negate_outcome
    models, tt = solution.models, solution.truth_table
    if negate_outcome and not tt.negate_outcome:
        raise QCAInputError(tr("The solution was found for {outcome}, so negate_outcome=True "
                               "cannot apply: minimize the truth table of the negated outcome "
                               "instead, or leave negate_outcome out.").format(
            outcome=tt.outcome_label))
    if outcome is not None and outcome != tt.outcome:
        raise QCAInputError(tr("The solution was found for outcome {found}, not {outcome}; "
                               "leave outcome out or minimize for {outcome}.").format(
            found=repr(tt.outcome), outcome=repr(outcome)))
    return tuple(models[model]), tt.outcome, tt.negate_outcome


@accepts(data=K.Frame(), theory=K.Expression("data", what="condition in the theory"),
         solution=K.Expression("data", solutions=True, what="condition in the solution"),
         outcome=K.Column(optional=True),
         negate_outcome=K.Switch(), model=K.Model("solution"))
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
    t_expr = resolve_one(parse(theory), data.columns)
    s_expr, outcome, negate_outcome = _solution_and_outcome(solution, outcome, negate_outcome,
                                                            model)
    s_expr = resolve_one(s_expr, data.columns)
    _checks.known_columns(data, names_in(s_expr), "condition in the solution")
    _checks.known_columns(data, [outcome], "outcome")
    y = _checks.membership_column(data, outcome)
    y = 1.0 - y if negate_outcome else y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    t, s = membership(data, t_expr).to_numpy(), membership(data, s_expr).to_numpy()
    parts = {"T*S": np.minimum(t, s), "T*~S": np.minimum(t, 1 - s),
             "~T*S": np.minimum(1 - t, s), "~T*~S": np.minimum(1 - t, 1 - s)}
    labels, notes = _labels(t_expr, s_expr, [str(c) for c in data.columns])
    table, empty = _table(parts, labels, y, _checks.case_labels(data.index))
    notes += empty
    if (y == 0.5).any():
        notes.append(tr("Cases with outcome membership exactly 0.5 are listed in neither "
                        "column."))
    label = f"~{outcome}" if negate_outcome else outcome
    mem = pd.DataFrame({"T": t, "S": s, label: y, **parts}, index=data.index)
    return TheoryEvaluation(table, mem, to_string(t_expr), to_string(s_expr), label, notes)


def _labels(t_expr, s_expr, order) -> tuple[dict, list]:
    """Sum-of-products labels of the four intersections; one whose expansion would pass
    :data:`MAX_TERMS` is written unexpanded, e.g. ``(A*B + C)*~(D + E)``, and noted."""
    t_text, s_text = f"({to_string(t_expr)})", f"({to_string(s_expr)})"
    plain = {"T*S": f"{t_text}*{s_text}", "T*~S": f"{t_text}*~{s_text}",
             "~T*S": f"~{t_text}*{s_text}", "~T*~S": f"~{t_text}*~{s_text}"}
    try:
        t_neg, s_neg = negate(t_expr, order), negate(s_expr, order)
        return {"T*S": intersect(t_expr, s_expr, order=order),
                "T*~S": intersect(t_expr, s_neg, order=order),
                "~T*S": intersect(t_neg, s_expr, order=order),
                "~T*~S": intersect(t_neg, s_neg, order=order)}, []
    except QCAInputError:
        return plain, [tr("The intersections are written unexpanded: their sums of products "
                          "would have more than {most} terms. Cases and fit are exact.").format(
            most=MAX_TERMS)]


def _table(parts, labels, y, names):
    rows, notes = {}, []
    for key, x in parts.items():
        in_y, out_y = (x > 0.5) & (y > 0.5), (x > 0.5) & (y < 0.5)
        empty = x.sum() == 0
        if empty:
            notes.append(tr("{key} is empty (no membership in any case): its consistency is "
                            "undefined and shown blank.").format(key=key))
        label = labels[key]
        unexpanded = isinstance(label, str)
        kind = None if unexpanded else without_contradictions(label)
        rows[key] = {
            "expression": (label if unexpanded else to_string(kind) if kind
                           else "(empty in kind)"),
            # an unexpanded label is not searched for contradictions: unknown (None)
            "empty_in_kind": None if unexpanded else not kind,
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
        notes.append(tr("PRI is undefined for {keys} (its membership is at most min(Y, ~Y) in "
                        "every case): shown blank.").format(keys=", ".join(undefined)))
    if any(not isinstance(lab, str) and len(without_contradictions(lab)) < len(lab)
           for lab in labels.values()):
        notes.append(tr("Terms such as A*~A are left out of the expressions: no case can "
                        "score above 0.5 in them. Memberships and fit are computed exactly."))
    return pd.DataFrame.from_dict(rows, orient="index"), notes
