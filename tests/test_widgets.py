"""The explorers without a browser: build each one, move its controls from Python, check that
the outputs follow, and that the display bundle carries a static HTML fallback.

The data are those of tests/test_explore.py (hand-checked there): at a consistency cut of 0.8
the complex solution is A; at 0.95 row 3 (A*~B, case q) switches to 0 and the solution is A*B.
"""
import subprocess
import sys

import pandas as pd
import pytest

from qcakit import explore
from qcakit.errors import QCAInputError

widgets = pytest.importorskip("qcakit.widgets")

D = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
                  "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def test_import_qcakit_does_not_import_ipywidgets():
    code = ("import sys, qcakit, qcakit.plot, qcakit.explore; "
            "assert 'ipywidgets' not in sys.modules, 'ipywidgets imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


# ------------------------------------------------------------------------------ threshold


def make_threshold(**kw):
    kw.setdefault("solution", "complex")
    return widgets.threshold_explorer(D, "Y", ["A", "B"], **kw)


def test_threshold_explorer_first_state():
    ex = make_threshold(reference_label="paper")
    assert ex.state.expression == "A"
    assert not ex.report.changed
    assert set(ex.controls) == {"incl_cut", "pri_cut", "n_cut", "solution"}
    assert ex.values() == {"incl_cut": 0.8, "pri_cut": 0.0, "n_cut": 1, "solution": "complex"}
    assert "qcakit-tt" in ex.outputs["truth_table"].value
    assert "was " not in ex.outputs["truth_table"].value
    assert "Same truth-table coding" in ex.outputs["changes"].value
    assert ex.last_update_ms is not None and ex.updates == 1


def test_threshold_slider_change_updates_every_panel():
    ex = make_threshold(reference_label="paper")
    before = {k: w.value for k, w in ex.outputs.items()}
    ex.controls["incl_cut"].value = 0.95  # what a slider move does
    assert ex.updates == 2
    assert ex.state.expression == "A*B"
    after = {k: w.value for k, w in ex.outputs.items()}
    assert all(after[k] != before[k] for k in before)
    assert "was 1" in after["truth_table"]
    assert "row 3 (1 → 0)" in after["changes"]
    assert "Terms that appeared: A*B" in after["changes"]
    assert "Terms that vanished: A." in after["changes"]
    assert ex.report.rows.index.tolist() == [3]


def test_threshold_set_updates_once_and_reset_button_returns():
    ex = make_threshold()
    ex.set(incl_cut=0.5, solution="parsimonious")
    assert ex.updates == 2  # two controls, one recomputation
    assert ex.state.solution.kind == "parsimonious"
    assert ex.state.expression == "A + B"
    assert sorted(ex.report.rows.index.tolist()) == [2]
    ex.buttons["reset"].click()
    assert ex.values()["incl_cut"] == 0.8 and ex.values()["solution"] == "complex"
    assert ex.state.expression == "A" and not ex.report.changed


def test_threshold_pri_and_frequency_cut():
    ex = make_threshold()
    ex.set(pri_cut=0.8)  # row 3 has PRI 0.75
    assert ex.state.settings["pri_cut"] == 0.8
    assert ex.state.expression == "A*B"
    ex.set(pri_cut=0.0)  # 0 on the slider means no PRI cut
    assert ex.state.settings["pri_cut"] is None
    ex.set(n_cut=2)
    assert ex.state.solution is None
    assert "No truth-table row has OUT = 1" in ex.outputs["solution"].value
    assert ex.report.vanished == ["A"]


def test_threshold_reference_differs_from_start():
    ex = make_threshold(incl_cut=0.95, reference={"incl_cut": 0.8}, reference_label="paper")
    assert ex.report.changed and ex.report.appeared == ["A*B"]
    assert "Paper settings: complex solution; consistency cut 0.8" in \
        ex.widget.children[0].value
    with pytest.raises(QCAInputError, match="reference takes"):
        make_threshold(reference={"cut": 0.9})


def test_threshold_set_unknown_control():
    with pytest.raises(QCAInputError, match="Unknown control"):
        make_threshold().set(consistency=0.9)


def test_threshold_directional_expectations_are_shown():
    ex = widgets.threshold_explorer(D, "Y", ["A", "B"], directional={"A": 1})
    assert ex.state.solution.kind == "intermediate"
    assert "Directional expectations (intermediate solution): A present." in \
        ex.outputs["solution"].value


def test_display_bundle_has_widget_view_and_static_html():
    ex = make_threshold()
    bundle = ex._repr_mimebundle_()
    assert bundle[WIDGET_MIME]["model_id"] == ex.widget.model_id
    static = bundle["text/html"]
    assert "static view" in static and "qcakit-tt" in static
    assert "incl_cut = 0.8" in static
    assert bundle["text/plain"].startswith("<Threshold explorer")
    ex.set(incl_cut=0.95)
    assert "was 1" in ex._repr_mimebundle_()["text/html"]


# ------------------------------------------------------------------------------ calibration

RAW = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], index=list("abcde"), name="X")
SETS = pd.DataFrame({"X": [0.1, 0.2, 0.6, 0.7, 0.9], "Z": [0.9, 0.2, 0.7, 0.4, 0.6],
                     "Y": [0.1, 0.3, 0.6, 0.8, 0.9]}, index=list("abcde"))


def test_calibration_explorer_warns_visibly_then_clears():
    ex = widgets.calibration_explorer(RAW, sets=SETS, outcome="Y")
    assert ex.state.anchors == (2.0, 3.0, 4.0)  # Excel .INC quartiles
    assert "exactly 0.5" in ex.outputs["warnings"].value
    assert "qcakit-calibration-svg" in ex.outputs["curve"].value
    assert "Necessity for Y" in ex.outputs["necessity"].value
    before = ex.outputs["necessity"].value
    ex.controls["crossover"].value = 3.5  # typing a new crossover
    assert ex.state.half_cases == []
    assert "No case scores exactly 0.5" in ex.outputs["warnings"].value
    assert ex.outputs["necessity"].value != before
    assert ex.controls["percentiles"].value == "manual"  # a typed anchor leaves the quartiles


def test_calibration_explorer_percentile_choice_moves_anchors():
    ex = widgets.calibration_explorer(RAW, (1.5, 3.5, 4.5))
    assert ex.controls["percentiles"].value == "manual"
    assert ex.state.warnings == []
    ex.controls["percentiles"].value = "excel_inc"
    assert (ex.controls["exclusion"].value, ex.controls["crossover"].value,
            ex.controls["inclusion"].value) == (2.0, 3.0, 4.0)
    assert ex.state.half_cases == ["c"]
    assert "quartiles by excel_inc" in ex.outputs["scores"].value
    ex.controls["percentiles"].value = "excel_exc"
    assert ex.state.anchors == (1.5, 3.0, 4.5)


def test_calibration_explorer_nudge_and_bad_anchors():
    ex = widgets.calibration_explorer(RAW, (2, 3, 4))
    ex.set(nudge_half=True)
    assert ex.state.scores["c"] == 0.501
    ex.set(crossover=1.0)  # crossover below the exclusion anchor
    assert ex.error is not None and "out of order" in ex.error
    assert "qcakit-error" in ex.outputs["warnings"].value
    ex.set(crossover=3.2)
    assert ex.error is None
    with pytest.raises(QCAInputError, match="as a Series"):
        widgets.calibration_explorer(RAW.to_numpy())


def test_calibration_static_html_inlines_the_curve():
    ex = widgets.calibration_explorer(RAW, sets=SETS, outcome="Y")
    static = ex._repr_mimebundle_()["text/html"]
    assert "<svg" in static and "exactly 0.5" in static and "Necessity for Y" in static


# ------------------------------------------------------------------------------ sweep


def test_robustness_sweep_updates():
    ex = widgets.robustness_sweep(D, "Y", ["A", "B"], cuts=(0.5, 1.0), reference=0.8,
                                  solution="complex", step=0.05)
    table = ex.state
    assert table["cut"].round(2).tolist() == [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
                                              0.95, 1.0]
    assert table.set_index(table["cut"].round(2)).loc[0.8, "expression"] == "A"
    svg = ex.outputs["plot"].value
    assert svg.startswith("<svg class='qcakit-sweep-svg'")
    assert svg.count("class='reference'") == 1
    # one square per cut where a term is present: A at 0.5 to 0.9 (9 cuts), B at 0.5 (row 2,
    # incl 0.538, passes that cut: solution A + B), A*B at 0.95 and 1.0
    assert table["expression"].iloc[0] == "A + B"
    assert svg.count("<rect class='term'") == 9 + 1 + 2
    assert "reference cut 0.8" in ex.outputs["ranges"].value
    cached = len(ex.cache)
    ex.set(cuts=(0.9, 1.0))
    assert ex.state["expression"].tolist() == ["A", "A*B", "A*B"]
    assert len(ex.cache) == cached  # every cut of the narrower range was computed already
    assert ex.outputs["plot"].value != svg
    assert ex.outputs["plot"].value.count("<rect class='term'") == 3
    static = ex._repr_mimebundle_()["text/html"]
    assert "qcakit-sweep-svg" in static
    assert "Solution by range of consistency cuts" in static


def test_robustness_sweep_bad_range():
    with pytest.raises(QCAInputError, match="cuts must be"):
        widgets.robustness_sweep(D, "Y", ["A", "B"], cuts=(0.9, 0.7))


def test_explorer_logic_matches_pure_functions():
    # the widget shows exactly what the pure function computes
    ex = make_threshold()
    ex.set(incl_cut=0.95)
    ref = explore.analyse(D, "Y", ["A", "B"], 0.8, solution="complex")
    view = explore.threshold_update(D, "Y", ["A", "B"], 0.95, None, 1, "complex", None, ref,
                                    labels=("reference", "current"))
    assert ex.outputs["truth_table"].value == view.html["truth_table"]
    assert ex.outputs["changes"].value == view.html["changes"]


# ------------------------------------------------------------------------------ speed-ups


def test_threshold_prefetch_makes_consistency_moves_lookups():
    ex = make_threshold()
    seen = len(ex.cache)
    # 51 slider steps (0.50 to 1.00) of one setting are in the cache, each under its own key
    assert sum(1 for k in ex.cache if k[0] == "settings") == 51
    first = explore.analyse(D, "Y", ["A", "B"], 0.95, solution="complex", cache=ex.cache)
    ex.controls["incl_cut"].value = 0.9500000000000001  # as a browser may send 0.95
    assert ex.state is first  # looked up, not recomputed
    assert ex.state.settings["incl_cut"] == 0.95
    assert len(ex.cache) == seen
    cold = make_threshold(prefetch=False)
    assert sum(1 for k in cold.cache if k[0] == "settings") == 1  # the first state only


def test_explorers_leave_the_callers_attrs_alone():
    data = D.copy()
    data.attrs["note"] = ["kept"]
    ex = widgets.threshold_explorer(data, "Y", ["A", "B"], solution="complex", prefetch=False)
    assert data.attrs == {"note": ["kept"]}
    assert ex.state.expression == "A"


def test_robustness_sweep_shares_a_cache_with_the_threshold_explorer():
    ex = make_threshold()
    before = len(ex.cache)
    sweeper = widgets.robustness_sweep(D, "Y", ["A", "B"], cuts=(0.6, 1.0), reference=0.8,
                                       solution="complex", cache=ex.cache)
    assert sweeper.cache is ex.cache and len(ex.cache) == before  # all looked up
    assert sweeper.state["expression"].tolist()[-1] == "A*B"


# ------------------------------------------------------------------------------ on a projector


def test_anchor_boxes_show_a_sensible_precision():
    # Xu's GROWTH scores; Excel PERCENTILE.INC at 95 %: rank 0.95 * 10 = 9.5, halfway between
    # 17.3 and 32.22 = 24.76 by hand; at 5 %: halfway between -3.86 and -0.82 = -2.34.
    # In binary floating point the 95th percentile comes out as 24.759999999999998.
    growth = pd.Series([-3.86, -0.82, 0.6, 1.78, 2.27, 2.8, 3.12, 6.56, 6.79, 17.3, 32.22],
                       name="GROWTH")
    noisy = explore.calibration_state(growth, percentiles=(5, 50, 95),
                                      percentile_method="excel_inc").anchors
    assert noisy[2] != 24.76 and abs(noisy[2] - 24.76) < 1e-12  # the noise to hide
    ex = widgets.calibration_explorer(growth, percentiles=(5, 50, 95))
    shown = [ex.controls[k].value for k in ("exclusion", "crossover", "inclusion")]
    assert shown == [-2.34, 2.8, 24.76]
    assert ex.state.anchors == (-2.34, 2.8, 24.76)
    ex.controls["percentiles"].value = "manual"
    ex.controls["percentiles"].value = "excel_inc"  # choosing the definition again
    assert ex.controls["inclusion"].value == 24.76
    assert widgets.anchor_value(24.759999999999998) == 24.76
    assert widgets.anchor_value(0.501) == 0.501


def test_calibration_axis_names_the_raw_variable():
    growth = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], index=list("abcde"), name="GROWTH")
    sets = SETS.rename(columns={"X": "CAPACITY"})
    ex = widgets.calibration_explorer(growth, (1.5, 3.5, 4.5), set_name="CAPACITY",
                                      sets=sets, outcome="Y")
    curve = ex.outputs["curve"].value
    assert ">GROWTH (raw)</text>" in curve and "CAPACITY (raw)" not in curve
    assert ">membership in CAPACITY</text>" in curve
    assert ex.state.name == "CAPACITY"  # the necessity table has the set's row
    assert "CAPACITY" in ex.state.necessity.table.index
    assert "GROWTH calibrated into CAPACITY" in ex.widget.children[0].value


def test_threshold_chart_carries_the_papers_names():
    paper = {"S1": "A"}  # the complex solution at 0.8 is A (hand-checked in test_explore)
    ex = make_threshold(configuration_names=paper)
    assert "<th>S1</th>" in ex.outputs["solution"].value
    ex.set(incl_cut=0.95)  # the solution becomes A*B: it contains A, so it differs from S1
    assert "<th>S1 (differs)</th>" in ex.outputs["solution"].value
    ex.set(incl_cut=0.5)  # A + B: A is S1, B is not in the paper
    html = ex.outputs["solution"].value
    assert "<th>S1</th>" in html and "<th>2 (not in paper)</th>" in html


def test_figure_text_is_at_least_14px():
    import re

    from qcakit import svg

    ex = widgets.calibration_explorer(RAW, sets=SETS, outcome="Y")
    sweeper = widgets.robustness_sweep(D, "Y", ["A", "B"], cuts=(0.5, 1.0), solution="complex")
    for picture in (ex.outputs["curve"].value, sweeper.outputs["plot"].value):
        sizes = [float(s) for s in re.findall(r"font-size='([\d.]+)'", picture)]
        assert sizes and min(sizes) >= 14 == svg.FONT_PX


def test_explorer_panels_set_text_to_at_least_14px():
    import re

    ex = make_threshold(directional=None, reference_label="paper")
    ex.set(incl_cut=0.95)  # a change report with rows, a chart, notes
    cal = widgets.calibration_explorer(RAW, sets=SETS, outcome="Y")
    sweeper = widgets.robustness_sweep(D, "Y", ["A", "B"], cuts=(0.5, 1.0), solution="complex")
    panels = [w.value for e in (ex, cal, sweeper) for w in e.outputs.values()]
    for panel in panels:
        px = [float(v) for v in re.findall(r"font-size:\s*([\d.]+)px", panel)]
        pct = re.findall(r"font-size:\s*([\d.]+)%", panel)
        assert all(v >= 14 for v in px)
        # relative sizes are only the chart's large and small symbols (core / peripheral)
        assert set(pct) <= {"150", "85"}
        assert all(m.group(0).endswith(("●</span>", "⊗</span>"))
                   for m in re.finditer(r"<span style='font-size:85%'>.</span>", panel))
    for panel in (ex.outputs["truth_table"].value, ex.outputs["changes"].value,
                  cal.outputs["scores"].value, cal.outputs["necessity"].value,
                  sweeper.outputs["ranges"].value):
        assert panel.count("<table") == panel.count("<table class='qcakit-tt' style='font-size"
                                                    ":14px'>") + panel.count(
            "<table style='font-size:14px'>")


def test_explorers_carry_the_projector_style_sheet():
    import re

    from qcakit.widgets.explorer import PROJECTOR_CSS

    ex = make_threshold(directional=None, reference_label="paper")
    cal = widgets.calibration_explorer(RAW, sets=SETS, outcome="Y")
    sweeper = widgets.robustness_sweep(D, "Y", ["A", "B"], cuts=(0.5, 1.0), solution="complex")
    for explorer in (ex, cal, sweeper):
        box = explorer.widget
        assert "qcakit-explorer" in box._dom_classes
        style = box.children[-1]
        assert style.value == f"<style>{PROJECTOR_CSS}</style>"
        assert style.layout.display == "none"  # takes no room
    rules = [r.strip() for r in PROJECTOR_CSS.strip().split("}") if r.strip()]
    # every rule is scoped to the explorers, so no other widget on the page changes
    selectors = [sel.strip() for r in rules for sel in r.split("{")[0].split(",")]
    assert len(selectors) == 9 and all(s.startswith(".qcakit-explorer") for s in selectors)
    sizes = [float(v) for v in re.findall(r"font-size:\s*([\d.]+)px", PROJECTOR_CSS)]
    assert "--jp-widgets-font-size: 14px" in PROJECTOR_CSS and min(sizes) == 14
    # the chart's peripheral symbols (inline 85 %) are raised to 14 px, the core ones above
    assert "span[style='font-size:85%'] { font-size: 14px !important; }" in PROJECTOR_CSS
    assert "span[style='font-size:150%'] { font-size: 21px !important; }" in PROJECTOR_CSS
