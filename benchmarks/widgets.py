"""Time the explorers: control change -> recomputed results (prints figures; never asserted).

For each explorer of :mod:`qcakit.widgets`, on the 11-case Xu data (documented calibration) and
on the 27-case reconstructed Wei data, this sets controls from Python exactly as a slider move
does (``control.value = ...``, which fires the explorer's observer) and reads the explorer's
own ``last_update_ms``: the time from the change to every output panel holding its new HTML /
PNG. It excludes sending the new values to the browser and the browser's redraw (the browser
test, tests/test_browser.py, checks that the page follows).

What is timed:

- first display: building the explorer (after one warm-up build, so module imports and
  first-call set-up are not counted). The threshold explorer prefetches every step of its
  consistency slider here (``prefetch=True``, the default);
- threshold explorer, consistency cut: moves of that slider after the prefetch (what a learner
  gets), and the same moves with ``prefetch=False`` on a fresh explorer each time (the cold case:
  a new truth-table coding is minimized during the update);
- threshold explorer, other controls: the first visit of another PRI cut, frequency cut or
  solution type (not prefetched: minimized during the update), then the same changes again;
- calibration explorer: typing a new crossover (each value new) and choosing percentile
  definitions;
- robustness sweep: changing the range of cuts (cuts already computed are looked up; the plot
  is an SVG drawn by hand), and changing the PRI cut or solution type (every cut recomputed);
- the two renderers of :mod:`qcakit.figures`' descriptions: :mod:`qcakit.svg` (what the
  explorers use) against :mod:`qcakit.plot` (matplotlib, drawn and saved as PNG as a widget
  would have to), for the same sweep table and calibration. This is why the explorers keep
  their own renderer of the shared descriptions.

Target: < 50 ms of computation per update.

Run: ``.venv/bin/python benchmarks/widgets.py``
"""
from __future__ import annotations

import statistics
import time
import warnings

import matplotlib

matplotlib.use("Agg")

import qcakit  # noqa: E402
from qcakit import widgets  # noqa: E402
from qcakit.studies import wei2026, xu2024  # noqa: E402

CUTS = [0.75, 0.78, 0.80, 0.82, 0.85, 0.88, 0.90, 0.95]


def studies():
    """(label, data, outcome, conditions, threshold-explorer options, raw variable, sets)."""
    raw = qcakit.datasets.load(xu2024.DATASET)
    xu = xu2024.calibrated()
    wei = qcakit.datasets.load("wei2026_reconstructed")
    return [
        ("Xu 2024, 11 cases, 7 conditions", xu, xu2024.OUTCOME, xu2024.CONDITIONS,
         dict(incl_cut=xu2024.INCL_CUT, n_cut=xu2024.N_CUT, directional=xu2024.DIRECTIONAL),
         raw["SCALE"], xu),
        ("Wei 2026 (reconstructed), 27 cases, 6 conditions", wei, wei2026.OUTCOME,
         wei2026.CONDITIONS,
         dict(incl_cut=wei2026.INCL_CUT, pri_cut=wei2026.PRI_CUT, n_cut=wei2026.N_CUT,
              directional=wei2026.DIRECTIONAL),
         None, wei),
    ]


def summary(times: list[float]) -> str:
    return (f"median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms   "
            f"(n={len(times)})")


def threshold(data, outcome, conditions, options):
    cold = []
    for cut in CUTS:  # a fresh explorer without prefetch per move: nothing cached
        ex = widgets.threshold_explorer(data, outcome, conditions, prefetch=False, **options)
        ex.controls["incl_cut"].value = cut if cut != options["incl_cut"] else cut + 0.01
        cold.append(ex.last_update_ms)
    ex = widgets.threshold_explorer(data, outcome, conditions, **options)
    moves = []
    for _ in range(3):
        for cut in CUTS + CUTS[::-1]:
            if ex.controls["incl_cut"].value != cut:
                ex.controls["incl_cut"].value = cut
                moves.append(ex.last_update_ms)
    first, again = [], []
    changes = (("pri_cut", 0.6), ("pri_cut", 0.75), ("pri_cut", options.get("pri_cut") or 0.0),
               ("n_cut", 2), ("n_cut", 1), ("solution", "complex"),
               ("solution", "parsimonious"), ("solution", "intermediate"))
    for times in (first, again):
        for control, value in changes:
            ex.controls[control].value = value
            times.append(ex.last_update_ms)
    return cold, moves, first, again


def calibration(raw, sets, outcome):
    ex = widgets.calibration_explorer(raw, percentiles=xu2024.PERCENTILES,
                                      percentile_method=xu2024.PERCENTILE_METHOD,
                                      sets=sets, outcome=outcome)
    lo, mid, hi = ex.state.anchors
    times = []
    for k in range(20):  # typing a new crossover (each value new: nothing to cache)
        ex.controls["crossover"].value = mid + (k + 1) * (hi - mid) / 40
        times.append(ex.last_update_ms)
    for method in ("excel_exc", "excel_inc", "hazen", "median_unbiased"):
        ex.controls["percentiles"].value = method
        times.append(ex.last_update_ms)
    return times


def sweep(data, outcome, conditions, options):
    opts = {k: v for k, v in options.items() if k != "incl_cut"}
    ex = widgets.robustness_sweep(data, outcome, conditions, cuts=(0.70, 1.00),
                                  reference=options["incl_cut"], **opts)
    ranges = []
    for rng in ((0.75, 1.00), (0.70, 0.95), (0.70, 1.00), (0.80, 0.90), (0.70, 1.00)):
        ex.controls["cuts"].value = rng
        ranges.append(ex.last_update_ms)
    recompute = []
    for control, value in (("pri_cut", 0.75), ("solution", "complex")):
        ex.controls[control].value = value
        recompute.append(ex.last_update_ms)
    return ranges, recompute


def renderers(data, outcome, conditions, options, raw):
    """Median milliseconds to draw one figure: SVG string, and matplotlib to PNG bytes."""
    import io

    import matplotlib.pyplot as plt

    from qcakit import explore, plot, svg

    opts = {k: v for k, v in options.items() if k != "incl_cut"}
    table = explore.sweep(data, outcome, conditions, **opts)
    state = explore.calibration_state(raw, percentiles=xu2024.PERCENTILES,
                                      percentile_method=xu2024.PERCENTILE_METHOD)

    def png(draw):
        ax = draw()
        ax.figure.savefig(io.BytesIO(), format="png")
        plt.close(ax.figure)

    jobs = {
        "sweep, svg.sweep_svg": lambda: svg.sweep_svg(table, options["incl_cut"]),
        "sweep, plot.threshold_sweep + PNG":
            lambda: png(lambda: plot.threshold_sweep(table, options["incl_cut"])),
        "calibration, svg.calibration_svg": lambda: svg.calibration_svg(state),
        "calibration, plot.calibration_curve + PNG":
            lambda: png(lambda: plot.calibration_curve(raw, state.anchors)),
    }
    for name, job in jobs.items():
        job()  # warm-up
        times = []
        for _ in range(7):
            start = time.perf_counter()
            job()
            times.append(1000 * (time.perf_counter() - start))
        print(f"  render {name:44s} median {statistics.median(times):7.1f} ms")


def built(make):
    make()  # warm-up: imports and first-call set-up
    start = time.perf_counter()
    make()
    return f"{1000 * (time.perf_counter() - start):7.1f} ms"


def main() -> None:
    warnings.simplefilter("ignore")
    for label, data, outcome, conditions, options, raw, sets in studies():
        print(f"\n{label}")
        print("  threshold explorer, first display (incl. prefetch)   "
              + built(lambda: widgets.threshold_explorer(data, outcome, conditions, **options)))
        cold, moves, first, again = threshold(data, outcome, conditions, options)
        print(f"  threshold, consistency cut (after prefetch)   {summary(moves)}")
        print(f"  threshold, consistency cut (cold, no prefetch) {summary(cold)}")
        print(f"  threshold, PRI / freq. / solution, 1st visit  {summary(first)}")
        print(f"  threshold, PRI / freq. / solution, again      {summary(again)}")
        if raw is not None:
            times = calibration(raw, sets, outcome)
            print(f"  calibration, anchor or percentile definition  {summary(times)}")
            renderers(data, outcome, conditions, options, raw)
        else:
            # Wei's scores are coded (0 / 0.501 / 1), not calibrated from raw values; the
            # explorer still runs on a coded column (anchors around the crossover).
            col = sets["INFO"].rename("INFO")
            ex = widgets.calibration_explorer(col, anchors=(0.2, 0.5005, 0.9), sets=sets,
                                              outcome=outcome)
            times = []
            for k in range(20):
                ex.controls["crossover"].value = 0.45 + k * 0.005
                times.append(ex.last_update_ms)
            print(f"  calibration, anchor (coded column)            {summary(times)}")
        opts = {k: v for k, v in options.items() if k != "incl_cut"}
        print("  robustness sweep, first display (31 cuts)      "
              + built(lambda: widgets.robustness_sweep(data, outcome, conditions,
                                                       reference=options["incl_cut"], **opts)))
        ranges, recompute = sweep(data, outcome, conditions, options)
        print(f"  robustness sweep, range of cuts               {summary(ranges)}")
        print(f"  robustness sweep, PRI cut / solution type     {summary(recompute)}")


if __name__ == "__main__":
    main()
