"""Case types and case selection after a sufficiency analysis (Schneider & Rohlfing 2013).

For every term of a solution and for the solution as a whole, each case falls in one zone of
the XY plot of its membership X in the term (or solution) against its membership Y in the
outcome (Schneider & Rohlfing 2013; Schneider & Wagemann 2012, ch. 11):

==============================  ==============================================================
type                            zone
==============================  ==============================================================
typical                         X > 0.5, Y > 0.5, X <= Y
deviant consistency in degree   X > 0.5, Y > 0.5, X > Y (in the outcome, above its degree)
deviant consistency in kind     X > 0.5, Y < 0.5
deviant coverage                X < 0.5, Y > 0.5, and (for a term) also solution < 0.5
irrelevant                      term only: X < 0.5, Y > 0.5 but the solution > 0.5 (the case
                                is explained by another term, so says nothing about this one)
individually irrelevant         X < 0.5, Y < 0.5
on the crossover                X = 0.5 or Y = 0.5 (neither in nor out; no zone)
==============================  ==============================================================

Choices, and how they differ from SetMethods (``cases.suf.typ``, ``cases.suf.dcn``,
``cases.suf.dcv``, ``cases.suf.iir``): the zones are the same; SetMethods lists deviant
coverage and individually irrelevant cases for the solution only, where we also label them per
term (with "irrelevant" for outcome cases another term covers), so every case gets exactly one
type per column. Rankings ("most" typical / deviant; smaller score = better):

- most typical: ``2 (Y - X) + (1 - X)``, as SetMethods ``cases.suf.typ``: close to the
  diagonal and deep in the term;
- most deviant consistency in kind: ``1 - (X - Y) + (1 - X)``, as SetMethods
  ``cases.suf.dcn``: far below the diagonal and deep in the term;
- most deviant coverage: ``1 - (Y - X) + (1 - Y)``: deep in the outcome, far from the
  solution. (SetMethods ranks these by membership in their truth-table row instead.)

On Ragin's Lipset data the typical cases, their scores and the most typical case of each term,
the deviant coverage and the individually irrelevant cases agree with SetMethods 4.0
(``tests/test_cases.py``).

Pairs for comparison (Schneider & Rohlfing 2013, most-similar designs) are chosen by the
smallest Manhattan distance between the two cases' memberships in the conditions:
typical vs deviant consistency in kind (find what is missing from the term), typical vs
individually irrelevant (check the term's mechanism), and deviant coverage vs typical.

>>> import pandas as pd
>>> d = pd.DataFrame({"A": [0.8, 0.9, 0.7, 0.2, 0.1], "Y": [0.9, 0.6, 0.2, 0.8, 0.3]},
...                  index=["a", "b", "c", "d", "e"])
>>> case_types(d, "A", "Y").types["solution"].tolist()  # doctest: +NORMALIZE_WHITESPACE
['typical', 'deviant consistency in degree', 'deviant consistency in kind',
 'deviant coverage', 'individually irrelevant']
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _checks, _display
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .fonts import draws
from .i18n import tr, tr_later
from .plot import PALETTE, _cases_to_label, label_points, mark_multiples, unit_square
from .sets import names_in, parse, resolve_one, term_membership, term_to_string

# the types are keys of the tables (English); displays and figures translate them
TYPICAL = tr_later("typical")
DEV_DEGREE = tr_later("deviant consistency in degree")
DEV_KIND = tr_later("deviant consistency in kind")
DEV_COVERAGE = tr_later("deviant coverage")
IRRELEVANT = tr_later("irrelevant")
INDIV_IRRELEVANT = tr_later("individually irrelevant")
CROSSOVER = tr_later("on the crossover")
TYPES = (TYPICAL, DEV_DEGREE, DEV_KIND, DEV_COVERAGE, IRRELEVANT, INDIV_IRRELEVANT, CROSSOVER)
#: Colour of each type in :meth:`CaseTypes.plot` (Okabe & Ito's colour-blind-safe palette).
TYPE_COLOURS = {TYPICAL: PALETTE["green"], DEV_DEGREE: PALETTE["sky"],
                DEV_KIND: PALETTE["vermillion"], DEV_COVERAGE: PALETTE["orange"],
                IRRELEVANT: PALETTE["grey"], INDIV_IRRELEVANT: PALETTE["blue"],
                CROSSOVER: PALETTE["black"]}
#: Marker of each type: the types read without colour too.
TYPE_MARKERS = {TYPICAL: "o", DEV_DEGREE: "D", DEV_KIND: "X", DEV_COVERAGE: "^",
                IRRELEVANT: "v", INDIV_IRRELEVANT: "s", CROSSOVER: "P"}
SOLUTION = "solution"


def classify(x, y, solution=None) -> np.ndarray:
    """The case type of every case from memberships ``x`` (term or solution) and ``y`` (outcome).

    ``solution`` (the solution's memberships) separates, for a term, deviant coverage
    (outside the whole solution) from irrelevant (covered by another term); leave it out for
    the solution itself.

    >>> classify([0.8, 0.3, 0.3], [0.9, 0.7, 0.7], solution=[0.8, 0.6, 0.4]).tolist()
    ['typical', 'irrelevant', 'deviant coverage']
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    s = x if solution is None else np.asarray(solution, dtype=float)
    return np.select(
        [(x == 0.5) | (y == 0.5),
         (x > 0.5) & (y > 0.5) & (x <= y), (x > 0.5) & (y > 0.5), (x > 0.5) & (y < 0.5),
         (y > 0.5) & (s < 0.5), (y > 0.5), (y < 0.5)],
        [CROSSOVER, TYPICAL, DEV_DEGREE, DEV_KIND, DEV_COVERAGE, IRRELEVANT, INDIV_IRRELEVANT],
        default=CROSSOVER,
    )


def _inputs(data, expression, outcome, negate_outcome, model=0, conditions=None):
    """(conditions frame, expression, y, outcome label) from a Solution or data + expression.

    The conditions frame holds the sets on which most-similar pairs are compared: ``conditions``
    if given, else a solution's truth-table conditions, else every column of ``data`` but the
    outcome that holds memberships (numbers in [0, 1]; raw scores and ids are left out), which
    for data holding the analysis' sets are the same conditions.
    """
    if hasattr(expression, "truth_table") and hasattr(expression, "models"):
        tt, models = expression.truth_table, expression.models
        if negate_outcome and not tt.negate_outcome:
            raise QCAInputError(
                tr("The solution was found for {outcome}, so negate_outcome=True cannot apply: "
                   "minimize the truth table of the negated outcome instead, or leave "
                   "negate_outcome out.").format(outcome=tt.outcome_label))
        if model >= len(models):  # a count already (spec); the range needs the solution
            raise QCAInputError(tr("model must be 0 to {last} (the solution has {n} "
                                   "model(s)), got {value}.").format(
                last=len(models) - 1, n=len(models), value=repr(model)))
        names = list(tt.conditions) if conditions is None else list(conditions)
        _checks.known_columns(tt.data, names, "condition")
        missing = [n for n in names_in(models[model]) if n not in names]
        if missing:
            raise QCAInputError(tr("conditions must include the model's conditions; add "
                                   "{names}.").format(names=", ".join(map(repr, missing))))
        cond = pd.DataFrame({n: _checks.membership_column(tt.data, n) for n in names},
                            index=tt.data.index)
        return cond, tuple(models[model]), tt.y, tt.outcome_label
    if data is None or outcome is None:
        raise QCAInputError(
            tr("case_types() needs the data and the outcome with an expression: "
               "case_types(data, 'A*B + C', 'Y'), or a solution: case_types(solution=sol)."))
    expr = resolve_one(parse(expression), data.columns)
    names = names_in(expr)
    y = _checks.membership_column(data, outcome)
    if negate_outcome:
        y = 1.0 - y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    label = f"~{outcome}" if negate_outcome else outcome
    if conditions is None:  # every membership column but the outcome (raw scores, ids: not)
        conditions = [c for c in data.columns if c != outcome and (
            pd.api.types.is_numeric_dtype(data[c]) or pd.api.types.is_bool_dtype(data[c]))
            and data[c].notna().all() and data[c].between(0, 1).all()]
        conditions += [n for n in names if n not in conditions]  # checked below
    conditions = _checks.known_columns(data, list(conditions), "condition")
    missing = [n for n in names if n not in conditions]
    if missing:
        raise QCAInputError(tr("conditions must include the expression's conditions; add "
                               "{names}.").format(names=", ".join(map(repr, missing))))
    cond = pd.DataFrame({n: _checks.membership_column(data, n) for n in conditions},
                        index=data.index)
    return cond, expr, y, label


@accepts(data=K.Frame(optional=True),
         expression=K.Expression("data", "outcome", optional=True, solutions=True),
         outcome=K.Column(optional=True), negate_outcome=K.Switch(),
         solution=K.SolutionArg(optional=True), model=K.Count(0),
         conditions=K.Columns("data", optional=True, notation=False))
def case_types(data=None, expression=None, outcome: str | None = None, *,
               negate_outcome: bool = False, solution=None, model: int = 0,
               conditions=None) -> CaseTypes:
    """Label every case per term and for the solution (see the module docstring for the types).

    Give ``data`` (memberships), an ``expression`` such as ``"A*~B + C"`` and the ``outcome``;
    or a :class:`~qcakit.solution.Solution` as ``solution=``, with ``model`` picking one of its
    equally minimal models (0 = the first, in R QCA's order, as SetMethods' ``sol = 1``).
    ``conditions``: the sets on which :meth:`CaseTypes.pairs` measures similarity (default:
    the truth table's conditions for a solution, every membership column but the outcome for
    data), so a solution and its expression on the same data give the same pairs.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> conds = ["DEV", "URB", "LIT", "IND", "STB"]
    >>> sol = qcakit.minimize(qcakit.truth_table(lipset, "SURV", conds), "parsimonious")
    >>> a = case_types(solution=sol)
    >>> b = case_types(lipset[conds + ["SURV"]], sol.expression, "SURV")
    >>> a.pairs()["distance"].equals(b.pairs()["distance"])
    True
    """
    cond, expr, y, label = _inputs(data, solution if solution is not None else expression,
                                   outcome, negate_outcome, model, conditions)
    values = {c: cond[c].to_numpy(dtype=float) for c in cond.columns}
    n = len(cond)
    terms = [term_to_string(t) for t in expr]
    member = pd.DataFrame({name: term_membership(values, t, n) for name, t in zip(terms, expr)},
                          index=cond.index)
    member[SOLUTION] = member.max(axis=1)
    sol = member[SOLUTION].to_numpy()
    types = pd.DataFrame({c: classify(member[c], y, None if c == SOLUTION else sol)
                          for c in member.columns}, index=cond.index)
    return CaseTypes(member, pd.Series(y, index=cond.index, name=label), types, cond,
                     " + ".join(terms))


def _score(kind: str, x, y):
    if kind == TYPICAL:
        return 2 * (y - x) + (1 - x)
    if kind == DEV_KIND:
        return 1 - (x - y) + (1 - x)
    return 1 - (y - x) + (1 - y)


@dataclass
class CaseTypes:
    """Result of :func:`case_types`: memberships, the type table and case selection helpers.

    ``memberships``: cases x (terms + "solution"); ``outcome``: the outcome memberships;
    ``types``: the type of every case per column; ``conditions``: condition memberships
    (used to find most-similar pairs).
    """

    memberships: pd.DataFrame
    outcome: pd.Series
    types: pd.DataFrame
    conditions: pd.DataFrame
    expression: str

    def counts(self) -> pd.DataFrame:
        """How many cases of each type per term and for the solution."""
        return _display.Table(pd.DataFrame(
            {c: self.types[c].value_counts() for c in self.types.columns},
            index=list(TYPES)).fillna(0).astype(int))

    @accepts(kind=K.OneOf(TYPICAL, DEV_KIND, DEV_COVERAGE))
    def ranked(self, kind: str = TYPICAL) -> pd.DataFrame:
        """Cases of ``kind`` per column, best first (smallest score; see module docstring)."""
        rows = []
        y = self.outcome.to_numpy()
        for col in self.types.columns:
            x = self.memberships[col].to_numpy()
            sel = (self.types[col] == kind).to_numpy()
            score = _score(kind, x, y)
            for i in np.flatnonzero(sel):
                rows.append({"term": col, "case": self.types.index[i], "X": x[i], "Y": y[i],
                             "score": score[i]})
        out = pd.DataFrame(rows, columns=["term", "case", "X", "Y", "score"])
        return _display.Table(out.sort_values(["term", "score"], kind="stable")
                              .reset_index(drop=True))

    @accepts(kind=K.OneOf(TYPICAL, DEV_KIND, DEV_COVERAGE))
    def most(self, kind: str = TYPICAL) -> pd.DataFrame:
        """The best case of ``kind`` for every term that has one (ties: all of them)."""
        r = self.ranked(kind)
        if r.empty:
            return r
        best = r.groupby("term")["score"].transform("min")
        return _display.Table(r[np.isclose(r["score"], best)].reset_index(drop=True))

    def pairs(self) -> pd.DataFrame:
        """Most-similar pairs for comparison, per term (smallest distance on the conditions)."""
        designs = [(TYPICAL, DEV_KIND, tr("find the condition missing from the term")),
                   (TYPICAL, INDIV_IRRELEVANT, tr("test the term's mechanism")),
                   (DEV_COVERAGE, TYPICAL, tr("find a missing path to the outcome"))]
        cond = self.conditions.to_numpy()
        rows = []
        for col in self.types.columns:
            t = self.types[col].to_numpy()
            for a, b, aim in designs:
                first = np.flatnonzero(t == a)
                # deviant coverage is a solution-level idea: compare with typical cases of any term
                second = np.flatnonzero(
                    (self.types.drop(columns=SOLUTION) == b).any(axis=1).to_numpy()
                    if a == DEV_COVERAGE else t == b)
                if a == DEV_COVERAGE and col != SOLUTION or not first.size or not second.size:
                    continue
                dist = np.abs(cond[first][:, None, :] - cond[second][None, :, :]).sum(axis=2)
                i, j = np.unravel_index(np.argmin(dist), dist.shape)
                rows.append({"term": col, "comparison": f"{a} vs {b}",
                             "case_1": self.types.index[first[i]],
                             "case_2": self.types.index[second[j]],
                             "distance": float(dist[i, j]), "aim": aim})
        return _display.Table(rows, columns=["term", "comparison", "case_1", "case_2",
                                             "distance", "aim"])

    @accepts(term=K.OneOf(K.term_choices, what="term"), ax=K.Axes(), label_cases=K.CaseSelection(),
             max_label=K.Count(1), name=K.Text(optional=True))
    @draws
    def plot(self, term: str = SOLUTION, *, ax=None, label_cases: bool = True,
             max_label: int = 18, name: str | None = None):
        """XY plot of ``term`` (or the solution) against the outcome, one marker shape and
        colour per case type (:data:`TYPE_MARKERS`, :data:`TYPE_COLOURS`).

        ``name`` labels the term on the axis and in the title (e.g. a paper's "S1"); without it
        the term itself is shown, shortened to ``max_label`` characters. ``label_cases``: True
        (every case), False, or a list of the cases to name; labels do not overlap
        (:func:`qcakit.plot.label_points`)."""
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(5.5, 4.2))
        x, y, kinds = self.memberships[term], self.outcome, self.types[term]
        named = _cases_to_label(x.index, label_cases)
        for kind in TYPES:
            sel = (kinds == kind).to_numpy()
            if sel.any():
                ax.scatter(x[sel], y[sel], color=TYPE_COLOURS[kind], marker=TYPE_MARKERS[kind],
                           label=tr(kind), s=34, zorder=3, edgecolors="white",
                           linewidths=0.4)
        unit_square(ax)
        shown = name or abbreviate(_display.label(term), max_label)
        ax.set_xlabel(shown)
        ax.set_ylabel(abbreviate(str(self.outcome.name), max_label))
        ax.set_title(tr("Case types: {term}").format(
            term=name or abbreviate(_display.label(term), 2 * max_label)), fontsize=10)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
        mark_multiples(ax, x, y, skip=named)
        if named.any():
            label_points(ax, x[named], y[named], x.index[named])
        return ax

    @accepts(ncols=K.Count(1), label_cases=K.CaseSelection(), max_label=K.Count(1),
             names=K.NameMap())
    @draws
    def plot_all(self, *, ncols: int = 3, label_cases: bool = True, max_label: int = 18,
                 names: dict | None = None):
        """One XY panel per term and one for the solution, with one legend; returns the Figure.

        Panels are 3 inches wide (three to a row fit a notebook page). ``names`` maps terms to
        short names for the panels (e.g. ``{"A*B": "S1"}``).
        """
        names = names or {}
        import matplotlib.pyplot as plt

        cols = list(self.memberships.columns)
        ncols = max(1, min(ncols, len(cols)))
        nrows = -(-len(cols) // ncols)
        fig, axes = plt.subplots(nrows, ncols, figsize=(3.0 * ncols, 3.0 * nrows + 0.6),
                                 squeeze=False)
        for ax, col in zip(axes.flat, cols):
            self.plot(col, ax=ax, label_cases=False, max_label=max_label,
                      name=names.get(col))
            ax.get_legend().remove()
            ax.set_title(names.get(col) or abbreviate(_display.label(col), 2 * max_label),
                         fontsize=9)
        for ax in list(axes.flat)[len(cols):]:
            ax.set_visible(False)
        kinds = [k for k in TYPES if (self.types == k).any().any()]
        handles = [plt.Line2D([], [], marker=TYPE_MARKERS[k], ls="", color=TYPE_COLOURS[k])
                   for k in kinds]
        fig.legend(handles, [tr(k) for k in kinds], loc="lower center",
                   ncol=min(4, len(kinds)), fontsize=7, frameon=False)
        fig.subplots_adjust(bottom=0.6 / (3.0 * nrows + 0.6) + 0.08, wspace=0.35, hspace=0.35)
        named = _cases_to_label(self.memberships.index, label_cases)
        if named.any():  # after the layout, so that labels are placed on the final panels
            for ax, col in zip(axes.flat, cols):
                x = self.memberships[col]
                label_points(ax, x[named], self.outcome[named], x.index[named], fontsize=6)
        return fig

    def _title(self):
        return tr("Case types for {outcome}: {expression}").format(outcome=self.outcome.name,
                                                                    expression=self.expression)

    def _repr_html_(self):
        return _display.render_html(self._title(), self.types)

    def __repr__(self):
        return _display.render_text(self._title(), self.types)


def abbreviate(label: str, width: int = 18) -> str:
    """Shorten a long axis label: keep the start, end with an ellipsis.

    >>> abbreviate("SCALE*ORG*MGMT*~INFO*SHARE", 12)
    'SCALE*ORG*M…'
    """
    return label if len(label) <= width else label[:width - 1] + "…"
