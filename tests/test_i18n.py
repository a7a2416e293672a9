"""The kit's words in two languages: the switch, the catalogs, and what a learner sees in Chinese.

The catalog tests read the code with Python's own parser (ast), the ``.po`` with Babel and the
``.mo`` with the standard library's gettext, so each checks the others: a string marked in the
code but not extracted, a ``.mo`` not recompiled, a translation missing or with different
placeholders, each fails here.
"""
import ast
import gettext
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.pofile import read_po  # the test extra brings Babel

import qcakit
from qcakit import _display, i18n
from qcakit.errors import QCAInputError, QCAWarning
from qcakit.i18n import MissingTranslationWarning, language, tr, trn
from lab_server import running_lab

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "qcakit" / "locale" / "zh" / "LC_MESSAGES" / "qcakit.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"tr", "tr_later", "trn"}
CJK = re.compile(r"[\u4e00-\u9fff]")



def po_catalog():
    with open(PO, "rb") as f:
        return read_po(f)


def po_messages() -> dict:
    """msgid (or (singular, plural)) -> msgstr (or tuple of plural forms) of the zh .po."""
    return {m.id: m.string for m in po_catalog() if m.id}


def marked_in_code():
    """Every string the package marks, found with ast (independently of Babel): a set of
    msgids, and the calls whose argument is not a literal string (which no tool can extract)."""
    found, unextractable = set(), []
    for path in sorted((ROOT / "qcakit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in KEYWORDS and node.args):
                continue
            texts = node.args[:2] if node.func.id == "trn" else node.args[:1]
            if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
                values = tuple(a.value for a in texts)
                found.add(values if node.func.id == "trn" else values[0])
            elif node.func.id != "tr" or isinstance(texts[0], (ast.JoinedStr, ast.BinOp)):
                unextractable.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found, unextractable


# --------------------------------------------------------------------------- the switch


def test_set_language_switches_and_accepts_the_usual_spellings():
    assert qcakit.get_language() == "en"
    for code in ("zh", "zh-CN", "zh_CN", "ZH", "zh-Hans"):
        qcakit.set_language(code)
        assert qcakit.get_language() == "zh"
        assert tr("Configuration chart") == "组态图"
    qcakit.set_language("en")
    assert tr("Configuration chart") == "Configuration chart"


@pytest.mark.parametrize("code", ["fr", "", "chinese", None, 1, "zh-TW"])
def test_an_unknown_language_is_a_clear_error_listing_the_supported_ones(code):
    with pytest.raises(QCAInputError, match=r"Unknown language .*en \(English\), zh \(简体中文"):
        qcakit.set_language(code)
    assert qcakit.get_language() == "en"


@pytest.mark.parametrize("value, expected", [
    ("zh", "zh"), ("zh_CN.UTF-8", "zh"), ("en", "en"), ("", "en"), ("klingon", "en")])
def test_qcakit_lang_sets_the_language_a_kernel_starts_in(value, expected):
    env = {**os.environ, "QCAKIT_LANG": value}
    run = subprocess.run([sys.executable, "-c", "import qcakit; print(qcakit.get_language())"],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == expected
    if value == "klingon":  # an unknown value: English, and a warning that says why
        assert "QCAWarning" in run.stderr and "QCAKIT_LANG='klingon' ignored" in run.stderr


def test_a_message_missing_from_the_catalog_shows_in_english_with_a_warning():
    with language("zh"):
        with pytest.warns(MissingTranslationWarning, match="No 简体中文"):
            assert tr("A sentence no catalog has") == "A sentence no catalog has"
        with pytest.warns(MissingTranslationWarning):
            assert trn("{n} new row", "{n} new rows", 2).format(n=2) == "2 new rows"


def test_english_plurals():
    assert trn("{n} row", "{n} rows", 1).format(n=1) == "1 row"
    assert trn("{n} row", "{n} rows", 0).format(n=0) == "0 rows"


# --------------------------------------------------------------------------- the catalogs


def test_every_marked_string_is_in_the_catalog_and_nothing_else():
    """A string marked in code without `make catalogs` fails; so does a leftover in the .po."""
    found, unextractable = marked_in_code()
    assert not unextractable, (
        "tr()/trn()/tr_later() need a literal string (an f-string or '+' cannot be extracted): "
        f"{unextractable}; write tr('... {{name}} ...').format(name=...)")
    in_po = set(po_messages())
    assert not found - in_po, f"run `make catalogs`; not in the catalog: {sorted(found - in_po)}"
    assert not in_po - found, f"run `make catalogs`; no longer in the code: {sorted(in_po - found)}"


def test_babel_extracts_what_ast_finds():
    """Babel (what `make catalogs` uses) sees every marked string, e.g. none hides in an f-string."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import catalogs
    finally:
        sys.path.pop(0)
    assert {m.id for m in catalogs.extract() if m.id} == marked_in_code()[0]
    assert catalogs.main(["--check"]) == 0, "the .po or .mo is out of step: run `make catalogs`"


def test_every_message_has_a_chinese_translation():
    missing = [m.id for m in po_catalog() if m.id and (m.fuzzy or not all(
        m.string if isinstance(m.string, tuple) else (m.string,)))]
    assert not missing, f"translate these in {PO.relative_to(ROOT)}: {missing}"
    english = [i for i, s in po_messages().items() if not CJK.search(str(s)) and words(i)]
    assert not english, f"these 'translations' have no Chinese: {english}"


def words(msgid) -> bool:
    """Whether a message has words besides its placeholders (a separator such as '; ' or a
    pattern such as '{condition}: {expectation}' needs only Chinese punctuation)."""
    text = msgid if isinstance(msgid, str) else msgid[0]
    return bool(re.search(r"[A-Za-z]", re.sub(r"\{[^{}]*\}", "", text)))


def test_the_compiled_catalog_is_the_po():
    """The .mo the package reads (standard library gettext) holds exactly the .po's translations."""
    with open(MO, "rb") as f:
        mo = gettext.GNUTranslations(f)
    po = po_messages()
    for msgid, msgstr in po.items():
        if isinstance(msgid, tuple):
            assert mo.ngettext(*msgid, 1) == msgstr[0]
        else:
            assert mo.gettext(msgid) == msgstr, msgid
    assert {k for k in mo._catalog if k} == {k if isinstance(k, str) else (k[0], 0)
                                            for k in po}


def test_placeholders_are_the_same_in_both_languages():
    def fields(text):
        return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)

    for msgid, msgstr in po_messages().items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strs = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        for s in strs:
            assert fields(s) == fields(ids[-1]), (msgid, msgstr)


@pytest.mark.parametrize("english, chinese", [
    # the terms of Chinese QCA texts (issue 25), checked by hand
    ("consistency", "一致性"), ("coverage", "覆盖度"), ("raw_coverage", "原始覆盖度"),
    ("unique_coverage", "唯一覆盖度"), ("Solution consistency", "解的一致性"),
    ("Solution coverage", "解的覆盖度"), ("complex", "复杂解"), ("intermediate", "中间解"),
    ("parsimonious", "简约解"), ("crossover", "交叉点"), ("exclusion", "完全不隶属"),
    ("inclusion", "完全隶属"), ("membership", "隶属度"), ("Configuration chart", "组态图"),
])
def test_terms_follow_chinese_qca_texts(english, chinese):
    assert po_messages()[english] == chinese


# --------------------------------------------------------------------------- what a learner sees


@pytest.fixture(scope="module")
def lipset():
    data = qcakit.datasets.load("lipset_fuzzy")
    conditions = ["DEV", "URB", "LIT", "IND", "STB"]
    tt = qcakit.truth_table(data, "SURV", conditions, incl_cut=0.8)
    return data, conditions, tt, qcakit.minimize(tt, "intermediate", dict.fromkeys(conditions, 1)), \
        qcakit.minimize(tt, "parsimonious")


def headers(html):
    return re.findall(r"<th[^>]*>([^<]*)</th>", html)


def column_headers(html):
    """The header cells of the tables' heads (row labels are names of cases, conditions ...)."""
    return [h for head in re.findall(r"<thead>(.*?)</thead>", html, flags=re.S)
            for h in headers(head)]


def test_table_headers_are_chinese_and_the_keys_stay_english(lipset):
    data, conditions, tt, inter, _ = lipset
    nec = qcakit.necessity(data, "SURV", conditions)
    with language("zh"):
        html = nec._repr_html_()
        text = repr(nec)
        params = inter._repr_html_()
        tt_html = tt._repr_html_()
    assert {"一致性", "覆盖度"} <= set(headers(html)) and "一致性" in text
    assert {"原始覆盖度", "唯一覆盖度", "整体解"} <= set(headers(params))
    assert {"案例数", "一致性", "案例"} <= set(headers(tt_html))
    assert list(nec.table.columns[:2]) == ["consistency", "coverage"]  # code reads these keys
    assert {"consistency", "coverage"} <= set(headers(nec._repr_html_()))  # English again


def test_no_word_header_is_left_in_english(lipset):
    """Every lowercase English header of the rich displays has a Chinese translation (conditions
    and cases are upper case here; abbreviations such as PRI and RoN stay)."""
    data, conditions, tt, inter, pars = lipset
    results = [qcakit.necessity(data, "SURV", conditions), tt, inter, pars,
               qcakit.skewness(data, conditions), qcakit.suin(data, "SURV", conditions, depth=2),
               qcakit.esa(tt, contradictory=True), qcakit.case_types(solution=inter),
               qcakit.theory_evaluation(data, "DEV*LIT", inter, "SURV"),
               qcakit.check_data(data, "SURV", conditions)]
    with language("zh"):
        shown = {h for r in results for h in column_headers(r._repr_html_())}
    english = sorted(h for h in shown if re.fullmatch(r"[a-z][a-z_ ().0-9]*", h))
    assert not english, f"add these to qcakit/_display.py HEADERS and translate: {english}"


def test_configuration_chart_in_chinese(lipset):
    *_, inter, pars = lipset
    chart = qcakit.configuration_chart(inter, pars)
    with language("zh"):
        html, text = chart.to_html(), repr(chart)
    assert "<b>组态图</b>" in html and "核心条件" in html and "边缘条件" in html
    assert {"一致性", "原始覆盖度", "唯一覆盖度", "解的一致性", "解的覆盖度"} <= set(headers(html))
    assert text.startswith("组态图") and "解的一致性" in text
    assert "Configuration chart" in chart.to_html()


def test_explorer_figures_and_panels_in_chinese(lipset):
    from qcakit import explore, svg
    from qcakit.explore import render

    data, conditions, tt, *_ = lipset
    raw = pd.Series([1.0, 6.0, 9.0], name="规模", index=["德清县", "长兴县", "安吉县"])
    with language("zh"):
        curve = svg.calibration_svg(explore.calibration_state(raw, (2, 5, 8)))
        sweep = svg.sweep_svg(explore.sweep(data, "SURV", conditions, (0.75, 0.8, 0.9)), 0.8)
        panel = render.truth_table_html(tt)
        ranges = render.sweep_ranges_html(explore.sweep_ranges(
            explore.sweep(data, "SURV", conditions, (0.75, 0.8, 0.9))), 0.8)
    assert "规模（原始值）" in curve and "规模 的隶属度" in curve and "完全隶属 8" in curve
    assert "不同一致性阈值下的解（参考阈值 0.8）" in sweep and "参考阈值 0.8" in sweep
    assert "SURV 的真值表" in panel and {"案例数", "一致性", "案例"} <= set(headers(panel))
    assert "按一致性阈值区间列出的解" in ranges and "粗体" in ranges


def test_text_width_places_chinese_labels_wider():
    from qcakit.svg import CHAR_W, FONT_PX, text_width

    assert text_width("德清县") == 3 * FONT_PX and text_width("Anji") == 4 * CHAR_W


def test_display_labels_translate_only_the_kits_words():
    df = pd.DataFrame({"consistency": [0.9], "DEV": [0.1]}, index=pd.Index(["solution"], name="row"))
    with language("zh"):
        shown = _display.shown_labels(df)
    assert list(shown.columns) == ["一致性", "DEV"] and list(shown.index) == ["整体解"]
    assert shown.index.name == "行"


# --------------------------------------------------------------------------- errors, plots, explorers

#: Small English words that only a sentence left untranslated has (quoted code is removed first).
ENGLISH_SENTENCE = re.compile(r"\b(?:the|is|are|must|got|give|use|not|with|of)\b", re.I)


def english_left(message: str) -> list:
    """English words of a sentence left in ``message``, outside quoted or called code."""
    code = re.sub(r"'[^']*'|\"[^\"]*\"|\w+\([^()]*\)|\w+=\S+", "", message)
    return ENGLISH_SENTENCE.findall(code)


def _error_samples():
    """One bad call per module whose messages were moved into the catalog, each independent of
    the others (name, call)."""
    import importlib

    from qcakit import boolean, chart, figures, fit, plot, sets, smmr, sufficiency
    from qcakit.explore import calibration
    from qcakit.studies import wei2026, xu2024

    data = pd.DataFrame({"A": [0.1, 0.9, 0.7], "B": [0.2, 0.8, 0.6], "Y": [0.3, 0.9, 0.8]},
                        index=list("pqr"))
    tt = qcakit.truth_table(data, "Y", ["A", "B"])
    types = qcakit.case_types(solution=qcakit.minimize(tt, "parsimonious"))
    raw = pd.Series([1.0, 2.0, 3.0], name="X", index=list("pqr"))
    # these modules share their names with a function qcakit exports
    haesebrouck = importlib.import_module("qcakit.haesebrouck")
    robustness = importlib.import_module("qcakit.robustness")
    return [
        ("_spec", lambda: qcakit.truth_table(data, "Y", incl_cutt=0.8)),
        ("_spec", lambda: qcakit.truth_table(data)),
        ("sets", lambda: sets.parse("A*(B + C)")),
        ("sets", lambda: sets.parse("A*B*A")),
        ("fit", lambda: fit.consistency([0.0, 0.0], [0.5, 0.5])),
        ("fit", lambda: fit.pri([0.2, 0.3], [0.5, 0.5])),
        ("boolean", lambda: boolean.check_size(20, None)),
        ("haesebrouck", lambda: haesebrouck.consistency_h(data, ["A*Y"], "Y")),
        ("robustness", lambda: robustness.robustness_fit([0.0, 0.0, 0.0], [[0.2], [0.1], [0.3]],
                                                         [0.5, 0.6, 0.7])),
        ("robustness", lambda: robustness.robustness(data, None, "Y", ["A", "B"],
                                                     incl_cuts=[0.7])),
        ("smmr", lambda: smmr.typical_by_conjunct(types, "B*~A")),
        ("sufficiency", lambda: sufficiency.sufficient_conjunctions(data[["Y"]], "Y")),
        ("figures", lambda: figures.sweep_figure(data)),
        ("chart", lambda: chart.configuration_chart(
            qcakit.minimize(tt), qcakit.minimize(qcakit.truth_table(data, "Y", ["A"])))),
        ("plot", lambda: plot.xy_plot(data, "A", "Y", label_cases=["zzz"])),
        ("plot", lambda: plot.calibration_curves(data, {})),
        ("explore.calibration", lambda: calibration.calibration_state(raw)),
        ("explore.calibration", lambda: calibration.calibration_state(
            raw, (1.5, 2.5, 2.8), sets=data.iloc[::-1], outcome="Y")),
        ("studies.xu2024", lambda: xu2024.calibrate_with_ties(raw, (1, 2, 3), tie="low")),
        ("studies.wei2026", lambda: wei2026.label("NOPE")),
    ]


@pytest.mark.parametrize("module, call", _error_samples(),
                         ids=[f"{m}-{i}" for i, (m, _) in enumerate(_error_samples())])
def test_input_errors_of_each_module_are_chinese(module, call):
    """Under set_language('zh') a bad call of each module raises a Chinese QCAInputError with no
    English sentence left in it, and no message is missing from the catalog."""
    import warnings

    with language("zh"), warnings.catch_warnings():
        warnings.simplefilter("error", MissingTranslationWarning)
        warnings.simplefilter("ignore", QCAWarning)
        with pytest.raises(QCAInputError) as err:
            call()
    message = str(err.value)
    assert CJK.search(message), message
    assert not english_left(message), (english_left(message), message)


def test_the_english_sentence_check_finds_english():
    assert english_left("The two solutions must come from the same truth table.")
    assert not english_left("请使用 depth=2（12 个合取式），或减少条件。")
    assert not english_left("tie 必须是 'inclusion' 或 'crossover'，收到的是 'low'。")


def test_plot_titles_axes_and_legends_are_chinese(lipset):
    import warnings

    import matplotlib
    import matplotlib.pyplot as plt

    from qcakit import explore, plot

    matplotlib.use("Agg")
    data, conditions, tt, *_ = lipset
    sweep = explore.sweep(data, "SURV", conditions, (0.75, 0.8, 0.9))
    with language("zh"), warnings.catch_warnings():
        warnings.simplefilter("error", MissingTranslationWarning)
        axes = {"xy": plot.xy_plot(data, "DEV", "SURV", label_cases=False),
                "necessity": plot.necessity_bars(qcakit.necessity(data, "SURV", conditions)),
                "rows": plot.truth_table_rows(tt),
                "sweep": plot.threshold_sweep(sweep, reference=0.8)}
    try:
        for name, ax in axes.items():
            texts = [ax.get_title(), *[t.get_text() for t in ax.get_legend().get_texts()]]
            if name != "xy":  # the XY plot's axes are the sets' names
                texts.append(ax.get_xlabel() or ax.figure.axes[-1].get_xlabel())
            # words are Chinese; symbols such as 'X > Y' and 'PRI，OUT = 1' stay
            assert all(CJK.search(t) or not re.search(r"[a-z]{3}", t) for t in texts), texts
        assert axes["xy"].get_title().startswith("充分性：一致性")
        assert "一致性，OUT = 1" in [t.get_text() for t in axes["rows"].get_legend().get_texts()]
    finally:
        plt.close("all")


def test_explorers_controls_headings_and_buttons_are_chinese(lipset):
    """Every control label, button and heading of the three explorers is Chinese under zh; the
    values the controls carry stay the code's (a drop-down shows 中间解, its value is
    'intermediate')."""
    import warnings

    from qcakit import widgets

    data, conditions, *_ = lipset
    raw = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], name="规模", index=list("abcde"))
    with language("zh"), warnings.catch_warnings():
        warnings.simplefilter("error", MissingTranslationWarning)
        warnings.simplefilter("ignore", QCAWarning)
        explorers = [
            widgets.threshold_explorer(data, "SURV", conditions, reference_label="paper",
                                       directional=dict.fromkeys(conditions, 1),
                                       prefetch=False),
            widgets.robustness_sweep(data, "SURV", conditions, cuts=(0.8, 0.85)),
            widgets.calibration_explorer(raw)]
        shown = [(ex, ex.widget.children[0].value, ex.static_html(), repr(ex))
                 for ex in explorers]
    for ex, head, static, text in shown:
        labels = [c.description for c in ex.controls.values()]
        labels += [b.description for b in ex.buttons.values()]
        assert all(CJK.search(label) for label in labels), labels
        assert CJK.search(head) and "静态视图" in static and CJK.search(text), head
        assert not english_left(re.sub(r"<[^>]+>", "", head)), head
    threshold, sweep, calibration = explorers
    assert threshold.controls["solution"].value == "intermediate"
    assert ("中间解", "intermediate") in threshold.controls["solution"].options
    assert threshold.buttons["reset"].description == "回到论文设置"
    assert calibration.controls["percentiles"].options[0] == ("手动", "manual")
    assert "方向性预期（中间解）" in threshold.outputs["solution"].value
    assert "与论文设置相比" in threshold.outputs["changes"].value


# --------------------------------------------------------------------------- the Chinese interface


def test_make_lab_kit_lang_zh_runs_jupyterlab_in_chinese():
    """`make lab KIT_LANG=zh` opens the Chinese welcome notebook with zh_CN as JupyterLab's
    default language and QCAKIT_LANG=zh for the kernels (read from make's dry run: the real
    start is tested below when .venv/.lab exists)."""
    dry = subprocess.run(["make", "-n", "lab", "KIT_LANG=zh"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60).stdout
    assert "QCAKIT_LANG=zh " in dry and "--LabApp.app_settings_dir=deploy/lab-zh" in dry
    assert "--LabApp.default_url=/lab/tree/notebooks/zh/00_welcome.ipynb" in dry
    assert (ROOT / "notebooks" / "zh" / "00_welcome.ipynb").exists()
    bad = subprocess.run(["make", "-n", "lab", "KIT_LANG=fr"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode != 0 and "use en or zh" in bad.stderr


def test_make_lab_kit_lang_zh_serves_the_chinese_interface(tmp_path):
    import json
    import urllib.request

    with running_lab(tmp_path, "notebooks/zh/00_welcome.ipynb", "KIT_LANG=zh") as (port, token, _):
        def get(path):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?token={token}",
                                        timeout=30) as response:
                return json.load(response)

        setting = get("/lab/api/settings/@jupyterlab/translation-extension:plugin")
        assert setting["schema"]["properties"]["locale"]["default"] == "zh_CN"
        pack = get("/lab/api/translations/zh_CN")
        assert pack["data"]["jupyterlab"]["Edit"] == ["编辑"]


def test_a_warning_about_qcakit_lang_is_a_qcawarning(monkeypatch):
    monkeypatch.setenv("QCAKIT_LANG", "xx")
    with pytest.warns(QCAWarning, match="QCAKIT_LANG='xx' ignored"):
        assert i18n._from_environment() == "en"
