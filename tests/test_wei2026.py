"""Wei, Zhou & Xu (2026): study module, reconstruction code and the reconstructed datasets."""
import numpy as np
import pytest

from qcakit import QCAInputError, datasets
from qcakit.studies import wei2026
from qcakit.studies import wei2026_reconstruction as rec

NAMES = {"paper": "wei2026_reconstructed", "relaxed": "wei2026_reconstructed_relaxed"}


def test_code_score_follows_the_three_anchors():
    assert wei2026.code_score(2, evidence=True) == 1.0
    assert wei2026.code_score(3, evidence=True) == 1.0
    assert wei2026.code_score(1, evidence=True) == 0.501      # one content only
    assert wei2026.code_score(2, evidence=False) == 0.501     # our reading: no evidence
    assert wei2026.code_score(0, vague=True) == 0.501
    assert wei2026.code_score(0) == 0.0


@pytest.mark.parametrize("bad", [-1, 1.5, True, "2"])
def test_code_score_rejects_bad_counts(bad):
    with pytest.raises(QCAInputError, match="whole number of rubric contents"):
        wei2026.code_score(bad)


def test_pathway_of_and_its_error():
    assert [wei2026.pathway_of(c) for c in "12345"] == [
        "administration-led", "staff-supported", "digitally-driven", "digitally-driven",
        "digitally-driven"]
    assert wei2026.pathway_of("1", "zh") == "行政主导型路径"
    with pytest.raises(QCAInputError, match="configurations '1' to '5'"):
        wei2026.pathway_of("6")


def test_table3_stats_by_hand():
    # 3 cases; condition SYS = (1, 0.501, 0), outcome = (1, 1, 0); other conditions 0
    vals = np.zeros((3, 7))
    vals[:, 0] = [1.0, 0.501, 0.0]
    vals[:, 6] = [1.0, 1.0, 0.0]
    t3 = rec.table3_stats(vals)
    # SYS: sum min(X,Y) = 1.501, sum Y = 2, sum X = 1.501
    assert t3[0, 0] == pytest.approx(1.501 / 2)
    assert t3[0, 1] == pytest.approx(1.0)
    # ~SYS = (0, 0.499, 1): sum min(~X,Y) = 0.499, sum ~X = 1.499; ~Y = (0,0,1): min = 1
    assert t3[1, 0] == pytest.approx(0.499 / 2)
    assert t3[1, 2] == pytest.approx(1.0)
    assert t3[1, 3] == pytest.approx(1.0 / 1.499)


def test_design_has_the_eight_rows_of_table4():
    design = rec.build_design()
    on = [int(i) for i in np.flatnonzero(design.on_rows)]
    # rows (SYS..PERF as bits, 0-based): C1 26,30; C2 46,62; C3 43,47; C4 39; C5 51
    assert on == sorted([26, 30, 46, 62, 43, 47, 39, 51])


def test_unique_coverage_0011_is_unattainable_under_the_paper_coding():
    best, gap = rec.attainable_ratio(0.011, 16.0, (0.002, 0.499, 0.501, 1.0), 27)
    assert (float(best), float(gap)) == (0.003, -0.008)
    best, gap = rec.attainable_ratio(0.031, 16.0, (0.002, 0.499, 0.501, 1.0), 27)
    assert (float(best), float(gap)) == (0.031, 0.0)                 # 0.499 / 16


def test_search_is_deterministic_on_a_small_budget():
    a = rec.anneal(7, "paper", n_chains=3, n_steps=40)
    b = rec.anneal(7, "paper", n_chains=3, n_steps=40)
    assert np.array_equal(a[0], b[0]) and a[1] == b[1] and a[2] == b[2] == 3 * 41
    c = rec.anneal(8, "paper", n_chains=3, n_steps=40)
    assert not np.array_equal(a[0], c[0])


@pytest.mark.parametrize("coding", ["paper", "relaxed"])
def test_stored_dataset_follows_its_coding(coding):
    data = datasets.load(NAMES[coding])
    meta = datasets.info(NAMES[coding])
    assert meta["reconstructed"] is True and "reconstructed" in meta["title"].lower()
    assert "NOT the authors' data" in meta["provenance"]
    assert data.shape == (27, 7) and list(data.columns) == rec.VARIABLES
    assert list(data.index) == wei2026.STAND_IN_LABELS == [f"S{i:02d}" for i in range(1, 28)]
    for v in rec.VARIABLES:
        assert set(data[v]) <= set(rec.CODINGS[coding][v]), v
    if coding == "paper":
        assert data.isin(wei2026.SCORES).all().all()


@pytest.mark.parametrize("coding", ["paper", "relaxed"])
def test_reported_fit_numbers_are_what_the_stored_data_give(coding):
    data = datasets.load(NAMES[coding])
    meta = datasets.info(NAMES[coding])["reconstruction"]
    parts = rec.objective_parts(data[rec.VARIABLES].to_numpy()[None], rec.build_design())
    assert float(parts["table3"][0]) == pytest.approx(meta["objective_table3"], abs=1e-12)
    assert float(parts["table4"][0]) == pytest.approx(meta["objective_table4"], abs=1e-12)
    assert parts["structure"][0].tolist() == meta["structure_violations"]
    assert float(parts["total"][0]) == pytest.approx(meta["objective"], abs=1e-12)
    worst = rec.largest_differences(data)
    provenance = datasets.info(NAMES[coding])["provenance"]
    for table in ("Table 3", "Table 4"):
        assert f"from {table}: {worst.loc[table, 'abs_difference']:.3f}" in provenance


def test_paper_stand_in_gives_the_five_configurations():
    check = rec.check_structure(datasets.load(NAMES["paper"]))
    assert check["missing"] == [] and check["extra"] == [] and check["n_models"] == 1


def test_reconstruction_design_reads_terms_with_qcakit_parse():
    # literal order and spacing do not matter: the terms are read by qcakit.parse
    shuffled = {k: " * ".join(reversed(v.split("*"))) for k, v in wei2026.CONFIGURATIONS.items()}
    a, b = rec.build_design(), rec.build_design(shuffled)
    assert (a.on_rows == b.on_rows).all() and a.core_cubes == b.core_cubes
    # configuration 1, ~SYS*ORG*SERV*INFO*~PERF, leaves STAFF free: rows 0 1 1 ? 1 0 -> 2 rows
    one = rec.build_design({"1": wei2026.CONFIGURATIONS["1"]}, wei2026.TABLE4_CHART[["1"]])
    assert int(one.on_rows.sum()) == 2
    assert np.flatnonzero(one.on_rows).tolist() == [0b011010, 0b011110]


def test_reconstruction_command_line_help():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "qcakit.studies.wei2026_reconstruction",
                          "--help"], capture_output=True, text=True, check=True).stdout
    assert "Reconstruct case-level scores for Wei, Zhou & Xu (2026)" in out
    assert "--write" in out and "about 30 s" in out


def _county_names() -> set:
    """Every way the kit writes a county of Table 1: case key, Chinese and English name, and
    the English name's first word (Huazhou, Changxing, ...)."""
    cases = datasets.load("wei2026_cases")
    return (set(cases.index) | set(cases["county_zh"]) | set(cases["county_en"])
            | {c.split()[0] for c in cases["county_en"]})


def _mentions_county(text: str) -> list:
    """The county names in ``text`` (English names as whole words)."""
    import re

    return sorted(n for n in _county_names()
                  if re.search(rf"(?<![A-Za-z]){re.escape(n)}(?![a-z])", text))


@pytest.mark.parametrize("coding", ["paper", "relaxed"])
def test_stand_in_puts_no_county_name_on_any_row(coding):
    import json
    from pathlib import Path

    data = datasets.load(NAMES[coding])
    assert all(wei2026.is_stand_in_label(label) for label in data.index)
    texts = {"csv": Path(datasets.path(NAMES[coding])).read_text(encoding="utf-8"),
             "json": json.dumps(datasets.info(NAMES[coding]), ensure_ascii=False)}
    for kind, text in texts.items():
        assert not _mentions_county(text), (kind, _mentions_county(text))
    assert rec.writer.CASE_LABELS_TEXT in datasets.info(NAMES[coding])["provenance"]
    assert "S01-S27" in rec.writer.CASE_LABELS_TEXT


def test_wei_lessons_put_no_county_name_in_code():
    """Plots, tables and asserts of the Wei lessons take labels from the stand-in (S01-S27);
    a county name in a code cell would put it on a stand-in row or figure."""
    import json
    from pathlib import Path

    notebooks = sorted(Path(__file__).parents[1].glob("notebooks/2[1-9]*_wei_*.ipynb"))
    assert len(notebooks) == 10
    for path in notebooks:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        assert not _mentions_county(code), (path.name, _mentions_county(code))
        assert "partly invented" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("coding", ["paper", "relaxed"])
def test_placed_rows_sit_in_their_pathway_and_in_the_outcome(coding):
    from qcakit import membership

    data = datasets.load(NAMES[coding])
    # one placed row per example case the paper cites, per pathway (independent: the case list)
    cases = datasets.load("wei2026_cases")
    cited = cases["paper_mentions"].str.extract(r"路径(\d)")[0].dropna().astype(int)
    assert sorted(wei2026.STAND_IN_PLACED.values()) == sorted(cited.tolist()) == [1, 2, 3, 3]
    for label, pathway in wei2026.STAND_IN_PLACED.items():
        configs = wei2026.PATHWAYS.loc[pathway, "configurations"]
        row = data.loc[[label]]
        assert row["FUSION"].item() > 0.5
        assert any(membership(row, wei2026.CONFIGURATIONS[c]).item() > 0.5 for c in configs)


@pytest.mark.parametrize("coding", ["paper", "relaxed"])
def test_labels_are_what_assign_cases_gives_for_the_stored_rows(coding):
    data = datasets.load(NAMES[coding])
    shuffled = data.sample(frac=1, random_state=3).reset_index(drop=True)
    assert rec.assign_cases(shuffled).equals(data[rec.VARIABLES])


def test_assign_cases_says_what_is_missing():
    rows = datasets.load(NAMES["paper"]).reset_index(drop=True)
    rows["FUSION"] = 0.0                                   # no row in the outcome
    with pytest.raises(QCAInputError, match="no row for: S24 \\(configurations 1\\)"):
        rec.assign_cases(rows)


def test_case_list_says_where_the_paper_names_each_case():
    cases = datasets.load("wei2026_cases")
    named = {case for cases_ in wei2026.PATHWAYS["example_cases"] for case in cases_}
    assert len(named) == 4
    for case, row in cases.iterrows():
        if case in named:
            assert row["paper_mentions"].startswith("表1; 二(二)")
            assert "cited as an example of this pathway" in row["paper_mentions"]
            assert row["county_zh"][:2] in row["paper_text_zh"]
        else:
            assert row["paper_mentions"] == "表1 only (Table 1)"
            assert row["paper_text_zh"] == row["name_zh"]
    for pathway, row in wei2026.PATHWAYS.iterrows():
        for case, zh in zip(row["example_cases"], row["example_cases_zh"]):
            assert cases.loc[case, "county_zh"] == zh
            assert f"路径{pathway}" in cases.loc[case, "paper_mentions"]


def test_fit_summary_counts_the_chart_cells_that_differ():
    # Independent value: the 13 cells read off by hand from the two charts printed side by side
    # in notebook 25 (Table 4 as we read it vs. qcakit on the stand-in).
    by_hand = {("SYS", "1"), ("SYS", "5"), ("ORG", "3"), ("ORG", "4"), ("SERV", "1"),
               ("STAFF", "2"), ("STAFF", "5"), ("INFO", "3"), ("INFO", "4"), ("INFO", "5"),
               ("PERF", "2"), ("PERF", "3"), ("PERF", "4")}
    data = datasets.load(NAMES["paper"])
    summary = rec.fit_summary(data)
    assert (summary["cells_differ"], summary["cells"]) == (len(by_hand), 30)
    check = rec.check_structure(data)
    numbers = wei2026.match_configurations(check["chart"].terms)
    ours = check["chart"].table[[numbers[n] for n in wei2026.CONFIGURATIONS]]
    ours.columns = list(wei2026.CONFIGURATIONS)
    differ = {(c, n) for c in wei2026.CONDITIONS for n in wei2026.CONFIGURATIONS
              if ours.loc[c, n] != wei2026.TABLE4_CHART.loc[c, n]}
    assert differ == by_hand
    # 22 of 65 within 0.003: the residuals, counted without the helper
    res = rec.residual_list(data)
    assert summary["within"] == int((res["abs_difference"].round(3) <= 0.003).sum()) == 22
    # presence/absence agree in every cell: the 13 differ in core/peripheral status only
    kind = lambda code: code.split(" ")[-1]  # noqa: E731
    assert all(kind(ours.loc[c, n]) == kind(wei2026.TABLE4_CHART.loc[c, n]) for c, n in by_hand)
    assert summary["cells_differ_in_presence"] == 0
    line = rec.stand_in_line(data)
    assert "22 of the 65 published numbers" in line and "13 of the 30 cells" in line
    assert "all in core/peripheral status" in line and "S01-S27" in line


def test_spread_separates_stacked_cases_and_keeps_singles():
    x = [0.501] * 11 + [1.0] + [0.499] * 4
    y = [0.501] * 11 + [0.0] + [0.501] * 4
    px, py, n = wei2026.spread(x, y, step=0.05)
    assert len(set(zip(px.round(6), py.round(6)))) == 16     # every case gets its own dot
    assert (px[11], py[11]) == (1.0, 0.0) and n.tolist() == [11] * 11 + [1] + [4] * 4
    # stacks next to the crossover grow away from it: 0.501 right and up, 0.499 left
    assert (px[:11] > 0.5).all() and (py[:11] > 0.5).all() and (px[12:] < 0.5).all()
    # a stack elsewhere is centred on its point
    cx, cy, _ = wei2026.spread([1.0] * 4, [0.0] * 4, step=0.05)
    assert abs(cx.mean() - 1.0) < 1e-12 and abs(cy.mean()) < 1e-12


def test_spread_keeps_every_dot_on_its_side_of_the_diagonal_and_of_the_crossover():
    # the stacks of lesson 28's XY plot (solution vs FUSION on the stand-in), plus a single case
    # next to the crossover (S19 at (0.501, 0.499) in lesson 29b)
    stacks = {(0.0, 0.501): 6, (0.499, 0.501): 5, (0.499, 1.0): 4, (0.501, 1.0): 4,
              (0.501, 0.501): 3, (0.499, 0.0): 2, (0.0, 0.0): 2, (1.0, 1.0): 1, (0.501, 0.499): 1}
    x = np.array([k[0] for k, n in stacks.items() for _ in range(n)])
    y = np.array([k[1] for k, n in stacks.items() for _ in range(n)])
    px, py, _ = wei2026.spread(x, y, step=0.035)
    assert len(set(zip(px.round(6), py.round(6)))) == len(x)
    assert (np.sign(px - py) == np.sign(x - y)).all()               # diagonal: same side or on it
    on = x == y
    assert np.allclose(px[on], py[on])
    for a, b in ((x, px), (y, py)):                                   # crossover lines
        near = np.abs(a - 0.5) < 0.1
        assert (np.sign(b[near] - 0.5) == np.sign(a[near] - 0.5)).all()
    lone = (x == 0.501) & (y == 0.499)
    assert px[lone][0] > 0.501 and py[lone][0] < 0.499                 # moved away from 0.5
    assert (px[x == 1.0], py[x == 1.0]) == ([1.0], [1.0])               # a lone (1, 1) stays


def test_xy_cases_labels_a_stack_once():
    import matplotlib
    import pandas as pd

    matplotlib.use("Agg")
    x = pd.Series([0.499, 0.499, 1.0], index=["S20", "S22", "S24"])
    y = pd.Series([0.0, 0.0, 1.0], index=x.index)
    ax = wei2026.xy_cases(x, y, label=["S20", "S22", "S24"])
    texts = [t.get_text() for t in ax.texts]
    assert "S20, S22" in texts and "S24" in texts and "S20" not in texts


MODEL_1 = "SYS*~ORG + ~STAFF*PERF + ORG*SERV*~PERF"     # the stand-in's first parsimonious model


def test_core_conventions_by_hand():
    # C2 = SYS*SERV*STAFF*INFO*~PERF covers rows 47 (~ORG) and 63 (ORG): row 47 lies in
    # SYS*~ORG, row 63 in ORG*SERV*~PERF, and no single term holds both (by hand).
    c2 = wei2026.CONFIGURATIONS["2"]
    assert wei2026.containing_terms("SYS*~ORG*SERV*STAFF*INFO*~PERF", MODEL_1) == ["SYS*~ORG"]
    assert wei2026.containing_terms("SYS*ORG*SERV*STAFF*INFO*~PERF", MODEL_1) == ["ORG*SERV*~PERF"]
    assert wei2026.containing_terms(c2, MODEL_1) == [] and wei2026.kit_core(c2, MODEL_1) == []
    # as the paper words the rule: C2's literals that appear anywhere in the solution
    assert wei2026.solution_core(c2, MODEL_1) == ["SYS", "SERV", "~PERF"]
    # C5 = SYS*ORG*~SERV*~STAFF*INFO*PERF lies in ~STAFF*PERF only; the whole-solution reading
    # also picks up SYS from SYS*~ORG, a term that excludes C5 (ORG)
    c5 = wei2026.CONFIGURATIONS["5"]
    assert wei2026.kit_core(c5, MODEL_1) == ["~STAFF", "PERF"]
    assert wei2026.solution_core(c5, MODEL_1) == ["SYS", "ORG", "~STAFF", "PERF"]
    # a term inside two terms of a model: the kit's core is their union
    assert wei2026.kit_core("SYS*ORG*SERV", "SYS*ORG + ORG*SERV") == ["SYS", "ORG", "SERV"]
    with pytest.raises(QCAInputError, match="one term"):
        wei2026.kit_core("SYS + ORG", MODEL_1)


def test_core_chart_with_the_kits_rule_differs_from_table4_in_the_hand_read_cells():
    # the 13 cells read off by hand in test_fit_summary_counts_the_chart_cells_that_differ
    by_hand = {("SYS", "1"), ("SYS", "5"), ("ORG", "3"), ("ORG", "4"), ("SERV", "1"),
               ("STAFF", "2"), ("STAFF", "5"), ("INFO", "3"), ("INFO", "4"), ("INFO", "5"),
               ("PERF", "2"), ("PERF", "3"), ("PERF", "4")}
    chart = wei2026.core_chart(wei2026.CONFIGURATIONS, MODEL_1)
    differ = {(c, n) for c in wei2026.CONDITIONS for n in wei2026.CONFIGURATIONS
              if chart.loc[c, n] != wei2026.TABLE4_CHART.loc[c, n]}
    assert differ == by_hand
    # C2 under the paper's wording: SYS, SERV, ~PERF core; STAFF, INFO peripheral; ORG blank
    c2 = wei2026.core_chart({"2": wei2026.CONFIGURATIONS["2"]}, MODEL_1, wei2026.solution_core)
    assert c2["2"].tolist() == ["core present", "", "core present", "peripheral present",
                                "peripheral present", "core absent"]


def test_core_evidence_reading_is_in_the_language_of_the_moment():
    from qcakit.i18n import language

    english = [entry["reading"] for entry in wei2026.CORE_EVIDENCE]
    assert english[0] == "~SYS, ORG and ~PERF are core."
    with language("zh"):
        chinese = wei2026.CORE_EVIDENCE
    assert chinese[0]["reading"] == "~SYS、ORG 和 ~PERF 是核心条件。"
    assert chinese[1]["reading"] == "SERV 和 INFO 是边缘条件。"
    # the quote of the paper inside the third reading stays verbatim in both languages
    quote = "「组甲制网络则是“服务供给”与“体系整合”的微观体现」"
    assert quote in english[2] and quote in chinese[2]["reading"]
    # only the reading is translated; the paper's sentences and the configurations are data
    assert [{**e, "reading": None} for e in chinese] == [{**e, "reading": None}
                                                        for e in wei2026.CORE_EVIDENCE]
    assert wei2026.CORE_EVIDENCE[0]["reading"] == english[0]     # back in English afterwards
    with pytest.raises(AttributeError):
        wei2026.NO_SUCH_NAME
