"""Draw every plotting function of the kit with Chinese case names, conditions and titles, and
report matplotlib's missing-glyph warnings.

Needs only the kit and its dependencies (no pytest), so ``tests/test_fonts.py`` runs it both in
the test environment and, as a script, in the kernel-only environment (the kit's wheel plus
ipykernel): ``python tests/chinese_figures.py`` prints a JSON object with the functions drawn,
the missing-glyph warnings, and one translated header (which shows that the wheel carries the
compiled catalog).
"""
from __future__ import annotations

import json
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import qcakit  # noqa: E402
from qcakit import explore, plot  # noqa: E402
from qcakit.studies import wei2026, xu2024  # noqa: E402

CASES = ["德清县", "长兴县", "安吉县", "上林县", "东阳市", "石棉县", "萧山区", "临沧市"]
#: Raw scores: three conditions and the outcome, named in Chinese.
RAW = pd.DataFrame({"规模": [9, 2, 7, 1, 8, 3, 6, 4], "组织": [8, 9, 3, 2, 7, 6, 9, 1],
                    "管理": [7, 1, 9, 4, 6, 2, 8, 3], "能力": [9, 3, 8, 1, 7, 4, 9, 2]},
                   index=pd.Index(CASES, name="案例"))
ANCHORS = {name: (2.0, 5.0, 8.0) for name in RAW.columns}
Y, X = "能力", ["规模", "组织", "管理"]


def _analysis():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        data = qcakit.calibrate(RAW, ANCHORS)
    tt = qcakit.truth_table(data, Y, X, incl_cut=0.8)
    return data, tt, qcakit.minimize(tt, "intermediate", {c: 1 for c in X}), \
        qcakit.minimize(tt, "parsimonious")


def figures() -> dict:
    """Qualified name of every plotting function -> a function that draws with it."""
    data, tt, inter, pars = _analysis()
    types = qcakit.case_types(solution=inter)

    def robustness():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", qcakit.QCAWarning)
            result = qcakit.robustness(RAW, ANCHORS, Y, X, incl_cut=0.8,
                                       anchor_shifts={"规模": (-1, 0, 1)})
        return result.plot()

    def labelled(function):
        ax = plot.unit_square(plt.subplots()[1])
        function(ax, [0.2, 0.2, 0.7], [0.6, 0.6, 0.3], CASES[:3])
        return ax

    return {
        "qcakit.plot.label_points": lambda: labelled(plot.label_points),
        "qcakit.plot.mark_multiples": lambda: labelled(
            lambda ax, x, y, _: plot.mark_multiples(ax, x, y)),
        "qcakit.plot.unit_square": lambda: plot.unit_square(plt.subplots()[1]),
        "qcakit.plot.calibration_curves": lambda: plot.calibration_curves(RAW, ANCHORS),
        "qcakit.plot.calibration_curve": lambda: plot.calibration_curve(RAW["规模"], (2, 5, 8)),
        "qcakit.plot.xy_plot": lambda: plot.xy_plot(data, "规模*组织", Y),
        "qcakit.plot.necessity_bars": lambda: plot.necessity_bars(qcakit.necessity(data, Y, X)),
        "qcakit.plot.threshold_sweep": lambda: plot.threshold_sweep(
            explore.sweep(data, Y, X, (0.7, 0.8, 0.9)), reference=0.8),
        "qcakit.plot.truth_table_rows": lambda: plot.truth_table_rows(tt),
        "qcakit.chart.ConfigurationChart.plot": lambda: qcakit.configuration_chart(
            inter, pars).plot(),
        "qcakit.cases.CaseTypes.plot": lambda: types.plot(),
        "qcakit.cases.CaseTypes.plot_all": lambda: types.plot_all(),
        "qcakit.robustness.Robustness.plot": robustness,
        "qcakit.studies.xu2024.plot_calibration": lambda: xu2024.plot_calibration("SCALE"),
        "qcakit.studies.wei2026.xy_cases": lambda: wei2026.xy_cases(
            data["规模"], data[Y], label=CASES[:2], title="案例分布"),
    }


def missing_glyphs() -> dict:
    """Draw every figure in Chinese; return the functions drawn and the glyph warnings."""
    drawn, missing = [], []
    with qcakit.i18n.language("zh"):
        for name, draw in figures().items():
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                result = draw()
                fig = result if hasattr(result, "savefig") else result.figure
                fig.suptitle("中文标题：组态、校准与覆盖度")
                fig.canvas.draw()
            plt.close(fig)
            drawn.append(name)
            missing += [f"{name}: {w.message}" for w in caught if "missing from font" in
                        str(w.message)]
        header = qcakit.i18n.tr("consistency")
    return {"drawn": drawn, "missing": missing, "consistency": header}


if __name__ == "__main__":
    print(json.dumps(missing_glyphs(), ensure_ascii=False))
