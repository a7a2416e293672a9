"""Reports: the chart figure, LaTeX tables, the methods paragraph, the R script, write_report.

The small data set below is worked by hand: with conditions A, B, C the five cases sit in rows
8 (p: A B C), 6 (q: A ~B C), 3 (r: ~A B ~C), 1 (s: ~A ~B ~C) and 7 (t: A B ~C), so 5 of the 8
possible configurations are observed and 3 are remainders. Rows 8 and 6 are consistent (1.0 and
0.926), the others are not, so the intermediate solution with A, B, C expected present is A*C
and the parsimonious one is C (A*C's core), as the chart doctest in qcakit.chart shows.
"""
from __future__ import annotations

import shutil
import subprocess

import matplotlib
import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit import latex
from qcakit.methods_text import calibration_spec
from qcakit.rscript import RAGIN_IDM, r_script

matplotlib.use("Agg")

DATA = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1, 0.7], "B": [0.7, 0.3, 0.9, 0.2, 0.8],
                     "C": [0.8, 0.9, 0.1, 0.3, 0.2], "Y": [0.9, 0.8, 0.2, 0.1, 0.3]},
                    index=list("pqrst"))


@pytest.fixture
def analysis():
    tt = qcakit.truth_table(DATA, "Y", ["A", "B", "C"], incl_cut=0.8)
    inter = qcakit.minimize(tt, "intermediate", {"A": 1, "B": 1, "C": 1})
    pars = qcakit.minimize(tt, "parsimonious")
    return tt, inter, pars


def test_the_hand_worked_example_is_what_the_kit_computes(analysis):
    tt, inter, pars = analysis
    assert sorted(tt.table.index) == [1, 3, 6, 7, 8]
    assert sorted(tt.table.index[tt.table["OUT"] == "1"]) == [6, 8]
    assert inter.expression == "A*C" and pars.expression == "C"


def test_chart_figure_draws_one_marker_per_cell_core_larger(analysis):
    tt, inter, pars = analysis
    chart = qcakit.configuration_chart(inter, pars)
    ax = chart.plot()
    sizes = [float(c.get_sizes()[0]) for c in ax.collections]
    assert len(sizes) == 2  # A peripheral present, C core present
    core = chart.table.loc["C", "1"] == "core present"
    assert core and max(sizes) > 2 * min(sizes)
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["A", "B", "C"]
    texts = [t.get_text() for t in ax.texts]
    assert f"{chart.fit.loc['1', 'consistency']:.3f}" in texts


def test_latex_escapes_special_characters_and_keeps_numbers():
    assert latex.escape("a_b & 50% ~X") == r"a\_b \& 50\% \textasciitilde{}X"
    df = pd.DataFrame({"incl": [0.91234, np.nan], "cases": ["p, q", "r_1"]}, index=["A*B", "~C"])
    text = latex.table(df, "Fit")
    assert r"A*B & 0.912 & p, q \\" in text
    assert r"\textasciitilde{}C &  & r\_1 \\" in text
    assert r"\begin{tabular}{lrl}" in text


def test_latex_chart_uses_large_and_small_symbols(analysis):
    chart = qcakit.configuration_chart(*analysis[1:])
    text = latex.chart(chart)
    assert text.count(r"{\Large$\CIRCLE$}") == 1  # C, core
    assert text.count(r"{\scriptsize$\CIRCLE$}") == 1  # A, peripheral
    assert r"\otimes$}" not in text.split(r"\midrule")[1].split("Consistency")[0]
    assert "wasysym" in text.splitlines()[0]


def test_methods_paragraph_states_every_choice(analysis):
    tt, inter, pars = analysis
    nec = qcakit.necessity(DATA, "Y", ["A", "B", "C"])
    text = qcakit.methods_paragraph(tt, inter, pars, necessity=nec, calibration={
        "A": {"thresholds": (10, 20, 30), "reason": "theory-based anchors"},
        "C": {"thresholds": (5,), "method": "crisp"}})
    assert f"qcakit {qcakit.__version__}" in text
    assert "We analysed 5 cases" in text and "the 3 conditions were A, B, C" in text
    assert "A (direct method, anchors 10, 20, 30 (full exclusion, crossover, full inclusion); " \
           "theory-based anchors)" in text
    assert "C (crisp, threshold(s) 5)" in text and "B, Y entered as given." in text
    assert "log-odds of +3 and -3" in text and "No membership was exactly 0.5." in text
    assert "consistency threshold of 0.9" in text
    assert "5 of the 8 logically possible configurations" in text
    assert "3 logical remainders" in text and "raw consistency at least 0.8." in text
    assert "2 row(s) were coded 1, 3 coded 0." in text
    assert "directional expectations (A present; B present; C present)" in text
    assert "The intermediate solution A*C has consistency" in text


def test_methods_paragraph_counts_nudged_memberships_and_pri(analysis):
    data = DATA.copy()
    data.loc["p", "B"] = 0.501
    data.loc["q", "B"] = 0.501
    tt = qcakit.truth_table(data, "Y", ["A", "B", "C"], incl_cut=(0.9, 0.6), pri_cut=0.5)
    text = qcakit.methods_paragraph(tt, qcakit.minimize(tt, "intermediate", ["A"]),
                                    qcakit.minimize(tt, "parsimonious"))
    assert "2 membership(s) of exactly 0.5 were set to 0.501" in text
    assert "and PRI consistency at least 0.5" in text
    assert "between 0.6 and 0.9 were coded as contradictions" in text


def test_calibration_spec_rejects_unknown_keys_and_non_dicts():
    with pytest.raises(qcakit.QCAInputError, match=r"calibration\['A'\] needs 'thresholds'"):
        calibration_spec({"A": {"anchors": (1, 2, 3)}})
    with pytest.raises(qcakit.QCAInputError, match="must be a dict"):
        calibration_spec([(1, 2, 3)])
    assert calibration_spec({"A": (1, 2, 3)})["A"]["method"] == "direct"


def test_solutions_from_another_truth_table_are_refused(analysis):
    tt, inter, pars = analysis
    other = qcakit.truth_table(DATA, "Y", ["A", "B", "C"], incl_cut=0.9)
    with pytest.raises(qcakit.QCAInputError, match="minimized from this truth table"):
        qcakit.methods_paragraph(other, inter, pars)
    with pytest.raises(qcakit.QCAInputError, match="each minimized from this truth table"):
        r_script(other, [pars])
    with pytest.raises(qcakit.QCAInputError, match="pass the intermediate solution, then"):
        qcakit.write_report("unused", tt, pars, inter)


def test_r_script_writes_every_setting():
    lf = qcakit.datasets.load("lipset_fuzzy")
    tt = qcakit.truth_table(lf, "SURV", ["DEV", "URB", "LIT", "IND", "STB"],
                            incl_cut=(0.9, 0.6), pri_cut=0.55, n_cut=2, negate_outcome=True)
    sols = [qcakit.minimize(tt, kind) for kind in ("complex", "parsimonious")]
    sols.append(qcakit.minimize(tt, "intermediate", {"DEV": 0, "STB": 0, "URB": "-"}))
    nec = qcakit.necessity(lf, "SURV", ["DEV", "STB"], negate_outcome=True)
    script = r_script(tt, sols, necessity=nec, calibration={"DEV": (1, 2, 3), "STB": {
        "thresholds": (4,), "method": "crisp"}, "URB": {"thresholds": (1, 2, 3), "idm": 0.95}})
    assert ('tt <- truthTable(data, outcome = "~SURV", conditions = c("DEV", "URB", "LIT", '
            '"IND", "STB"), incl.cut = c(0.9, 0.6), pri.cut = 0.55, n.cut = 2, '
            'show.cases = TRUE') in script
    assert "cs <- minimize(tt, details = TRUE)" in script
    assert 'ps <- minimize(tt, include = "?", details = TRUE)' in script
    assert 'is <- minimize(tt, include = "?", dir.exp = "~DEV, ~STB", details = TRUE)' in script
    assert (f'data$DEV <- calibrate(raw$DEV, type = "fuzzy", thresholds = "e=1, c=2, i=3", '
            f'logistic = TRUE, idm = {RAGIN_IDM:.10g})') in script
    assert ('data$URB <- calibrate(raw$URB, type = "fuzzy", thresholds = "e=1, c=2, i=3", '
            'logistic = TRUE, idm = 0.95)') in script
    assert 'data$STB <- calibrate(raw$STB, type = "crisp", thresholds = 4)' in script
    assert ('pof(data.frame("DEV" = data$DEV, "~DEV" = 1 - data$DEV, "STB" = data$STB, '
            '"~STB" = 1 - data$STB, check.names = FALSE), 1 - data$SURV, '
            'relation = "necessity")') in script
    for sol in sols:
        assert f"# qcakit's {sol.kind} solution: {' | '.join(sol.expressions)}" in script
    assert 'write.csv(results, "r_solutions.csv"' in script
    assert abs(RAGIN_IDM - 1 / (1 + np.exp(-3))) < 1e-15


def test_r_script_refuses_expressions_in_the_necessity_table(analysis):
    tt, _, pars = analysis
    nec = qcakit.necessity(DATA, "Y", ["A + B"])
    with pytest.raises(qcakit.QCAInputError, match="'A \\+ B' is an expression"):
        r_script(tt, [pars], necessity=nec)


def test_write_report_writes_the_files_and_their_contents(tmp_path, analysis):
    tt, inter, pars = analysis
    nec = qcakit.necessity(DATA, "Y", ["A", "B", "C"])
    files = qcakit.write_report(tmp_path / "out", tt, inter, pars,
                                complex_solution=qcakit.minimize(tt, "complex"), necessity=nec,
                                calibration={"A": (1, 2, 3)})
    out = tmp_path / "out"
    expected = {"analysis.R", "calibrated.csv", "chart.html", "chart.png", "chart.tex",
                "methods.md", "necessity.csv", "necessity.tex", "truth_table.csv",
                "truth_table.tex"} | {f"solution_{k}.{e}" for k in ("complex", "parsimonious",
                                                                     "intermediate")
                                      for e in ("csv", "tex")}
    assert set(files.table.index) == expected == {p.name for p in out.iterdir()}
    image = matplotlib.image.imread(out / "chart.png")
    assert image.shape[0] > 200 and image.shape[1] > 200
    back = pd.read_csv(out / "truth_table.csv", index_col=0)
    assert back["OUT"].astype(str).tolist() == tt.table["OUT"].tolist()
    assert np.allclose(back["incl"], tt.table["incl"])
    assert pd.read_csv(out / "calibrated.csv", index_col=0).equals(tt.data)
    params = pd.read_csv(out / "solution_intermediate.csv", index_col=0)
    assert np.allclose(params["consistency"], inter.parameters()["consistency"])
    assert (out / "methods.md").read_text().startswith("We analysed 5 cases")
    assert "Configuration chart" in (out / "chart.html").read_text()


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="optional: R is not installed")
@pytest.mark.parametrize("negate, pri_cut, expect, necessary",
                         [(False, None, 1, None), (True, 0.6, 0, None),
                          (False, None, 1, ["LIT", "STB"])])
def test_the_r_script_reproduces_the_solutions_in_r(tmp_path, negate, pri_cut, expect,
                                                     necessary):
    """Runs analysis.R with the R package QCA (where R and QCA are installed): R's solutions
    must have the same terms as the kit's, on the Lipset data, for SURV and for ~SURV with a
    PRI cut, and with ESA exclusions (LIT and STB necessary). (QCA 3.25.1 on Debian's R 4.2
    agreed on all three solution types in all three settings.)"""
    check = subprocess.run(["Rscript", "-e", "library(QCA)"], capture_output=True, text=True)
    if check.returncode != 0:
        pytest.skip("optional: the R package QCA is not installed")
    lf = qcakit.datasets.load("lipset_fuzzy")
    conditions = ["DEV", "URB", "LIT", "IND", "STB"]
    tt = qcakit.truth_table(lf, "SURV", conditions, incl_cut=0.8, pri_cut=pri_cut,
                            negate_outcome=negate)
    barred = qcakit.esa(tt, necessary=necessary) if necessary else None
    inter = qcakit.minimize(tt, "intermediate", {c: expect for c in conditions}, exclude=barred)
    pars = qcakit.minimize(tt, "parsimonious", exclude=barred)
    qcakit.write_report(tmp_path, tt, inter, pars, complex_solution=qcakit.minimize(tt, "complex"))
    run = subprocess.run(["Rscript", "analysis.R"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    results = pd.read_csv(tmp_path / "r_solutions.csv")
    assert set(results["solution"]) == {"complex", "parsimonious", "intermediate"}
    for kind, group in results.groupby("solution"):
        r_models = {frozenset(t.strip() for t in m.split(" + ")) for m in group["r"]}
        ours = {frozenset(t.strip() for t in m.split(" + "))
                for m in group["qcakit"].iloc[0].split(" | ")}
        assert r_models == ours, kind


def test_esa_exclusions_reach_the_methods_text_and_the_r_script():
    """Rows barred by an ESA are named in the methods paragraph and passed to R's exclude=;
    Lipset with LIT and STB necessary (the qcakit.counterfactuals doctest)."""
    lf = qcakit.datasets.load("lipset_fuzzy")
    tt = qcakit.truth_table(lf, "SURV", ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8)
    barred = qcakit.esa(tt, necessary=["LIT", "STB"])
    pars = qcakit.minimize(tt, "parsimonious", exclude=barred)
    inter = qcakit.minimize(tt, "intermediate", ["DEV", "URB", "LIT", "IND", "STB"],
                            exclude=barred)
    rows = ", ".join(str(r) for r in pars.excluded.index)
    text = qcakit.methods_paragraph(tt, inter, pars)
    assert f"{len(pars.excluded)} remainder(s) were barred" in text and f"rows {rows}." in text
    assert "(incoherent)" in text
    script = r_script(tt, [pars, inter])
    assert f'ps <- minimize(tt, include = "?", exclude = c({rows}), details = TRUE)' in script
