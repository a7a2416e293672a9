"""Configuration charts (Ragin & Fiss 2008; Fiss 2011): the table both seed papers print.

Each column is a configuration (a term of the intermediate solution); each row a condition:

- core condition: in the intermediate term *and* in the parsimonious term that contains it
  (the parsimonious solution's evidence is strongest); peripheral: only in the intermediate term;
- present or absent; blank: the condition may be present or absent ("don't care").

Intermediate terms that share the same parsimonious (core) term are numbered as neutral
permutations of one configuration (``1a``, ``1b``, ...). The parsimonious term is taken from the
pairing the intermediate solution was built from; when a term sits inside several parsimonious
terms, its core is the union of their literals (noted under the chart).

In ``.table`` cells read ``"core present"``, ``"peripheral present"``, ``"core absent"``,
``"peripheral absent"`` or ``""``; the HTML shows the usual symbols: large ● core present,
small ● peripheral present, large ⊗ core absent, small ⊗ peripheral absent.

>>> import pandas as pd
>>> from qcakit import truth_table, minimize
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1, 0.7], "B": [0.7, 0.3, 0.9, 0.2, 0.8],
...                      "C": [0.8, 0.9, 0.1, 0.3, 0.2], "Y": [0.9, 0.8, 0.2, 0.1, 0.3]})
>>> tt = truth_table(data, "Y", ["A", "B", "C"])
>>> chart = configuration_chart(minimize(tt, "intermediate", {"A": 1, "B": 1, "C": 1}),
...                             minimize(tt, "parsimonious"))
>>> chart.table["1"].to_dict()
{'A': 'peripheral present', 'B': '', 'C': 'core present'}
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from . import _display
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .fonts import draws
from .i18n import tr, tr_later
from .sets import parse, term_to_string

TEXT_SYMBOLS = {"core present": "●", "peripheral present": "(●)", "core absent": "⊗",
                "peripheral absent": "(⊗)", "": ""}
_HTML_SYMBOLS = {
    "core present": "<span style='font-size:150%'>●</span>",
    "peripheral present": "<span style='font-size:85%'>●</span>",
    "core absent": "<span style='font-size:150%'>⊗</span>",
    "peripheral absent": "<span style='font-size:85%'>⊗</span>",
    "": "",
}
#: The fit rows under the chart: (label, column of ``.fit``).
FIT_ROWS = ((tr_later("Consistency"), "consistency"), (tr_later("Raw coverage"), "raw_coverage"),
            (tr_later("Unique coverage"), "unique_coverage"))
LEGEND = tr_later("Large ● core condition present; small ● peripheral condition present; "
                  "large ⊗ core condition absent; small ⊗ peripheral condition absent; "
                  "blank: present or absent.")


@dataclass
class ConfigurationChart:
    """Result of :func:`configuration_chart`: ``.table`` (conditions x configurations, codes),
    ``.fit`` (configurations x fit parameters), solution consistency and coverage."""

    table: pd.DataFrame
    fit: pd.DataFrame
    solution_consistency: float
    solution_coverage: float
    terms: dict
    notes: list = field(default_factory=list)

    def symbols(self) -> pd.DataFrame:
        """The chart with text symbols: ● core present, (●) peripheral present, ⊗, (⊗)."""
        return self.table.replace(TEXT_SYMBOLS)

    @accepts(ax=K.Axes())
    @draws
    def plot(self, ax=None):
        """The chart as a matplotlib figure in the published notation (large / small filled
        circles for core / peripheral presence, large / small crossed circles for absence), with
        the fit of each configuration underneath. Returns the Axes."""
        import matplotlib.pyplot as plt  # only when drawn

        cols, conds = list(self.table.columns), list(self.table.index)
        fit_rows = [(tr(label), key) for label, key in FIT_ROWS]
        n_rows = len(conds) + len(fit_rows) + 2
        if ax is None:
            _, ax = plt.subplots(figsize=(1.6 + 1.1 * len(cols), 0.42 * n_rows + 0.6))
        for j, col in enumerate(cols):
            for i, cond in enumerate(conds):
                code = self.table.loc[cond, col]
                if code:
                    size = 240 if code.startswith("core") else 70
                    marker = "o" if code.endswith("present") else r"$\otimes$"
                    ax.scatter(j, i, s=size * (1 if marker == "o" else 1.6), marker=marker,
                               color="black", linewidths=0)
            for k, (_, key) in enumerate(fit_rows):
                ax.text(j, len(conds) + k, f"{float(self.fit.loc[col, key]):.3f}",
                        ha="center", va="center", fontsize=9)
        solution = tr("solution consistency {consistency}, coverage {coverage}").format(
            consistency=f"{self.solution_consistency:.3f}",
            coverage=f"{self.solution_coverage:.3f}")
        ax.text((len(cols) - 1) / 2, len(conds) + len(fit_rows) + 0.4, solution,
                ha="center", va="center", fontsize=9)
        ax.set_xticks(range(len(cols)), [str(c) for c in cols])
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(conds) + len(fit_rows)),
                      [str(c) for c in conds] + [label for label, _ in fit_rows])
        ax.set_xlim(-0.6, len(cols) - 0.4)
        ax.set_ylim(n_rows - 1.2, -0.7)
        ax.axhline(len(conds) - 0.5, color="grey", lw=0.6)
        for side in ("left", "right", "bottom", "top"):
            ax.spines[side].set_visible(False)
        ax.tick_params(length=0)
        ax.set_title(tr("Configuration chart"), loc="left", fontsize=10, pad=22)
        return ax

    @accepts(names=K.NameMap(optional=False))
    def renamed(self, names: Mapping[str, str]) -> ConfigurationChart:
        """A copy whose configurations carry published names.

        ``names`` maps a name (e.g. ``"S1"``) to its term (``"SCALE*ORG*MGMT"``; literal
        order does not matter). A configuration with the same literals takes that name; one
        whose literals contain, or are contained in, those of exactly one published
        configuration not matched otherwise is ``"S3 (differs)"``; any other keeps its label as
        ``"2a (not in paper)"``.

        >>> import pandas as pd
        >>> chart = ConfigurationChart(pd.DataFrame({"1": ["core present", ""], "2": ["", ""]},
        ...                            index=["A", "B"]), pd.DataFrame(), 1.0, 1.0,
        ...                            {"1": "A", "2": "~A*B"})
        >>> list(chart.renamed({"S1": "A", "S2": "~A*B*C"}).terms)
        ['S1', 'S2 (differs)']
        >>> list(chart.renamed({"S1": "A*B"}).terms)
        ['S1 (differs)', '2 (not in paper)']
        """
        published = {name: frozenset(parse(term)[0]) for name, term in names.items()}
        ours = {label: frozenset(parse(term)[0]) for label, term in self.terms.items()}
        exact = {label: name for label, lits in ours.items()
                 for name, pub in published.items() if lits == pub}
        free = {n: p for n, p in published.items() if n not in exact.values()}
        mapping = {}
        for label, lits in ours.items():
            near = [n for n, p in free.items() if lits <= p or p <= lits]
            if label in exact:
                mapping[label] = exact[label]
            elif len(near) == 1:  # each published name is given once
                del free[near[0]]
                mapping[label] = tr("{name} (differs)").format(name=near[0])
            else:
                mapping[label] = tr("{label} (not in paper)").format(label=label)
        return ConfigurationChart(self.table.rename(columns=mapping),
                                  self.fit.rename(index=mapping), self.solution_consistency,
                                  self.solution_coverage,
                                  {mapping[k]: v for k, v in self.terms.items()},
                                  list(self.notes))

    def _repr_html_(self):
        return self.to_html()

    def to_html(self) -> str:
        """The chart as HTML with the usual symbols, fit rows and the legend."""
        cols = list(self.table.columns)
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in cols)
        rows = []
        for cond in self.table.index:
            cells = "".join(f"<td style='text-align:center'>{_HTML_SYMBOLS[v]}</td>"
                            for v in self.table.loc[cond])
            rows.append(f"<tr><th style='text-align:left'>{html.escape(str(cond))}</th>"
                        f"{cells}</tr>")
        for label, key in FIT_ROWS:
            cells = "".join(f"<td style='text-align:center'>{self.fit.loc[c, key]:.3f}</td>"
                            for c in cols)
            rows.append(f"<tr><th style='text-align:left'>{html.escape(tr(label))}</th>"
                        f"{cells}</tr>")
        span = len(cols)
        for label, value in ((tr("Solution consistency"), self.solution_consistency),
                             (tr("Solution coverage"), self.solution_coverage)):
            rows.append(f"<tr><th style='text-align:left'>{html.escape(label)}</th>"
                        f"<td colspan={span} style='text-align:center'>{value:.3f}</td></tr>")
        notes = "".join(f"<p style='margin:2px 0;font-size:14px'>{html.escape(n)}</p>"
                        for n in [tr(LEGEND), *self.notes])
        title = html.escape(tr("Configuration chart"))
        return (f"<div class='qcakit'><p><b>{title}</b></p>"
                f"<table style='font-size:14px'>"
                f"<tr><th></th>{head}</tr>{''.join(rows)}</table>{notes}</div>")

    def __repr__(self):
        fit = self.fit[["consistency", "raw_coverage", "unique_coverage"]].T
        text = pd.concat([self.symbols(), _display.fmt_table(fit.astype(float).T).T])
        return _display.render_text(
            tr("Configuration chart"), text,
            [tr("Solution consistency {consistency}, coverage {coverage}").format(
                consistency=f"{self.solution_consistency:.3f}",
                coverage=f"{self.solution_coverage:.3f}"), *self.notes],
        )


def _contains(outer, inner) -> bool:
    inner = dict(inner)
    return all(inner.get(name) == value for name, value in outer)


@accepts(intermediate=K.SolutionArg(("intermediate", "complex", "parsimonious")), parsimonious=K.SolutionArg(("parsimonious",)),
         model=K.Model("intermediate"))
def configuration_chart(intermediate, parsimonious, model: int = 0) -> ConfigurationChart:
    """Build the configuration chart of ``intermediate.models[model]``.

    ``parsimonious`` is the parsimonious solution of the same truth table: core conditions are
    those of the parsimonious term(s) containing each intermediate term.
    """
    if intermediate.truth_table is not parsimonious.truth_table and (
        intermediate.truth_table.conditions != parsimonious.truth_table.conditions
    ):
        raise QCAInputError(tr("The two solutions must come from the same truth table."))
    conditions = intermediate.truth_table.conditions
    terms = intermediate.models[model]
    notes = []
    cores = []
    for term in terms:
        parents = intermediate.parents.get(term)
        if not parents:  # take the first parsimonious model that has terms containing it
            for number, p_model in enumerate(parsimonious.models, start=1):
                parents = [p for p in p_model if _contains(p, term)]
                if parents:
                    if number > 1:
                        notes.append(tr("{term} lies in no term of parsimonious model 1; its "
                                        "core comes from parsimonious model {number}.").format(
                            term=term_to_string(term), number=number))
                    break
        if not parents:
            notes.append(tr("{term} lies in no single parsimonious term; all its conditions "
                            "are shown as peripheral.").format(term=term_to_string(term)))
        if len(parents) > 1:
            notes.append(tr("{term} lies in several parsimonious terms ({parents}); its core "
                            "is their union.").format(
                term=term_to_string(term),
                parents=", ".join(term_to_string(p) for p in parents)))
        cores.append(frozenset(lit for p in parents for lit in p))
    labels = _labels(cores)
    columns = {}
    for label, term, core in zip(labels, terms, cores):
        codes = dict.fromkeys(conditions, "")
        for name, value in term:
            kind = "core" if (name, value) in core else "peripheral"
            codes[name] = f"{kind} {'present' if value else 'absent'}"
        columns[label] = list(codes.values())
    table = pd.DataFrame(columns, index=pd.Index(conditions), columns=labels)
    params = intermediate.parameters(model)
    fit = params.iloc[:-1].copy()
    fit.index = labels
    if len(parsimonious.models) > 1:
        notes.append(tr("The parsimonious solution has {n} models; cores come from the model "
                        "paired with this intermediate solution.").format(
            n=len(parsimonious.models)))
    return ConfigurationChart(
        table, fit,
        float(params.loc["solution", "consistency"]),
        float(params.loc["solution", "raw_coverage"]),
        dict(zip(labels, (term_to_string(t) for t in terms))), notes,
    )


def _labels(cores) -> list[str]:
    groups: dict = {}
    for core in cores:
        groups.setdefault(core, len(groups) + 1)
    counts: dict = {}
    for core in cores:
        counts[core] = counts.get(core, 0) + 1
    seen: dict = {}
    labels = []
    for core in cores:
        number = groups[core]
        if counts[core] == 1:
            labels.append(str(number))
        else:
            seen[core] = seen.get(core, 0) + 1
            labels.append(f"{number}{'abcdefghijklmnopqrstuvwxyz'[seen[core] - 1]}")
    return labels
