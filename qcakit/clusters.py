"""Cluster diagnostics: does a set relation hold in every group of cases, or only when pooled?

With clustered or panel data (countries x years, firms x industries) a pooled consistency can
hide groups where the relation fails. García-Castro & Ariño (2016) split the fit of an
expression X for an outcome Y into

- **pooled**: over all cases;
- **between** (per cluster, e.g. per year): over the cases of one cluster;
- **within** (per unit, e.g. per country, when a unit column is given): over one unit's cases
  across the clusters;

and summarise how unequal the between (within) consistencies are by the Euclidean distance of
their normalised profile from the even one: ``d = sqrt(sum_j (c_j / sum(c) - 1/J)^2)``, 0 when
every cluster has the same consistency. This is the definition of SetMethods' ``cluster``
(Oana, Schneider & Thomann 2021). Consistency and coverage are those of sufficiency by
default and of necessity with ``necessity=True`` (formulas in :mod:`qcakit.fit`); the distances
use the consistency, as in SetMethods (which for necessity uses the coverage of sufficiency, i.e.
the necessity consistency).

Deliberate differences from SetMethods: SetMethods adds 1e-10 to every numerator and
denominator, so a cluster where X is empty gets consistency 1; here it is left blank (NaN), said
in the notes, and the distance is computed over the clusters where it is defined. Scope: one
expression at a time (SetMethods loops over the terms of a solution; call this per term).

>>> import pandas as pd
>>> data = pd.DataFrame({"X": [0.8, 0.6, 0.9, 0.7], "Y": [0.9, 0.7, 0.3, 0.8],
...                      "year": [2000, 2000, 2010, 2010]})
>>> res = cluster_diagnostics(data, "X", "Y", "year")
>>> res.table[["level", "group", "consistency", "coverage"]].round(3)
     level group  consistency  coverage
0   pooled   all        0.800     0.889
1  between  2000        1.000     0.875
2  between  2010        0.625     0.909
>>> round(res.distances["between"], 3)
0.163
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import tr, tr_later
from .sets import membership


@dataclass
class ClusterDiagnostics:
    """Result of :func:`cluster_diagnostics`: ``.table`` (pooled, between, within rows) and
    ``.distances`` (between-pooled and, with units, within-pooled distance)."""

    table: pd.DataFrame
    distances: dict
    expression: str
    outcome_label: str
    relation: str
    notes: list = field(default_factory=list)

    def _title(self):
        return tr("Cluster diagnostics of {expression} for {outcome} ({relation})").format(
            expression=self.expression, outcome=self.outcome_label,
            relation=tr(RELATIONS[self.relation]))

    def _notes(self):
        d = [tr(DISTANCES[k]).format(value=f"{v:.3f}") for k, v in self.distances.items()]
        return [tr("; ").join(d)] + self.notes

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table, self._notes())

    def __repr__(self):
        return _display.render_text(self._title(), self.table, self._notes())


#: The relation a diagnosis is about, and the distances it reports, as shown.
RELATIONS = {"necessity": tr_later("necessity"), "sufficiency": tr_later("sufficiency")}
DISTANCES = {"between": tr_later("distance between-pooled: {value}"),
             "within": tr_later("distance within-pooled: {value}")}


def _fit(x, y, necessity: bool):
    """(consistency, coverage); consistency NaN where its denominator is 0."""
    if necessity:
        return fit.necessity_consistency(x, y), (
            np.nan if x.sum() == 0 else fit.necessity_coverage(x, y))
    cov = np.nan if y.sum() == 0 else fit.coverage(x, y)
    return (np.nan if x.sum() == 0 else fit.consistency(x, y)), cov


def distance(values) -> float:
    """Euclidean distance of the normalised consistencies from the even profile (1/J each)."""
    c = np.asarray([v for v in values if not np.isnan(v)], dtype=float)
    if len(c) < 2 or c.sum() == 0:
        return float("nan")
    return float(np.sqrt(((c / c.sum() - 1.0 / len(c)) ** 2).sum()))


def _groups(data, column: str, what: str) -> pd.Series:
    g = data[column]
    if g.isna().any():
        raise QCAInputError(
            tr("The {what} column {column} has missing values (cases {cases}); give every case "
               "its group.").format(what=_checks.noun(what), column=repr(column),
                                    cases=", ".join(map(repr, data.index[g.isna()][:5]))))
    if g.nunique() < 2:
        raise QCAInputError(
            tr("The {what} column {column} has only one group ({group}); cluster diagnostics "
               "compare groups, so it needs at least two.").format(
                what=_checks.noun(what), column=repr(column), group=g.iloc[0]))
    return g


def _rows(level, groups, x, y, necessity):
    rows = []
    for name, idx in groups.groupby(groups, sort=True).indices.items():
        rows.append((level, str(name), len(idx), *_fit(x[idx], y[idx], necessity)))
    return rows


@accepts(data=K.Frame(), expression=K.Expression("data", "outcome"), outcome=K.Column(),
         cluster=K.Column(what="cluster"), unit=K.Column(what="unit", optional=True),
         necessity=K.Switch(), negate_outcome=K.Switch())
def cluster_diagnostics(data: pd.DataFrame, expression: str, outcome: str, cluster: str,
                        unit: str | None = None, *, necessity: bool = False,
                        negate_outcome: bool = False) -> ClusterDiagnostics:
    """Pooled, between-cluster (and within-unit) consistency and coverage of ``expression``.

    Parameters
    ----------
    data : DataFrame of memberships plus the grouping column(s), one row per case.
    expression : a condition or expression such as ``"A*~B + C"``.
    outcome : outcome column; ``negate_outcome=True`` uses ``~outcome``.
    cluster : column naming each case's cluster (e.g. the year), at least two groups.
    unit : optional column naming each case's unit (e.g. the country) for within diagnostics.
    necessity : fit of necessity (Y subset of X) instead of sufficiency.
    """
    y = _checks.membership_column(data, outcome)
    y = 1.0 - y if negate_outcome else y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    x = membership(data, expression).to_numpy()
    if x.sum() == 0:
        raise QCAInputError(tr("No case has any membership in {expression}; there is nothing "
                               "to diagnose.").format(expression=repr(expression)))
    rows = [("pooled", "all", len(x), *_fit(x, y, necessity))]
    rows += _rows("between", _groups(data, cluster, "cluster"), x, y, necessity)
    if unit is not None:
        rows += _rows("within", _groups(data, unit, "unit"), x, y, necessity)
    table = pd.DataFrame(rows, columns=["level", "group", "n_cases", "consistency", "coverage"])
    distances = {level: distance(table.loc[table["level"] == level, "consistency"])
                 for level in ("between", "within") if (table["level"] == level).any()}
    blank = table.loc[table["consistency"].isna(), "group"].tolist()
    notes = [tr("Consistency undefined (no membership in the denominator) for: {groups}; left "
                "blank and left out of the distance.").format(groups=", ".join(blank))] \
        if blank else []
    label = f"~{outcome}" if negate_outcome else outcome
    relation = "necessity" if necessity else "sufficiency"
    return ClusterDiagnostics(table, distances, str(expression), label, relation, notes)
