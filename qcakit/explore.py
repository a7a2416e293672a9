"""The pure logic behind the interactive explorers: what changes when a learner moves a cut.

:mod:`qcakit.widgets` only wires sliders to the functions here, so everything an explorer shows
can be computed (and tested) without a browser:

- :func:`analyse`: truth table, solution of a chosen type, its parameters and the configuration
  chart for one setting of the consistency, PRI and frequency cuts;
- :func:`compare_settings`: what changed between two settings (truth-table rows whose OUT
  switched, solution terms that appeared or vanished, solution fit before and after);
- :func:`sweep`: solution consistency, coverage and terms across a range of consistency cuts
  (the robustness check both seed papers report in one sentence);
- :func:`calibration_state`: the memberships, the exact-0.5 warnings and the downstream
  necessity table for one choice of anchors (or percentile definition).

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> paper = analyse(data, "Y", ["A", "B"], incl_cut=0.8, solution="complex")
>>> paper.expression
'A'
>>> strict = analyse(data, "Y", ["A", "B"], incl_cut=0.95, solution="complex")
>>> report = compare_settings(paper.truth_table, paper.solution,
...                           strict.truth_table, strict.solution)
>>> report.rows[["OUT (reference)", "OUT (current)", "cases"]]
  OUT (reference) OUT (current) cases
3               1             0     q
>>> report.appeared, report.vanished
(['A*B'], ['A'])
"""
from __future__ import annotations

import dataclasses
import html
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _checks, _display
from .calibrate import PERCENTILE_METHODS, _NUMPY_METHODS, calibrate, percentile_anchors
from .chart import configuration_chart
from .errors import QCAInputError, QCAWarning
from .minimize import SOLUTION_TYPES, minimize, parse_directional
from .necessity import necessity
from .truthtable import OUT_COLOURS, truth_table

#: Percentile definitions offered by the calibration explorer (Excel's two first).
PERCENTILE_CHOICES = tuple(PERCENTILE_METHODS) + tuple(
    m for m in _NUMPY_METHODS if m not in PERCENTILE_METHODS.values()
)


# --------------------------------------------------------------------------- threshold analysis


@dataclass
class Analysis:
    """One setting of the cuts and everything it produces (see :func:`analyse`).

    ``solution`` / ``parsimonious`` / ``chart`` are ``None`` when no truth-table row reaches the
    cuts (then ``message`` says so); ``warnings`` holds the messages of any QCAWarning raised on
    the way (e.g. cases at exactly 0.5), so an explorer can show them instead of printing them.
    """

    settings: dict
    truth_table: object
    solution: object | None
    parsimonious: object | None
    chart: object | None
    message: str | None = None
    warnings: list = field(default_factory=list)
    _parameters: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def expression(self) -> str:
        """The first model of the solution ('' when there is none)."""
        return self.solution.expression if self.solution is not None else ""

    @property
    def terms(self) -> list[str]:
        """Terms of the first model ([] when there is no solution)."""
        return self.solution.terms if self.solution is not None else []

    @property
    def parameters(self) -> pd.DataFrame | None:
        """Fit parameters of the first model (None when there is no solution); computed once."""
        if self.solution is None:
            return None
        if self._parameters is None:
            self._parameters = self.solution.parameters()
        return self._parameters

    def settings_text(self) -> str:
        return settings_text(self.settings)

    def _repr_html_(self):
        parts = [f"<div class='qcakit'><p><b>{html.escape(self.settings_text())}</b></p>",
                 truth_table_html(self.truth_table)]
        parts += [_note(w, warn=True) for w in self.warnings]
        parts.append(solution_html(self))
        parts.append("</div>")
        return "\n".join(parts)

    def __repr__(self):
        head = self.settings_text()
        sol = self.expression or f"no solution: {self.message}"
        return f"{head}\n{self.truth_table!r}\nSolution: {sol}"


def settings_text(settings: Mapping) -> str:
    """One line describing a setting, e.g. 'intermediate solution; consistency cut 0.8, ...'."""
    pri = settings.get("pri_cut")
    pri = "none" if pri is None else f"{pri:g}"
    text = (f"{settings.get('solution', 'intermediate')} solution; consistency cut "
            f"{settings['incl_cut']:g}, PRI cut {pri}, frequency cut {settings['n_cut']}")
    return text


def _settings(incl_cut, pri_cut, n_cut, solution, directional) -> dict:
    if solution not in SOLUTION_TYPES:
        raise QCAInputError(
            f"Unknown solution type {solution!r}: use one of {', '.join(SOLUTION_TYPES)}."
        )
    if np.ndim(incl_cut) != 0:
        raise QCAInputError(
            f"The explorers take one consistency cut (a number), got {incl_cut!r}."
        )
    return {"incl_cut": float(incl_cut), "pri_cut": None if pri_cut is None else float(pri_cut),
            "n_cut": int(n_cut), "solution": solution,
            "directional": directional if solution == "intermediate" else None}


def _coding_key(tt, settings) -> tuple:
    directional = settings["directional"]
    if directional is not None:
        directional = tuple(sorted(parse_directional(directional, tt.conditions).items(),
                                   key=lambda kv: kv[0]))
    # The OUT code of every observed row: for one data set this fixes which rows are coded
    # 1, 0 and C (rows coded "?" count as remainders), all that minimization depends on.
    table = tt.table
    return (settings["solution"], directional, tuple(tt.conditions),
            tuple(zip(table.index.tolist(), table["OUT"].tolist())))


def _settings_key(settings, conditions) -> tuple | None:
    """Hashable key of one setting of the cuts (None when ``directional`` is not hashable)."""
    directional = settings["directional"]
    try:
        if isinstance(directional, Mapping):
            directional = tuple(sorted((str(k), str(v)) for k, v in directional.items()))
        elif directional is not None and not isinstance(directional, str):
            directional = tuple(str(d) for d in directional)
        key = ("settings", None if conditions is None else tuple(conditions),
               settings["incl_cut"], settings["pri_cut"], settings["n_cut"],
               settings["solution"], directional)
        hash(key)
    except TypeError:
        return None
    return key


def analyse(
    data: pd.DataFrame,
    outcome: str,
    conditions=None,
    incl_cut: float = 0.8,
    pri_cut: float | None = None,
    n_cut: int = 1,
    solution: str = "intermediate",
    directional=None,
    *,
    cache: dict | None = None,
) -> Analysis:
    """Truth table, solution, parameters and configuration chart for one setting of the cuts.

    Parameters are those of :func:`qcakit.truth_table` and :func:`qcakit.minimize`;
    ``directional`` is used for the intermediate solution only. When no row reaches the cuts
    the result has no solution and ``message`` explains why (a learner sliding the cut to 1.0
    should see "nothing is sufficient", not an exception).

    ``cache``: a dict kept by the caller across calls *on the same data and outcome* (an
    explorer keeps one). A setting seen before returns its earlier result; the minimization
    depends only on which rows are coded 1, 0 and C, so a new setting that codes the rows as an
    earlier one did reuses its solutions.

    >>> import pandas as pd
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
    ...                      "Y": [0.8, 0.6, 0.3, 0.1]})
    >>> analyse(data, "Y", ["A", "B"], solution="parsimonious").expression
    'A'
    >>> analyse(data, "Y", ["A", "B"], n_cut=2).message[:43]
    'No truth-table row has OUT = 1 (consistency'
    """
    settings = _settings(incl_cut, pri_cut, n_cut, solution, directional)
    memo = _settings_key(settings, conditions) if cache is not None else None
    if memo is not None and memo in cache:
        return cache[memo]
    result = _analyse(data, outcome, conditions, settings, cache)
    if memo is not None:
        cache[memo] = result
    return result


def _analyse(data, outcome, conditions, settings, cache) -> Analysis:
    solution = settings["solution"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QCAWarning)
        tt = truth_table(data, outcome, conditions, incl_cut=settings["incl_cut"],
                         pri_cut=settings["pri_cut"], n_cut=settings["n_cut"])
    messages = _unique_messages(caught)
    if tt.codes("1").size == 0:
        message = (f"No truth-table row has OUT = 1 ({tt.settings}): at these cuts no "
                   "configuration is sufficient, so there is nothing to minimize.")
        return Analysis(settings, tt, None, None, None, message, messages)
    key = _coding_key(tt, settings)
    if cache is not None and key in cache:
        sol, pars, chart, params = cache[key]
        sol = dataclasses.replace(sol, truth_table=tt)
        pars = sol if pars.kind == sol.kind else dataclasses.replace(pars, truth_table=tt)
        return Analysis(settings, tt, sol, pars, chart, None, messages, params)
    pars = minimize(tt, "parsimonious")
    if solution == "parsimonious":
        sol = pars
    else:
        sol = minimize(tt, solution, directional=settings["directional"])
    chart = configuration_chart(sol, pars)
    result = Analysis(settings, tt, sol, pars, chart, None, messages)
    if cache is not None:
        cache[key] = (sol, pars, chart, result.parameters)
    return result


def _unique_messages(caught) -> list[str]:
    out = []
    for w in caught:
        text = str(w.message)
        if text not in out:
            out.append(text)
    return out


# --------------------------------------------------------------------------- change report


@dataclass
class ChangeReport:
    """What changed between a reference setting and the current one (see
    :func:`compare_settings`).

    ``rows``: truth-table rows whose OUT differs (row id, conditions, OUT before and after,
    n, incl, PRI, cases); ``appeared`` / ``vanished`` / ``kept``: terms of the first solution
    model; ``fit``: solution consistency and coverage under both settings.
    """

    rows: pd.DataFrame
    appeared: list
    vanished: list
    kept: list
    fit: pd.DataFrame
    expressions: tuple
    labels: tuple = ("reference", "current")

    @property
    def changed(self) -> bool:
        """True when a row switched or a term appeared or vanished."""
        return bool(len(self.rows) or self.appeared or self.vanished)

    def summary(self) -> list[str]:
        """The report as short sentences."""
        ref, cur = self.labels
        if not self.changed:
            return [f"Same truth-table coding and the same solution as the {ref} settings."]
        lines = []
        if len(self.rows):
            moves = ", ".join(f"row {i} ({r[f'OUT ({ref})']} → {r[f'OUT ({cur})']})"
                              for i, r in self.rows.iterrows())
            lines.append(f"{len(self.rows)} row(s) switched: {moves}.")
        else:
            lines.append("No truth-table row switched.")
        if self.appeared:
            lines.append("Terms that appeared: " + ", ".join(self.appeared) + ".")
        if self.vanished:
            lines.append("Terms that vanished: " + ", ".join(self.vanished) + ".")
        if not self.appeared and not self.vanished:
            lines.append("The solution's terms are unchanged.")
        return lines

    def _repr_html_(self):
        ref, cur = self.labels
        colour = "#fff3cd" if self.changed else "#e8f5e9"
        parts = [f"<div class='qcakit qcakit-changes' style='background:{colour};"
                 f"padding:4px 8px;border-radius:4px'><p><b>Compared with the {ref} settings"
                 "</b></p>"]
        parts += [f"<p style='margin:2px 0'>{html.escape(s)}</p>" for s in self.summary()]
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.fit.columns)
        body = []
        for label, row in self.fit.iterrows():
            cells = "".join(
                "<td></td>" if pd.isna(v) else
                f"<td>{int(v)}</td>" if label == "terms" else f"<td>{v:.3f}</td>"
                for v in row)
            body.append(f"<tr><th style='text-align:left'>{html.escape(label)}</th>{cells}</tr>")
        parts.append(f"<table><thead><tr><th></th>{head}</tr></thead>"
                     f"<tbody>{''.join(body)}</tbody></table>")
        parts.append("</div>")
        return "\n".join(parts)

    def __repr__(self):
        return _display.render_text(f"Compared with the {self.labels[0]} settings", self.fit,
                                    self.summary())


def compare_settings(tt_a, sol_a, tt_b, sol_b, labels=("reference", "current"), *,
                     fit_a: pd.DataFrame | None = None,
                     fit_b: pd.DataFrame | None = None) -> ChangeReport:
    """Change report from setting ``a`` (the reference, e.g. the paper's) to setting ``b``.

    ``sol_a`` / ``sol_b`` may be ``None`` (no row reached the cuts). Rows are matched by row id;
    a row present in one table only (other data) shows ``"-"`` on the other side. Terms are
    those of each solution's first model. ``fit_a`` / ``fit_b``: the solutions' parameter
    tables when already computed (saves recomputing them).

    >>> import pandas as pd
    >>> from qcakit import truth_table, minimize
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
    ...                      "Y": [0.8, 0.6, 0.3, 0.1]})
    >>> a = truth_table(data, "Y", ["A", "B"])
    >>> compare_settings(a, minimize(a), a, minimize(a)).changed
    False
    """
    ref, cur = labels
    for tt in (tt_a, tt_b):
        if not hasattr(tt, "table") or "OUT" not in getattr(tt, "table", pd.DataFrame()):
            raise QCAInputError(
                "compare_settings() takes truth tables from qcakit.truth_table() (and their "
                f"solutions, or None), got {type(tt).__name__}."
            )
    a, b = tt_a.table, tt_b.table
    ids = list(b.index) + [i for i in a.index if i not in b.index]
    out_a = a["OUT"].reindex(ids).fillna("-")
    out_b = b["OUT"].reindex(ids).fillna("-")
    conditions = list(tt_b.conditions)
    records = []
    for i in ids:
        if out_a[i] == out_b[i]:
            continue
        src = b.loc[i] if i in b.index else a.loc[i]
        rec = {c: int(src[c]) for c in conditions}
        rec.update({f"OUT ({ref})": out_a[i], f"OUT ({cur})": out_b[i], "n": int(src["n"]),
                    "incl": float(src["incl"]), "PRI": float(src["PRI"]),
                    "cases": src["cases"]})
        records.append((i, rec))
    columns = conditions + [f"OUT ({ref})", f"OUT ({cur})", "n", "incl", "PRI", "cases"]
    rows = pd.DataFrame([r for _, r in records], index=[i for i, _ in records],
                        columns=columns)
    terms_a = sol_a.terms if sol_a is not None else []
    terms_b = sol_b.terms if sol_b is not None else []
    fa, fb = _fit(sol_a, fit_a), _fit(sol_b, fit_b)
    fit = pd.DataFrame(
        {ref: [fa[0], fa[1], len(terms_a)], cur: [fb[0], fb[1], len(terms_b)]},
        index=["solution consistency", "solution coverage", "terms"],
    )
    return ChangeReport(
        rows,
        [t for t in terms_b if t not in terms_a],
        [t for t in terms_a if t not in terms_b],
        [t for t in terms_b if t in terms_a],
        fit,
        (sol_a.expression if sol_a is not None else "", sol_b.expression if sol_b is not None
         else ""),
        (ref, cur),
    )


def _fit(sol, params) -> tuple[float, float]:
    if sol is None:
        return float("nan"), float("nan")
    if params is None:
        params = sol.parameters()
    return (float(params.loc["solution", "consistency"]),
            float(params.loc["solution", "raw_coverage"]))


def compare_analyses(reference: Analysis, current: Analysis,
                     labels=("reference", "current")) -> ChangeReport:
    """:func:`compare_settings` for two :class:`Analysis` results."""
    return compare_settings(reference.truth_table, reference.solution, current.truth_table,
                            current.solution, labels, fit_a=reference.parameters,
                            fit_b=current.parameters)


@dataclass
class ThresholdView:
    """What the threshold explorer shows after one change: the analysis, the change report
    against the reference, and the HTML of each panel (``changes``, ``truth_table``,
    ``solution``)."""

    analysis: Analysis
    report: ChangeReport
    html: dict


def threshold_update(
    data: pd.DataFrame,
    outcome: str,
    conditions,
    incl_cut: float,
    pri_cut: float | None,
    n_cut: int,
    solution: str,
    directional,
    reference: Analysis,
    *,
    cache: dict | None = None,
    labels=("reference", "current"),
) -> ThresholdView:
    """Everything the threshold explorer redraws when a control moves (a pure function: the
    explorer's update callback is this plus assigning the HTML to its panels).

    >>> import pandas as pd
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
    ...                      "Y": [0.8, 0.6, 0.3, 0.1]})
    >>> ref = analyse(data, "Y", ["A", "B"], 0.8, solution="complex")
    >>> view = threshold_update(data, "Y", ["A", "B"], 0.95, None, 1, "complex", None, ref)
    >>> view.report.summary()[0]
    '1 row(s) switched: row 3 (1 → 0).'
    >>> "was 1" in view.html["truth_table"]
    True
    """
    current = analyse(data, outcome, conditions, incl_cut, pri_cut, n_cut, solution,
                      directional, cache=cache)
    report = compare_analyses(reference, current, labels)
    parts = {
        "changes": report._repr_html_(),
        "truth_table": truth_table_html(current.truth_table, reference.truth_table, labels)
        + "".join(_note(w, warn=True) for w in current.warnings),
        "solution": solution_html(current),
    }
    return ThresholdView(current, report, parts)


# --------------------------------------------------------------------------- HTML pieces


def _note(text: str, warn: bool = False) -> str:
    style = ("background:#fdecea;border-left:4px solid #c62828;padding:2px 6px;"
             if warn else "")
    return f"<p class='qcakit-note' style='margin:2px 0;font-size:90%;{style}'>" \
           f"{html.escape(text)}</p>"


def truth_table_html(tt, reference=None, labels=("reference", "current")) -> str:
    """The truth table as HTML, rows coloured by OUT; with ``reference`` (another truth table
    of the same data) rows whose OUT switched are marked bold with their old code.

    Written by hand rather than with a pandas Styler: it is redrawn on every slider move.
    """
    table = tt.table
    conds = list(tt.conditions)
    old = None
    if reference is not None:
        old = reference.table["OUT"].reindex(table.index).fillna("-")
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in conds)
    head += "<th>OUT</th><th>n</th><th>incl</th><th>PRI</th><th>cases</th>"
    if old is not None:
        head += f"<th>vs {html.escape(labels[0])}</th>"
    body = []
    values = table[conds].to_numpy()
    for j, (row_id, out, n, incl, pri, cases) in enumerate(zip(
            table.index, table["OUT"], table["n"], table["incl"], table["PRI"],
            table["cases"])):
        cells = "".join(f"<td>{v}</td>" for v in values[j])
        was = None if old is None else old.iloc[j]
        switched = was is not None and was != out
        style = f"background-color:{OUT_COLOURS.get(out, '#ffffff')}"
        if switched:
            style += ";font-weight:bold;outline:2px solid #e65100"
        mark = ""
        if old is not None:
            mark = f"<td>{html.escape(f'was {was}') if switched else ''}</td>"
        body.append(
            f"<tr style='{style}' data-out='{out}'><th>{row_id}</th>{cells}<td>{out}</td>"
            f"<td>{n}</td><td>{incl:.3f}</td><td>{pri:.3f}</td>"
            f"<td style='text-align:left'>{html.escape(str(cases))}</td>{mark}</tr>"
        )
    title = (f"Truth table for {tt.outcome_label}: {len(table)} rows with cases, "
             f"{tt.n_remainders} remainders ({tt.settings})")
    legend = ("Rows: green OUT = 1 (sufficient), red OUT = 0, orange C (contradiction), "
              "grey ? (below the frequency cut).")
    return (f"<div class='qcakit qcakit-truth-table'><p><b>{html.escape(title)}</b></p>"
            f"<table class='qcakit-tt'><thead><tr><th>row</th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
            f"<p style='margin:2px 0;font-size:85%'>{legend}</p></div>")


def solution_html(analysis: Analysis) -> str:
    """The solution (expression, parameters) and the configuration chart as HTML."""
    if analysis.solution is None:
        return (f"<div class='qcakit qcakit-solution'>{_note(analysis.message, warn=True)}"
                "</div>")
    sol = analysis.solution
    title = f"{sol.title}: {sol.expression}"
    parts = ["<div class='qcakit qcakit-solution'>",
             _display.render_html(title, analysis.parameters, sol.display_notes()),
             analysis.chart._repr_html_(), "</div>"]
    return "\n".join(parts)


# --------------------------------------------------------------------------- sweep


def sweep(
    data: pd.DataFrame,
    outcome: str,
    conditions=None,
    cuts: Sequence[float] | None = None,
    solution: str = "intermediate",
    pri_cut: float | None = None,
    n_cut: int = 1,
    directional=None,
    *,
    cache: dict | None = None,
) -> pd.DataFrame:
    """Solution fit and terms across a range of consistency cuts (a robustness check).

    Returns one row per cut: ``cut``, ``consistency``, ``coverage`` (of the first model; NaN
    when no row reaches the cut), ``expression``, ``models`` (number of equally minimal
    models), ``positive_rows`` (rows coded 1), then one boolean column per term that is present
    at any cut (``True`` where the first model contains it). Default cuts: 0.70 to 1.00 by 0.01.

    >>> import pandas as pd
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
    ...                      "Y": [0.8, 0.6, 0.3, 0.1]})
    >>> sweep(data, "Y", ["A", "B"], cuts=[0.8, 0.9, 0.95], solution="complex")[
    ...     ["cut", "expression", "positive_rows", "A", "A*B"]]
        cut expression  positive_rows      A    A*B
    0  0.80          A              2   True  False
    1  0.90          A              2   True  False
    2  0.95        A*B              1  False   True
    """
    if cuts is None:
        cuts = np.round(np.arange(0.70, 1.0001, 0.01), 2)
    cuts = [float(c) for c in np.atleast_1d(np.asarray(cuts, dtype=float))]
    if not cuts:
        raise QCAInputError("sweep() needs at least one consistency cut.")
    bad = [c for c in cuts if not 0 <= c <= 1]
    if bad:
        raise QCAInputError(f"Consistency cuts must lie in [0, 1], got {bad}.")
    cache = {} if cache is None else cache
    records, term_order = [], []
    for cut in cuts:
        a = analyse(data, outcome, conditions, cut, pri_cut, n_cut, solution, directional,
                    cache=cache)
        terms = a.terms
        for t in terms:
            if t not in term_order:
                term_order.append(t)
        record = getattr(a, "_sweep_record", None)  # kept on a cached analysis
        if record is None:
            params = a.parameters
            record = {
                "cut": cut,
                "consistency": (float(params.loc["solution", "consistency"])
                                if params is not None else np.nan),
                "coverage": (float(params.loc["solution", "raw_coverage"])
                             if params is not None else np.nan),
                "expression": a.expression,
                "models": len(a.solution.models) if a.solution is not None else 0,
                "positive_rows": int(a.truth_table.codes("1").size),
                "_terms": set(terms),
            }
            a._sweep_record = record
        records.append(record)
    out = pd.DataFrame(records)
    for t in term_order:
        out[t] = [t in present for present in out["_terms"]]
    out = out.drop(columns="_terms")
    out.attrs["solution"] = solution
    out.attrs["outcome"] = outcome
    return out


# --------------------------------------------------------------------------- calibration


@dataclass
class CalibrationState:
    """One choice of anchors for one raw variable and what follows from it (see
    :func:`calibration_state`)."""

    raw: pd.Series
    scores: pd.Series
    anchors: tuple
    source: str
    half_cases: list
    warnings: list
    necessity: object | None
    options: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.raw.name)

    @property
    def table(self) -> pd.DataFrame:
        """Raw score and membership of every case, sorted by raw score."""
        out = pd.DataFrame({"raw": self.raw, "membership": self.scores})
        return out.sort_values("raw", kind="stable")

    def title(self) -> str:
        anchors = ", ".join(f"{a:g}" for a in self.anchors)
        return f"Calibration of {self.name}: anchors {anchors} ({self.source})"

    def warnings_html(self) -> str:
        if not self.warnings:
            return ("<div class='qcakit-warnings'><p style='margin:2px 0;color:#2e7d32'>"
                    "No case scores exactly 0.5.</p></div>")
        return ("<div class='qcakit-warnings'>" + "".join(_note(w, warn=True)
                                                         for w in self.warnings) + "</div>")

    def scores_html(self) -> str:
        rows = []
        for case, raw, score in zip(self.table.index, self.table["raw"],
                                    self.table["membership"]):
            style = " style='background:#fdecea;font-weight:bold'" if score == 0.5 else ""
            rows.append(f"<tr{style}><th style='text-align:left'>{html.escape(str(case))}</th>"
                        f"<td>{raw:g}</td><td>{score:.3f}</td></tr>")
        return (f"<div class='qcakit qcakit-scores'><p><b>{html.escape(self.title())}</b></p>"
                "<table><thead><tr><th>case</th><th>raw</th><th>membership</th></tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>")

    def necessity_html(self) -> str:
        if self.necessity is None:
            return ""
        nt = self.necessity
        t = nt.threshold
        rows = []
        for label, r in nt.table.iterrows():
            mine = label in (self.name, f"~{self.name}")
            style = []
            if r["consistency"] >= t:
                style.append("background:#d9ead3")
            if mine:
                style.append("font-weight:bold")
            attr = f" style='{';'.join(style)}'" if style else ""
            rows.append(f"<tr{attr}><th style='text-align:left'>{html.escape(str(label))}</th>"
                        f"<td>{r['consistency']:.3f}</td><td>{r['coverage']:.3f}</td>"
                        f"<td>{r['RoN']:.3f}</td></tr>")
        title = (f"Necessity for {nt.outcome_label} with this calibration of {self.name} "
                 f"(consistency >= {t:g} shaded)")
        return (f"<div class='qcakit qcakit-necessity'><p><b>{html.escape(title)}</b></p>"
                "<table><thead><tr><th></th><th>consistency</th><th>coverage</th><th>RoN</th>"
                f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")

    def _repr_html_(self):
        return "\n".join(["<div class='qcakit'>", self.warnings_html(), self.scores_html(),
                          self.necessity_html(), "</div>"])

    def __repr__(self):
        notes = list(self.warnings)
        text = _display.render_text(self.title(), self.table, notes)
        if self.necessity is not None:
            text += "\n" + repr(self.necessity)
        return text


def calibration_state(
    raw: pd.Series,
    anchors: Sequence[float] | None = None,
    *,
    percentile_method: str | None = None,
    percentiles: Sequence[float] = (25, 50, 75),
    method: str = "direct",
    idm: float | None = None,
    digits: int | None = None,
    nudge_half: bool = False,
    sets: pd.DataFrame | None = None,
    outcome: str | None = None,
    conditions=None,
) -> CalibrationState:
    """Memberships of one raw variable for one choice of anchors, and what follows downstream.

    Give ``anchors`` (exclusion, crossover, inclusion), or ``percentile_method`` (e.g.
    ``"excel_inc"``, ``"excel_exc"``) to take them at ``percentiles`` of the raw scores. Cases
    scoring exactly 0.5 are listed in ``half_cases`` and the calibration warnings are collected
    in ``warnings`` (not printed), so an explorer can show them.

    With ``sets`` (calibrated memberships of the other conditions and the outcome) and
    ``outcome``, the new memberships replace (or join) the column ``raw.name`` and ``necessity``
    is the necessity table for the outcome over ``conditions`` (default: every column of
    ``sets`` but the outcome). When ``raw`` is the outcome itself, every row changes.

    Raises :class:`~qcakit.QCAInputError` for anchors out of order or an unknown percentile
    definition (an explorer shows the message).

    >>> import pandas as pd
    >>> raw = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], name="X", index=list("abcde"))
    >>> state = calibration_state(raw, percentile_method="excel_inc")
    >>> state.anchors, state.half_cases
    ((2.0, 3.0, 4.0), ['c'])
    >>> calibration_state(raw, (1.5, 3.5, 4.5)).half_cases
    []
    """
    if not isinstance(raw, pd.Series):
        raise QCAInputError(
            f"calibration_state() takes one raw variable as a pandas Series, got "
            f"{type(raw).__name__}; e.g. data['GDP']."
        )
    name = raw.name if raw.name is not None else "x"
    raw = raw.rename(name)
    _checks.numeric_column(raw.to_frame(), name)
    if anchors is None and percentile_method is None:
        raise QCAInputError(
            "Give anchors=(exclusion, crossover, inclusion) or percentile_method= "
            "('excel_inc', 'excel_exc', ...)."
        )
    if anchors is None:
        anchors = percentile_anchors(raw, percentiles, percentile_method)
        source = (f"percentiles {', '.join(f'{p:g}' for p in percentiles)}, "
                  f"{percentile_method}")
    else:
        source = "chosen anchors"
    anchors = tuple(float(a) for a in anchors)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QCAWarning)
        scores = calibrate(raw, anchors, method, idm=idm, digits=digits, nudge_half=nudge_half)
    messages = _unique_messages(caught)
    raw_half = (calibrate_half(raw, anchors, method, idm, digits) if nudge_half
                else scores.to_numpy() == 0.5)
    half_cases = [str(c) for c in raw.index[raw_half]]
    nt = None
    if sets is not None:
        if outcome is None:
            raise QCAInputError("With sets=..., name the outcome column (outcome=...).")
        sets = _checks.as_frame(sets, "sets")
        if not sets.index.equals(raw.index):
            raise QCAInputError(
                f"The raw variable {name!r} and sets must have the same cases in the same "
                "order (same index)."
            )
        data = sets.copy()
        data[name] = scores
        if outcome not in data.columns:
            _checks.known_columns(data, [outcome], "outcome")
        if conditions is None:
            conditions = [c for c in data.columns if c != outcome]
        nt = necessity(data, outcome, conditions)
    options = {"method": method, "idm": idm, "digits": digits, "nudge_half": nudge_half,
               "percentile_method": percentile_method, "percentiles": tuple(percentiles)}
    return CalibrationState(raw, scores, anchors, source, half_cases, messages, nt, options)


def calibrate_half(raw, anchors, method="direct", idm=None, digits=None) -> np.ndarray:
    """Boolean mask of the cases that the calibration puts at exactly 0.5 (before any nudge)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        scores = calibrate(raw, anchors, method, idm=idm, digits=digits)
    return scores.to_numpy() == 0.5


def sweep_ranges(table: pd.DataFrame) -> pd.DataFrame:
    """Collapse a :func:`sweep` table into runs of cuts with the same solution.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"cut": [0.8, 0.85, 0.9], "consistency": [0.9, 0.9, 1.0],
    ...                       "coverage": [0.7, 0.7, 0.4], "expression": ["A", "A", "A*B"]})
    >>> sweep_ranges(table)[["from", "to", "expression"]].values.tolist()
    [[0.8, 0.85, 'A'], [0.9, 0.9, 'A*B']]
    """
    if not isinstance(table, pd.DataFrame) or "expression" not in table.columns:
        raise QCAInputError("sweep_ranges() takes the table of qcakit.explore.sweep().")
    t = table.sort_values("cut", kind="stable").reset_index(drop=True)
    runs, start = [], 0
    for i in range(1, len(t) + 1):
        if i == len(t) or t.loc[i, "expression"] != t.loc[start, "expression"]:
            runs.append({"from": t.loc[start, "cut"], "to": t.loc[i - 1, "cut"],
                         "expression": t.loc[start, "expression"] or "(no solution)",
                         "consistency": t.loc[start, "consistency"],
                         "coverage": t.loc[start, "coverage"]})
            start = i
    return pd.DataFrame(runs)


def sweep_ranges_html(table: pd.DataFrame, reference: float | None = None) -> str:
    """:func:`sweep_ranges` as HTML, the run holding the ``reference`` cut in bold."""
    runs = sweep_ranges(table)
    rows = []
    for _, r in runs.iterrows():
        here = reference is not None and r["from"] - 1e-9 <= reference <= r["to"] + 1e-9
        style = " style='font-weight:bold;background:#fff3cd'" if here else ""
        cons = "" if pd.isna(r["consistency"]) else f"{r['consistency']:.3f}"
        cov = "" if pd.isna(r["coverage"]) else f"{r['coverage']:.3f}"
        rows.append(f"<tr{style}><td style='white-space:nowrap'>{r['from']:.2f} to "
                    f"{r['to']:.2f}</td>"
                    f"<td style='text-align:left'>{html.escape(r['expression'])}</td>"
                    f"<td>{cons}</td><td>{cov}</td></tr>")
    note = (f"Bold: the run that holds the reference cut {reference:g}." if reference is not None
            else "")
    return ("<div class='qcakit qcakit-sweep'><p><b>Solution by range of consistency cuts"
            "</b></p><table><thead><tr><th>cuts</th><th>solution</th><th>consistency</th>"
            f"<th>coverage</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"<p style='font-size:85%'>{note}</p></div>")
