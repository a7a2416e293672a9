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
from qcakit.report import MANIFEST
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
    assert "C (crisp, threshold 5)" in text and "B, Y entered as given." in text
    assert "log-odds of +3 and -3" in text and "No membership was exactly 0.5." in text
    assert ("an expression counts as necessary with consistency at least 0.9, coverage at least "
            "0.6 and relevance (RoN; Schneider & Wagemann 2012) at least 0.5 (conventional cuts, "
            "as used for SUIN conditions by Oana, Schneider & Thomann 2021).") in text
    assert "5 of the 8 logically possible configurations" in text
    assert "3 logical remainders" in text and "raw consistency at least 0.8." in text
    assert "observed with at least 1 case (limited diversity: 3 logical remainders)" in text
    assert "2 rows were coded 1, 3 coded 0." in text and "(s)" not in text
    assert "directional expectations (A present; B present; C present)" in text
    assert "The intermediate solution A*C has consistency" in text


def test_methods_paragraph_counts_nudged_memberships_and_pri(analysis):
    data = DATA.copy()
    data.loc["p", "B"] = 0.501
    data.loc["q", "B"] = 0.501
    tt = qcakit.truth_table(data, "Y", ["A", "B", "C"], incl_cut=(0.9, 0.6), pri_cut=0.5)
    text = qcakit.methods_paragraph(tt, qcakit.minimize(tt, "intermediate", ["A"]),
                                    qcakit.minimize(tt, "parsimonious"))
    assert "2 memberships of exactly 0.5 were set to 0.501" in text
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
    with pytest.raises(qcakit.QCAInputError, match="(?i)pass the intermediate solution, then"):
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
                "methods.md", "models.csv", "necessity.csv", "necessity.tex", "truth_table.csv",
                "truth_table.tex"} | {f"solution_{k}.{e}" for k in ("complex", "parsimonious",
                                                                     "intermediate")
                                      for e in ("csv", "tex")}
    assert set(files.table.index) == expected == {p.name for p in out.iterdir()} - {MANIFEST}
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
    assert f"{len(pars.excluded)} remainders were barred" in text and f"rows {rows}." in text
    assert "(incoherent: a condition treated as necessary is absent)" in text
    script = r_script(tt, [pars, inter])
    assert f'ps <- minimize(tt, include = "?", exclude = c({rows}), details = TRUE)' in script


# ---- necessity as the analysis used it --------------------------------------------------------
# By hand, with Y = (0.9, 0.8, 0.2, 0.1, 0.3), sum 2.3, sum(1 - Y) = 2.7:
# A = (0.9, 0.8, 0.2, 0.1, 0.7): min(A, Y) = Y, so consistency 1; coverage 2.3 / 2.7 = 0.852;
#   RoN = sum(1 - A) / sum(1 - min) = 2.3 / 2.7 = 0.852: necessary by the rule.
# T = (0.95, 0.9, 0.9, 0.95, 0.9), nearly everyone: consistency 1, coverage 2.3 / 4.6 = 0.500,
#   RoN = 0.4 / 2.7 = 0.148: consistent but trivial.
# A + B = max = (0.9, 0.8, 0.9, 0.2, 0.8): consistency 1, coverage 2.3 / 3.6 = 0.639,
#   RoN = 1.4 / 2.7 = 0.519: necessary by the rule.
TRIVIAL = DATA.assign(T=[0.95, 0.9, 0.9, 0.95, 0.9])


def test_the_methods_paragraph_calls_necessary_only_what_passes_the_rule(analysis):
    tt, inter, pars = analysis
    nec = qcakit.necessity(TRIVIAL, "Y", ["A", "T"])
    text = qcakit.methods_paragraph(tt, inter, pars, necessity=nec)
    assert "Met all three: A (consistency 1.000, coverage 0.852, RoN 0.852)." in text
    assert ("Consistent but with coverage or RoN below its cut, so at most trivial necessary "
            "conditions, not relevant ones: T (consistency 1.000; below its cut: coverage 0.500, "
            "RoN 0.148).") in text
    assert "No condition was treated as necessary in the analysis." in text
    declared = qcakit.methods_paragraph(tt, inter, pars, necessity=nec, necessary=["T", "A + B"])
    assert ("Treated as necessary in the analysis: A + B (consistency 1.000, coverage 0.639, "
            "RoN 0.519).") in declared
    assert ("Treated as necessary although the data do not meet the criteria above (give the "
            "theoretical reason here): T (coverage 0.500, RoN 0.148).") in declared
    assert "theoretical grounds" not in declared
    stricter = qcakit.methods_paragraph(tt, inter, pars, necessity=nec,
                                        necessity_cuts={"coverage": 0.9})
    assert "No condition or negated condition met all three." in stricter
    assert "coverage at least 0.9" in stricter and "Oana" not in stricter  # not their cuts


def test_necessity_cuts_and_the_declared_list_are_checked(analysis):
    tt, inter, pars = analysis
    nec = qcakit.necessity(DATA, "Y", ["A"])
    with pytest.raises(qcakit.QCAInputError, match="keys 'consistency', 'coverage', 'RoN'"):
        qcakit.methods_paragraph(tt, inter, pars, necessity=nec, necessity_cuts={"ron": 0.5})
    with pytest.raises(qcakit.QCAInputError, match="between 0 and 1"):
        qcakit.methods_paragraph(tt, inter, pars, necessity=nec, necessity_cuts={"RoN": 5})
    with pytest.raises(qcakit.QCAInputError, match="Expected an expression such as"):
        qcakit.methods_paragraph(tt, inter, pars, necessary=[1])


# ---- several models: model= --------------------------------------------------------------------
# Twelve cases (c06 on 0.5 in A, c09 on 0.5 in Y); at consistency 0.99 only row 13
# (A*B*~C*~D, case c07, consistency 1) is coded 1, and the intermediate solution with every
# condition expected present has two models of one term each: A*B*~D and A*B*~C*~D.
MODELS = pd.DataFrame(
    {"A": [0.9, 0.8, 0.7, 0.2, 0.1, 0.5, 0.9, 0.3, 0.6, 0.2, 0.8, 0.1],
     "B": [0.8, 0.9, 0.3, 0.7, 0.2, 0.6, 0.7, 0.1, 0.8, 0.4, 0.2, 0.3],
     "C": [0.2, 0.4, 0.9, 0.8, 0.7, 0.1, 0.3, 0.6, 0.2, 0.9, 0.7, 0.2],
     "D": [0.6, 0.7, 0.2, 0.9, 0.3, 0.8, 0.4, 0.1, 0.9, 0.6, 0.3, 0.7],
     "Y": [0.9, 0.8, 0.4, 0.6, 0.2, 0.7, 0.8, 0.1, 0.5, 0.3, 0.6, 0.2]},
    index=[f"c{i:02d}" for i in range(1, 13)])


@pytest.fixture
def two_models():
    with pytest.warns(qcakit.QCAWarning, match="exactly 0.5"):
        tt = qcakit.truth_table(MODELS, "Y", ["A", "B", "C", "D"], incl_cut=0.99)
    inter = qcakit.minimize(tt, "intermediate", {c: 1 for c in "ABCD"})
    return tt, inter, qcakit.minimize(tt, "parsimonious")


def test_the_report_takes_model(tmp_path, two_models):
    tt, inter, pars = two_models
    assert sorted(inter.expressions) == ["A*B*~C*~D", "A*B*~D"]
    second = inter.expressions[1]
    files = qcakit.write_report(tmp_path / "r", tt, inter, pars, model=1)
    methods = (tmp_path / "r" / "methods.md").read_text()
    fit = inter.parameters(1).loc["solution"]
    assert (f"Model M2 of the intermediate solution is reported: {second}, with consistency "
            f"{fit['consistency']:.3f} and coverage {fit['raw_coverage']:.3f}.") in methods
    assert f"{' | '.join(inter.expressions)}" in methods  # every model is named
    table = pd.read_csv(tmp_path / "r" / "solution_intermediate.csv", index_col=0)
    assert list(table.index) == [second, "solution"]
    models = pd.read_csv(tmp_path / "r" / "models.csv")
    reported = models[models["reported"]]
    assert sorted(zip(reported["solution"], reported["model"])) == [
        ("intermediate", "M2"), ("parsimonious", "M1")]
    assert "model M2 of 2" in files.table.loc["solution_intermediate.csv", "contents"]
    chart = (tmp_path / "r" / "chart.html").read_text()  # M2's raw coverage 0.393, M1's 0.443
    assert f"{fit['raw_coverage']:.3f}" == "0.393" and "0.393" in chart and "0.443" not in chart
    with pytest.raises(qcakit.QCAInputError, match="model=2 does not exist"):
        qcakit.methods_paragraph(tt, inter, pars, model=2)
    assert "The intermediate solution has 2 equally minimal models" in \
        qcakit.methods_paragraph(tt, inter, pars, model=0)


# ---- a truth table without rows coded 1 --------------------------------------------------------
# Y below 0.5 everywhere: row 8 (case p) has memberships (0.7, 0.3, 0.1, 0.1, 0.2) and
# consistency (0.4 + 0.3 + 0.1 + 0.1 + 0.2) / 1.4 = 0.786, below the cut 0.9, as every row.
NOTHING = DATA.assign(Y=[0.4, 0.3, 0.2, 0.1, 0.3])


def test_a_report_without_a_solution_says_nothing_is_sufficient(tmp_path):
    tt = qcakit.truth_table(NOTHING, "Y", ["A", "B", "C"], incl_cut=0.9)
    assert round(tt.table.loc[8, "incl"], 3) == 0.786 and tt.codes("1").size == 0
    files = qcakit.write_report(tmp_path / "r", tt, necessity=qcakit.necessity(NOTHING, "Y"))
    assert set(files.table.index) == {"analysis.R", "calibrated.csv", "methods.md",
                                      "necessity.csv", "necessity.tex", "truth_table.csv",
                                      "truth_table.tex"}
    methods = (tmp_path / "r" / "methods.md").read_text()
    assert ("No truth-table row met the cuts, so no configuration was found sufficient and no "
            "solution was derived.") in methods
    script = (tmp_path / "r" / "analysis.R").read_text()
    assert "minimize(" not in script and "nothing to minimize" in script
    with pytest.raises(qcakit.QCAInputError, match="has rows coded 1"):
        qcakit.methods_paragraph(qcakit.truth_table(DATA, "Y", ["A", "B", "C"]))


# ---- never overwrite, check before writing, stage, refuse files and unwritable folders ----------
def _listing(folder):
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else None


def test_a_file_it_did_not_write_is_never_overwritten(tmp_path, analysis):
    tt, inter, pars = analysis
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "calibrated.csv").write_text("my own data\n")
    with pytest.raises(qcakit.QCAInputError, match="never overwrites a file it did not write.*"
                                                   "calibrated.csv"):
        qcakit.write_report(folder, tt, inter, pars)
    assert _listing(folder) == ["calibrated.csv"]
    assert (folder / "calibrated.csv").read_text() == "my own data\n"


def test_its_own_files_are_rewritten_but_an_edited_one_is_kept(tmp_path, analysis):
    tt, inter, pars = analysis
    folder = tmp_path / "r"
    qcakit.write_report(folder, tt, inter, pars, complex_solution=qcakit.minimize(tt, "complex"))
    assert (folder / "solution_complex.csv").exists()
    qcakit.write_report(folder, tt, inter, pars)  # again, without the complex solution
    assert not (folder / "solution_complex.csv").exists()  # its own stale file is removed
    (folder / "methods.md").write_text("My edited paragraph.\n")
    before = _listing(folder)
    with pytest.raises(qcakit.QCAInputError, match="methods.md"):
        qcakit.write_report(folder, tt, inter, pars)
    assert (folder / "methods.md").read_text() == "My edited paragraph.\n"
    assert _listing(folder) == before


@pytest.mark.parametrize("bad", [
    {"model": 3}, {"necessity": "not a table"}, {"calibration": [(1, 2, 3)]},
    {"necessary": 5}, {"necessity_cuts": {"RoN": 2}}, {"complex_solution": "complex"}])
def test_a_bad_argument_leaves_no_folder(tmp_path, analysis, bad):
    tt, inter, pars = analysis
    nec = qcakit.necessity(DATA, "Y", ["A"])
    kwargs = {"necessity": nec, **bad}
    with pytest.raises(qcakit.QCAInputError):
        qcakit.write_report(tmp_path / "new" / "report", tt, inter, pars, **kwargs)
    assert _listing(tmp_path) == []


def test_a_file_as_folder_and_an_unwritable_folder_get_clear_errors(tmp_path, analysis,
                                                                    monkeypatch):
    tt, inter, pars = analysis
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(qcakit.QCAInputError, match="is a file, not a folder"):
        qcakit.write_report(tmp_path / "notes.txt", tt, inter, pars)
    with pytest.raises(qcakit.QCAInputError, match="Cannot create the folder .* is a file"):
        qcakit.write_report(tmp_path / "notes.txt" / "report", tt, inter, pars)
    import os

    monkeypatch.setattr(os, "access", lambda path, mode: False)  # as for a read-only folder
    with pytest.raises(qcakit.QCAInputError, match="Cannot write into .*no permission"):
        qcakit.write_report(tmp_path / "report", tt, inter, pars)
    assert _listing(tmp_path) == ["notes.txt"]


def test_a_failure_while_writing_leaves_nothing_behind(tmp_path, analysis, monkeypatch):
    tt, inter, pars = analysis
    import qcakit.report as report

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report.os, "replace", fail)
    with pytest.raises(qcakit.QCAInputError, match="No space left on device"):
        qcakit.write_report(tmp_path / "r", tt, inter, pars)
    assert _listing(tmp_path) == []


def test_the_paragraph_names_impossible_combinations_expectations_and_robustness(analysis):
    """Rows 1 + binary(ABC): ~A*~B*C is row 2 and ~A*B*C row 4, both remainders here, both
    inside the declared impossible ~A*C: untenable, so the parsimonious solution C (which uses
    them) becomes A*C."""
    tt, inter, _ = analysis
    barred = qcakit.esa(tt, impossible="~A*C")
    assert barred.rows == [2, 4]
    pars = qcakit.minimize(tt, "parsimonious", exclude=barred)
    assert pars.expression == "A*C"
    text = qcakit.methods_paragraph(tt, inter, pars, impossible="~A*C",
                                    expectations="every condition expected present by default; "
                                                 "no theory was given")
    assert "Declared impossible: ~A*C; remainders inside it are untenable." in text
    assert ("2 remainders were barred from the counterfactuals (untenable: declared "
            "impossible): rows 2, 4.") in text
    assert ("directional expectations (A present; B present; C present; every condition "
            "expected present by default; no theory was given)") in text
    assert "**Robustness.**" not in text
    # the five cases of tests/test_robustness.py (ESA_DATA): IS A*B, tests A and A*B,
    # RF_cov 1, RF_SC_maxTS = sum A*B / sum A = 1.9 / 2.9 = 0.655
    data = pd.DataFrame({"A": [0.6, 0.8, 0.7, 0.6, 0.2], "B": [0.9, 0.7, 0.2, 0.3, 0.1],
                         "Y": [0.9, 0.8, 0.6, 0.4, 0.1]}, index=list("pqrst"))
    protocol = qcakit.robustness(data, None, "Y", ["A", "B"], incl_cut=0.85,
                                 incl_cuts=[0.75, 0.85, 0.9], esa={"necessary": ["A"]})
    small = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.85)
    ex = qcakit.esa(small, necessary=["A"])
    paragraph = qcakit.methods_paragraph(
        small, qcakit.minimize(small, "intermediate", {"A": 1, "B": 1}, exclude=ex),
        qcakit.minimize(small, "parsimonious", exclude=ex), necessary=["A"],
        robustness=protocol)
    assert paragraph.endswith(
        "**Robustness.** Following Oana & Schneider (2021), the initial solution A*B was "
        "compared with 2 test solutions, each changing one choice (incl_cut 0.75, incl_cut 0.9): "
        "RF_cov 1.000, RF_cons 1.000, RF_SC_minTS 1.000, RF_SC_maxTS 0.655.")
    with pytest.raises(qcakit.QCAInputError, match="robustness must be the result of"):
        qcakit.methods_paragraph(small, robustness=small)


def test_the_r_script_of_memberships_says_nothing_was_calibrated(analysis):
    tt, _, pars = analysis
    script = r_script(tt, [pars])
    assert "# qcakit calibrated nothing: calibrated.csv holds the memberships as the data" in \
        script
    assert "the equivalent calls are:" not in script
