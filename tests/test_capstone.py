"""Lesson 30 on data it was not written for, run as a researcher runs it: through papermill.

Four files are built here, none of them the bundled example: a GBK-encoded CSV with Chinese
case and column names and six conditions; an Excel workbook with a condition declared
necessary; a CSV of memberships (``ANCHORS = None``, UTF-8 with BOM) with cases at exactly
0.5; and a semicolon-separated CSV with nine conditions. A fifth run puts the memberships file
at a cut no row reaches. Each run must end, write the report, and say in its computed
sentences the numbers this module computes on its own, from the raw scores, with the
textbook formulas (Ragin's direct calibration; row consistency sum(min(row, Y)) / sum(row);
necessity consistency, coverage and RoN as Schneider & Wagemann 2012), not with qcakit.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

papermill = pytest.importorskip("papermill")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "30_your_study.ipynb"
STEMS = "甲乙丙丁戊己庚辛壬癸"
EPS = np.finfo(float).eps ** 0.5
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


# ---- the data sets --------------------------------------------------------------------------
def chinese_counties(folder: Path) -> dict:
    """24 invented counties (no real place), GBK, six conditions scored 1-10, outcome 0-100."""
    rng = np.random.default_rng(23)
    names = [f"{STEMS[i % 10]}{BRANCHES[i % 12]}县" for i in range(23)] + ["东城区,北片"]
    cond = ["规模", "组织", "管理", "信息", "共享", "支付"]
    x = rng.integers(1, 11, size=(24, 6))
    good = ((x[:, 0] > 5) & (x[:, 1] > 5)) | ((x[:, 2] > 5) & (x[:, 3] <= 5))
    y = np.where(good, rng.integers(55, 100, 24), rng.integers(0, 50, 24))
    data = pd.DataFrame(x, columns=cond).assign(增长=y)
    data.insert(0, "县区", names)
    path = folder / "counties_gbk.csv"
    data.to_csv(path, index=False, encoding="gbk")
    anchors = {c: [1, 5.5, 10] for c in cond} | {"增长": [10, 50.5, 90]}
    return {"file": path, "params": {"DATA": str(path), "CASE_COLUMN": "县区", "OUTCOME": "增长",
                                     "CONDITIONS": cond, "ANCHORS": anchors}}


def workbook(folder: Path) -> dict:
    """18 clinics in an .xlsx; P1 is full (4) wherever the outcome is, so necessary."""
    rng = np.random.default_rng(6)
    cond = ["P1", "P2", "P3", "P4", "P5"]
    x = rng.integers(0, 5, size=(18, 5))
    y = np.where((x[:, 1] >= 3) | (x[:, 2] <= 1), rng.integers(6, 11, 18), rng.integers(0, 4, 18))
    x[y >= 6, 0] = 4
    data = pd.DataFrame(x, columns=cond).assign(QUALITY=y)
    data.insert(0, "clinic", [f"clinic {i:02d}" for i in range(1, 19)])
    path = folder / "clinics.xlsx"
    data.to_excel(path, index=False, sheet_name="cases")
    anchors = {c: [0, 2.5, 4] for c in cond} | {"QUALITY": [0, 5.5, 10]}
    return {"file": path, "params": {"DATA": str(path), "CASE_COLUMN": "clinic",
                                     "OUTCOME": "QUALITY", "CONDITIONS": cond,
                                     "ANCHORS": anchors, "NECESSARY": ["P1"],
                                     "DIRECTIONAL": {"P1": 1, "P2": 1, "P3": 0}}}


MEMBERSHIPS = pd.DataFrame(
    {"A": [0.9, 0.8, 0.7, 0.2, 0.1, 0.5, 0.9, 0.3, 0.6, 0.2, 0.8, 0.1],
     "B": [0.8, 0.9, 0.3, 0.7, 0.2, 0.6, 0.7, 0.1, 0.8, 0.4, 0.2, 0.3],
     "C": [0.2, 0.4, 0.9, 0.8, 0.7, 0.1, 0.3, 0.6, 0.2, 0.9, 0.7, 0.2],
     "D": [0.6, 0.7, 0.2, 0.9, 0.3, 0.8, 0.4, 0.1, 0.9, 0.6, 0.3, 0.7],
     "Y": [0.9, 0.8, 0.4, 0.6, 0.2, 0.7, 0.8, 0.1, 0.5, 0.3, 0.6, 0.2]},
    index=[f"c{i:02d}" for i in range(1, 13)])


def memberships(folder: Path, incl_cut: float = 0.8, n_cut: int = 1) -> dict:
    """12 cases already calibrated; c06 is at 0.5 on A (a condition), c09 on Y (the outcome).
    At ``incl_cut=0.98, n_cut=2`` no row passes (the rows with two cases or more reach 0.972)."""
    path = folder / "memberships.csv"
    MEMBERSHIPS.rename_axis("name").to_csv(path, encoding="utf-8-sig")
    return {"file": path, "params": {"DATA": str(path), "CASE_COLUMN": "name", "OUTCOME": "Y",
                                     "CONDITIONS": ["A", "B", "C", "D"], "ANCHORS": None,
                                     "INCL_CUT": incl_cut, "N_CUT": n_cut}}


def nine_conditions(folder: Path) -> dict:
    """40 cases, nine conditions scored 0-100, semicolon-separated (as Excel writes in Europe)."""
    rng = np.random.default_rng(9)
    cond = [f"X{i}" for i in range(1, 10)]
    x = rng.integers(0, 101, size=(40, 9))
    good = ((x[:, 0] > 50) & (x[:, 1] > 50)) | ((x[:, 2] > 50) & (x[:, 3] < 50))
    y = np.where(good, rng.integers(55, 101, 40), rng.integers(0, 46, 40))
    data = pd.DataFrame(x, columns=cond).assign(OUT=y)
    data.insert(0, "id", [f"case{i:02d}" for i in range(1, 41)])
    path = folder / "nine.csv"
    data.to_csv(path, index=False, sep=";")
    anchors = {c: [10, 50.5, 90] for c in [*cond, "OUT"]}
    return {"file": path, "params": {"DATA": str(path), "CASE_COLUMN": "id", "OUTCOME": "OUT",
                                     "CONDITIONS": cond, "ANCHORS": anchors}}


# ---- independent computations ---------------------------------------------------------------
def ragin(x, anchors) -> np.ndarray:
    """Ragin's (2008) direct calibration, log-odds +-3 at the outer anchors; crisp for one."""
    x = np.asarray(x, dtype=float)
    if len(anchors) == 1:
        return (x >= anchors[0]).astype(float)
    e, c, i = anchors
    odds = np.where(x >= c, 3 * (x - c) / (i - c), 3 * (x - c) / (c - e))
    return 1 / (1 + np.exp(-odds))


def reference(case: dict) -> dict:
    """Memberships, truth-table rows and necessity from the raw file, by hand."""
    p = case["params"]
    file = case["file"]
    if file.suffix == ".xlsx":
        raw = pd.read_excel(file).set_index(p["CASE_COLUMN"])
    else:
        sep = ";" if file.name == "nine.csv" else ","
        enc = "gbk" if "gbk" in file.name else "utf-8-sig"
        raw = pd.read_csv(file, sep=sep, encoding=enc).set_index(p["CASE_COLUMN"])
    cond, outcome = p["CONDITIONS"], p["OUTCOME"]
    if p["ANCHORS"] is None:
        sets = raw[cond + [outcome]].astype(float)
    else:
        sets = pd.DataFrame({c: ragin(raw[c], p["ANCHORS"][c]) for c in cond + [outcome]},
                            index=raw.index)
    x, y = sets[cond].to_numpy(), sets[outcome].to_numpy()
    k = len(cond)
    codes = ((x > 0.5) * (1 << np.arange(k - 1, -1, -1))).sum(axis=1)
    codes[(x == 0.5).any(axis=1)] = -1
    rows, n_cut = {}, p.get("N_CUT", 1)
    for code in sorted(set(codes) - {-1}):
        if (codes == code).sum() < n_cut:  # below the frequency cut: a remainder
            continue
        bits = (code >> np.arange(k - 1, -1, -1)) & 1
        m = np.where(bits == 1, x, 1 - x).min(axis=1)
        both = np.minimum(m, y)
        overlap = np.minimum(both, 1 - y).sum()
        rows[code + 1] = {"n": int((codes == code).sum()), "incl": both.sum() / m.sum(),
                          "PRI": (both.sum() - overlap) / (m.sum() - overlap),
                          "cases": list(raw.index[codes == code])}
    cut, pri_cut = p.get("INCL_CUT", 0.8), 0.5
    # a value at the cut passes it; floating point puts 4/5 at 0.7999999999999998, so compare
    # with R QCA's tolerance, sqrt(machine epsilon)
    positive = [r for r, v in rows.items()
                if v["incl"] + EPS >= cut and v["PRI"] + EPS >= pri_cut]
    nec = {}
    for j, c in enumerate(cond):
        for name, v in ((c, x[:, j]), (f"~{c}", 1 - x[:, j])):
            both = np.minimum(v, y)
            nec[name] = (both.sum() / y.sum(), both.sum() / v.sum(),
                         (1 - v).sum() / (1 - both).sum())
    return {"raw": raw, "sets": sets, "rows": rows, "positive": positive, "necessity": nec,
            "cut": cut}


# ---- running the notebook -------------------------------------------------------------------
def run(case: dict, folder: Path, notebook: Path = NOTEBOOK) -> tuple[str, float]:
    """Execute lesson 30 with the case's parameters (``case["passed"]`` when only some of them
    are passed); (all Markdown it displayed, seconds)."""
    params = dict(case.get("passed", case["params"]), REPORT_DIR=str(folder / "report"))
    out = folder / "out.ipynb"
    start = time.perf_counter()
    papermill.execute_notebook(str(notebook), str(out), parameters=params, cwd=str(folder),
                               progress_bar=False, kernel_name="python3")
    seconds = time.perf_counter() - start
    nb = nbformat.read(out, as_version=4)
    text = [o["data"]["text/markdown"] for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]
    return "\n\n".join(text), seconds


BUILDERS = {"gbk_chinese_6": chinese_counties, "xlsx_necessary_5": workbook,
            "memberships_4": memberships, "semicolon_9": nine_conditions,
            "memberships_no_row": lambda folder: memberships(folder, incl_cut=0.98, n_cut=2)}


@pytest.fixture(scope="module", params=list(BUILDERS))
def executed(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    case = BUILDERS[request.param](folder)
    original = case["file"].read_bytes()
    text, seconds = run(case, folder)
    print(f"\n{request.param}: papermill ran lesson 30 in {seconds:.1f} s")
    return {"name": request.param, "case": case, "text": text, "folder": folder,
            "ref": reference(case), "original": original}


def test_the_notebook_runs_to_the_end_and_writes_the_report(executed):
    report = executed["folder"] / "report"
    methods = (report / "methods.md").read_text(encoding="utf-8")
    ref = executed["ref"]
    assert f"We analysed {len(ref['raw'])} cases" in methods
    assert {"methods.md", "analysis.R", "calibrated.csv", "truth_table.csv"} <= \
        {p.name for p in report.iterdir()}
    assert (report / "chart.png").exists() == bool(ref["positive"])
    assert executed["case"]["file"].read_bytes() == executed["original"]  # never changed
    listed = json.loads((report / ".qcakit_report.json").read_text())["files"]
    assert set(listed) == {p.name for p in report.iterdir()} - {".qcakit_report.json"}


def test_the_sentences_state_the_truth_table_computed_by_hand(executed):
    ref, text = executed["ref"], executed["text"]
    k = len(executed["case"]["params"]["CONDITIONS"])
    assert f"{len(ref['rows'])} of the {2 ** k} logically possible configurations" in text
    assert f"({2 ** k - len(ref['rows'])} remainders)" in text
    positive = ref["positive"]
    if positive:
        cases = sum(ref["rows"][r]["n"] for r in positive)
        rows = sorted(positive, key=lambda r: (-ref["rows"][r]["incl"], r))
        label = "row" if len(positive) == 1 else "rows"
        assert f"({label} {', '.join(map(str, rows))}), holding {cases} case" in text
    else:
        assert "No row is coded 1." in text and "no row passes the cuts" in text
    assert ("the cuts admit one row only" in text) == (len(positive) == 1)


def test_the_cut_sentence_names_the_rows_either_side(executed):
    ref, text = executed["ref"], executed["text"]
    rows = sorted(ref["rows"].items(), key=lambda kv: (-kv[1]["incl"], kv[0]))
    above = [(r, v) for r, v in rows if v["incl"] + EPS >= ref["cut"]]
    below = [(r, v) for r, v in rows if v["incl"] + EPS < ref["cut"]]
    if above and below:
        (r1, v1), (r2, v2) = above[-1], below[0]
        assert (f"lies between row {r1} ({v1['incl']:.3f}) and row {r2} ({v2['incl']:.3f})"
                in text)
    elif not above:
        top_row, top = rows[0]
        assert f"above every observed row (the highest is row {top_row} at " \
               f"{top['incl']:.3f})" in text


def test_the_necessity_sentences_follow_the_rule(executed):
    ref, text = executed["ref"], executed["text"]
    passed = [n for n, (cons, cov, ron) in ref["necessity"].items()
              if cons >= 0.9 and cov >= 0.6 and ron >= 0.5]
    trivial = [n for n, (cons, cov, ron) in ref["necessity"].items()
               if cons >= 0.9 and (cov < 0.6 or ron < 0.5)]
    for name in passed:
        cons, cov, ron = ref["necessity"][name]
        assert (f"{name} (consistency {cons:.3f}, coverage {cov:.3f}, RoN {ron:.3f})"
                in text.split("**Trivial:**")[0])
    if not passed:
        assert "no single condition or negated condition is necessary" in text
    assert ("**Trivial:**" in text) == bool(trivial)
    methods = (executed["folder"] / "report" / "methods.md").read_text(encoding="utf-8")
    assert ("Met all three: " in methods) == bool(passed)
    declared = executed["case"]["params"].get("NECESSARY", [])
    for name in declared:
        assert f"Treated as necessary in the analysis: {name} (consistency" in methods


def test_the_calibration_sentences_place_each_crossover(executed):
    p, ref, text = executed["case"]["params"], executed["ref"], executed["text"]
    if p["ANCHORS"] is None:
        assert "The file holds memberships" in text
        half_condition = ref["sets"].index[(ref["sets"][p["CONDITIONS"]] == 0.5).any(axis=1)]
        half_outcome = ref["sets"].index[ref["sets"][p["OUTCOME"]] == 0.5]
        for case in half_condition:
            assert f"case {case} scores exactly 0.5 in" in text
        for case in half_outcome:
            assert f"case {case} scores exactly 0.5 in the outcome" in text
        return
    for column, (e, c, i) in p["ANCHORS"].items():
        x = ref["raw"][column].astype(float)
        below, above = x[x < c].max(), x[x > c].min()
        assert (f"{column}: the crossover {c:g} lies between the observed scores {below:g} "
                in text)
        assert f"and {above:g} (" in text
        n_in = int((ref["sets"][column] > 0.5).sum())  # Ragin's formula, by hand
        assert f"{n_in} of {len(x)} cases are in the set (membership above 0.5)" in text


def test_cases_near_one_half_are_named(executed):
    """Every membership within 0.05 of 0.5 (but not 0.5) is named, with its value."""
    ref, text, p = executed["ref"], executed["text"], executed["case"]["params"]
    near = [(case, column, v) for column in p["CONDITIONS"] + [p["OUTCOME"]]
            for case, v in ref["sets"][column].items() if 0 < abs(v - 0.5) < 0.05]
    assert ("**Near 0.5:**" in text) == bool(near)
    for case, column, v in near:
        assert f"{case} {v:.3f} in {column}" in text


def test_the_widest_gap_counts_rows_the_pri_cut_codes_and_the_left_out_cases(executed):
    """Recomputed from the hand-made rows: the widest gap at or above 0.75 (down to the next
    row or to 0.75), the rows a cut there codes 1 with PRI 0.5, and the cases in the outcome
    that sit in rows coded 0."""
    ref, text = executed["ref"], executed["text"]
    rows = sorted(ref["rows"].items(), key=lambda kv: (-kv[1]["incl"], kv[0]))
    incl = [v["incl"] for _, v in rows]
    best = None
    for i, upper in enumerate(incl):
        if upper < 0.75:
            break
        width = upper - max(incl[i + 1] if i + 1 < len(incl) else -1, 0.75)
        if width > 0 and (best is None or width > best[0] + 1e-12):
            best = (width, i)
    if best is not None:
        width, i = best
        coded = sum(v["PRI"] + EPS >= 0.5 for _, v in rows[:i + 1])
        assert (f"runs from row {rows[i][0]} ({incl[i]:.3f}) down to" in text
                and f"{width:.3f} wide; a cut inside it would code {coded} row" in text)
    y = ref["sets"][executed["case"]["params"]["OUTCOME"]]
    zero = [c for r, v in ref["rows"].items() if r not in ref["positive"] for c in v["cases"]]
    left_out = [c for c in y.index if c in zero and y[c] > 0.5]
    if left_out:
        verb = "sits" if len(left_out) == 1 else "sit"
        assert (f"{len(left_out)} of the {int((y > 0.5).sum())} cases in the outcome {verb} in "
                "rows coded 0" in text)


def test_robustness_tests_the_reported_solution_and_the_negation_is_always_analysed(executed):
    ref, text, p = executed["ref"], executed["text"], executed["case"]["params"]
    label = f"~{p['OUTCOME']}"
    assert f"For {label}" in text
    if ref["positive"]:
        assert ("redoes the Enhanced Standard Analysis on it" in text
                and "The initial solution is model M1 of its setting, the one reported above"
                in text)
        assert "is not the solution reported above" not in text
    else:
        assert f"Nothing is sufficient for {p['OUTCOME']} at these cuts; its negation" in text
    assert ("by default" in text) == (p.get("DIRECTIONAL") is None and bool(ref["positive"]))


def test_trivial_conditions_say_which_cut_they_fail(executed):
    """By hand: consistency >= 0.9 with coverage < 0.6 and / or RoN < 0.5."""
    ref, text = executed["ref"], executed["text"]
    for name, (cons, cov, ron) in ref["necessity"].items():
        if cons < 0.9 or (cov >= 0.6 and ron >= 0.5):
            continue
        sentence = next(part for part in text.split("\n\n")
                        if part.startswith(f"**Trivial:** {name} (consistency"))
        assert ("its coverage is below 0.6" in sentence) == (cov < 0.6)
        assert ("its RoN is below 0.5" in sentence) == (ron < 0.5)
        assert "nearly every case" not in sentence


def test_nothing_speaks_of_the_bundled_study(executed):
    text = executed["text"]
    for word in ("Xu", "GROWTH", "lessons 12-15", "percentile anchors", "Hangzhou"):
        assert word not in text, word


@pytest.mark.parametrize("change, message", [
    ({"MODEL": 50}, "MODEL = 50, but the intermediate solution has"),
    ({"MODEL": -1}, "MODEL must be a whole number from 0"),
    ({"DIRECTIONAL": {"E": 1}}, "DIRECTIONAL names 'E'"),
    ({"DATA_RAW": True}, "ANCHORS is None, so the file must hold memberships between 0 and 1"),
])
def test_bad_settings_stop_with_a_clear_message(tmp_path, change, message):
    """The memberships file; MODEL 50 for an intermediate solution with fewer models (checked
    right after minimization), the others checked as soon as the settings are read."""
    case = memberships(tmp_path)
    if change.pop("DATA_RAW", False):
        raw = MEMBERSHIPS.assign(A=MEMBERSHIPS["A"] * 10)  # raw scores 1 to 9
        raw.rename_axis("name").to_csv(case["file"], encoding="utf-8-sig")
    case["params"].update(change)
    with pytest.raises(papermill.PapermillExecutionError) as err:
        run(case, tmp_path)
    assert "QCAInputError" in str(err.value) and message in str(err.value)


def test_the_notebook_has_a_papermill_parameters_cell():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert first.metadata.get("tags") == ["parameters"]
    for name in ("DATA", "CASE_COLUMN", "OUTCOME", "CONDITIONS", "ANCHORS", "NECESSARY",
                 "IMPOSSIBLE", "REPORT_DIR", "LANGUAGE", "MODEL", "DIRECTIONAL",
                 "DIRECTIONAL_NEGATED"):
        assert f"\n{name} = " in "\n" + first.source, name


# ---- the Chinese edition ---------------------------------------------------------------------
ZH_NOTEBOOK = ROOT / "notebooks" / "zh" / "30_your_study.ipynb"


def bundled_example(folder: Path) -> dict:
    """The bundled Xu file with the twin's own settings: nothing passed but REPORT_DIR. The
    settings below are the parameters cell's, copied for the hand computation."""
    from qcakit.datasets import path
    anchors = {"SCALE": (8, 14.5, 25), "ORG": (0, 1.25, 2), "MGMT": (0, 1.75, 3), "INFO": (1,),
               "SHARE": (0, 0.75, 1), "PAY": (0, 1.25, 2), "INCENT": (0, 1.25, 2),
               "GROWTH": (0, 3.1, 10)}
    return {"file": Path(path("xu2024_county_alliance")), "passed": {},
            "params": {"CASE_COLUMN": "case", "OUTCOME": "GROWTH",
                       "CONDITIONS": ["SCALE", "ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT"],
                       "ANCHORS": anchors}}


ZH_BUILDERS = {"zh_bundled": bundled_example, "zh_gbk_chinese_6": chinese_counties,
               "zh_xlsx_necessary_5": workbook}


@pytest.fixture(scope="module", params=list(ZH_BUILDERS))
def executed_zh(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    case = ZH_BUILDERS[request.param](folder)
    text, seconds = run(case, folder, ZH_NOTEBOOK)
    print(f"\n{request.param}: papermill ran the Chinese lesson 30 in {seconds:.1f} s")
    return {"case": case, "text": text, "folder": folder, "ref": reference(case)}


def test_the_chinese_twin_has_the_parameters_cell_in_chinese():
    nb = nbformat.read(ZH_NOTEBOOK, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert first.metadata.get("tags") == ["parameters"]
    assert '\nLANGUAGE = "zh"' in "\n" + first.source


def test_the_chinese_twin_writes_a_chinese_report(executed_zh):
    """The methods paragraph, the R script's comments and the notebook's computed sentences
    are Chinese, with the numbers computed by hand above; no English sentence of theirs is
    left (the reasons of the bundled example's anchors are English data in the notebook's
    code, so the check skips the calibration paragraph)."""
    report, ref = executed_zh["folder"] / "report", executed_zh["ref"]
    methods = (report / "methods.md").read_text(encoding="utf-8")
    script = (report / "analysis.R").read_text(encoding="utf-8")
    assert f"我们使用模糊集 QCA（Ragin 2008）分析了 {len(ref['raw'])} 个案例" in methods
    assert "# 真值表与最小化" in script and "# Truth table" not in script
    assert {"methods.md", "analysis.R", "calibrated.csv", "truth_table.csv"} <= \
        {p.name for p in report.iterdir()}
    assert (report / "chart.png").exists() == bool(ref["positive"])
    prose = "\n\n".join(part for part in methods.split("\n\n")
                         if not part.startswith("**校准。**"))
    for english in ("We analysed", "Calibration", "consistency", "coverage", "truth table",
                    "solution", "remainder"):
        assert english not in prose, english


def test_the_chinese_sentences_state_the_hand_computed_numbers(executed_zh):
    ref, text = executed_zh["ref"], executed_zh["text"]
    k = len(executed_zh["case"]["params"]["CONDITIONS"])
    assert (f"在 {2 ** k} 种逻辑上可能的组态中，有 {len(ref['rows'])} 种至少包含 1 个案例"
            f"（{2 ** k - len(ref['rows'])} 个逻辑余项）") in text
    positive = ref["positive"]
    if positive:
        cases = sum(ref["rows"][r]["n"] for r in positive)
        rows = sorted(positive, key=lambda r: (-ref["rows"][r]["incl"], r))
        assert (f"有 {len(rows)} 行编码为 1（第 {'、'.join(map(str, rows))} 行），"
                f"包含 {cases} 个案例") in text
    passed = [n for n, (cons, cov, ron) in ref["necessity"].items()
              if cons >= 0.9 and cov >= 0.6 and ron >= 0.5]
    for name in passed:
        cons, cov, ron = ref["necessity"][name]
        assert f"{name}（一致性 {cons:.3f}，覆盖度 {cov:.3f}，RoN {ron:.3f}）" in text
    if not passed:
        assert "没有任何单个条件或条件的否定是" in text
    methods = (executed_zh["folder"] / "report" / "methods.md").read_text(encoding="utf-8")
    assert ("三项标准全部达到的：" in methods) == bool(passed)
    for name in executed_zh["case"]["params"].get("NECESSARY", []):
        assert f"分析中被当作必要条件的：{name}（一致性" in methods
    for english in ("logically possible configurations", "consistency cut", "is necessary",
                    "The file", "solution is"):
        assert english not in text, english
