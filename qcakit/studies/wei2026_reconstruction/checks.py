"""Case labels for the search result, and checks of a data set with qcakit itself:
the paper's configurations and chart (:func:`check_structure`) and the published numbers
(:func:`residuals`)."""
from __future__ import annotations

import pandas as pd

from ... import datasets
from ...chart import configuration_chart
from ...minimize import minimize
from ...necessity import necessity
from ...sets import membership
from ...solution import evaluate
from ...truthtable import truth_table
from .. import compare
from .. import wei2026 as study
from .design import VARIABLES

#: Cases the paper's text names as examples of a configuration (the only case-level evidence).
NAMED_CASES = {"Huazhou (Guangdong)": ["1"], "Gongcheng": ["2"],
               "Changxing": ["3", "4", "5"], "Dongtai": ["3", "4", "5"]}


def assign_cases(rows: pd.DataFrame) -> pd.DataFrame:
    """Give the unlabelled rows the case labels of ``wei2026_cases``.

    Named cases first get a row that is in (> 0.5) one of their configurations and in the
    outcome; the other rows, sorted by their scores (descending), go to the other cases in
    case-number order. Any other assignment fits the published tables equally well.
    """
    cases = datasets.load("wei2026_cases")
    rows = rows[VARIABLES].sort_values(VARIABLES[::-1], ascending=False,
                                       kind="stable").reset_index(drop=True)
    free = list(rows.index)
    chosen = {}
    for case, configs in NAMED_CASES.items():
        for r in free:
            one = rows.loc[[r]]
            if one["FUSION"].iloc[0] > 0.5 and any(
                    membership(one, study.CONFIGURATIONS[c]).iloc[0] > 0.5 for c in configs):
                chosen[case] = r
                free.remove(r)
                break
    others = [c for c in cases.index if c not in chosen]
    order = dict(zip(others, free))
    order.update(chosen)
    out = pd.DataFrame([rows.loc[order[c]] for c in cases.index], index=cases.index)
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

