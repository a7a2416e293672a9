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
    assert len(scatters(ax)[0].get_offsets()) == 4
    assert len(ax.texts) == 4


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
    # A (0.944) passes the 0.9 line: drawn green
    assert matplotlib.colors.to_hex(ax.patches[0].get_facecolor()) == "#2e7d32"
    ax2 = plot.necessity_bars(nt, threshold=0.95)
    assert "threshold 0.95" in ax2.get_title()
    assert matplotlib.colors.to_hex(ax2.patches[0].get_facecolor()) != "#2e7d32"


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
    incl = ax.collections[0].get_offsets()[:, 1]
    assert len(incl) == 9 and list(incl) == sorted(incl, reverse=True)
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "32"
    assert sorted(round(line.get_ydata()[0], 2) for line in ax.get_lines()) == [0.7, 0.8]
    with pytest.raises(qcakit.QCAInputError, match="takes a truth table"):
        plot.truth_table_rows(tt.table)
