"""Tests of qcakit.studies.xu2024: the Xu, Hu & Liu (2024) reproduction.

Expected values are worked out by hand from the paper's Table 2 (percentiles, logistic
memberships) or are structural facts (Table 4 as data agrees with itself); a few regression
values guard the reproduction reported in notebooks 12-17.
"""
import math
import warnings

import pandas as pd
import pytest

import qcakit
from qcakit.studies import xu2024


def logistic(log_odds):
    return 1.0 / (1.0 + math.exp(-log_odds))


@pytest.fixture(scope="module")
def data():
    return xu2024.calibrated()


@pytest.fixture(scope="module")
def table4_solutions(data):
    """Truth table at consistency 0.8, frequency 1 and PRI 0.5: the setting of notebook 15."""
    tt = qcakit.truth_table(data, xu2024.OUTCOME, xu2024.CONDITIONS, incl_cut=xu2024.INCL_CUT,
                            n_cut=xu2024.N_CUT, pri_cut=0.5)
    return qcakit.minimize(tt, "intermediate", xu2024.DIRECTIONAL), qcakit.minimize(tt, "parsimonious")


# ---- anchors ---------------------------------------------------------------------------------
def test_anchors_by_hand():
    a = xu2024.anchors()
    # GROWTH sorted: -3.86 -0.82 0.60 1.78 2.27 2.80 3.12 6.56 6.79 17.30 32.22; type-7
    # percentiles: P5 at position 0.5 -> (-3.86 - 0.82) / 2, P95 at 9.5 -> (17.30 + 32.22) / 2.
    assert a.loc["GROWTH", ["exclusion", "crossover", "inclusion"]].round(4).tolist() == [
        -2.34, 2.8, 24.76]
    # ORG sorted: 1 (six cases), 1.5 (three), 2 (two): P5 = P50 = 1, P95 = 2.
    assert a.loc["ORG", ["exclusion", "crossover", "inclusion"]].tolist() == [1.0, 1.0, 2.0]
    assert a.loc["ORG", "tie"] == "exclusion = crossover"
    assert a.loc["INCENT", "tie"] == "crossover = inclusion"
    assert a.loc["SCALE", "tie"] == ""


def test_quartile_anchors_tie_more_often():
    ties = xu2024.anchors(percentiles=(25, 50, 75))["tie"]
    assert (ties != "").sum() == 5


# ---- calibrate_with_ties ---------------------------------------------------------------------
def test_tie_crossover_equals_inclusion_by_hand():
    x = pd.Series([0.5, 1.0, 2.0, 2.5], name="INCENT")
    got = xu2024.calibrate_with_ties(x, (0.75, 2, 2))
    # below the crossover: 3 * (x - 2) / (2 - 0.75); on the tied anchor: the inclusion value.
    expected = [logistic(-3.6), logistic(-2.4), logistic(3.0), 1.0]
    assert got.tolist() == pytest.approx(expected, abs=1e-12)
    alt = xu2024.calibrate_with_ties(x, (0.75, 2, 2), tie="crossover")
    assert alt.iloc[2] == 0.5 and alt.iloc[3] == 1.0


def test_tie_exclusion_equals_crossover_by_hand():
    x = pd.Series([0.5, 1.0, 1.5, 2.0], name="ORG")
    got = xu2024.calibrate_with_ties(x, (1, 1, 2))
    assert got.tolist() == pytest.approx([0.0, 0.5, logistic(1.5), logistic(3.0)], abs=1e-12)


def test_untied_anchors_match_the_engine():
    x = pd.Series([9.0, 12.0, 16.0, 33.0], name="SCALE")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        expected = qcakit.calibrate(x, (10, 15, 30))
    pd.testing.assert_series_equal(xu2024.calibrate_with_ties(x, (10, 15, 30)), expected)


def test_idm_changes_the_tied_inclusion_value():
    x = pd.Series([2.0, 0.5], name="INCENT")
    assert xu2024.calibrate_with_ties(x, (0.75, 2, 2), idm=0.95).iloc[0] == pytest.approx(0.95)


@pytest.mark.parametrize("anchors, message", [
    ((2, 1, 3), "out of order or equal"),
    ((1, 1, 1), "out of order or equal"),
])
def test_bad_anchors_are_refused(anchors, message):
    with pytest.raises(qcakit.QCAInputError, match=message):
        xu2024.calibrate_with_ties(pd.Series([1.0, 2.0], name="X"), anchors)


def test_bad_tie_is_refused():
    with pytest.raises(qcakit.QCAInputError, match="tie must be 'inclusion' or 'crossover'"):
        xu2024.calibrate_with_ties(pd.Series([1.0], name="X"), (0, 1, 2), tie="middle")


# ---- calibrated ------------------------------------------------------------------------------
def test_calibrated_shape_and_range(data):
    assert list(data.columns) == xu2024.CONDITIONS + [xu2024.OUTCOME]
    assert len(data) == 11
    assert ((data >= 0) & (data <= 1)).all().all()
    assert not (data == 0.5).any().any()


def test_outcome_membership_by_hand(data):
    # H county grows 32.22 %: 3 * (32.22 - 2.8) / (24.76 - 2.8) log-odds above the crossover.
    expected = logistic(3 * (32.22 - 2.8) / (24.76 - 2.8))
    assert data.loc["H county", xu2024.OUTCOME] == pytest.approx(expected)


def test_info_is_crisp_unless_asked(data):
    assert set(data["INFO"]) == {0.0, 1.0}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        logistic_info = xu2024.calibrated(binary="calibrate", nudge_half=False)["INFO"]
    assert (logistic_info == 0.5).sum() == 6  # the six zeros sit on the crossover (P50 = 0)


def test_nudge_is_recorded(data):
    assert len(data.attrs["nudged"]) == 22
    assert ("Zherong county", "ORG") in data.attrs["nudged"]
    assert all(data.loc[case, col] == xu2024.HALF_NUDGED for case, col in data.attrs["nudged"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        plain = xu2024.calibrated(nudge_half=False)
    assert int((plain == 0.5).sum().sum()) == 22 and plain.attrs["nudged"] == []


def test_bad_binary_option_is_refused():
    with pytest.raises(qcakit.QCAInputError, match="binary must be 'crisp' or 'calibrate'"):
        xu2024.calibrated(binary="dichotomize")


# ---- Table 3 ---------------------------------------------------------------------------------
def test_published_table3_is_complete_and_sane():
    t = xu2024.TABLE3
    assert t.shape == (14, 2)
    # INFO is crisp in the paper too: consistency of INFO and ~INFO add up to 1.
    assert t.loc["INFO", "consistency"] + t.loc["~INFO", "consistency"] == pytest.approx(1.0)


def test_table3_reproduced_within_0_003(data):
    diff = xu2024.table3_differences(data)
    assert len(diff) == 28
    assert round(float(diff.abs().max()), 3) == 0.003


def test_chosen_recipe_is_the_closest_candidate():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        c = xu2024.calibration_candidates()
    chosen = c.loc["percentiles 5/50/95, Excel .INC (chosen)", "max_diff"]
    assert chosen == c["max_diff"].min()
    assert c.loc["quartiles 25/50/75 (as printed), Excel .INC", "max_diff"] > 0.2


# ---- Table 4 as data -------------------------------------------------------------------------
def test_table4_chart_agrees_with_printed_symbols():
    printed_to_codes = {"●": {"core present"}, "○": {"core absent", "peripheral absent"},
                        ".": {"peripheral present", ""}}
    for cond in xu2024.CONDITIONS:
        for conf in xu2024.TABLE4_PRINTED.columns:
            symbol = xu2024.TABLE4_PRINTED.loc[cond, conf]
            assert xu2024.TABLE4_CHART.loc[cond, conf] in printed_to_codes[symbol], (cond, conf)


def test_paths_row_matches_table4_chart():
    for conf, expr in xu2024.PATHS.loc["Table 4 columns (reconstructed)"].items():
        codes = xu2024.TABLE4_CHART[conf]
        literals = [c if codes[c].endswith("present") else "~" + c
                    for c in xu2024.CONDITIONS if codes[c]]
        assert expr == "*".join(literals)


def test_configuration_labels():
    assert xu2024.configuration_labels(
        ["ORG*MGMT*INFO*SHARE*PAY*INCENT", "PAY*MGMT*ORG*SHARE*SCALE*INCENT", "MGMT*PAY"]
    ) == ["S2", "S1", None]
    term = (("SCALE", 0), ("ORG", 1), ("MGMT", 1), ("INFO", 0), ("SHARE", 0), ("PAY", 1),
            ("INCENT", 1))
    assert xu2024.configuration_labels([term]) == ["S4"]
    assert xu2024.configuration_labels([term], source="Abstract") == ["S3"]


# ---- end to end ------------------------------------------------------------------------------
def test_table4_paths_and_fit_reproduced(table4_solutions):
    intermediate, parsimonious = table4_solutions
    assert xu2024.configuration_labels(intermediate.models[0]) == ["S1", "S2", "S3", "S4"]
    chart = xu2024.chart_with_cores(intermediate, parsimonious,
                                    ["~SCALE*MGMT*PAY", "~SCALE*PAY*~INCENT", "MGMT*PAY*INCENT"])
    pd.testing.assert_frame_equal(chart.table[xu2024.TABLE4_CHART.columns], xu2024.TABLE4_CHART,
                                  check_names=False)
    fit = chart.fit[["consistency", "raw_coverage", "unique_coverage"]].astype(float)
    assert round(float((fit.round(3) - xu2024.TABLE4_FIT).abs().max().max()), 3) == 0.003
    assert (round(chart.solution_consistency, 3), round(chart.solution_coverage, 3)) == (0.991, 0.575)


def test_stated_cut_alone_keeps_zherong_row(data):
    tt = qcakit.truth_table(data, xu2024.OUTCOME, xu2024.CONDITIONS, incl_cut=xu2024.INCL_CUT,
                            n_cut=xu2024.N_CUT)
    assert tt.table.loc[53, "OUT"] == "1" and tt.table.loc[53, "cases"] == "Zherong county"
    labels = xu2024.configuration_labels(qcakit.minimize(tt, "intermediate", xu2024.DIRECTIONAL).models[0])
    assert "S3" not in labels


def test_chart_with_cores_refuses_unknown_implicant(table4_solutions):
    intermediate, parsimonious = table4_solutions
    with pytest.raises(qcakit.QCAInputError, match="SCALE\\*ORG is not a prime implicant"):
        xu2024.chart_with_cores(intermediate, parsimonious, ["SCALE*ORG"])


def test_the_explorer_says_what_a_half_costs_in_the_outcome_and_in_a_condition():
    """Shanglin county's growth (2.80 %) is the median, so percentile anchors put it exactly on
    the outcome's crossover: its row is still defined, its case type is not. SCALE's median
    (15, Dongyang county) puts a condition case at 0.5: it drops out of every row."""
    import warnings

    from qcakit import explore

    raw = qcakit.datasets.load(xu2024.DATASET)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        data = xu2024.calibrated()
    outcome = explore.calibration_state(raw["GROWTH"], set_name=xu2024.OUTCOME, sets=data,
                                        outcome=xu2024.OUTCOME, percentile_method="excel_inc",
                                        percentiles=xu2024.PERCENTILES)
    assert outcome.half_cases == ["Shanglin county, Nanning"]
    (message,) = outcome.warnings
    assert "still belongs to its truth-table row" in message and "case type" in message
    condition = explore.calibration_state(raw["SCALE"], sets=data, outcome=xu2024.OUTCOME,
                                          percentile_method="excel_inc",
                                          percentiles=xu2024.PERCENTILES)
    assert condition.half_cases == ["Dongyang county"]
    assert "belongs to no truth-table row" in condition.warnings[0]


def test_numbers_the_exercise_texts_quote():
    """ex02, ex08 and ex09 state these numbers about the Xu data in their prose and model
    answers; each is computed here from the data (or, for ex08, from Table 4 as printed)."""
    raw = qcakit.datasets.load(xu2024.DATASET)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        growth_q = qcakit.calibrate(raw["GROWTH"], qcakit.percentile_anchors(raw["GROWTH"]))
        data = xu2024.calibrated()
    # ex02: one case at 0.5 under quartile anchors; five of the six summed conditions tie
    assert growth_q.index[growth_q == 0.5].tolist() == ["Shanglin county, Nanning"]
    summed = ["ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT"]
    tied = [c for c in summed if len(set(qcakit.percentile_anchors(raw[c]))) < 3]
    assert len(tied) == 5 and tied == ["ORG", "MGMT", "INFO", "SHARE", "INCENT"]
    # ex08 task 4 (b) and (h): raw coverages add up to 0.874; S1 and S2 unique coverage 0.065
    assert round(xu2024.TABLE4_FIT["raw_coverage"].sum(), 3) == 0.874
    assert xu2024.TABLE4_FIT.loc[["S1", "S2"], "unique_coverage"].tolist() == [0.065, 0.065]
    # ex09 model answer: six positive rows at 0.80, five at 0.85; Zherong's row 0.80 for the
    # outcome, 0.96 for its absence, PRI 0.17; 10 of 11 omissions change the parsimonious
    # solution; the anchors (0, 3, 10) move only Shanglin across 0.5, and change the solution
    conds, y = xu2024.CONDITIONS, xu2024.OUTCOME
    tt = qcakit.truth_table(data, y, conds, incl_cut=0.8)
    assert (tt.table["OUT"] == "1").sum() == 6
    assert (qcakit.truth_table(data, y, conds, incl_cut=0.85).table["OUT"] == "1").sum() == 5
    neg = qcakit.truth_table(data, y, conds, incl_cut=0.8, negate_outcome=True).table
    assert (round(tt.table.loc[53, "incl"], 2), round(neg.loc[53, "incl"], 2),
            round(tt.table.loc[53, "PRI"], 2)) == (0.8, 0.96, 0.17)
    base = qcakit.minimize(tt, "parsimonious").expressions
    changed = 0
    for case in data.index:
        t = qcakit.truth_table(data.drop(index=case), y, conds, incl_cut=0.8)
        try:
            changed += qcakit.minimize(t, "parsimonious").expressions != base
        except qcakit.QCAInputError:
            changed += 1
    assert changed == 10
    alt = qcakit.calibrate(raw["GROWTH"], (0, 3, 10))
    assert data.index[(alt > 0.5) != (data[y] > 0.5)].tolist() == ["Shanglin county, Nanning"]
    assert data.loc["Shanglin county, Nanning", y] == 0.501
    t_alt = qcakit.truth_table(data.assign(CAPACITY=alt), y, conds, incl_cut=0.8)
    assert qcakit.minimize(t_alt, "parsimonious").expressions != base


def test_the_docstring_count_of_cases_lost_without_the_nudge():
    """Module docstring, point 5: without the nudge 9 of 11 cases have a 0.5 on a condition;
    Shanglin county, one of them, is on the outcome's crossover as well."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        plain = xu2024.calibrated(nudge_half=False)
    assert (plain[xu2024.CONDITIONS] == 0.5).any(axis=1).sum() == 9
    assert plain.index[plain[xu2024.OUTCOME] == 0.5].tolist() == ["Shanglin county, Nanning"]
    assert (plain.loc["Shanglin county, Nanning", xu2024.CONDITIONS] == 0.5).any()


def test_without_the_nudge_there_is_no_solution():
    """Module docstring, point 5: the cases left in a truth-table row are those with no raw
    score on a median crossover (worked out from Table 2: INCENT's median cases score 0.953 by
    the tie rule, INFO is crisp), and neither of their rows reaches 0.8."""
    import statistics

    raw = qcakit.datasets.load(xu2024.DATASET)
    on_median = pd.Series(False, index=raw.index)
    for col in ("SCALE", "ORG", "MGMT", "SHARE", "PAY"):
        on_median |= raw[col] == statistics.median(raw[col])
    assert sorted(raw.index[~on_median]) == ["Deqing county", "H county"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        plain = xu2024.calibrated(nudge_half=False)
        tt = qcakit.truth_table(plain, xu2024.OUTCOME, xu2024.CONDITIONS,
                                incl_cut=xu2024.INCL_CUT, n_cut=xu2024.N_CUT)
    assert sorted(tt.table["cases"]) == ["Deqing county", "H county"]
    assert (tt.table["OUT"] == "0").all()
    with pytest.raises(qcakit.QCAInputError, match="nothing to minimize"):
        qcakit.minimize(tt, "intermediate", xu2024.DIRECTIONAL)


def test_r_qca_metric_puts_the_anchors_at_idm():
    """R QCA's constant is log(idm / (1 - idm)) = log(19) for idm 0.95 (QCA's calibrate.R), so
    the inclusion and exclusion anchors score exactly 0.95 and 0.05; Ragin's 3 gives 0.953."""
    x = pd.Series([9.5, 15.0, 27.5], name="SCALE")  # P5, P50, P95 of Table 2's SCALE
    r_metric = xu2024.calibrate_with_ties(x, (9.5, 15, 27.5), idm=0.95)
    assert r_metric.tolist() == pytest.approx([0.05, 0.5, 0.95], abs=1e-12)
    assert xu2024.calibrate_with_ties(x, (9.5, 15, 27.5)).iloc[2] == pytest.approx(logistic(3))
    assert math.log(0.95 / 0.05) == pytest.approx(2.944, abs=5e-4)


def test_words_against_reproduction_are_kept_apart_from_contradictions():
    """Calibration and robustness disagree with our reproduction, not within the paper."""
    assert "Calibration" not in set(xu2024.CONTRADICTIONS["topic"])
    topics = xu2024.WORDS_VS_REPRODUCTION["topic"].tolist()
    assert topics[:2] == ["Calibration", "Robustness"] and len(topics) == 3
    assert all(text.startswith("our ") for text in xu2024.WORDS_VS_REPRODUCTION["what we find"])


def test_outcome_calibration_panel_is_named_for_the_set():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = xu2024.plot_calibration(xu2024.RAW_OUTCOME)
    assert ax.get_title().startswith("GROWTH -> CAPACITY") and ax.get_ylabel() == "membership in CAPACITY"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["exactly 0.5 (0.501 in the analysis)"]
    plt.close("all")
