"""Case labels for the search result, and checks of a data set with qcakit itself:
the paper's configurations and chart (:func:`check_structure`) and the published numbers
(:func:`residuals`)."""
from __future__ import annotations

import pandas as pd

from ...errors import QCAInputError
from ...i18n import tr
from ...chart import configuration_chart
from ...minimize import minimize
from ...necessity import necessity
from ...sets import membership
from ...solution import evaluate
from ...truthtable import truth_table
from .. import compare
from .. import wei2026 as study
from .design import VARIABLES

#: Rows set aside for the paper's pathway examples: label -> configurations of that pathway
#: (:data:`wei2026.STAND_IN_PLACED`; the case list, not the stand-in, says which cases).
PLACED_ROWS = {label: study.PATHWAYS.loc[pathway, "configurations"]
               for label, pathway in study.STAND_IN_PLACED.items()}


def assign_cases(rows: pd.DataFrame) -> pd.DataFrame:
    """Label the unlabelled rows of a search result S01-S27; no row gets a county's name.

    The rows are sorted by their scores (descending). For each row of :data:`PLACED_ROWS`
    (S24-S27, one per case the paper's text cites as a pathway example) the first row that is in
    (> 0.5) a configuration of that pathway and in the outcome is set aside. The other 23 rows
    get S01-S23 in sorted order. Output: S01-S27. Any other assignment fits the published tables
    equally well: the labels carry no information about any case.

    >>> import numpy as np
    >>> from qcakit.studies import wei2026
    >>> rows = pd.DataFrame(np.ones((27, 7)), columns=VARIABLES)
    >>> rows.loc[:3, ["SYS", "PERF"]] = 0.0                  # four rows in configuration 1
    >>> rows.loc[4:7, "ORG"] = 0.0; rows.loc[4:7, "PERF"] = 0.0   # configuration 2
    >>> rows.loc[8:11, "ORG"] = 0.0                           # configurations 3 and 4
    >>> labelled = assign_cases(rows)
    >>> labelled.index.tolist() == wei2026.STAND_IN_LABELS
    True
    """
    rows = rows[VARIABLES].sort_values(VARIABLES[::-1], ascending=False,
                                       kind="stable").reset_index(drop=True)
    free = list(rows.index)
    chosen = {}
    for label, configs in PLACED_ROWS.items():
        for r in free:
            one = rows.loc[[r]]
            if one["FUSION"].iloc[0] > 0.5 and any(
                    membership(one, study.CONFIGURATIONS[c]).iloc[0] > 0.5 for c in configs):
                chosen[label] = r
                free.remove(r)
                break
    neutral = [label for label in study.STAND_IN_LABELS if label not in PLACED_ROWS]
    if len(chosen) != len(PLACED_ROWS) or len(free) != len(neutral):
        missing = [f"{label} (configurations {', '.join(PLACED_ROWS[label])})"
                   for label in PLACED_ROWS if label not in chosen]
        raise QCAInputError(
            f"assign_cases needs {len(study.STAND_IN_LABELS)} rows, among them a row in the "
            f"outcome and in a configuration of each pathway example; got {len(rows)} rows, no "
            f"row for: {'; '.join(missing) or 'none'}.")
    order = dict(zip(neutral, free))
    order.update(chosen)
    out = pd.DataFrame([rows.loc[order[label]] for label in study.STAND_IN_LABELS],
                       index=list(study.STAND_IN_LABELS))
    out.index.name = "case"
    return out[VARIABLES]


def check_structure(data: pd.DataFrame, incl_cut: float = study.INCL_CUT,
                    directional=study.DIRECTIONAL) -> dict:
    """Run qcakit with the paper's settings and compare with Table 4's configurations."""
    settings = study.truth_table_settings()
    settings["incl_cut"] = incl_cut
    tt = truth_table(data, **settings)
    pars = minimize(tt, "parsimonious")
    inter = minimize(tt, "intermediate", directional)
    chart = configuration_chart(inter, pars)
    found = set(inter.terms)
    published = set(study.CONFIGURATIONS.values())
    matched = study.match_configurations(chart.terms)
    code_diff = 0
    for num, label in matched.items():
        if label is not None:
            code_diff += int((chart.table[label] != study.TABLE4_CHART[num]).sum())
    return {"truth_table": tt, "parsimonious": pars, "intermediate": inter, "chart": chart,
            "missing": sorted(published - found), "extra": sorted(found - published),
            "n_models": len(inter.models), "chart_differences": code_diff,
            "matches": not (published ^ found) and len(inter.models) == 1 and code_diff == 0}


def residuals(data: pd.DataFrame) -> dict:
    """Published and reproduced Tables 3 and 4 side by side (qcakit.necessity / evaluate)."""
    out = {}
    for key, neg in (("FUSION", False), ("~FUSION", True)):
        ours = necessity(data, study.OUTCOME, study.CONDITIONS, negate_outcome=neg).table
        out[f"table3 {key}"] = compare(study.NECESSITY[key], ours)
    expr = " + ".join(study.CONFIGURATIONS.values())
    fit = evaluate(data, expr, study.OUTCOME).table
    ours = fit.iloc[:-1][["consistency", "raw_coverage", "unique_coverage"]]
    ours.index = list(study.CONFIGURATIONS)
    out["table4"] = compare(study.TABLE4_FIT[["consistency", "raw_coverage",
                                              "unique_coverage"]], ours)
    sol = pd.DataFrame({"value": [study.SOLUTION["consistency"], study.SOLUTION["coverage"]]},
                       index=["solution consistency", "solution coverage"])
    ours_sol = pd.DataFrame({"value": [fit.loc["solution", "consistency"],
                                       fit.loc["solution", "raw_coverage"]]}, index=sol.index)
    out["solution"] = compare(sol, ours_sol)
    return out


def residual_list(data: pd.DataFrame) -> pd.DataFrame:
    """Every published number with ours and the difference (rounded to 3 digits), one row each."""
    rows = []
    for key, table in residuals(data).items():
        for idx in table.index:
            for col in [c[: -len(" (published)")] for c in table.columns
                        if c.endswith(" (published)")]:
                rows.append({"table": "Table 3" if key.startswith("table3") else "Table 4",
                             "part": key, "row": idx, "statistic": col,
                             "published": table.loc[idx, f"{col} (published)"],
                             "ours": table.loc[idx, f"{col} (ours)"],
                             "difference": table.loc[idx, f"{col} (difference)"]})
    out = pd.DataFrame(rows)
    out["abs_difference"] = out["difference"].abs()
    return out


def largest_differences(data: pd.DataFrame) -> pd.DataFrame:
    """The largest absolute difference per table (the number, ours and published)."""
    res = residual_list(data)
    idx = res.groupby("table")["abs_difference"].idxmax()
    return res.loc[idx].set_index("table")



def fit_summary(data: pd.DataFrame) -> dict:
    """How close a stand-in is to the paper, counted: published numbers within 0.003 (of 65),
    the largest miss, and the cells of the configuration chart that differ from Table 4 as we
    read it (:data:`wei2026.TABLE4_CHART`; cells of configurations qcakit does not find count as
    differing), with how many of them differ in presence/absence (not only in core/peripheral
    status)."""
    res = residual_list(data)
    check = check_structure(data)
    matched = study.match_configurations(check["chart"].terms)
    found = [num for num, label in matched.items() if label is not None]
    cells = study.TABLE4_CHART.size
    missing_cells = (len(study.CONFIGURATIONS) - len(found)) * len(study.CONDITIONS)
    kind = lambda code: str(code).split(" ")[-1]  # noqa: E731  present / absent / ""
    differ_in_kind = sum(int((check["chart"].table[matched[num]].map(kind)
                              != study.TABLE4_CHART[num].map(kind)).sum()) for num in found)
    return {"n_published": len(res),
            "within": int((res["abs_difference"] <= 0.003 + 1e-9).sum()),
            "worst": float(res["abs_difference"].max()),
            "cells": cells, "cells_differ": check["chart_differences"] + missing_cells,
            "cells_differ_in_presence": differ_in_kind + missing_cells,
            "configurations_found": len(found)}


def stand_in_line(data: pd.DataFrame) -> str:
    """The one line every Wei lesson shows near its top: what the stand-in is and how close it
    is, with the numbers computed by :func:`fit_summary`."""
    f = fit_summary(data)
    if f["cells_differ_in_presence"] == 0:
        how = tr("all in core/peripheral status (presence and absence agree in every cell)")
    else:
        how = tr("{n} of them in presence or absence").format(n=f["cells_differ_in_presence"])
    return tr(
        "Data: a stand-in, not the authors' data. The paper publishes no case scores; these 27 "
        "rows of scores (0, 0.501 or 1) were searched to fit Tables 3-4: {within} of the "
        "{published} published numbers within 0.003, largest miss {worst}. The five "
        "configurations were imposed by the search; {differ} of the {cells} cells of the "
        "configuration chart differ from Table 4 as we read it, {how}. The rows are labelled "
        "S01-S27: no row is a county, and no score comes from the paper.").format(
            within=f["within"], published=f["n_published"], worst=f"{f['worst']:.3f}",
            differ=f["cells_differ"], cells=f["cells"], how=how)
