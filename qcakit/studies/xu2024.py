"""Xu, Hu & Liu (2024): county-level medical alliances, 11 cases, fsQCA, reproduced.

Paper: Xu Yue, Hu Linlin, Liu Yuanli. *Multiple realization pathways of county-level medical
alliances to improve service capacity: a fuzzy set qualitative comparative analysis.* Chinese
General Practice Journal 2024 (English secondary publication of Chinese General Practice 2023).
The raw data are the paper's Table 2 (``qcakit.datasets.load("xu2024_county_alliance")``).

This module holds the analysis choices the notebooks 11-19b share, and the paper's published
Tables 3 and 4 as data (used only for side-by-side comparison, never as results).

Calibration: what we settled on, and why
----------------------------------------
The paper says it calibrated with "the quartile", "with reference to Coduras et al. and Fiss",
in fsQCA 3.0, without giving anchors. Taken literally (25th / 50th / 75th percentiles) that
does not reproduce Table 3 (largest difference 0.231, see :func:`calibration_candidates`). The
reading that does, within 0.003 on all 28 numbers of Table 3, is:

1. **Anchors at the 95th / 50th / 5th percentiles** (full inclusion / crossover / full
   exclusion) of each raw variable, computed like Excel ``PERCENTILE.INC`` (numpy's default,
   R type 7). Fiss (2011), one of the two references the paper gives, is often cited for
   percentile anchors of this kind in applied fsQCA (our observation, not the paper's). We
   suspect "quartile" renders 分位数 (quantile) but could not check the Chinese original
   (Chinese General Practice 2023, DOI 10.12114/j.issn.1007-9572.2023.0058). This is an
   inference from the numbers, not a quotation.
2. **Ragin's direct method** with log-odds +-3 at the anchors (Ragin 2008, the fsQCA
   convention; anchors score 0.953 / 0.047). The R package QCA puts log(idm / (1 - idm)) in
   place of 3 (about 2.944 with its default ``idm = 0.95``, anchors at exactly 0.95 / 0.05);
   that recipe (``idm=0.95``) fits Table 3 a little worse.
3. **The dichotomous condition INFO (0/1 in the raw data) is used as a crisp set**, not run
   through the logistic function: its percentile anchors are (0, 0, 1), and the logistic
   formula would put the six cases scoring 0 exactly at 0.5. Table 3's INFO row (consistency
   0.392 + 0.608 = 1 for INFO and ~INFO) is only possible with memberships of exactly 0 and 1.
4. **Tied anchors** (ORG 1 / 1 / 2 and INCENT 0.75 / 2 / 2), which :func:`qcakit.calibrate`
   rightly refuses, follow the R package QCA's two-sided formula: a case at or above the
   crossover is calibrated on the inclusion side, a case below it on the exclusion side. Where
   that formula divides by zero we take its limit (our choice): R's arithmetic gives 1 to a case
   below a tied exclusion = crossover anchor (an artefact of dividing by zero; we use 0) and NaN
   to a case on a tied crossover = inclusion anchor. We could not run fsQCA 3.0 and do not know
   what it does with ties. For ORG the tie is harmless for the arithmetic (no case lies below
   the tied anchor; the six cases at 1 score 0.5), though it decides the necessity reading
   (notebook 13). For INCENT the eight cases scoring 2 sit on a crossover that is also the
   inclusion anchor. We give them the inclusion anchor's membership (0.953): the other possible
   value, 0.5, misses Table 3's INCENT row by 0.53, so the authors must have ended up near 0.95.
   This is the one judgement call the necessity numbers settle; :func:`calibrate_with_ties`
   documents it and the ``tie`` argument shows the alternative.
5. **Memberships of exactly 0.5 are set to 0.501** (the usual fsQCA convention), conditions and
   outcome alike. Table 3 cannot tell (the nudge moves no cell of it by more than 0.001), but
   Table 4 can: without the nudge 9 of the 11 cases fall in no truth-table row (a 0.5 on a
   condition), the two rows left with a case both fail the 0.8 cut, and there is no solution at
   all. Shanglin county, on the outcome's crossover too, would also have no case type.

The remaining differences from Table 3 (at most 0.003) are of the size that rounding inside
fsQCA, or a slightly different value for the eight undefined INCENT memberships, produces.

>>> from qcakit.studies import xu2024
>>> data = xu2024.calibrated()
>>> list(data.columns) == xu2024.CONDITIONS + [xu2024.OUTCOME]
True
>>> data.loc["H county", ["ORG", "INFO", "INCENT", "CAPACITY"]].round(3).tolist()
[0.818, 0.0, 0.953, 0.982]
"""
from __future__ import annotations

import re
import warnings
from dataclasses import replace

import pandas as pd

from .. import datasets, plot
from ..calibrate import calibrate, percentile_anchors
from ..chart import configuration_chart
from ..errors import QCAInputError, QCAWarning
from ..fonts import draws
from ..i18n import tr
from ..necessity import necessity
from ..sets import parse

DATASET = "xu2024_county_alliance"

#: The seven conditions, in the paper's order.
CONDITIONS = ["SCALE", "ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT"]
#: Raw outcome (annual growth rate of outpatient and emergency visits, %).
RAW_OUTCOME = "GROWTH"
#: Name of the calibrated outcome set: "improved service capacity".
OUTCOME = "CAPACITY"

#: English labels as printed in the paper's Tables 3 and 4.
LABELS = {
    "SCALE": "Scale of planning and implementation",
    "ORG": "Tight organizational structure",
    "MGMT": "Management system cooperation",
    "INFO": "Information platform integration",
    "SHARE": "Regional resource sharing",
    "PAY": "Medical insurance payment reform",
    "INCENT": "Incentive mechanism design",
    "CAPACITY": "Improved service capacity (calibrated growth of visits)",
}

# ---- documented analysis choices -------------------------------------------------------------
PERCENTILES = (5, 50, 95)  # exclusion, crossover, inclusion
PERCENTILE_METHOD = "excel_inc"
IDM = None  # Ragin's log-odds metric (fsQCA 3.0)
BINARY = "crisp"  # INFO (0/1) used as a crisp set
TIE = "inclusion"  # a case on a tied crossover/inclusion anchor scores the inclusion membership
NUDGE_HALF = True  # 0.5 -> 0.501

INCL_CUT = 0.8  # "the Consistency Threshold to 0.800"
N_CUT = 1  # "Case Frequency Threshold to 1"
ROBUSTNESS_INCL_CUT = 0.85  # robustness test: 0.800 -> 0.850

#: "Due to its consistency value was greater than 0.900, the organizational structure was set to
#: present": the only directional expectation the paper states.
DIRECTIONAL = {"ORG": 1}
#: The common alternative reading (every condition expected to contribute when present).
DIRECTIONAL_ALL_PRESENT = {c: 1 for c in CONDITIONS}

HALF_NUDGED = 0.501


# ---- calibration ----------------------------------------------------------------------------
def anchors(data: pd.DataFrame | None = None, percentiles=PERCENTILES,
            method: str = PERCENTILE_METHOD) -> pd.DataFrame:
    """Percentile anchors of every condition and the raw outcome, with ties flagged.

    >>> [float(v) for v in anchors().loc["INCENT"].iloc[:3]], anchors().loc["INCENT"].iloc[3]
    ([0.75, 2.0, 2.0], 'crossover = inclusion')
    """
    data = datasets.load(DATASET) if data is None else data
    rows = {}
    for col in CONDITIONS + [RAW_OUTCOME]:
        e, c, i = percentile_anchors(data[col], percentiles, method)
        tie = " and ".join(
            name for name, equal in (("exclusion = crossover", e == c),
                                     ("crossover = inclusion", c == i)) if equal
        )
        rows[col] = {"exclusion": e, "crossover": c, "inclusion": i, "tie": tie}
    return pd.DataFrame(rows).T.astype({"exclusion": float, "crossover": float,
                                         "inclusion": float})


def calibrate_with_ties(x: pd.Series, thresholds, *, idm: float | None = None,
                        tie: str = TIE) -> pd.Series:
    """Ragin's direct calibration that also accepts tied anchors (the study's rule for them).

    Untied anchors are passed straight to :func:`qcakit.calibrate`. With ties, cases at or above
    the crossover are calibrated on the inclusion side and cases below it on the exclusion side
    (the two-sided formula of R's ``QCA::calibrate``); where that arithmetic divides by zero we
    use its limit (our choice; R's own arithmetic differs where noted):

    - exclusion = crossover: a case *at* the crossover scores 0.5, a case below it 0 (R's
      arithmetic gives 1 there, an artefact of dividing by zero);
    - crossover = inclusion: a case above it scores 1; a case exactly *on* it is undefined
      (0 x infinity; R returns NaN). ``tie="inclusion"`` gives it the inclusion anchor's
      membership (0.953, or ``idm``), ``tie="crossover"`` gives it 0.5.
    We could not run fsQCA 3.0 and do not know what it does with tied anchors.

    The arithmetic is :func:`qcakit.calibrate` with ``ties=tie`` (by default the engine refuses
    tied anchors, because they are a problem of the data, few distinct values, worth seeing);
    this helper only fixes the study's choice and leaves the 0.5 handling to the caller.

    >>> import pandas as pd
    >>> x = pd.Series([0.5, 1.0, 2.0], name="INCENT")
    >>> calibrate_with_ties(x, (0.75, 2, 2)).round(3).tolist()
    [0.027, 0.083, 0.953]
    >>> calibrate_with_ties(x, (0.75, 2, 2), tie="crossover").round(3).tolist()
    [0.027, 0.083, 0.5]
    """
    if tie not in ("inclusion", "crossover"):
        raise QCAInputError(tr("tie must be 'inclusion' or 'crossover', got {value}.").format(
            value=repr(tie)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)  # 0.5 is handled by the caller
        return calibrate(x.astype(float), tuple(thresholds), idm=idm, ties=tie)


def calibrated(data: pd.DataFrame | None = None, *, percentiles=PERCENTILES,
               method: str = PERCENTILE_METHOD, idm: float | None = IDM,
               binary: str = BINARY, tie: str = TIE, digits: int | None = None,
               nudge_half: bool = NUDGE_HALF) -> pd.DataFrame:
    """The calibrated data: the seven conditions and :data:`OUTCOME`, one row per case.

    The defaults are the documented choice (module docstring). The keyword arguments let the
    notebooks and :func:`calibration_candidates` try the alternatives:

    percentiles, method : anchors as :func:`qcakit.percentile_anchors` computes them.
    idm : ``None`` for Ragin's log-odds +-3, ``0.95`` for the R package QCA convention.
    binary : ``"crisp"`` keeps the 0/1 condition INFO as a crisp set; ``"calibrate"`` runs it
        through the logistic function like the others.
    tie : see :func:`calibrate_with_ties`.
    digits : round memberships (before the 0.5 check), as fsQCA users who copy 2 or 3 decimals do.
    nudge_half : replace memberships of exactly 0.5 by 0.501. The cells changed are listed in
        ``result.attrs["nudged"]`` as ``(case, column)`` pairs.
    """
    if binary not in ("crisp", "calibrate"):
        raise QCAInputError(tr("binary must be 'crisp' or 'calibrate', got {value}.").format(
            value=repr(binary)))
    raw = datasets.load(DATASET) if data is None else data
    a = anchors(raw, percentiles, method)
    out = {}
    for col in CONDITIONS + [RAW_OUTCOME]:
        x = raw[col].astype(float)
        is_binary = set(x.unique()) <= {0.0, 1.0}
        if is_binary and binary == "crisp":
            out[col] = calibrate(x, (1,), method="crisp")
        else:
            out[col] = calibrate_with_ties(x, a.loc[col, ["exclusion", "crossover",
                                                          "inclusion"]], idm=idm, tie=tie)
    result = pd.DataFrame(out, index=raw.index).rename(columns={RAW_OUTCOME: OUTCOME})
    if digits is not None:
        result = result.round(digits)
    nudged = []
    if nudge_half:
        half = result == 0.5
        nudged = [(case, col) for col in result.columns for case in result.index[half[col]]]
        result = result.mask(half, HALF_NUDGED)
    result.attrs["nudged"] = nudged
    result.attrs["settings"] = dict(percentiles=tuple(percentiles), method=method, idm=idm,
                                    binary=binary, tie=tie, digits=digits, nudge_half=nudge_half)
    return result


def robustness_calibration(data: pd.DataFrame | None = None) -> dict:
    """The documented calibration as ``{column: f(raw_column, shift)}`` for
    :func:`qcakit.robustness`: each function calibrates with the crossover moved by ``shift``
    (raw units), ties handled by :func:`calibrate_with_ties` and 0.5 nudged to 0.501; INFO
    stays crisp (threshold 1). The outcome keeps its raw name (:data:`RAW_OUTCOME`).

    >>> spec = robustness_calibration()
    >>> raw = datasets.load(DATASET)
    >>> bool((spec["SCALE"](raw["SCALE"], 0).round(6) == calibrated()["SCALE"].round(6)).all())
    True
    """
    table = anchors(data)

    def direct(col):
        e, c, i = table.loc[col, ["exclusion", "crossover", "inclusion"]]

        def shifted(x, shift):
            m = calibrate_with_ties(x.astype(float), (e, c + shift, i))
            return m.mask(m == 0.5, HALF_NUDGED)
        return shifted

    spec = {col: direct(col) for col in CONDITIONS + [RAW_OUTCOME] if col != "INFO"}
    spec["INFO"] = (1,)
    return spec


def table3(data: pd.DataFrame) -> pd.DataFrame:
    """Our necessity table in the layout of Table 3 (rows SCALE, ~SCALE, ... ; consistency,
    coverage and RoN), from calibrated ``data``."""
    return necessity(data, OUTCOME, CONDITIONS).table


def table3_differences(data: pd.DataFrame) -> pd.Series:
    """``ours (rounded to 3 decimals) - published`` for the 28 numbers of Table 3, flattened."""
    ours = table3(data)[["consistency", "coverage"]].round(3)
    diff = (ours - TABLE3).stack()
    diff.index = [f"{row} {col}" for row, col in diff.index]
    return diff.round(3)


#: A small, documented set of calibration recipes (not a search for the best fit): the paper's
#: words taken literally, the usual percentile conventions, and one-at-a-time variations of the
#: recipe that fits. Keys are passed to :func:`calibrated`.
CANDIDATES = {
    "quartiles 25/50/75 (as printed), Excel .INC": dict(percentiles=(25, 50, 75)),
    "quartiles 25/50/75, Excel .EXC / SPSS": dict(percentiles=(25, 50, 75), method="excel_exc"),
    "quartiles 25/50/75, R QCA metric (idm 0.95)": dict(percentiles=(25, 50, 75), idm=0.95),
    "percentiles 20/50/80": dict(percentiles=(20, 50, 80)),
    "percentiles 10/50/90": dict(percentiles=(10, 50, 90)),
    "percentiles 5/50/95, .EXC rule (SPSS; P5 clamped to the minimum)": dict(method="excel_exc"),
    "percentiles 5/50/95, R QCA metric (idm 0.95)": dict(idm=0.95),
    "percentiles 5/50/95, Excel .INC (chosen)": dict(),
    "chosen, but INFO calibrated like the others": dict(binary="calibrate"),
    "chosen, but INCENT = 2 scored 0.5 (tie at crossover)": dict(tie="crossover"),
    "chosen, memberships rounded to 2 decimals": dict(digits=2),
    "chosen, without the 0.501 nudge": dict(nudge_half=False),
}


def calibration_candidates(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """How far each recipe in :data:`CANDIDATES` lands from the 28 numbers of Table 3.

    Columns: ``max_diff`` and ``mean_diff`` (absolute, ours rounded to 3 decimals),
    ``exact`` (cells reproduced as printed), ``worst`` (the cell with the largest difference).
    Sorted as listed, not by fit, so the table reads as an argument.
    """
    rows = {}
    for name, settings in CANDIDATES.items():
        diff = table3_differences(calibrated(data, **settings)).abs()
        rows[name] = {"max_diff": diff.max(), "mean_diff": diff.mean(),
                      "exact": int((diff == 0).sum()), "worst": diff.idxmax()}
    out = pd.DataFrame(rows).T
    return out.astype({"max_diff": float, "mean_diff": float, "exact": int})


@draws
def plot_calibration(column: str, data: pd.DataFrame | None = None, ax=None):
    """Calibration curve of one variable under the documented choice, cases as points
    (labelled with their case numbers).

    Drawn by :func:`qcakit.plot.calibration_curve`; the tied anchors of ORG and INCENT with
    ``ties=TIE``, the rule :func:`calibrate_with_ties` documents. The raw outcome's panel is
    titled ``GROWTH -> CAPACITY``: the curve calibrates the raw growth rate into the set
    :data:`OUTCOME`. Cases drawn hollow (exactly 0.5) are nudged to 0.501 in the analysis.
    """
    raw = datasets.load(DATASET) if data is None else data
    x = raw[column].astype(float)
    if "case_no" in raw.columns:  # short point labels: the case numbers of Tables 1 and 2
        x.index = raw["case_no"].astype(str)
    if set(x.unique()) <= {0.0, 1.0} and BINARY == "crisp":
        ax = plot.calibration_curve(x, (1,), method="crisp", ax=ax)
        ax.set_title(tr("{name}: 0/1 used as a crisp set").format(name=column), fontsize=9)
        return ax
    a = anchors(raw).loc[column]
    e, c, i = float(a["exclusion"]), float(a["crossover"]), float(a["inclusion"])
    with warnings.catch_warnings():  # the hollow red points show the 0.5 cases
        warnings.simplefilter("ignore", QCAWarning)
        ax = plot.calibration_curve(x, (e, c, i), ax=ax, ties=TIE)
    words = {"exclusion": tr("exclusion"), "crossover": tr("crossover"),
             "inclusion": tr("inclusion"), "and": tr("and")}
    tie = re.sub(r"[a-z]+", lambda m: words[m.group()], a["tie"])
    name = f"{column} -> {OUTCOME}" if column == RAW_OUTCOME else column
    values = dict(name=name, e=f"{e:g}", c=f"{c:g}", i=f"{i:g}", tie=tie)
    ax.set_title((tr("{name}: tied anchors ({tie})\n{e}, {c}, {i} (P5, P50, P95)") if a["tie"]
                  else tr("{name}: anchors\n{e}, {c}, {i} (P5, P50, P95)")).format(**values),
                 fontsize=9)
    if column == RAW_OUTCOME:
        ax.set_ylabel(tr("membership in {name}").format(name=OUTCOME))
    legend = ax.get_legend()
    if legend is not None and NUDGE_HALF:  # the hollow points: say what the analysis uses
        legend.get_texts()[0].set_text(
            tr("exactly 0.5 ({value} in the analysis)").format(value=HALF_NUDGED))
    return ax


# ---- published tables (for comparison only) -------------------------------------------------
def _table3() -> pd.DataFrame:
    printed = {  # Table 3, "Necessity testing results": consistency, coverage
        "SCALE": (0.480, 0.532), "~SCALE": (0.727, 0.610),
        "ORG": (0.945, 0.674), "~ORG": (0.445, 0.643),
        "MGMT": (0.822, 0.691), "~MGMT": (0.620, 0.685),
        "INFO": (0.392, 0.412), "~INFO": (0.608, 0.532),
        "SHARE": (0.712, 0.546), "~SHARE": (0.531, 0.673),
        "PAY": (0.758, 0.691), "~PAY": (0.542, 0.544),
        "INCENT": (0.846, 0.570), "~INCENT": (0.255, 0.417),
    }
    return pd.DataFrame(printed, index=["consistency", "coverage"]).T


#: Table 3 as printed (rows in our condition codes; ``LABELS`` has the printed names).
TABLE3 = _table3()

#: Table 4's symbols exactly as they survive in the Markdown copy of the paper: the copy lost
#: the size difference between core and peripheral symbols, so "." stands for both
#: "peripheral present" and blank, and "○" for both kinds of absence.
TABLE4_PRINTED = pd.DataFrame(
    {"S1": [".", ".", "●", ".", ".", "●", "●"],
     "S2": [".", ".", "●", ".", ".", "●", "●"],
     "S3": ["○", ".", "●", "○", ".", "●", "○"],
     "S4": ["○", ".", "●", "○", "○", "●", "●"]},
    index=CONDITIONS,
)

#: Table 4 reconstructed: every cell, its code (as in ``qcakit.configuration_chart(...).table``)
#: and the sentence of the paper it rests on.
TABLE4_EVIDENCE = pd.DataFrame(
    [
        ("S1", "SCALE", "peripheral present", "S1: 'the scale of planning and implementation, the close organizational structure, and the sharing of regional resources exist as the marginal conditions'"),
        ("S1", "ORG", "peripheral present", "S1: same sentence"),
        ("S1", "MGMT", "core present", "S1: 'The coordination of the management system, the reform of medical insurance payment, and the design of the incentive mechanism exist as the core conditions'"),
        ("S1", "INFO", "", "S1: 'The integration of information platforms is optional.'"),
        ("S1", "SHARE", "peripheral present", "S1: marginal-conditions sentence"),
        ("S1", "PAY", "core present", "S1: core-conditions sentence"),
        ("S1", "INCENT", "core present", "S1: core-conditions sentence"),
        ("S2", "SCALE", "", "S2: 'the scale of planning and implementation is dispensable'"),
        ("S2", "ORG", "peripheral present", "S2: 'the organizational structure is close, the integration of information platforms, and the sharing of regional resources exist as marginal conditions'"),
        ("S2", "MGMT", "core present", "S2: 'The coordination of the management system, the reform of medical insurance payment, and the design of incentive mechanisms exist as the core conditions'"),
        ("S2", "INFO", "peripheral present", "S2: marginal-conditions sentence"),
        ("S2", "SHARE", "peripheral present", "S2: marginal-conditions sentence"),
        ("S2", "PAY", "core present", "S2: core-conditions sentence"),
        ("S2", "INCENT", "core present", "S2: core-conditions sentence"),
        ("S3", "SCALE", "core absent", "S3: 'planning implementation scale and incentive mechanism design are the absent core conditions'"),
        ("S3", "ORG", "peripheral present", "S3: 'organizational structure closeness and regional resource sharing exist as marginal conditions'"),
        ("S3", "MGMT", "core present", "S3: 'Management system collaboration and medical insurance payment reform exist as the core conditions'"),
        ("S3", "INFO", "peripheral absent", "S3: 'information platform integration is the absent marginal condition'"),
        ("S3", "SHARE", "peripheral present", "S3: marginal-conditions sentence (Table 4 prints '.', not '○')"),
        ("S3", "PAY", "core present", "S3: core-conditions sentence"),
        ("S3", "INCENT", "core absent", "S3: absent-core sentence (Table 4 prints '○')"),
        ("S4", "SCALE", "core absent", "S4: 'planning and implementation scale as the absent core conditions'"),
        ("S4", "ORG", "peripheral present", "S4: 'organizational structure closeness exists as the marginal conditions'"),
        ("S4", "MGMT", "core present", "S4: 'Management system coordination, medical insurance payment reform, and incentive mechanism design exist as the core conditions'"),
        ("S4", "INFO", "peripheral absent", "S4: 'information platform integration and regional resource sharing are the absent marginal conditions'"),
        ("S4", "SHARE", "peripheral absent", "S4: same sentence (Table 4 prints '○')"),
        ("S4", "PAY", "core present", "S4: core-conditions sentence"),
        ("S4", "INCENT", "core present", "S4: core-conditions sentence (Table 4 prints '●')"),
    ],
    columns=["configuration", "condition", "code", "evidence"],
)

#: Table 4 as a chart, in the codes of ``qcakit.configuration_chart(...).table``. Notebook 17
#: checks that Table 4's fit numbers belong to these symbols, not to the abstract's S3/S4.
TABLE4_CHART = (TABLE4_EVIDENCE.pivot(index="condition", columns="configuration", values="code")
                .reindex(CONDITIONS).rename_axis(index=None, columns=None))

#: Table 4's fit rows as printed ("Primary coverage" is raw coverage).
TABLE4_FIT = pd.DataFrame(
    {"consistency": [0.982, 0.973, 1.000, 1.000],
     "raw_coverage": [0.311, 0.210, 0.168, 0.185],
     "unique_coverage": [0.065, 0.065, 0.113, 0.086]},
    index=["S1", "S2", "S3", "S4"],
)

#: Solution consistency and coverage as printed with Table 4.
TABLE4_SOLUTION = pd.DataFrame({"consistency": [0.990], "coverage": [0.574]}, index=["solution"])

#: The four paths as each part of the paper writes them (``None``: not given / cut off).
PATHS = pd.DataFrame(
    {
        "Table 4 columns (reconstructed)": [
            "SCALE*ORG*MGMT*SHARE*PAY*INCENT", "ORG*MGMT*INFO*SHARE*PAY*INCENT",
            "~SCALE*ORG*MGMT*~INFO*SHARE*PAY*~INCENT", "~SCALE*ORG*MGMT*~INFO*~SHARE*PAY*INCENT"],
        "Results: core/marginal sentences": [
            "SCALE*ORG*MGMT*SHARE*PAY*INCENT", "ORG*MGMT*INFO*SHARE*PAY*INCENT",
            "~SCALE*ORG*MGMT*~INFO*SHARE*PAY*~INCENT", "~SCALE*ORG*MGMT*~INFO*~SHARE*PAY*INCENT"],
        "Results: path formula lines": [
            "SCALE*ORG*MGMT*SHARE*PAY*INCENT", "ORG*MGMT*INFO*SHARE*PAY*INCENT",
            "~SCALE*ORG*MGMT*~INFO*~SHARE*PAY*INCENT", "~SCALE*ORG*MGMT*~INFO*SHARE*PAY*~INCENT"],
        "Abstract": [
            "SCALE*ORG*MGMT*SHARE*PAY*INCENT", "ORG*MGMT*INFO*SHARE*PAY*INCENT",
            "~SCALE*ORG*MGMT*~INFO*~SHARE*PAY*INCENT", "~SCALE*ORG*MGMT*~INFO*SHARE*PAY*~INCENT"],
        "Results: 'That is to say' sentences": [
            "SCALE*ORG*MGMT*SHARE*PAY*INCENT", "ORG*MGMT*INFO*SHARE*PAY*INCENT",
            "~SCALE*ORG*MGMT*INFO*SHARE*PAY*INCENT", "~SCALE*ORG*MGMT*~INFO*~SHARE*PAY*INCENT"],
        "Discussion": [
            "SCALE*ORG*MGMT*SHARE*PAY*INCENT", "ORG*MGMT*INFO*SHARE*PAY*INCENT",
            None, "~SCALE*ORG*MGMT*INFO*SHARE*PAY*~INCENT"],
    },
    index=["S1", "S2", "S3", "S4"],
).T

#: Places where the paper disagrees with itself (notebook 17 tests each against the data). The
#: English paper is a secondary publication of a Chinese original we could not read; some of
#: these may be slips of the translation.
CONTRADICTIONS = pd.DataFrame(
    [
        ("Role of the seven variables", "Methods and Table 2: seven condition variables",
         "Abstract: the seven variables 'were identified as outcome variables'"),
        ("S3, regional resource sharing", "Table 4 '.' and S3 core/marginal sentence: 'regional resource sharing exist as marginal conditions'",
         "Abstract and S3 formula line: 'non-sharing of regional resources'"),
        ("S3, incentive mechanism design", "Table 4 '○' and S3 core/marginal sentence: 'incentive mechanism design [is an] absent core condition'",
         "Abstract and S3 formula line: 'incentive mechanism design' (present)"),
        ("S4, regional resource sharing", "Table 4 '○' and S4 core/marginal sentence: 'regional resource sharing [is an] absent marginal condition'",
         "Abstract and S4 formula line: 'regional resource sharing' (present)"),
        ("S4, incentive mechanism design", "Table 4 '●' and S4 core/marginal sentence: 'incentive mechanism design exist[s] as the core condition'",
         "Abstract and S4 formula line: 'no incentive mechanism design'"),
        ("S3, paraphrase", "S3 core/marginal sentence and Table 4: information platform and incentives absent",
         "S3 'That is to say': 'the integration of information platforms and the design of incentive mechanisms can also promote'"),
        ("S4, information platform", "Everywhere else (e.g. abstract: 'non-integrated information platform')",
         "Discussion, path S4: 'Integration of information platform'"),
        ("Discussion, S3", "Results: seven conditions", "Discussion: S3 breaks off after 'Non-integration of information platform *' (cause unknown)"),
    ],
    columns=["topic", "one place says", "another place says"],
)

#: Places where the paper's words disagree with its numbers *as we reproduce them*: each
#: second column is our reconstruction or inference (notebooks 12-19b), not the paper's text.
WORDS_VS_REPRODUCTION = pd.DataFrame(
    [
        ("Calibration", "Methods: 'the quartile is calculated to calibrate it'",
         "our reproduction of Table 3: 5th/50th/95th percentiles fit within 0.003, quartiles "
         "miss by 0.231 (notebook 12)"),
        ("Robustness", "Robustness test: at 0.850 'there are still 4 path combinations, which "
         "are consistent with the original path combinations'",
         "our reproduction at the stated settings: Zherong county's row (0.803) is positive at "
         "0.80 and changes S3; the 0.85 run gives Table 4 (notebooks 14-16)"),
        ("ORG: necessary, yet peripheral", "Necessity test: ORG necessary; Conditional "
         "configuration analysis: ORG 'set to present'",
         "our inference: Table 4's cores (ORG peripheral everywhere) need simplifying "
         "assumptions with ORG absent, which the necessity claim rules out (lesson 19b)"),
    ],
    columns=["topic", "the paper says", "what we find"],
)


# ---- helpers for the solution notebooks -----------------------------------------------------
def _literals(expr: str) -> frozenset:
    (term,) = parse(expr)
    return frozenset(term)


def configuration_labels(terms, source: str = "Table 4 columns (reconstructed)") -> list:
    """Label each term (string or qcakit term tuple) S1-S4 when it is literally one of the
    paper's paths in ``source`` (a row of :data:`PATHS`), else ``None``.

    >>> configuration_labels(["ORG*MGMT*INFO*SHARE*PAY*INCENT", "MGMT*PAY"])
    ['S2', None]
    """
    published = {_literals(e): s for s, e in PATHS.loc[source].items() if e}
    out = []
    for term in terms:
        lits = _literals(term) if isinstance(term, str) else frozenset(term)
        out.append(published.get(lits))
    return out


def chart_with_cores(intermediate, parsimonious, implicants):
    """Configuration chart whose core conditions come from the given parsimonious prime
    implicants (strings), e.g. the ones a user ticks in fsQCA's prime implicant dialog.

    :func:`qcakit.configuration_chart` takes the cores from one parsimonious model. When the
    parsimonious solution has several equally short models, fsQCA asks the user to choose
    implicants; this rebuilds the chart for such a choice (a term's core is the union of the
    chosen implicants that contain it). Columns are relabelled S1-S4 where they match Table 4.
    """
    chosen = [tuple(sorted(_literals(p), key=lambda lit: CONDITIONS.index(lit[0])))
              for p in implicants]
    known = {frozenset(p) for p in parsimonious.prime_implicants}
    unknown = [p for p in implicants if _literals(p) not in known]
    if unknown:
        primes = sorted("*".join(n if v else "~" + n for n, v in p)
                        for p in parsimonious.prime_implicants)
        raise QCAInputError(tr("{terms} is not a prime implicant of this parsimonious solution "
                               "({primes}).").format(terms=", ".join(unknown),
                                                     primes=", ".join(primes)))
    chart = configuration_chart(replace(intermediate, parents={}),
                                replace(parsimonious, models=[chosen]))
    return relabel(chart, intermediate)


def relabel(chart, intermediate, model: int = 0):
    """Rename a chart's columns to S1-S4 where the configuration is one of Table 4's."""
    labels = configuration_labels(intermediate.models[model])
    mapping = {old: new for old, new in zip(chart.table.columns, labels) if new}
    chart.table = chart.table.rename(columns=mapping)
    chart.fit = chart.fit.rename(index=mapping)
    chart.terms = {mapping.get(k, k): v for k, v in chart.terms.items()}
    return chart
