"""One setting of the cuts and everything it produces: :class:`Analysis` and :func:`analyse`.

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]})
>>> analyse(data, "Y", ["A", "B"], solution="complex").summary()["expression"]
'A'
"""
from __future__ import annotations

import html
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import _display
from .. import _kinds as K
from .._spec import accepts
from ..chart import configuration_chart
from ..errors import QCAWarning
from ..i18n import tr, tr_later
from ..minimize import SOLUTION_TYPES, minimize
from ..truthtable import truth_table
from . import render
from .cache import cached_solutions, coding_key, settings_key


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
    _summary: dict | None = field(default=None, repr=False)

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

    def summary(self) -> dict:
        """Solution consistency and coverage (NaN without a solution), expression, number of
        models, rows coded 1 and the set of terms: one row of :func:`~qcakit.explore.sweep`.
        Computed once."""
        if self._summary is None:
            params = self.parameters
            self._summary = {
                "consistency": (float(params.loc["solution", "consistency"])
                                if params is not None else np.nan),
                "coverage": (float(params.loc["solution", "raw_coverage"])
                             if params is not None else np.nan),
                "expression": self.expression,
                "models": len(self.solution.models) if self.solution is not None else 0,
                "positive_rows": int(self.truth_table.codes("1").size),
                "terms": set(self.terms),
            }
        return self._summary

    def settings_text(self) -> str:
        return settings_text(self.settings)

    def _repr_html_(self):
        parts = [f"<div class='qcakit'><p><b>{html.escape(self.settings_text())}</b></p>",
                 render.truth_table_html(self.truth_table)]
        parts += [render.note(w, warn=True) for w in self.warnings]
        parts.append(render.solution_html(self))
        parts.append("</div>")
        return "\n".join(parts)

    def __repr__(self):
        head = self.settings_text()
        sol = self.expression or tr("no solution: {message}").format(message=self.message)
        return "{head}\n{table!r}\n{solution}".format(
            head=head, table=self.truth_table, solution=tr("Solution: {expression}").format(
                expression=sol))


@accepts(settings=K.Settings(("incl_cut", "n_cut"), optional=False))
def settings_text(settings: Mapping) -> str:
    """One line describing a setting, e.g. 'intermediate solution; consistency cut 0.8, ...'."""
    pri = settings.get("pri_cut")
    pri = tr("none") if pri is None else f"{pri:g}"
    kind = settings.get("solution", "intermediate")
    # Translators: {solution} is 'complex', 'parsimonious' or 'intermediate' (复杂解 ...)
    return tr("{solution} solution; consistency cut {incl_cut}, PRI cut {pri_cut}, frequency "
              "cut {n_cut}").format(solution=_display.label(kind),
                                    incl_cut=f"{settings['incl_cut']:g}", pri_cut=pri,
                                    n_cut=settings["n_cut"])


#: The consistency cut as the explorers take it: one number.
ONE_CUT = K.Cut(note=tr_later(" (the explorers take one consistency cut)"))


@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(), incl_cut=ONE_CUT,
         pri_cut=K.Cut(optional=True), n_cut=K.Count(1),
         solution=K.OneOf(*SOLUTION_TYPES, what="solution type"),
         directional=K.Directional("conditions"), cache=K.Cache())
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
    earlier one did reuses its solutions (see :mod:`qcakit.explore.cache`).

    >>> import pandas as pd
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
    ...                      "Y": [0.8, 0.6, 0.3, 0.1]})
    >>> analyse(data, "Y", ["A", "B"], solution="parsimonious").expression
    'A'
    >>> analyse(data, "Y", ["A", "B"], n_cut=2).message[:43]
    'No truth-table row has OUT = 1 (consistency'
    """
    settings = {"incl_cut": incl_cut, "pri_cut": pri_cut, "n_cut": n_cut, "solution": solution,
                "directional": directional if solution == "intermediate" else None}
    memo = settings_key(settings, conditions) if cache is not None else None
    if memo is not None and memo in cache:
        return cache[memo]
    result = _analyse(data, outcome, conditions, settings, cache)
    if memo is not None:
        cache[memo] = result
    return result


def _analyse(data, outcome, conditions, settings, cache) -> Analysis:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QCAWarning)
        tt = truth_table(data, outcome, conditions, incl_cut=settings["incl_cut"],
                         pri_cut=settings["pri_cut"], n_cut=settings["n_cut"])
    messages = unique_messages(caught)
    if tt.codes("1").size == 0:
        message = tr("No truth-table row has OUT = 1 ({settings}): at these cuts no "
                     "configuration is sufficient, so there is nothing to minimize.").format(
            settings=tt.settings)
        return Analysis(settings, tt, None, None, None, message, messages)
    key = coding_key(tt, settings)
    hit = cached_solutions(cache, key, tt)
    if hit is not None:
        sol, pars, chart, params = hit
        return Analysis(settings, tt, sol, pars, chart, None, messages, params)
    pars = minimize(tt, "parsimonious")
    if settings["solution"] == "parsimonious":
        sol = pars
    else:
        sol = minimize(tt, settings["solution"], directional=settings["directional"])
    chart = configuration_chart(sol, pars)
    result = Analysis(settings, tt, sol, pars, chart, None, messages)
    if cache is not None:
        cache[key] = (sol, pars, chart, result.parameters)
    return result


def unique_messages(caught) -> list[str]:
    """The texts of recorded warnings, each once, in order."""
    out = []
    for w in caught:
        text = str(w.message)
        if text not in out:
            out.append(text)
    return out
