"""The pure logic behind the interactive explorers: what changes when a learner moves a cut.

:mod:`qcakit.widgets` only wires controls to the functions here, so everything an explorer
shows can be computed (and tested) without a browser. One idea per module:

- :mod:`~qcakit.explore.analysis`: :func:`analyse`, the truth table, solution of a chosen type,
  its parameters and the configuration chart for one setting of the consistency, PRI and
  frequency cuts;
- :mod:`~qcakit.explore.cache`: the keys under which results are kept across calls;
- :mod:`~qcakit.explore.changes`: :func:`compare_settings`, what changed between two settings
  (truth-table rows whose OUT switched, solution terms that appeared or vanished, solution fit
  before and after), and :func:`threshold_update`, all the threshold explorer redraws;
- :mod:`~qcakit.explore.sweep`: :func:`sweep`, solution consistency, coverage and terms across
  a range of consistency cuts (the robustness check both seed papers report in one sentence);
- :mod:`~qcakit.explore.calibration`: :func:`calibration_state`, the memberships, the
  exact-0.5 warnings and the downstream necessity table for one choice of anchors;
- :mod:`~qcakit.explore.render`: the HTML of every panel.

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> paper = analyse(data, "Y", ["A", "B"], incl_cut=0.8, solution="complex")
>>> paper.expression
'A'
>>> strict = analyse(data, "Y", ["A", "B"], incl_cut=0.95, solution="complex")
>>> report = compare_settings(paper.truth_table, paper.solution,
...                           strict.truth_table, strict.solution)
>>> report.rows[["OUT (reference)", "OUT (current)", "cases"]]
  OUT (reference) OUT (current) cases
3               1             0     q
>>> report.appeared, report.vanished
(['A*B'], ['A'])
"""
from .analysis import Analysis, analyse, settings_text
from .calibration import (PERCENTILE_CHOICES, CalibrationState, calibrate_half,
                          calibration_state)
from .changes import (ChangeReport, ThresholdView, compare_analyses, compare_settings,
                      threshold_update)
from .render import solution_html, truth_table_html
from .sweep import sweep, sweep_ranges, sweep_ranges_html

__all__ = [
    "Analysis", "analyse", "settings_text",
    "PERCENTILE_CHOICES", "CalibrationState", "calibrate_half", "calibration_state",
    "ChangeReport", "ThresholdView", "compare_analyses", "compare_settings", "threshold_update",
    "solution_html", "truth_table_html",
    "sweep", "sweep_ranges", "sweep_ranges_html",
]
