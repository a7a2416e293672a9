"""qcakit.plot on the Agg backend: titles, labels, artist counts and input errors.

Fit values are those of the four-case data of tests/test_explore.py: A as sufficient for Y has
consistency 1.7 / 2.0 = 0.850 and coverage 1.7 / 1.8 = 0.944; as necessary, consistency
1.7 / 1.8 = 0.944 and coverage 1.7 / 2.0 = 0.850.
"""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402

import qcakit  # noqa: E402
from qcakit import explore, plot  # noqa: E402
from qcakit.errors import QCAInputError  # noqa: E402

D = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
                  "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def scatters(ax):
    return [c for c in ax.collections if isinstance(c, PathCollection)]


# ------------------------------------------------------------------------------ calibration


def test_calibration_curve_labels_and_points():
    raw = pd.Series([1.0, 4.0, 6.0, 9.0], index=list("abcd"), name="X")
    ax = plot.calibration_curve(raw, thresholds=(2, 5, 8))
    assert ax.get_title() == "Calibration of X (direct; anchors 2, 5, 8)"
    assert ax.get_xlabel() == "X (raw)" and ax.get_ylabel() == "membership in X"
    points = scatters(ax)
    assert len(points) == 1 and len(points[0].get_offsets()) == 4
    assert len(ax.texts) == 4  # one label per case
    assert ax.get_legend() is None  # no case at exactly 0.5


def test_calibration_curve_marks_exact_half_and_groups_ties():
    raw = pd.Series([1.0, 5.0, 5.0, 9.0], index=list("abcd"), name="X")
    with pytest.warns(qcakit.QCAWarning, match="exactly 0.5"):
        ax = plot.calibration_curve(raw, thresholds=(2, 5, 8))
    points = scatters(ax)
    assert len(points) == 2  # ordinary cases, and the hollow red 0.5 cases
    assert len(points[1].get_offsets()) == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["exactly 0.5"]
    assert sorted(t.get_text() for t in ax.texts) == ["a", "b, c", "d"]


def test_calibration_curve_bad_input():
    with pytest.raises(QCAInputError, match="out of order"):
        plot.calibration_curve(pd.Series([1.0, 2.0, 3.0], name="X"), thresholds=(3, 1, 2))
    with pytest.raises(QCAInputError, match="not numeric"):
        plot.calibration_curve(pd.Series(["a", "b", "c"], name="X"), thresholds=(1, 2, 3))


# ------------------------------------------------------------------------------ XY plot


def test_xy_plot_title_diagonal_and_points():
    ax = plot.xy_plot(D, "A", "Y")
    assert ax.get_title() == ("sufficiency: incl 0.850, cov 0.944\n"
                              "necessity: incl 0.944, cov 0.850")
    assert ax.get_xlabel() == "A" and ax.get_ylabel() == "Y"
    diagonal = [ln for ln in ax.lines if list(ln.get_xdata()) == [0, 1]
                and list(ln.get_ydata()) == [0, 1]]
    assert len(diagonal) == 1
    # p (0.9 > 0.8) and q (0.8 > 0.6) lie below the diagonal, r and s on or above it
    consistent, inconsistent = scatters(ax)
    assert consistent.get_offsets().tolist() == [[0.2, 0.3], [0.1, 0.1]]
    assert inconsistent.get_offsets().tolist() == [[0.9, 0.8], [0.8, 0.6]]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "X <= Y (consistent with sufficiency)", "X > Y (consistent with necessity)"]
    assert sorted(t.get_text() for t in ax.texts) == ["p", "q", "r", "s"]


def test_xy_plot_expression_and_negated_outcome():
    ax = plot.xy_plot(D, "A*B", "Y", negate_outcome=True, label_cases=False)
    assert ax.get_xlabel() == "A*B" and ax.get_ylabel() == "~Y"
    assert len(ax.texts) == 0
    # A*B = .7 .3 .2 .1 (1.3); ~Y = .2 .4 .7 .9; min = .2 .3 .2 .1 (0.8): incl 0.615
    assert ax.get_title().startswith("sufficiency: incl 0.615")


def test_xy_plot_bad_input():
    with pytest.raises(QCAInputError, match="Unknown outcome 'Z'"):
        plot.xy_plot(D, "A", "Z")
    with pytest.raises(QCAInputError, match="Unknown condition 'C'"):
        plot.xy_plot(D, "A*C", "Y")
    with pytest.raises(QCAInputError, match="condition name or an expression"):
        plot.xy_plot(D, 3, "Y")
    raw = D.assign(Y=[8, 6, 3, 1])
    with pytest.raises(QCAInputError, match="not a set membership"):
        plot.xy_plot(raw, "A", "Y")


# ------------------------------------------------------------------------------ necessity


def test_necessity_bars():
    nt = qcakit.necessity(D, "Y")
    ax = plot.necessity_bars(nt)
    assert ax.get_title() == "Necessity for Y (threshold 0.9)"
    assert len(ax.patches) == 4  # A, ~A, B, ~B
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "~A", "B", "~B"]
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx(nt.table["consistency"].tolist())
    # A (0.944) passes the 0.9 line: blue and hatched; the others grey, not hatched
    assert matplotlib.colors.to_hex(ax.patches[0].get_facecolor()) == plot.PALETTE["blue"].lower()
    assert [p.get_hatch() for p in ax.patches] == ["///", None, None, None]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "consistency >= 0.9", "consistency < 0.9", "coverage"]
    ax2 = plot.necessity_bars(nt, threshold=0.95)
    assert "threshold 0.95" in ax2.get_title()
    assert ax2.patches[0].get_hatch() is None


def test_necessity_bars_bad_input():
    with pytest.raises(QCAInputError, match="result of qcakit.necessity"):
        plot.necessity_bars(D)


# ------------------------------------------------------------------------------ sweep


def sweep_table():
    return explore.sweep(D, "Y", ["A", "B"], cuts=[0.5, 0.8, 0.95, 1.0], solution="complex")


def test_threshold_sweep_panels_and_reference():
    ax = plot.threshold_sweep(sweep_table(), reference=0.8)
    assert ax.get_title() == "Solution across consistency cuts (reference 0.8)"
    assert len(ax.figure.axes) == 2
    tax = ax.figure.axes[1]
    assert [t.get_text() for t in tax.get_yticklabels()] == ["A", "B", "A*B"]  # A on top
    # term presence: A at 2 cuts, B at 1, A*B at 2
    assert sorted(len(c.get_offsets()) for c in scatters(tax)) == [1, 2, 2]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["solution consistency", "solution coverage", "reference cut 0.8"]
    fit_lines = [ln for ln in ax.lines if ln.get_label().startswith("solution")]
    assert list(fit_lines[0].get_ydata()) == pytest.approx([1.8 / 2.8, 0.85, 1.0, 1.0])
    # dotted lines where the solution changes: between 0.5/0.8 and 0.8/0.95
    dotted = [ln for ln in ax.lines if ln.get_linestyle() == ":"]
    assert len(dotted) == 2


def test_threshold_sweep_without_terms_and_with_gaps():
    table = explore.sweep(D, "Y", ["A", "B"], cuts=[0.8, 0.9], n_cut=2, solution="complex")
    fig, ax = plt.subplots()
    out = plot.threshold_sweep(table, terms=True, ax=ax)
    assert out is ax and len(fig.axes) == 1  # no term was ever present
    assert "no row reaches the cut" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert ax.get_title() == "Solution across consistency cuts"
    ax2 = plot.threshold_sweep(sweep_table(), terms=False)
    assert len(ax2.figure.axes) == 1 and ax2.get_xlabel() == "consistency cut"


def test_threshold_sweep_bad_input():
    with pytest.raises(QCAInputError, match="explore.sweep"):
        plot.threshold_sweep(pd.DataFrame({"cut": [0.8]}))
    with pytest.raises(QCAInputError, match="empty"):
        plot.threshold_sweep(sweep_table().iloc[0:0])


# ------------------------------------------------------------------------------ one description


def test_matplotlib_and_svg_draw_the_same_sweep_description():
    from qcakit import figures, svg

    table = sweep_table()
    fig = figures.sweep_figure(table, 0.8)
    ax = plot.threshold_sweep(table, reference=0.8)
    picture = svg.sweep_svg(table, reference=0.8)
    assert ax.get_title() == fig.title and f">{fig.title}</text>" in picture
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [text for _, text in fig.legend]
    assert all(f">{text}</text>" in picture for _, text in fig.legend)
    assert [ln.get_color() for ln in ax.lines[:2]] == [c for c, _ in fig.legend[:2]]
    assert all(f"fill='{c}'" in picture for c, _ in fig.legend)
    tax = ax.figure.axes[1]
    assert [t.get_text() for t in tax.get_yticklabels()] == fig.terms  # first on top
    assert all(f">{term}</text>" in picture for term in fig.terms)
    # by hand: the solution changes between 0.5/0.8 (A + B -> A) and 0.8/0.95 (A -> A*B)
    assert fig.changes == pytest.approx([0.65, 0.875])


def test_matplotlib_and_svg_draw_the_same_calibration_description():
    from qcakit import explore, figures, svg

    raw = pd.Series([1.0, 4.0, 6.0, 9.0], index=list("abcd"), name="X")
    fig = figures.calibration_figure(raw, (2, 5, 8))
    ax = plot.calibration_curve(raw, thresholds=(2, 5, 8))
    picture = svg.calibration_svg(explore.calibration_state(raw, (2, 5, 8)))
    assert (ax.get_xlabel(), ax.get_ylabel()) == (fig.xlabel, fig.ylabel) == (
        "X (raw)", "membership in X")
    assert f">{fig.xlabel}</text>" in picture and f">{fig.ylabel}</text>" in picture
    assert sorted(t.get_text() for t in ax.texts) == sorted(t for _, _, t in fig.labels)
    assert all(f">{t}</text>" in picture for _, _, t in fig.labels)
    assert [name for name, _ in fig.anchors] == ["exclusion", "crossover", "inclusion"]
    assert all(f">{name} {value:g}</text>" in picture for name, value in fig.anchors)
    assert scatters(ax)[0].get_facecolor()[0][:3] == pytest.approx(
        matplotlib.colors.to_rgb(figures.COLOURS["case"]))
    assert f"fill='{figures.COLOURS['case']}'" in picture


def test_sweep_figure_names_its_caller_in_the_error():
    from qcakit import figures

    with pytest.raises(QCAInputError, match=r"^threshold_sweep\(\) draws the table of "
                                            r"qcakit\.explore\.sweep"):
        plot.threshold_sweep(pd.DataFrame({"cut": [0.8]}))
    with pytest.raises(QCAInputError, match=r"^sweep_figure\(\) draws"):
        figures.sweep_figure(pd.DataFrame({"cut": [0.8]}))


def test_truth_table_rows_plots_each_row_sorted_with_the_cuts():
    """Lipset at 0.8 / PRI 0.7: nine observed rows; consistency sorted high to low (row 32 at
    0.904 first, hand-checked against tests/test_analysis.py's truth table); cut lines at 0.8 and
    0.7."""
    tt = qcakit.truth_table(qcakit.datasets.load("lipset_fuzzy"), "SURV",
                            ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8, pri_cut=0.7)
    ax = plot.truth_table_rows(tt)
    filled = [c for c in scatters(ax) if c.get_facecolors().size]  # raw consistency
    points = sorted((x, y) for c in filled for x, y in c.get_offsets().tolist())
    incl = [y for _, y in points]
    assert len(incl) == 9 and incl == sorted(incl, reverse=True)
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "32"
    assert sorted(round(line.get_ydata()[0], 2) for line in ax.get_lines()) == [0.7, 0.8]
    # OUT is written above every column and coded by marker shape, not by colour alone
    codes = [t.get_text() for t in ax.texts]
    assert codes[-1] == "OUT" and codes[:-1] == tt.table.sort_values(
        ["incl", "PRI"], ascending=False)["OUT"].astype(str).tolist()
    shapes = {c.get_label().split(", ")[1]: c.get_paths()[0].vertices.round(3).tolist()
              for c in filled}
    assert set(shapes) >= {"OUT = 1", "OUT = 0"} and shapes["OUT = 1"] != shapes["OUT = 0"]
    with pytest.raises(qcakit.QCAInputError, match="takes a truth table"):
        plot.truth_table_rows(tt.table)


# ------------------------------------------------------------------------------ labels


def _boxes(ax):
    renderer = ax.figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in ax.texts]


def test_label_points_places_crowded_labels_without_overlap():
    """Five cases within 0.01 of each other (as the five covered Xu cases at X = 0.501):
    the labels must not overlap one another, and every label stays inside the Axes."""
    fig, ax = plt.subplots(figsize=(4, 4))
    plot.unit_square(ax)
    xs = [0.501, 0.501, 0.501, 0.502, 0.503]
    ys = [0.633, 0.626, 0.511, 0.501, 0.879]
    names = ["Xiaoshan district, Hangzhou", "Shimian model (Internet+)",
             "L district, Linchang", "Shanglin county, Nanning", "Dongyang county"]
    texts = plot.label_points(ax, xs, ys, names)
    assert [t.get_text() for t in texts] == names
    boxes = _boxes(ax)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), (a, b)
    frame = ax.get_window_extent(fig.canvas.get_renderer())
    assert all(frame.x0 - 1 <= b.x0 and b.x1 <= frame.x1 + 1 for b in boxes)


def test_label_points_is_deterministic_and_leads_far_labels():
    def positions():
        fig, ax = plt.subplots(figsize=(3, 3))
        plot.unit_square(ax)
        close = [0.5, 0.5, 0.501, 0.502, 0.503, 0.504, 0.505, 0.506, 0.507, 0.508]
        texts = plot.label_points(ax, close, close, list("abcdefghij"))
        return [(t.get_text(), t.xyann, t.arrow_patch is not None) for t in texts]

    first = positions()
    assert first == positions()
    assert first[0][0] == "a, b"  # coincident points share a label
    assert first[0][2] is False  # the first label sits on the first ring: no leader line
    assert any(lead for _, _, lead in first)  # some label had to move further out


def test_place_labels_by_hand():
    """Two 30 x 8 labels for points 1 px apart: the first goes to the upper right (3, 3); the
    second's upper-right box would cover the first, so it goes to the lower right (3, -11)."""
    from qcakit.labels import place_labels

    assert place_labels([(0, 0), (1, 0)], [(30, 8), (30, 8)]) == [(3.0, 3.0), (3.0, -11.0)]
    # a bound on the right pushes the label to the upper left
    assert place_labels([(0, 0)], [(30, 8)], bounds=(-100, -100, 10, 100)) == [(-33.0, 3.0)]
    with pytest.raises(ValueError, match="2 points but 1 label"):
        place_labels([(0, 0), (1, 1)], [(3, 3)])


def test_xy_plot_labels_only_the_cases_named():
    ax = plot.xy_plot(D, "A", "Y", label_cases=["q", "s"])
    assert sorted(t.get_text() for t in ax.texts) == ["q", "s"]
    with pytest.raises(QCAInputError, match="label_cases names 'z'"):
        plot.xy_plot(D, "A", "Y", label_cases=["z"])


# ------------------------------------------------------------------------------ robustness


def test_robustness_plots_one_row_per_case_and_an_xy_view():
    import warnings

    from qcakit.studies import xu2024

    raw = qcakit.datasets.load(xu2024.DATASET)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        r = qcakit.robustness(raw, xu2024.robustness_calibration(), "GROWTH",
                              xu2024.CONDITIONS, incl_cut=0.8, anchor_shifts={"SCALE": (-1, 0, 1)})
    ax = r.plot(kind="cases")
    order = r.cases.sort_values(["IS", "MaxTS", "MinTS"], ascending=False, kind="stable")
    ticks = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())),
                   reverse=True)
    assert [name for _, name in ticks] == order.index.tolist()  # highest IS on top
    assert [t.get_text() for t in ax.texts] == order["class"].tolist()
    (bars,) = [c for c in ax.collections if c.get_label().startswith("test solutions")]
    ends = sorted(tuple(round(v, 6) for v in seg[:, 0]) for seg in bars.get_segments())
    assert ends == sorted(zip(order["MinTS"].round(6), order["MaxTS"].round(6)))
    assert "RF_cov" in ax.get_title()
    xy = r.plot(label_cases=["H county"])
    assert [t.get_text() for t in xy.texts] == ["H county"]
    with pytest.raises(QCAInputError, match="kind must be"):
        r.plot(kind="bars")


def test_many_cases_on_few_points_stay_readable():
    """27 cases on three raw scores (as a 0 / 0.5 / 1 code): each point's label is wrapped into at
    most four lines and counts the names it leaves out, and stays inside the figure; an XY plot
    without labels writes how many cases share each dot."""
    names = [f"S{i:02d}" if i % 3 else f"Long county name {i}" for i in range(27)]
    codes = pd.Series([0.0] * 20 + [0.5] * 4 + [1.0] * 3, index=names, name="INFO")
    with pytest.warns(qcakit.QCAWarning):
        ax = plot.calibration_curve(codes, (0.0, 0.5, 1.0))
    texts = [t for t in ax.texts if t.get_text()]
    assert len(texts) == 3 and all(t.get_text().count("\n") <= 3 for t in texts)
    assert any("more" in t.get_text() for t in texts)
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.figure.bbox
    for t in texts:
        box = t.get_window_extent(renderer)
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 + 1, t.get_text()
    data = pd.DataFrame({"A": [0.2] * 5 + [0.8] * 3 + [0.6], "Y": [0.3] * 5 + [0.9] * 3 + [0.1]},
                        index=[f"c{i}" for i in range(9)])
    xy = plot.xy_plot(data, "A", "Y", label_cases=False)
    assert sorted(t.get_text() for t in xy.texts) == ["×3", "×5"]
