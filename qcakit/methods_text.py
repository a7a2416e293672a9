"""A methods paragraph that states every choice an fsQCA made, for a report or a paper.

Schneider & Wagemann (2010) and Greckhamer et al. (2018) ask an applied fsQCA to report: the
cases and conditions; how each set was calibrated (anchors and why); how memberships of 0.5
were handled; the necessity test and its threshold; the truth table's frequency, consistency
(and PRI) cuts and how much of the property space is empty (limited diversity); which solution
is interpreted, with which directional expectations and counterfactuals; model ambiguity; and
the software. :func:`methods_paragraph` writes these from the analysis objects themselves, so
the text cannot drift from what was computed. It is a draft to edit, not a finished text: the
*reasons* for the choices are the researcher's, passed in ``calibration``.

>>> import pandas as pd, qcakit
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]})
>>> tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
>>> text = methods_paragraph(tt, qcakit.minimize(tt, "intermediate", {"A": 1}),
...                          qcakit.minimize(tt, "parsimonious"))
>>> truth_table_text = text.split("**Truth table.** ")[1]
>>> truth_table_text.split("; ")[0]
'With 2 conditions there are 4 logically possible configurations'
>>> "directional expectations (A present)" in text
True
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from . import _kinds as K
from ._spec import accepts
from ._version import __version__
from .calibrate import HALF_NUDGED
from .errors import QCAInputError


def calibration_spec(calibration) -> dict:
    """Normalise ``{column: thresholds}`` or ``{column: {"thresholds": ..., "method": ...,
    "idm": ..., "reason": ...}}`` to the dict form, with a clear error for anything else."""
    if calibration is None:
        return {}
    if not isinstance(calibration, Mapping):
        raise QCAInputError(
            "calibration must be a dict {column: anchors} or {column: {'thresholds': anchors, "
            f"'reason': '...'}}, got {type(calibration).__name__}."
        )
    spec = {}
    for column, entry in calibration.items():
        entry = dict(entry) if isinstance(entry, Mapping) else {"thresholds": entry}
        unknown = set(entry) - {"thresholds", "method", "idm", "reason"}
        if "thresholds" not in entry or unknown:
            raise QCAInputError(
                f"calibration[{column!r}] needs 'thresholds' and may have 'method', 'idm' and "
                f"'reason'; got keys {sorted(entry)}."
            )
        entry.setdefault("method", "direct")
        entry.setdefault("idm", None)
        entry.setdefault("reason", "")
        entry["thresholds"] = tuple(float(t) for t in np.atleast_1d(entry["thresholds"]))
        spec[column] = entry
    return spec


def _num(v: float) -> str:
    return f"{v:g}"


def _half_text(data) -> str:
    nudged = int((data.to_numpy() == HALF_NUDGED).sum())
    return (f" {nudged} membership(s) of exactly 0.5 were set to {HALF_NUDGED} so that every "
            "case belongs to a truth-table row." if nudged else
            " No membership was exactly 0.5.")


def _calibration_text(spec: dict, data, sets: list) -> str:
    if not spec:
        return ("The data were analysed as given (already calibrated memberships); state how "
                "they were calibrated." + _half_text(data))
    parts = []
    for column, e in spec.items():
        anchors = ", ".join(_num(t) for t in e["thresholds"])
        what = {"direct": f"direct method, anchors {anchors} (full exclusion, crossover, full "
                          "inclusion)",
                "crisp": f"crisp, threshold(s) {anchors}",
                "indirect": f"indirect method, group thresholds {anchors}"}[e["method"]]
        reason = f"; {e['reason'].rstrip('.')}" if e["reason"] else ""
        parts.append(f"{column} ({what}{reason})")
    metrics = {e["idm"] for e in spec.values() if e["method"] == "direct"}
    metric = ""
    if metrics == {None}:
        metric = (" Direct calibration used Ragin's (2008) logistic function with log-odds of "
                  "+3 and -3 at the inclusion and exclusion anchors.")
    elif metrics:
        metric = (" Direct calibration used the logistic function with inclusion-anchor "
                  f"membership {', '.join(_num(m) for m in sorted(m for m in metrics if m))}.")
    given = [s for s in sets if s not in spec]
    as_given = f" {', '.join(given)} entered as given." if given else ""
    return ("Sets were calibrated as follows: " + "; ".join(parts) + "." + as_given + metric
            + _half_text(data))


def _necessity_text(nec) -> str:
    if nec is None:
        return "No necessity analysis is reported here; report one before the truth table."
    passed = nec.necessary()
    head = (f"Necessity was tested for {nec.outcome_label} with a consistency threshold of "
            f"{nec.threshold:g} (Schneider & Wagemann 2012). ")
    if not passed:
        return head + "No condition or negated condition met it."
    rows = nec.table.loc[passed]
    found = "; ".join(f"{name} (consistency {r.consistency:.3f}, coverage {r.coverage:.3f}, "
                      f"RoN {r.RoN:.3f})" for name, r in rows.iterrows())
    return head + f"Met it: {found}."


def _truth_table_text(tt) -> str:
    k, table = len(tt.conditions), tt.table
    out = table["OUT"].value_counts()
    ic1, ic0 = tt.incl_cut
    pri = f" and PRI consistency at least {tt.pri_cut:g}" if tt.pri_cut is not None else ""
    contra = (f"; rows with consistency between {ic0:g} and {ic1:g} were coded as "
              "contradictions" if ic0 < ic1 else "")
    observed = int((table["OUT"] != "?").sum())
    return (f"With {k} conditions there are {2 ** k} logically possible configurations; "
            f"{observed} of the {2 ** k} logically possible configurations were observed with "
            f"at least {tt.n_cut} case(s) (limited diversity: {tt.n_remainders} logical "
            f"remainders). A row was coded as sufficient for {tt.outcome_label} when it held at "
            f"least {tt.n_cut} case(s) with raw consistency at least {ic1:g}{pri}{contra}. "
            f"{int(out.get('1', 0))} row(s) were coded 1, {int(out.get('0', 0))} coded 0"
            + (f" and {int(out.get('C', 0))} contradictory." if "C" in out else "."))


def _solution_text(intermediate, parsimonious) -> str:
    expect = {c: e for c, e in (intermediate.directional or {}).items() if e != "-"}
    expect_text = ("; ".join(f"{c} {'present' if e == 1 else 'absent'}"
                             for c, e in expect.items()) if expect else "none")
    n_easy = len(intermediate.easy_counterfactuals) if intermediate.easy_counterfactuals \
        is not None else 0
    n_sa = len(parsimonious.simplifying_assumptions)
    fit = intermediate.parameters().loc["solution"]
    ambiguity = ""
    for sol in (parsimonious, intermediate):
        if len(sol.models) > 1:
            ambiguity += (f" The {sol.kind} solution has {len(sol.models)} equally minimal "
                          f"models{'' if sol.complete else ' (at least)'}; all are reported.")
    barred = parsimonious.excluded if parsimonious.excluded is not None else []
    esa = ""
    if len(barred):
        kinds = sorted({part.split(":")[0].strip() for reason in barred["reason"]
                        for part in str(reason).split(";")})
        esa = (f" Following the Enhanced Standard Analysis (Schneider & Wagemann 2013), "
               f"{len(barred)} remainder(s) were barred from the counterfactuals "
               f"({', '.join(kinds)}): rows {', '.join(str(r) for r in barred.index)}.")
    return (f"Complex, parsimonious and intermediate solutions were derived by exact Boolean "
            f"minimization (all prime implicants, every minimal model). The intermediate solution "
            f"used the directional expectations ({expect_text}) and {n_easy} easy "
            f"counterfactual(s); the parsimonious solution rests on {n_sa} simplifying "
            f"assumption(s). Core conditions are those of the parsimonious solution, peripheral "
            f"ones those added by the intermediate solution (Fiss 2011). The intermediate "
            f"solution {intermediate.expression} has consistency {fit['consistency']:.3f} and "
            f"coverage {fit['raw_coverage']:.3f}.{esa}{ambiguity}")


@accepts(truth_table=K.TruthTableArg(),
         intermediate=K.SolutionArg(("intermediate",), "truth_table"),
         parsimonious=K.SolutionArg(("parsimonious",), "truth_table"),
         necessity=K.necessity_result(), calibration=K.Calibration(optional=True, entries=True))
def methods_paragraph(truth_table, intermediate, parsimonious, *, necessity=None,
                      calibration=None) -> str:
    """The methods section of an fsQCA as Markdown text, built from the analysis objects.

    ``calibration`` is ``{column: anchors}`` or ``{column: {"thresholds": anchors,
    "method": "direct", "idm": None, "reason": "why these anchors"}}``.
    """
    data = truth_table.data
    spec = calibration_spec(calibration)
    opening = (f"We analysed {len(data)} cases with fuzzy-set QCA (Ragin 2008), using qcakit "
               f"{__version__}. The outcome was {truth_table.outcome_label}; the "
               f"{len(truth_table.conditions)} conditions were "
               f"{', '.join(truth_table.conditions)}.")
    return "\n\n".join([
        opening, "**Calibration.** " + _calibration_text(spec, data, list(data.columns)),
        "**Necessity.** " + _necessity_text(necessity),
        "**Truth table.** " + _truth_table_text(truth_table),
        "**Minimization.** " + _solution_text(intermediate, parsimonious),
    ])
