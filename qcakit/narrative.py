"""Sentences computed from the results: the prose of an analysis, for the data at hand.

A notebook that runs on anyone's data cannot carry prose written for one data set: "11 cases",
"row 84 passes", "ORG is necessary" are results, and they change with the file. Each function
here takes result objects of the kit and returns Markdown text stating what they show, with the
warnings a careful reader would add (an empty solution, an empty robust core, a trivial
necessary condition, a cut that admits one row, cases at exactly 0.5). Lesson 30 shows them
with :func:`show`.

Every sentence template is in :data:`TEXT` (plain ``str.format`` strings) and every phrase
with a count in :data:`PLURAL` (singular, plural), in this one module, so that a translation
layer can wrap them (gettext's ``_()`` and ``ngettext()``) without touching the logic.

>>> import pandas as pd, qcakit
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
>>> print(truth_table(tt))
4 of the 4 logically possible configurations hold at least 1 case (0 remainders). 2 rows are coded 1 (rows 4, 3), holding 2 cases: p, q.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import QCAInputError
from .cases import CROSSOVER, DEV_COVERAGE, DEV_KIND, SOLUTION, TYPES
from .methods_text import declared_necessary, necessity_cuts, necessity_verdicts
from .sets import membership

#: The lowest consistency cut usually defended (Schneider & Wagemann 2012, ch. 5).
LOWEST_CUT = 0.75

#: Every sentence template (``str.format``); keys name the sentence.
TEXT = {
    # reading the file
    "read_csv": "The file {file} (CSV, {encoding}, separated by {separator}) holds {cases} and "
                "{columns}.",
    "read_excel": "The file {file} (Excel workbook, sheet {sheet}) holds {cases} and {columns}.",
    "read_frame": "The data hold {cases} and {columns}.",
    "question": "The analysis explains {outcome} by {conditions}: {names}.",
    # diversity
    "diversity_few": "With {k} conditions there are 2^{k} = {possible} logically possible "
                     "configurations for {cases}, so at least {remainders} configurations "
                     "({share} %) can have no case at all: they are logical remainders, and "
                     "every solution below rests partly on assumptions about them.",
    "diversity_enough": "With {k} conditions there are 2^{k} = {possible} logically possible "
                        "configurations for {cases}: the cases could show every configuration; "
                        "the truth table shows how many they do show.",
    # calibration
    "memberships": "The file holds memberships (no anchors were given): they are analysed as "
                   "they are; say in the paper how they were calibrated.",
    "crossover": "{column}: the crossover {crossover} lies between the observed scores {below} "
                 "({below_cases}) and {above} ({above_cases}); {n_above} of {n} cases are above "
                 "it.",
    "crossover_on": "{column}: {cases_on} on the crossover {crossover} itself and score 0.5; "
                    "{n_above} of {n} cases are above it.",
    "crossover_all": "{column}: every case is on one side of the crossover {crossover} ({side}), "
                     "so the set does not tell the cases apart.",
    "crisp": "{column}: crisp, {n_above} of {n} cases reach the threshold {threshold}.",
    "no_reason": "No reason is written down for the anchors of {columns}; a reviewer will ask "
                 "for one.",
    "above": "all above", "below": "all below",
    # memberships of exactly 0.5
    "half_none": "No case sits at exactly 0.5 in any set.",
    "half_condition": "**Warning:** {cases} exactly 0.5 in {column}: neither in nor out of the "
                      "set, so {it} {belongs} to no truth-table row and {drops} out of the "
                      "sufficiency analysis.",
    "half_outcome": "**Warning:** {cases} exactly 0.5 in the outcome {column}: {it} still "
                    "{counts} in every consistency and coverage, but being neither in nor out of "
                    "the outcome {it} {has} no case type.",
    "half_fix": "Move the crossover off an observed score, or score them 0.501 (a choice to "
                "report).",
    # skewness
    "skew_none": "No set is skewed: in every set between {low} % and {high} % of the cases are "
                 "above 0.5.",
    "skew_some": "**Skewed:** {sets}. A set that (almost) every case is in, or (almost) none, "
                 "makes set relations trivial: look again at its anchors, and report it.",
    "skew_item": "{name} ({share} % of the cases above 0.5)",
    # necessity
    "nec_rule": "By the rule used here (consistency at least {consistency:g}, coverage at least "
                "{coverage:g}, RoN at least {RoN:g})",
    "nec_pass": "{rule}, {count} necessary for {outcome}: {items}.",
    "nec_none": "{rule}, no single condition or negated condition is necessary for {outcome}.",
    "nec_trivial": "**Trivial:** {items} {verb} the consistency cut, but coverage or RoN is "
                   "below its cut: nearly every case is in it, so its necessity says little. Do "
                   "not report it as a necessary condition.",
    "nec_item": "{name} (consistency {consistency:.3f}, coverage {coverage:.3f}, RoN {RoN:.3f})",
    "nec_declared": "Treated as necessary in this analysis (NECESSARY): {items}; remainders "
                    "without it are barred as incoherent counterfactuals.",
    "nec_declared_none": "Nothing is treated as necessary in this analysis (NECESSARY is "
                         "empty), so no remainder is barred as incoherent.",
    "nec_declared_fails": "**Warning:** {items} {verb} treated as necessary although the data "
                          "do not meet the rule ({fails}); that needs a theoretical reason, "
                          "stated in the paper. The report says so.",
    "suin_found": "The search for necessary disjunctions and conjunctions (SUIN, up to {depth} "
                  "conditions) finds {count}: {items}.",
    "suin_none": "The search for necessary disjunctions and conjunctions (SUIN, up to {depth} "
                 "conditions) finds none at these cuts.",
    "suin_item": "{name} (consistency {consistency:.3f}, coverage {coverage:.3f}, RoN "
                 "{RoN:.3f}{trivial})",
    "suin_trivial": ", trivial",
    # the cut
    "cut_between": "The consistency cut {cut:g} lies between row {row_above} ({incl_above:.3f}) "
                   "and row {row_below} ({incl_below:.3f}) in the sorted consistencies of the "
                   "observed rows: a gap of {gap:.3f}.",
    "cut_above_all": "The consistency cut {cut:g} lies above every observed row (the highest is "
                     "row {row} at {incl:.3f}).",
    "cut_below_all": "The consistency cut {cut:g} lies below every observed row (the lowest is "
                     "row {row} at {incl:.3f}).",
    "cut_widest": "The widest gap at or above {lowest:g} lies between row {row_above} "
                  "({incl_above:.3f}) and row {row_below} ({incl_below:.3f}), a gap of "
                  "{gap:.3f}; a cut inside it admits {admitted}.",
    "cut_here": "The cut sits in that gap.",
    "cut_low": "**Warning:** the consistency cut {cut:g} is below {lowest:g}, the usual minimum "
               "(Schneider & Wagemann 2012).",
    "pri_fails": "{rows} {verb} the consistency cut but not the PRI cut {pri:g} (PRI {values}): "
                 "much of {their} consistency is shared with the negated outcome, so {it} {is_} "
                 "coded 0.",
    "one_row": "**Warning:** the cuts admit one row only (row {row}, {cases}: {names}). The "
               "solution is that row, simplified, and rests on {cases}.",
    "no_row": "**Warning:** no row passes the cuts (the highest consistency is {incl:.3f}, row "
              "{row}). Nothing is sufficient for {outcome} at these cuts, so there is no "
              "solution, chart, case typology or robustness test below. That is a finding; "
              "lower a cut only with a reason you would defend in the paper.",
    # the truth table
    "tt_rows": "{observed} of the {possible} logically possible configurations hold at least "
               "{n_cut} ({remainders} remainders). {positive} coded 1 ({rows}), holding "
               "{cases}: {names}.",
    "tt_none": "{observed} of the {possible} logically possible configurations hold at least "
               "{n_cut} ({remainders} remainders). No row is coded 1.",
    # solutions
    "sol_one": "The {kind} solution is {expression}.",
    "sol_models": "The {kind} solution has {count} equally minimal models; model M{number} is "
                  "reported: {expression}.",
    "sol_models_cap": "More equally minimal models exist than were listed.",
    "sol_path": "{term} covers {cases}{names}",
    "sol_path_deviant": "; {deviant} in it but out of the outcome ({names})",
    "sol_paths": "It has {paths}: {items}.",
    "sol_fit": "Solution consistency {consistency:.3f}, coverage {coverage:.3f}: {covered} of "
               "the {in_outcome} in the outcome {verb} covered by some path.",
    "sol_uncovered": "Not covered: {names}.",
    "esa_none": "No remainder is barred: the parsimonious and intermediate solutions may use "
                "any remainder.",
    "esa_some": "{barred} barred as counterfactuals: {kinds}.",
    "esa_incoherent": "{count} incoherent (a condition treated as necessary is absent)",
    "esa_untenable": "{count} untenable (declared impossible)",
    "esa_contradictory": "{count} contradictory (assumed for the outcome and its negation)",
    # case types
    "types": "For the solution as a whole: {counts}.",
    "types_item": "{count} {kind}",
    "types_deviant_kind": "**Deviant for consistency** (in the solution, out of the outcome): "
                          "{names}; they challenge the path that holds them.",
    "types_deviant_coverage": "**Deviant for coverage** (in the outcome, in no path): {names}; "
                              "they point to a path the solution misses.",
    "types_crossover": "**On the crossover** (0.5 in the solution or the outcome, no type): "
                       "{names}.",
    # robustness
    "rob_settings": "The protocol compares the initial solution with {tests}: {labels}.",
    "rob_fit": "RF_cov {RF_cov:.3f}, RF_cons {RF_cons}, RF_SC_minTS {RF_SC_minTS:.3f}, "
               "RF_SC_maxTS {RF_SC_maxTS:.3f}.",
    "rob_same": "{same} of the {tests} give the initial solution again.",
    "rob_none": "**Nothing is sufficient** under {labels}: no row passes there, so the test "
                "solution is empty.",
    "rob_core_empty": "**Warning: the robust core is empty.** At least one test setting shares "
                      "no case with the initial solution, so no part of it survives every "
                      "sensible alternative, and RF_cons is undefined.",
    "rob_robust": "Robust typical cases (in the initial solution, in every test solution and in "
                  "the outcome): {names}.",
    "rob_robust_none": "No case is a robust typical case.",
    "rob_changed": "Cases whose type changes under some setting: {names}.",
    "rob_skipped": "There is no initial solution, so there is nothing to test for robustness.",
    "rob_initial_differs": "The protocol re-minimizes the truth table for every setting without "
                           "the barred remainders and takes the first model, so its initial "
                           "solution {initial} differs from the one reported above "
                           "({reported}); read the figures as the robustness of {initial}.",
    "rob_memberships": "The file holds memberships, so there are no anchors to move: the test "
                       "settings vary the consistency cut only.",
    # the negated outcome
    "neg_solution": "For {label} the intermediate solution is {expression} (consistency "
                    "{consistency:.3f}, coverage {coverage:.3f}).",
    "neg_none": "For {label} no row passes the cuts: nothing is sufficient for it.",
    "neg_skipped": "With no row coded 1 for {outcome} there are no simplifying assumptions to "
                   "compare with those for its negation.",
    "neg_contradictory": "{count} assumed by the parsimonious solutions of both {outcome} and "
                         "{label} (contradictory simplifying assumptions).",
    "neg_simultaneous": "**Warning:** {count} coded 1 for both outcomes (simultaneous subset "
                        "relations): rows {rows}.",
    # two calibrations of the same cases
    "compare_side": "{label}: {rows} coded 1 ({cases}), {paths}, and {necessary}",
    "compare_necessary": "necessary by the rule: {names}",
    "compare_necessary_none": "nothing necessary by the rule",
    "compare": "The same {cases} and conditions, the same cuts, two calibrations. {first}. "
               "{second}.",
    "compare_differ": "Only the calibration differs, and it changes {what}: the anchors are "
                      "part of the result, which is why they need reasons.",
    "compare_same": "The two calibrations agree on the rows coded 1 and on necessity.",
    "compare_rows": "which rows pass", "compare_nec": "which conditions are necessary",
    # the report
    "report": "The report folder {folder} holds {files}: {names}.",
    "list_and": "{head} and {last}",
}

#: Phrases with a count: (singular, plural), both ``str.format`` strings with ``{n}``.
PLURAL = {
    "case": ("{n} case", "{n} cases"),
    "column": ("{n} column", "{n} columns"),
    "condition": ("{n} condition", "{n} conditions"),
    "row": ("{n} row", "{n} rows"),
    "row_is": ("{n} row is", "{n} rows are"),
    "row_ids": ("Row {ids}", "Rows {ids}"),
    "row_list": ("row {ids}", "rows {ids}"),
    "path": ("{n} path", "{n} paths"),
    "file": ("{n} file", "{n} files"),
    "remainder_is": ("{n} remainder is", "{n} remainders are"),
    "expression": ("{n} expression", "{n} expressions"),
    "setting": ("{n} test setting", "{n} test settings"),
    "cases_sit": ("{n} case sits", "{n} cases sit"),
    "cases_score": ("case {names} scores", "cases {names} score"),
    "is_necessary": ("{n} is", "{n} are"),
    "passes": ("passes", "pass"),
    "is": ("is", "are"),
    "its": ("its", "their"),
    "it": ("it", "they"),
    "belongs": ("belongs", "belong"),
    "drops": ("drops", "drop"),
    "counts": ("counts", "count"),
    "has": ("has", "have"),
}


def _t(key: str, **values) -> str:
    return TEXT[key].format(**values)


def _p(key: str, n: int, **values) -> str:
    singular, plural = PLURAL[key]
    return (singular if n == 1 else plural).format(n=n, **values)


def _names(values, limit: int = 12) -> str:
    values = [str(v) for v in values]
    if len(values) > limit:
        values = values[:limit] + [f"... ({len(values) - limit} more)"]
    return ", ".join(values)


def _and(items) -> str:
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return _t("list_and", head=", ".join(items[:-1]), last=items[-1])


def _num(v) -> str:
    return f"{float(v):g}"


def show(text: str) -> None:
    """Display ``text`` as Markdown in Jupyter."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def data_read(data: pd.DataFrame, outcome: str, conditions) -> str:
    """What was read (file, format, encoding, cases, columns) and the question asked.

    >>> import pandas as pd
    >>> data = pd.DataFrame({"A": [1, 2], "Y": [0.2, 0.9]}, index=["p", "q"])
    >>> data_read(data, "Y", ["A"])
    'The data hold 2 cases and 2 columns. The analysis explains Y by 1 condition: A.'
    """
    source = data.attrs.get("source") or {}
    sizes = {"cases": _p("case", len(data)), "columns": _p("column", data.shape[1])}
    if source.get("format") == "CSV":
        head = _t("read_csv", file=source["file"], encoding=source["encoding"],
                  separator=repr(source["separator"]), **sizes)
    elif source.get("format"):
        head = _t("read_excel", file=source["file"], sheet=repr(source["sheet"]), **sizes)
    else:
        head = _t("read_frame", **sizes)
    conditions = list(conditions)
    return head + " " + _t("question", outcome=outcome,
                           conditions=_p("condition", len(conditions)),
                           names=", ".join(conditions))


def diversity(n_cases: int, n_conditions: int) -> str:
    """Logical remainders that limited diversity makes certain, before any calibration.

    >>> diversity(11, 7)[:100]
    'With 7 conditions there are 2^7 = 128 logically possible configurations for 11 cases, so at least 11'
    """
    possible = 2 ** n_conditions
    if n_cases >= possible:
        return _t("diversity_enough", k=n_conditions, possible=possible,
                  cases=_p("case", n_cases))
    remainders = possible - n_cases
    return _t("diversity_few", k=n_conditions, possible=possible, cases=_p("case", n_cases),
              remainders=remainders, share=round(100 * remainders / possible))


def _crossover(column: str, raw: pd.Series, crossover: float) -> str:
    values = raw.astype(float)
    n, n_above = len(values), int((values > crossover).sum())
    on = values.index[values == crossover]
    if len(on):
        return _t("crossover_on", column=column, crossover=_num(crossover), n=n,
                  n_above=n_above, cases_on=_p("cases_sit", len(on)) + f" ({_names(on)})")
    below, above = values[values < crossover], values[values > crossover]
    if below.empty or above.empty:
        return _t("crossover_all", column=column, crossover=_num(crossover),
                  side=_t("above" if below.empty else "below"))
    low, high = below.max(), above.min()
    return _t("crossover", column=column, crossover=_num(crossover), below=_num(low),
              below_cases=_names(below.index[below == low]), above=_num(high),
              above_cases=_names(above.index[above == high]), n_above=n_above, n=n)


def calibration(raw: pd.DataFrame, spec: dict | None) -> str:
    """Where each crossover (or crisp threshold) falls among the observed scores.

    ``spec`` is :func:`qcakit.methods_text.calibration_spec` of the anchors (``None`` or empty
    when the file holds memberships).

    >>> import pandas as pd
    >>> raw = pd.DataFrame({"X": [1, 4, 6, 9]}, index=list("abcd"))
    >>> calibration(raw, {"X": {"thresholds": (2, 5, 8), "method": "direct", "reason": "why"}})
    'X: the crossover 5 lies between the observed scores 4 (b) and 6 (c); 2 of 4 cases are above it.'
    """
    if not spec:
        return _t("memberships")
    lines = []
    for column, entry in spec.items():
        t = entry["thresholds"]
        if entry["method"] == "direct":
            lines.append(_crossover(column, raw[column], t[1]))
        else:
            reached = int((raw[column].astype(float) >= t[0]).sum())
            lines.append(_t("crisp", column=column, n_above=reached, n=len(raw),
                            threshold=_num(t[0])))
    missing = [c for c, e in spec.items() if not e.get("reason")]
    if missing:
        lines.append(_t("no_reason", columns=", ".join(missing)))
    return "\n\n".join(lines)


def half_memberships(sets: pd.DataFrame, outcome: str, conditions) -> str:
    """Cases at exactly 0.5, and what that does, by the role of the set.

    >>> import pandas as pd
    >>> sets = pd.DataFrame({"A": [0.5, 0.8], "Y": [0.7, 0.2]}, index=["p", "q"])
    >>> half_memberships(sets, "Y", ["A"]).split(": neither")[0]
    '**Warning:** case p scores exactly 0.5 in A'
    """
    lines = []
    for column in [*conditions, outcome]:
        on = sets.index[sets[column] == 0.5]
        if len(on):
            key = "half_outcome" if column == outcome else "half_condition"
            n = len(on)
            lines.append(_t(key, column=column, cases=_p("cases_score", n, names=_names(on)),
                            it=_p("it", n), belongs=_p("belongs", n), drops=_p("drops", n),
                            counts=_p("counts", n), has=_p("has", n)))
    if not lines:
        return _t("half_none")
    return "\n\n".join(lines + [_t("half_fix")])


def skewness(skew, high: float = 0.8, low: float = 0.2) -> str:
    """Which sets are skewed (share of cases above 0.5 beyond ``high`` or below ``low``)."""
    table = skew.table
    skewed = table.index[(table["share_above"] > high) | (table["share_above"] < low)]
    if not len(skewed):
        return _t("skew_none", low=round(100 * low), high=round(100 * high))
    items = [_t("skew_item", name=s, share=round(100 * table.loc[s, "share_above"]))
             for s in skewed]
    return _t("skew_some", sets="; ".join(items))


def _nec_items(rows: pd.DataFrame) -> str:
    return "; ".join(_t("nec_item", name=name, consistency=r.consistency, coverage=r.coverage,
                        RoN=r.RoN) for name, r in rows.iterrows())


def necessity(nec, sets: pd.DataFrame | None = None, cuts=None, declared=()) -> str:
    """Which conditions are necessary by the rule, which are trivial, what the analysis treats
    as necessary (``declared``), with a warning for a declared one that fails the rule.

    ``sets`` (the memberships) is needed only for declared expressions not in ``nec``, such as
    a disjunction found by :func:`qcakit.suin`.
    """
    cuts = necessity_cuts(cuts, nec.threshold)
    declared = list(declared or [])
    table = nec.table
    if any(d not in table.index for d in declared):
        if sets is None:
            raise QCAInputError(
                f"{', '.join(d for d in declared if d not in table.index)} is not in the "
                "necessity table: pass the memberships (sets=) to compute it.")
        table = declared_necessary(sets, nec.outcome, declared, nec, nec.negate_outcome)
    verdicts = necessity_verdicts(table, cuts, declared)
    tested = verdicts.loc[nec.table.index]
    rule = _t("nec_rule", **cuts)
    passed = tested[tested["verdict"] == "necessary"]
    parts = [_t("nec_pass", rule=rule, count=_p("is_necessary", len(passed)),
                outcome=nec.outcome_label, items=_nec_items(passed)) if len(passed) else
             _t("nec_none", rule=rule, outcome=nec.outcome_label)]
    trivial = tested[tested["verdict"] == "trivial"]
    if len(trivial):
        parts.append(_t("nec_trivial", items=_nec_items(trivial),
                        verb=_p("passes", len(trivial))))
    if not declared:
        parts.append(_t("nec_declared_none"))
        return "\n\n".join(parts)
    chosen = verdicts.loc[[d for d in declared if d in verdicts.index]]
    parts.append(_t("nec_declared", items=_nec_items(chosen)))
    bad = chosen[chosen["verdict"] != "necessary"]
    if len(bad):
        parts.append(_t("nec_declared_fails", items=", ".join(bad.index),
                        verb=_p("is", len(bad)),
                        fails="; ".join(f"{n}: {r.fails}" for n, r in bad.iterrows())))
    return "\n\n".join(parts)


def suin(result) -> str:
    """The necessary disjunctions and conjunctions a :func:`qcakit.suin` search found."""
    depth = result.cuts["depth"]
    table = result.table
    if table.empty:
        return _t("suin_none", depth=depth)
    items = "; ".join(_t("suin_item", name=name, consistency=r["consistency"],
                         coverage=r["coverage"], RoN=r["RoN"],
                         trivial=_t("suin_trivial") if r["trivial"] else "")
                      for name, r in table.iterrows())
    return _t("suin_found", depth=depth, count=_p("expression", len(table)), items=items)


def _row_cases(tt, rows) -> list:
    """Cases with membership above 0.5 in the truth-table rows ``rows`` (each case in one row
    at most), in the data's order. Computed from memberships: case names may hold commas."""
    inside = (tt.memberships[list(rows)] > 0.5).any(axis=1).to_numpy() if len(rows) else \
        np.zeros(len(tt.data), dtype=bool)
    return list(tt.data.index[inside])


def _observed(tt) -> pd.DataFrame:
    """Rows with at least n_cut cases, sorted by consistency (highest first), then row id."""
    rows = tt.table[tt.table["OUT"] != "?"]
    return rows.assign(row=rows.index).sort_values(["incl", "row"], ascending=[False, True])


def _gap_sentence(rows: pd.DataFrame, cut: float) -> tuple[str, tuple | None]:
    incl, ids = rows["incl"].to_numpy(), rows.index.to_numpy()
    above = np.flatnonzero(incl >= cut)
    below = np.flatnonzero(incl < cut)
    if not len(above):
        return _t("cut_above_all", cut=cut, row=ids[0], incl=incl[0]), None
    if not len(below):
        return _t("cut_below_all", cut=cut, row=ids[-1], incl=incl[-1]), None
    i, j = above[-1], below[0]
    return (_t("cut_between", cut=cut, row_above=ids[i], incl_above=incl[i], row_below=ids[j],
               incl_below=incl[j], gap=incl[i] - incl[j]), (i, j))


def cut_position(tt) -> str:
    """Where the consistency cut sits in the sorted consistencies of the observed rows, the
    widest gap at or above :data:`LOWEST_CUT`, and the warnings: a low cut, rows stopped by the
    PRI cut, a cut that admits one row, no row at all."""
    rows = _observed(tt)
    if rows.empty:
        return ""
    cut = tt.incl_cut[0]
    text, pair = _gap_sentence(rows, cut)
    parts = [text]
    incl, ids = rows["incl"].to_numpy(), rows.index.to_numpy()
    gaps = [(incl[i] - incl[i + 1], i) for i in range(len(incl) - 1) if incl[i] >= LOWEST_CUT]
    if gaps:
        gap, i = max(gaps, key=lambda g: (g[0], -g[1]))
        widest = _t("cut_widest", lowest=LOWEST_CUT, row_above=ids[i], incl_above=incl[i],
                    row_below=ids[i + 1], incl_below=incl[i + 1], gap=gap,
                    admitted=_p("row", i + 1))
        if pair == (i, i + 1):
            widest += " " + _t("cut_here")
        parts.append(widest)
    if cut < LOWEST_CUT:
        parts.append(_t("cut_low", cut=cut, lowest=LOWEST_CUT))
    if tt.pri_cut is not None:
        stopped = rows[(rows["incl"] >= cut) & (rows["OUT"] != "1")]
        if len(stopped):
            n = len(stopped)
            parts.append(_t("pri_fails", rows=_p("row_ids", n, ids=_names(stopped.index)),
                            verb=_p("passes", n), pri=tt.pri_cut,
                            values=", ".join(f"{v:.3f}" for v in stopped["PRI"]),
                            their=_p("its", n), it=_p("it", n), is_=_p("is", n)))
    positive = rows[rows["OUT"] == "1"]
    if len(positive) == 1:
        cases = _row_cases(tt, positive.index)
        parts.append(_t("one_row", row=positive.index[0], cases=_p("case", len(cases)),
                        names=_names(cases)))
    elif positive.empty:
        parts.append(_t("no_row", incl=incl[0], row=ids[0], outcome=tt.outcome_label))
    return "\n\n".join(parts)


def truth_table(tt) -> str:
    """Observed configurations, remainders, and the rows coded 1 with their cases."""
    k = len(tt.conditions)
    rows = _observed(tt)
    common = {"observed": len(rows), "possible": 2 ** k, "n_cut": _p("case", tt.n_cut),
              "remainders": tt.n_remainders}
    positive = rows[rows["OUT"] == "1"]
    if positive.empty:
        return _t("tt_none", **common)
    cases = _row_cases(tt, positive.index)
    return _t("tt_rows", positive=_p("row_is", len(positive)),
              rows=_p("row_list", len(positive), ids=", ".join(map(str, positive.index))),
              cases=_p("case", len(cases)), names=_names(cases), **common)


def solution(sol, model: int = 0) -> str:
    """The solution (the reported model), what each path covers, and its fit."""
    n_models = len(sol.models)
    expression = sol.expressions[model]
    parts = [_t("sol_models", kind=sol.kind, count=n_models, number=model + 1,
                expression=expression) if n_models > 1 else
             _t("sol_one", kind=sol.kind, expression=expression)]
    if not sol.complete:
        parts[0] += " " + _t("sol_models_cap")
    params = sol.parameters(model)
    tt = sol.truth_table
    in_outcome, out_outcome = tt.y > 0.5, tt.y < 0.5
    items = []
    for term in params.index.drop("solution"):
        m = membership(tt.data, term).to_numpy() > 0.5
        cases, deviant = tt.data.index[m & in_outcome], tt.data.index[m & out_outcome]
        text = _t("sol_path", term=term, cases=_p("case", len(cases)),
                  names=f" ({_names(cases)})" if len(cases) else "")
        if len(deviant):
            text += _t("sol_path_deviant", deviant=_p("case", len(deviant)),
                       names=_names(deviant))
        items.append(text)
    parts.append(_t("sol_paths", paths=_p("path", len(items)), items="; ".join(items)))
    covered = in_outcome & (membership(tt.data, expression).to_numpy() > 0.5)
    total = params.loc["solution"]
    parts.append(_t("sol_fit", consistency=total["consistency"], coverage=total["raw_coverage"],
                    covered=int(covered.sum()), in_outcome=_p("case", int(in_outcome.sum())),
                    verb=_p("is", int(covered.sum()))))
    missed = tt.data.index[in_outcome & ~covered]
    if len(missed):
        parts.append(_t("sol_uncovered", names=_names(missed)))
    return " ".join(parts)


def esa(barred) -> str:
    """How many remainders an Enhanced Standard Analysis bars, by reason."""
    n = len(barred.table)
    if n == 0:
        return _t("esa_none")
    reasons = [str(r) for r in barred.table["reason"]]
    kinds = []
    for kind in ("incoherent", "untenable", "contradictory"):
        count = sum(kind in r for r in reasons)
        if count:
            kinds.append(_t(f"esa_{kind}", count=count))
    return _t("esa_some", barred=_p("remainder_is", n), kinds="; ".join(kinds))


def case_types(types) -> str:
    """Counts of the solution-level case types, and the cases a researcher reads next."""
    column = types.types[SOLUTION]
    counts = column.value_counts()
    items = [_t("types_item", count=int(counts[k]), kind=k) for k in TYPES if counts.get(k, 0)]
    parts = [_t("types", counts="; ".join(items))]
    for kind, key in ((DEV_KIND, "types_deviant_kind"), (DEV_COVERAGE, "types_deviant_coverage"),
                      (CROSSOVER, "types_crossover")):
        cases = column.index[column == kind]
        if len(cases):
            parts.append(_t(key, names=_names(cases)))
    return "\n\n".join(parts)


def robustness(protocol, memberships_only: bool = False, reported: str | None = None) -> str:
    """The robustness protocol in words: settings, RF figures, empty tests, the robust core.

    ``reported``: the solution the analysis reports; a note follows when the protocol's initial
    solution is another one (it re-minimizes without ESA exclusions, first model). ``None``
    for ``protocol`` (no solution to test) says so."""
    if protocol is None:
        return _t("rob_skipped")
    tests = protocol.tests
    parts = []
    initial = protocol.initial["solution"]
    if reported is not None and initial != reported:
        parts.append(_t("rob_initial_differs", initial=initial, reported=reported))
    if memberships_only:
        parts.append(_t("rob_memberships"))
    parts.append(_t("rob_settings", tests=_p("setting", len(tests)),
                    labels=", ".join(tests.index)))
    f = protocol.fit
    rf_cons = "undefined" if np.isnan(f["RF_cons"]) else f"{f['RF_cons']:.3f}"
    parts.append(_t("rob_fit", RF_cov=f["RF_cov"], RF_cons=rf_cons,
                    RF_SC_minTS=f["RF_SC_minTS"], RF_SC_maxTS=f["RF_SC_maxTS"]))
    same = int((tests["solution"] == protocol.initial["solution"]).sum())
    parts.append(_t("rob_same", same=same, tests=_p("setting", len(tests))))
    empty = tests.index[tests["models"] == 0]
    if len(empty):
        parts.append(_t("rob_none", labels=", ".join(empty)))
    cases = protocol.cases
    if cases["core"].sum() == 0:
        parts.append(_t("rob_core_empty"))
    robust = cases.index[cases["class"] == "robust typical"]
    parts.append(_t("rob_robust", names=_names(robust)) if len(robust) else
                 _t("rob_robust_none"))
    changed = protocol.changed_cases().index
    if len(changed):
        parts.append(_t("rob_changed", names=_names(changed)))
    return "\n\n".join(parts)


def negation(both, outcome: str) -> str:
    """The solution for the negated outcome, and what both solutions assume (``both`` from
    :func:`qcakit.outcome_and_negation`; ``None`` when the outcome has no row coded 1)."""
    if both is None:
        return _t("neg_skipped", outcome=outcome)
    labels = list(both.truth_tables)
    label = labels[1]
    sols = both.solutions[label]
    parts = []
    if sols:
        inter = sols["intermediate"]
        fit = inter.parameters().loc["solution"]
        parts.append(_t("neg_solution", label=label, expression=inter.expression,
                        consistency=fit["consistency"], coverage=fit["raw_coverage"]))
    else:
        parts.append(_t("neg_none", label=label))
    n = len(both.contradictory.table)
    if n:
        parts.append(_t("neg_contradictory", count=_p("remainder_is", n), outcome=labels[0],
                        label=label))
    if len(both.simultaneous):
        parts.append(_t("neg_simultaneous", count=_p("row_is", len(both.simultaneous)),
                        rows=", ".join(map(str, both.simultaneous.index))))
    return " ".join(parts)


def summary(tt, intermediate, nec, cuts=None) -> dict:
    """What :func:`compare` needs of one analysis: rows coded 1, their cases, paths, and the
    expressions necessary by the rule."""
    positive = tt.table[tt.table["OUT"] == "1"]
    cases = _row_cases(tt, positive.index)
    verdicts = necessity_verdicts(nec.table, necessity_cuts(cuts, nec.threshold))
    return {"rows": list(positive.index), "cases": cases, "n": len(tt.data),
            "paths": len(intermediate.models[0]) if intermediate is not None else 0,
            "necessary": list(verdicts.index[verdicts["verdict"] == "necessary"])}


def compare(first: tuple, second: tuple) -> str:
    """Two calibrations of the same cases, side by side: ``(label, summary(...))`` each."""
    sides = []
    for label, s in (first, second):
        necessary = (_t("compare_necessary", names=", ".join(s["necessary"]))
                     if s["necessary"] else _t("compare_necessary_none"))
        sides.append(_t("compare_side", label=label, rows=_p("row", len(s["rows"])),
                        cases=_p("case", len(s["cases"])), paths=_p("path", s["paths"]),
                        necessary=necessary))
    text = _t("compare", cases=_p("case", first[1]["n"]), first=sides[0], second=sides[1])
    what = []
    if len(first[1]["rows"]) != len(second[1]["rows"]) or first[1]["cases"] != second[1]["cases"]:
        what.append(_t("compare_rows"))
    if set(first[1]["necessary"]) != set(second[1]["necessary"]):
        what.append(_t("compare_nec"))
    return text + " " + (_t("compare_differ", what=_and(what)) if what else _t("compare_same"))


def report(files) -> str:
    """The report folder in one sentence (a :func:`qcakit.write_report` result)."""
    return _t("report", folder=str(files.folder), files=_p("file", len(files.table)),
              names=", ".join(files.table.index))
