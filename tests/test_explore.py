"""Pure logic behind the explorers (qcakit.explore), checked by hand on a four-case dataset.

Data D (cases p, q, r, s; conditions A, B; outcome Y):

    case  A    B    Y    row (A B)
    p     0.9  0.7  0.8  4 (1 1)
    q     0.8  0.3  0.6  3 (1 0)
    r     0.2  0.9  0.3  2 (0 1)
    s     0.1  0.2  0.1  1 (0 0)

Row 4 (A*B): memberships .7 .3 .2 .1 (sum 1.3), min with Y .7 .3 .2 .1 (1.3): incl 1.
Row 3 (A*~B): memberships .3 .7 .1 .1 (sum 1.2), min with Y .3 .6 .1 .1 (1.1): incl 0.917;
    min(X, Y, ~Y) = .2 .4 .1 .1 (0.8), so PRI = (1.1 - .8) / (1.2 - .8) = 0.75.
Row 2 (~A*B): memberships .1 .2 .8 .2 (1.3), min with Y .1 .2 .3 .1 (0.7): incl 0.538.
Row 1 (~A*~B): incl < 0.5.
Solution A: sum A = 2.0, sum min(A, Y) = 1.7, sum Y = 1.8: consistency 0.85, coverage 0.944.
Solution A*B: consistency 1.0, coverage 1.3 / 1.8 = 0.722.
Solution A + B: max = .9 .8 .9 .2 (2.8), min with Y .8 .6 .3 .1 (1.8): consistency 0.643, cov 1.
"""
import math

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit import explore, svg
from qcakit.errors import QCAInputError

D = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
                  "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])


def test_truth_table_by_hand():
    tt = qcakit.truth_table(D, "Y", ["A", "B"])
    assert tt.table.loc[3, "incl"] == pytest.approx(1.1 / 1.2)
    assert tt.table.loc[3, "PRI"] == pytest.approx(0.75)
    assert tt.table.loc[2, "incl"] == pytest.approx(0.7 / 1.3)


# ------------------------------------------------------------------------------ analyse


def test_analyse_complex_solution_and_fit():
    a = explore.analyse(D, "Y", ["A", "B"], incl_cut=0.8, solution="complex")
    assert a.expression == "A"
    assert a.terms == ["A"]
    assert a.parameters.loc["solution", "consistency"] == pytest.approx(0.85)
    assert a.parameters.loc["solution", "raw_coverage"] == pytest.approx(1.7 / 1.8)
    assert a.chart is not None and a.message is None
    assert a.settings == {"incl_cut": 0.8, "pri_cut": None, "n_cut": 1, "solution": "complex",
                          "directional": None}


def test_analyse_pri_cut_turns_row_3_off():
    # row 3 has PRI 0.75: a PRI cut of 0.8 codes it 0, leaving only A*B
    a = explore.analyse(D, "Y", ["A", "B"], incl_cut=0.8, pri_cut=0.8, solution="complex")
    assert a.truth_table.table.loc[3, "OUT"] == "0"
    assert a.expression == "A*B"


def test_analyse_without_positive_rows_is_a_result_not_an_error():
    a = explore.analyse(D, "Y", ["A", "B"], n_cut=2)
    assert a.solution is None and a.chart is None and a.parameters is None
    assert a.expression == "" and a.terms == []
    assert "No truth-table row has OUT = 1" in a.message
    assert "No truth-table row" in a._repr_html_()


def test_analyse_collects_half_warnings_instead_of_printing(recwarn):
    data = D.copy()
    data.loc["s", "A"] = 0.5
    a = explore.analyse(data, "Y", ["A", "B"], solution="complex")
    assert any("exactly 0.5" in w for w in a.warnings)
    assert not [w for w in recwarn if issubclass(w.category, qcakit.QCAWarning)]


def _codings(cache):
    return [k for k in cache if k[0] != "settings"]


def _settings_seen(cache):
    return [k for k in cache if k[0] == "settings"]


def test_analyse_cache_reuses_the_minimization_for_the_same_coding():
    cache = {}
    first = explore.analyse(D, "Y", ["A", "B"], 0.80, solution="complex", cache=cache)
    second = explore.analyse(D, "Y", ["A", "B"], 0.85, solution="complex", cache=cache)
    assert len(_codings(cache)) == 1  # 0.80 and 0.85 code the rows the same way
    assert len(_settings_seen(cache)) == 2
    assert second.expression == first.expression == "A"
    # the reused solution points at the new truth table (and its settings)
    assert second.solution.truth_table is second.truth_table
    assert second.truth_table.incl_cut == (0.85, 0.85)
    third = explore.analyse(D, "Y", ["A", "B"], 0.95, solution="complex", cache=cache)
    assert len(_codings(cache)) == 2 and third.expression == "A*B"


def test_analyse_cache_returns_a_setting_seen_before():
    cache = {}
    first = explore.analyse(D, "Y", ["A", "B"], 0.85, solution="intermediate",
                            directional={"A": 1}, cache=cache)
    again = explore.analyse(D, "Y", ["A", "B"], 0.85, solution="intermediate",
                            directional={"A": 1}, cache=cache)
    assert again is first
    other = explore.analyse(D, "Y", ["A", "B"], 0.85, solution="intermediate",
                            directional={"A": 0}, cache=cache)
    assert other is not first and len(_settings_seen(cache)) == 2
    # without a cache every call computes afresh
    assert explore.analyse(D, "Y", ["A", "B"], 0.85) is not explore.analyse(D, "Y", ["A", "B"],
                                                                            0.85)


def test_analyse_bad_input():
    with pytest.raises(QCAInputError, match="Unknown solution type 'simple'"):
        explore.analyse(D, "Y", ["A", "B"], solution="simple")
    with pytest.raises(QCAInputError, match="one consistency cut"):
        explore.analyse(D, "Y", ["A", "B"], incl_cut=(0.9, 0.7))
    with pytest.raises(QCAInputError, match="Unknown outcome"):
        explore.analyse(D, "Z", ["A", "B"])


# ------------------------------------------------------------------------------ change report


def _pair(cut_a, cut_b, **kw):
    a = explore.analyse(D, "Y", ["A", "B"], cut_a, solution="complex", **kw)
    b = explore.analyse(D, "Y", ["A", "B"], cut_b, solution="complex", **kw)
    return a, b


def test_change_report_switched_row_and_terms():
    a, b = _pair(0.8, 0.95)
    report = explore.compare_settings(a.truth_table, a.solution, b.truth_table, b.solution,
                                      labels=("paper", "now"))
    assert report.changed
    assert report.rows.index.tolist() == [3]
    assert report.rows.loc[3, ["A", "B"]].tolist() == [1, 0]
    assert report.rows.loc[3, "OUT (paper)"] == "1"
    assert report.rows.loc[3, "OUT (now)"] == "0"
    assert report.rows.loc[3, "cases"] == "q"
    assert report.appeared == ["A*B"] and report.vanished == ["A"] and report.kept == []
    assert report.fit.loc["solution consistency", "paper"] == pytest.approx(0.85)
    assert report.fit.loc["solution consistency", "now"] == pytest.approx(1.0)
    assert report.fit.loc["solution coverage", "now"] == pytest.approx(1.3 / 1.8)
    assert report.summary() == ["1 row(s) switched: row 3 (1 → 0).",
                                "Terms that appeared: A*B.", "Terms that vanished: A."]
    assert "Compared with the paper settings" in report._repr_html_()


def test_change_report_reverse_direction_and_several_rows():
    a, b = _pair(0.95, 0.5)  # 0.5 adds rows 3 and 2: A*B -> A + B
    report = explore.compare_analyses(a, b)
    assert sorted(report.rows.index.tolist()) == [2, 3]
    assert set(report.rows["OUT (reference)"]) == {"0"}
    assert set(report.rows["OUT (current)"]) == {"1"}
    assert report.appeared == ["A", "B"] and report.vanished == ["A*B"]
    assert report.expressions == ("A*B", "A + B")
    assert report.fit.loc["solution consistency", "current"] == pytest.approx(1.8 / 2.8)


def test_change_report_same_settings_and_vanishing_solution():
    a, b = _pair(0.8, 0.85)
    same = explore.compare_analyses(a, b)
    assert not same.changed and len(same.rows) == 0
    assert same.summary() == ["Same truth-table coding and the same solution as the "
                              "reference settings."]
    gone = explore.analyse(D, "Y", ["A", "B"], 0.8, n_cut=2, solution="complex")
    report = explore.compare_analyses(a, gone)
    assert report.vanished == ["A"] and report.appeared == []
    assert set(report.rows["OUT (current)"]) == {"?"}
    assert math.isnan(report.fit.loc["solution consistency", "current"])


def test_change_report_bad_input():
    with pytest.raises(QCAInputError, match="takes a truth table"):
        explore.compare_settings(D, None, D, None)


def test_threshold_update_marks_switched_rows_in_html():
    ref = explore.analyse(D, "Y", ["A", "B"], 0.8, solution="complex")
    view = explore.threshold_update(D, "Y", ["A", "B"], 0.95, None, 1, "complex", None, ref,
                                    labels=("paper", "current"))
    html = view.html["truth_table"]
    assert html.count("was 1") == 1 and "vs paper" in html
    assert "data-out='0'" in html and "data-out='1'" in html
    assert "Terms that appeared: A*B" in view.html["changes"]
    assert "A*B" in view.html["solution"]


# ------------------------------------------------------------------------------ sweep


def test_sweep_by_hand():
    table = explore.sweep(D, "Y", ["A", "B"], cuts=[0.5, 0.8, 0.95, 1.0], solution="complex")
    assert table["cut"].tolist() == [0.5, 0.8, 0.95, 1.0]
    assert table["expression"].tolist() == ["A + B", "A", "A*B", "A*B"]
    assert table["positive_rows"].tolist() == [3, 2, 1, 1]
    assert table["models"].tolist() == [1, 1, 1, 1]
    np.testing.assert_allclose(table["consistency"], [1.8 / 2.8, 0.85, 1.0, 1.0])
    np.testing.assert_allclose(table["coverage"], [1.0, 1.7 / 1.8, 1.3 / 1.8, 1.3 / 1.8])
    terms = [c for c in table.columns if c not in
             ("cut", "consistency", "coverage", "expression", "models", "positive_rows")]
    assert terms == ["A", "B", "A*B"]  # in order of first appearance
    assert table["A"].tolist() == [True, True, False, False]
    assert table["B"].tolist() == [True, False, False, False]
    assert table["A*B"].tolist() == [False, False, True, True]


def test_sweep_cut_without_solution_and_default_cuts():
    table = explore.sweep(D, "Y", ["A", "B"], cuts=[0.8], n_cut=2, solution="complex")
    assert math.isnan(table.loc[0, "consistency"]) and table.loc[0, "expression"] == ""
    assert table.loc[0, "positive_rows"] == 0 and table.loc[0, "models"] == 0
    default = explore.sweep(D, "Y", ["A", "B"], solution="complex")
    assert default["cut"].iloc[0] == 0.7 and default["cut"].iloc[-1] == 1.0
    assert len(default) == 31


def test_sweep_bad_cuts():
    with pytest.raises(QCAInputError, match=r"within|lie in \[0, 1\]|lie between 0 and 1"):
        explore.sweep(D, "Y", ["A", "B"], cuts=[0.8, 1.2])
    with pytest.raises(QCAInputError, match="at least one"):
        explore.sweep(D, "Y", ["A", "B"], cuts=[])


def test_sweep_ranges():
    table = explore.sweep(D, "Y", ["A", "B"], cuts=[0.5, 0.8, 0.9, 0.95, 1.0],
                          solution="complex")
    runs = explore.sweep_ranges(table)
    assert runs[["from", "to", "expression"]].values.tolist() == [
        [0.5, 0.5, "A + B"], [0.8, 0.9, "A"], [0.95, 1.0, "A*B"]]
    html = explore.sweep_ranges_html(table, reference=0.85)
    assert html.count("font-weight:bold") == 1
    with pytest.raises(QCAInputError, match="sweep"):
        explore.sweep_ranges(pd.DataFrame({"x": [1]}))


# ------------------------------------------------------------------------------ calibration

RAW = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], index=list("abcde"), name="X")
SETS = pd.DataFrame({"X": [0.0, 0.0, 0.0, 0.0, 0.0], "Z": [0.9, 0.2, 0.7, 0.4, 0.6],
                     "Y": [0.1, 0.3, 0.6, 0.8, 0.9]}, index=list("abcde"))


def test_calibration_state_warns_on_exact_half():
    # quartiles (Excel .INC) of 1..5 are 2, 3, 4: case c sits on the crossover
    state = explore.calibration_state(RAW, percentile_method="excel_inc")
    assert state.anchors == (2.0, 3.0, 4.0)
    assert state.half_cases == ["c"]
    assert state.scores["c"] == 0.5
    assert len(state.warnings) == 1 and "exactly 0.5" in state.warnings[0]
    assert "'c'" in state.warnings[0]
    # direct method, Ragin's metric: the anchors score 1/(1+e^3) and 1/(1+e^-3)
    assert state.scores["b"] == pytest.approx(1 / (1 + math.exp(3)))
    assert state.scores["d"] == pytest.approx(1 / (1 + math.exp(-3)))
    assert state.scores["a"] == pytest.approx(1 / (1 + math.exp(6)))
    assert "exactly 0.5" in state.warnings_html()
    assert "font-weight:bold" in state.scores_html()  # the 0.5 row is highlighted


def test_calibration_state_no_warning_and_nudge():
    clean = explore.calibration_state(RAW, (1.5, 3.5, 4.5))
    assert clean.half_cases == [] and clean.warnings == []
    assert "No case scores exactly 0.5" in clean.warnings_html()
    nudged = explore.calibration_state(RAW, (2, 3, 4), nudge_half=True)
    assert nudged.scores["c"] == 0.501
    assert nudged.half_cases == ["c"]  # still reported: the nudge is a choice to report
    assert "0.501" in nudged.warnings[0]


def test_calibration_state_exc_percentiles_differ():
    # Excel .EXC quartiles of 1..5: positions 1.5, 3, 4.5 -> 1.5, 3, 4.5
    state = explore.calibration_state(RAW, percentile_method="excel_exc")
    assert state.anchors == (1.5, 3.0, 4.5)
    assert state.source == "percentiles 25, 50, 75, excel_exc"


def test_calibration_state_downstream_necessity_by_hand():
    state = explore.calibration_state(RAW, (1.5, 3.5, 4.5), sets=SETS, outcome="Y")
    nt = state.necessity
    assert nt.table.index.tolist() == ["X", "~X", "Z", "~Z"]
    x = state.scores.to_numpy()
    y = SETS["Y"].to_numpy()
    assert nt.table.loc["X", "consistency"] == pytest.approx(np.minimum(x, y).sum() / y.sum())
    assert nt.table.loc["~X", "coverage"] == pytest.approx(
        np.minimum(1 - x, y).sum() / (1 - x).sum())
    # Z is not recalibrated: its row equals the plain necessity table's
    z = SETS["Z"].to_numpy()
    assert nt.table.loc["Z", "consistency"] == pytest.approx(np.minimum(z, y).sum() / y.sum())
    # other anchors change X's row only
    other = explore.calibration_state(RAW, (2.5, 4.2, 4.8), sets=SETS, outcome="Y")
    assert other.necessity.table.loc["X", "consistency"] != pytest.approx(
        nt.table.loc["X", "consistency"])
    assert other.necessity.table.loc["Z", "consistency"] == pytest.approx(
        nt.table.loc["Z", "consistency"])
    assert "<b>X</b>" not in state.necessity_html()
    assert "font-weight:bold" in state.necessity_html()


def test_calibration_state_of_the_outcome_changes_every_row():
    raw_y = pd.Series([0.5, 2.0, 6.0, 8.0, 9.0], index=list("abcde"), name="Y")
    a = explore.calibration_state(raw_y, (1, 5, 8), sets=SETS, outcome="Y",
                                  conditions=["Z"])
    b = explore.calibration_state(raw_y, (3, 7, 8.5), sets=SETS, outcome="Y",
                                  conditions=["Z"])
    assert (a.necessity.table["consistency"] != b.necessity.table["consistency"]).all()


def test_calibration_state_bad_input():
    with pytest.raises(QCAInputError, match="out of order"):
        explore.calibration_state(RAW, (3, 2, 4))
    with pytest.raises(QCAInputError, match="Give anchors"):
        explore.calibration_state(RAW)
    with pytest.raises(QCAInputError, match="Unknown percentile method"):
        explore.calibration_state(RAW, percentile_method="excel_2017")
    with pytest.raises(QCAInputError, match="as a pandas Series"):
        explore.calibration_state([1, 2, 3], (1, 2, 3))
    with pytest.raises(QCAInputError, match="same index"):
        explore.calibration_state(RAW, (1.5, 3.5, 4.5), sets=SETS.iloc[::-1], outcome="Y")
    with pytest.raises(QCAInputError, match="name the outcome"):
        explore.calibration_state(RAW, (1.5, 3.5, 4.5), sets=SETS)


def test_calibration_svg_marks_half_cases():
    half = explore.calibration_state(RAW, (2, 3, 4))
    picture = svg.calibration_svg(half)
    assert picture.startswith("<svg") and picture.endswith("</svg>")
    assert picture.count("<circle") == 5
    assert picture.count("stroke='#c62828'") == 1  # the hollow red circle of case c
    assert "crossover 3" in picture
    clean = svg.calibration_svg(explore.calibration_state(RAW, (1.5, 3.5, 4.5)))
    assert "stroke='#c62828'" not in clean


def test_calibration_svg_groups_tied_cases():
    raw = pd.Series([1.0, 1.0, 3.0, 5.0], index=["a", "b", "c", "d"], name="X")
    picture = svg.calibration_svg(explore.calibration_state(raw, (1.5, 3.5, 4.5)))
    assert ">a, b</text>" in picture


def test_sweep_svg_draws_gaps_terms_and_reference():
    table = explore.sweep(D, "Y", ["A", "B"], cuts=[0.8, 0.9, 0.95, 1.0], solution="complex",
                          n_cut=1)
    table.loc[3, ["consistency", "coverage"]] = float("nan")  # as when no row reaches a cut
    picture = svg.sweep_svg(table, reference=0.9)
    assert picture.startswith("<svg") and picture.endswith("</svg>")
    assert picture.count("class='consistency'") == 3 and picture.count("class='coverage'") == 3
    assert picture.count("no row reaches this cut") == 1
    # A at 0.8 and 0.9; A*B at 0.95 and 1.0 (the expression column is left as computed)
    assert picture.count("<rect class='term'") == 4
    assert "reference cut 0.9" in picture
    assert "reference" not in svg.sweep_svg(table, reference=None).replace(
        "reference cut", "")
    with pytest.raises(QCAInputError, match="sweep_svg"):
        svg.sweep_svg(table.drop(columns="expression"))
    with pytest.raises(QCAInputError, match="empty"):
        svg.sweep_svg(table.iloc[:0])


# ------------------------------------------------------------------------------ seams


def test_analysis_summary_is_one_sweep_row():
    a = explore.analyse(D, "Y", ["A", "B"], incl_cut=0.8, solution="complex")
    s = a.summary()
    # by hand (see test_analyse_complex_solution_and_fit): A has consistency 1.7 / 2.0
    assert s["consistency"] == pytest.approx(0.85)
    assert s["coverage"] == pytest.approx(1.7 / 1.8)
    assert (s["expression"], s["models"], s["positive_rows"], s["terms"]) == ("A", 1, 2, {"A"})
    assert a.summary() is s  # computed once
    none = explore.analyse(D, "Y", ["A", "B"], n_cut=2).summary()
    assert math.isnan(none["consistency"]) and none["models"] == 0 and none["terms"] == set()
    row = explore.sweep(D, "Y", ["A", "B"], cuts=[0.8], solution="complex").iloc[0]
    assert (row["consistency"], row["expression"], bool(row["A"])) == (s["consistency"], "A",
                                                                       True)


def test_cache_keys():
    from qcakit.explore import cache as keys

    settings = {"incl_cut": 0.8, "pri_cut": None, "n_cut": 1, "solution": "intermediate",
                "directional": {"A": 1}}
    assert keys.settings_key(settings, ["A", "B"]) == (
        "settings", ("A", "B"), 0.8, None, 1, "intermediate", (("A", "1"),))
    assert keys.settings_key(settings, [["A"], "B"]) is None  # unhashable: not cached
    tt = qcakit.truth_table(D, "Y", ["A", "B"])
    coding = keys.coding_key(tt, {**settings, "solution": "complex", "directional": None})
    # by hand: incl of rows 4 (A*B) 1.3 / 1.3, 3 (A*~B) 1.1 / 1.2, 2 (~A*B) 0.7 / 1.3,
    # 1 (~A*~B) 0.5 / 1.2: at the cut 0.8 rows 4 and 3 are coded 1
    assert coding[0] == "complex" and dict(coding[3]) == {4: "1", 3: "1", 2: "0", 1: "0"}
    assert keys.cached_solutions({}, coding, tt) is None


def test_calibration_state_set_name_keeps_the_raw_name():
    growth = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], index=list("abcde"), name="GROWTH")
    state = explore.calibration_state(growth, (1.5, 3.5, 4.5), set_name="CAP")
    assert state.name == "CAP" and state.options["raw_name"] == "GROWTH"
    assert state.title().startswith("Calibration of CAP:")
    same = explore.calibration_state(growth, (1.5, 3.5, 4.5))
    assert same.name == "GROWTH" and same.options["raw_name"] is None
    picture = svg.calibration_svg(state)
    assert ">GROWTH (raw)</text>" in picture and ">membership in CAP</text>" in picture
