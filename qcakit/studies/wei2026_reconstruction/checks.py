"""Case labels for the search result, and checks of a data set with qcakit itself:
the paper's configurations and chart (:func:`check_structure`) and the published numbers
(:func:`residuals`)."""
from __future__ import annotations

import pandas as pd

from ...errors import QCAInputError
from ...chart import configuration_chart
from ...minimize import minimize
from ...necessity import necessity
from ...sets import membership
from ...solution import evaluate
from ...truthtable import truth_table
from .. import compare
from .. import wei2026 as study
from .design import VARIABLES

#: The cases the paper's text names as examples of a configuration (the only case-level
#: evidence): stand-in label -> (key in ``wei2026_cases``, configurations).
NAMED_CASES = study.STAND_IN_NAMED


def assign_cases(rows: pd.DataFrame) -> pd.DataFrame:
    """Label the unlabelled rows of a search result.

    The rows are sorted by their scores (descending). Each case the paper's text names
    (:data:`NAMED_CASES`) gets the first row that is in (> 0.5) one of its configurations and in
    the outcome, and is labelled "<name> (partly invented)". The other 23 rows get the neutral
    labels S01-S23 in sorted order: nothing published ties them to any case, so they carry no
    county name. Output: S01-S23, then the four named rows. Any other assignment fits the
    published tables equally well.

    >>> import numpy as np
    >>> from qcakit.studies import wei2026
    >>> rows = pd.DataFrame(np.ones((27, 7)), columns=VARIABLES)
    >>> rows.loc[:3, ["SYS", "PERF"]] = 0.0                  # four rows in configuration 1
    >>> rows.loc[4:7, "ORG"] = 0.0; rows.loc[4:7, "PERF"] = 0.0   # configuration 2
    >>> rows.loc[8:11, "ORG"] = 0.0                           # configurations 3 and 4
    >>> labelled = assign_cases(rows)
    >>> labelled.index[:2].tolist(), labelled.index[-4:].tolist() == list(wei2026.STAND_IN_NAMED)
    (['S01', 'S02'], True)
    """
    rows = rows[VARIABLES].sort_values(VARIABLES[::-1], ascending=False,
                                       kind="stable").reset_index(drop=True)
    free = list(rows.index)
    chosen = {}
    for label, (_, configs) in NAMED_CASES.items():
        for r in free:
            one = rows.loc[[r]]
            if one["FUSION"].iloc[0] > 0.5 and any(
                    membership(one, study.CONFIGURATIONS[c]).iloc[0] > 0.5 for c in configs):
                chosen[label] = r
                free.remove(r)
                break
    if len(chosen) != len(NAMED_CASES) or len(free) != len(study.STAND_IN_NEUTRAL):
        missing = sorted(set(NAMED_CASES) - set(chosen))
        raise QCAInputError(
            f"assign_cases needs {len(NAMED_CASES) + len(study.STAND_IN_NEUTRAL)} rows with a "
            f"row in the outcome and in the configuration of each named case; got {len(rows)} "
            f"rows, no row for: {', '.join(missing) or 'none'}.")
    order = dict(zip(study.STAND_IN_NEUTRAL, free))
    order.update(chosen)
    out = pd.DataFrame([rows.loc[r] for r in order.values()], index=list(order))
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
    differing)."""
    res = residual_list(data)
    check = check_structure(data)
    found = [num for num, label in study.match_configurations(check["chart"].terms).items()
             if label is not None]
    cells = study.TABLE4_CHART.size
    missing_cells = (len(study.CONFIGURATIONS) - len(found)) * len(study.CONDITIONS)
    return {"n_published": len(res),
            "within": int((res["abs_difference"] <= 0.003 + 1e-9).sum()),
            "worst": float(res["abs_difference"].max()),
            "cells": cells, "cells_differ": check["chart_differences"] + missing_cells,
            "configurations_found": len(found)}


def stand_in_line(data: pd.DataFrame) -> str:
    """The one line every Wei lesson shows near its top: what the stand-in is and how close it
    is, with the numbers computed by :func:`fit_summary`."""
    f = fit_summary(data)
    return (
        "Data: a stand-in, not the authors' data. The paper publishes no case scores; these 27 "
        "rows of scores (0, 0.501 or 1) were searched to fit Tables 3-4: "
        f"{f['within']} of the {f['n_published']} published numbers within 0.003, largest miss "
        f"{f['worst']:.3f}; the five configurations were imposed by the search, and "
        f"{f['cells_differ']} of the {f['cells']} cells of the configuration chart differ from "
        "Table 4 as we read it. Rows S01-S23 are no county; the four rows marked '(partly "
        "invented)' are the cases the text names, placed in their configuration, with otherwise "
        "invented scores.")
