"""Robustness figures against SetMethods 4.0: RF figures of model 1, the core fit, the case
ratios, the single-test figure, robustness() on calibrated data and with a model choice.

Reference: tests/data/reference/robustness_setmethods.json (scripts/i_robustness.R; SetMethods
rounds consistency and coverage to 3 decimals before dividing, hence the 0.0015 tolerance on
RF_cov and RF_cons)."""
import json
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit.robustness import case_ratios, robustness, robustness_from_solutions
from qcakit.studies import xu2024

REF = Path(__file__).parent / "data" / "reference"
RUNS = json.loads((REF / "robustness_setmethods.json").read_text())["runs"]
MO = pd.read_csv(REF / "model_order" / "data.csv", index_col=0)


def data_of(run):
    if run["name"] == "lipset":
        return qcakit.datasets.load("lipset_fuzzy")
    if run["name"] == "xu":
        return xu2024.calibrated()
    return MO[MO["set"] == int(run["name"].split()[-1])].drop(columns="set")


def solutions(run):
    data = data_of(run)
    kind = run["solution"]
    expect = {c: 1 for c in run["conditions"]} if kind == "intermediate" else None

    def sol(cut):
        tt = qcakit.truth_table(data, run["outcome"], run["conditions"], incl_cut=cut)
        return qcakit.minimize(tt, kind, expect)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sol(run["incl_cut"]), [sol(c) for c in run["test_cuts"]]


def same_model(a, b):
    return {frozenset(t) for t in qcakit.parse(a)} == {frozenset(t) for t in qcakit.parse(b)}


@pytest.mark.parametrize("run", RUNS, ids=[f"{r['name']}-{r['solution']}" for r in RUNS])
def test_figures_match_setmethods(run):
    initial, tests = solutions(run)
    r = robustness_from_solutions(initial, tests)
    assert same_model(r.initial["solution"], run["IS_models"][0])  # model 1 is QCA's model 1
    for got, want in zip(r.tests["solution"], run["TS"]):
        assert same_model(got, want)
    rf = run["rob_fit"]
    for key in ("RF_cov", "RF_cons"):
        assert r.fit[key] == pytest.approx(rf[key], abs=0.0015), key
    for key in ("RF_SC_minTS", "RF_SC_maxTS"):
        assert r.fit[key] == pytest.approx(rf[key], abs=0.0005), key
    core = list(run["rob_corefit"].values())[0]  # consistency, coverage, PRI
    assert r.core_fit["consistency"] == pytest.approx(core[0], abs=0.0006)  # 0.8625 -> 0.862
    assert r.core_fit["coverage"] == pytest.approx(core[1], abs=0.0006)
    ratios = r.case_ratios
    for key in ("RCR_typ", "RCR_dev"):
        want = run["case_ratios"][key]
        if want == "NaN":
            assert math.isnan(ratios[key])
        else:
            assert ratios[key] == pytest.approx(want, abs=0.0005), key
    assert ratios["RCC_Rank"] == run["case_ratios"]["RCC_Rank"]
    single = r.single_tests()
    assert single["RCC_Rank"].tolist() == run["singletest"]["RCC_Rank"]
    np.testing.assert_allclose(single["SC"], run["singletest"]["SC"], atol=0.0005)
    if run["solution"] != "intermediate":  # SetMethods labels an intermediate test solution
        # with its parsimonious model ($solution), while its figures use C1P1's model 1
        assert all(same_model(a, b.replace("+", " + "))
                   for a, b in zip(single["solution"], run["singletest"]["model"]))


def test_case_ratios_by_hand():
    # IS, MinTS, MaxTS, Y for four cases: robust typical, shaky typical, possible typical,
    # robust deviant -> RCR_typ 1/3, RCR_dev 1/1, shaky and possible cases: rank 4.
    got = case_ratios([0.9, 0.9, 0.2, 0.8], [0.8, 0.3, 0.1, 0.7], [0.9, 0.9, 0.7, 0.9],
                      [0.8, 0.7, 0.9, 0.2])
    assert got == {"RCR_typ": pytest.approx(1 / 3), "RCR_dev": 1.0, "RCC_Rank": 4}
    assert case_ratios([0.9], [0.8], [0.9], [0.8])["RCC_Rank"] == 1
    assert case_ratios([0.9, 0.2], [0.8, 0.1], [0.9, 0.7], [0.8, 0.9])["RCC_Rank"] == 2
    assert case_ratios([0.9], [0.3], [0.9], [0.8])["RCC_Rank"] == 3


def test_robustness_on_calibrated_data_needs_no_identity_functions():
    data = xu2024.calibrated()
    args = (xu2024.OUTCOME, xu2024.CONDITIONS)
    plain = robustness(data, None, *args, incl_cut=0.8, incl_cuts=(0.75, 0.8, 0.85))
    ref = json.loads((REF / "setmethods_rob_xu.json").read_text())
    assert plain.tests["solution"].tolist() == [" + ".join(ref["TS1"]), " + ".join(ref["TS2"])]
    assert plain.fit["RF_SC_minTS"] == pytest.approx(ref["rob_fit"][0]["RF_SC_minTS"], abs=5e-4)
    with pytest.raises(qcakit.QCAInputError, match="anchor_shifts needs the raw data"):
        robustness(data, None, *args, anchor_shifts={"SCALE": (0, 1)})


def test_model_choice_and_precomputed_solutions_agree():
    run = next(r for r in RUNS if r["name"] == "model_order set 34")
    data = data_of(run)
    initial, tests = solutions(run)
    assert len(initial.models) == 6
    for model in (0, 3):
        a = robustness(data, None, "Y", run["conditions"], incl_cut=run["incl_cut"],
                       incl_cuts=[run["incl_cut"]] + run["test_cuts"], model=model)
        b = robustness_from_solutions(initial, tests, model=model)
        assert a.initial["solution"] == initial.expressions[model]
        assert a.fit == pytest.approx(b.fit)
    with pytest.raises(qcakit.QCAInputError, match="model must be 0 to 5"):
        robustness_from_solutions(initial, tests, model=6)


RANGES = json.loads((REF / "ranges_setmethods.json").read_text())
LIPSET_CONDITIONS = ["DEV", "URB", "LIT", "IND", "STB"]


def test_incl_and_n_cut_ranges_match_setmethods():
    from qcakit.robustness import incl_cut_range, n_cut_range
    lipset = qcakit.datasets.load("lipset_fuzzy")
    for run in RANGES["inclrange"]:
        got = incl_cut_range(lipset, "SURV", LIPSET_CONDITIONS, incl_cut=run["incl_cut"],
                             max_steps=40)
        assert got["value"].tolist() == pytest.approx([run["bounds"]["lower"],
                                                       run["bounds"]["upper"]])
        assert got["closed"].all()
    for run in RANGES["ncutrange"]:
        got = n_cut_range(lipset, "SURV", LIPSET_CONDITIONS, n_cut=run["n_cut"])
        assert got["value"].tolist() == [run["bounds"]["lower"], run["bounds"]["upper"]]


def test_anchor_ranges_match_setmethods():
    """Same bounds as rob.calibrange, but for two documented differences: where SetMethods
    reaches max.runs it reports NA (here: the last value, closed False); and it accepts an
    anchor equal to its neighbour (inclusion = crossover), which the kit refuses, so its bound
    can lie one step further, on the neighbour."""
    from qcakit.robustness import anchor_range
    raw = pd.read_csv(REF / "lipset_raw_LR.csv", index_col=0)
    spec = {k: tuple(v) for k, v in RANGES["provenance"]["anchors"].items()}
    for run in RANGES["calibrange"]:
        col, step = run["column"], run["step"]
        for which, anchor in enumerate(("exclusion", "crossover", "inclusion")):
            got = anchor_range(raw, spec, "SURV", LIPSET_CONDITIONS, col, anchor=anchor,
                               step=step, max_steps=40, calibrate_options={"idm": 0.95})
            for side, sign, want in zip(("lower bound", "upper bound"), (-1, 1), run[anchor]):
                row = got.loc[side]
                if want is None:
                    assert not row["closed"] and "search limit" in row["stops because"]
                elif row["value"] != pytest.approx(want):
                    on_neighbour = [a for i, a in enumerate(spec[col]) if i != which]
                    assert not row["closed"] and want == pytest.approx(
                        row["value"] + sign * step), (col, anchor, side)
                    assert any(want == pytest.approx(a) for a in on_neighbour)
