"""Interactive explorers for Jupyter: move a cut or an anchor and see what changes.

Each explorer is one call in a notebook and returns an :class:`Explorer`:

- :func:`threshold_explorer`: sliders for the consistency, PRI and frequency cuts and the
  solution type; the truth table (rows coloured by OUT), the solution with its parameters, the
  configuration chart and a report of what changed against the reference (the paper's)
  settings update live;
- :func:`calibration_explorer`: the three anchors of one raw variable (or a percentile
  definition); the calibration curve with the cases, the memberships, a visible warning for
  scores of exactly 0.5 and the downstream necessity table update live;
- :func:`robustness_sweep`: solution consistency, coverage and terms across a range of
  consistency cuts, with the reference cut marked.

The widgets only wire controls to the pure functions of :mod:`qcakit.explore` and draw the
figures of :mod:`qcakit.figures` with :mod:`qcakit.svg` (the same descriptions
:mod:`qcakit.plot` draws with matplotlib); everything they show can be computed without a
browser.
``explorer.set(incl_cut=0.85)`` changes controls from code (tests, notebooks) exactly as a
slider move does. A value outside a control's range (``incl_cut=0.3`` on a slider from 0.5 to 1,
or ``85`` for 0.85) is refused with a :class:`~qcakit.QCAInputError`, in the explorers' own
arguments too, instead of being moved to the end of the slider.

Displayed in JupyterLab an explorer is a live widget. Front ends without a widget manager
(nbconvert, nbval, GitHub's notebook viewer) fall back to a static HTML rendering of the
state at display time: the display bundle carries both.

One module per explorer (:mod:`~qcakit.widgets.threshold`, :mod:`~qcakit.widgets.calibration`,
:mod:`~qcakit.widgets.sweep`) and the shared :mod:`~qcakit.widgets.explorer`. This package
imports ipywidgets; ``import qcakit`` does not import it.

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> ex = threshold_explorer(data, "Y", ["A", "B"], solution="complex")
>>> ex.state.expression
'A'
>>> ex.set(incl_cut=0.95).state.expression
'A*B'
>>> ex.report.vanished
['A']
"""
from .calibration import anchor_value, calibration_explorer
from .explorer import Explorer
from .sweep import robustness_sweep
from .threshold import threshold_explorer

__all__ = ["Explorer", "anchor_value", "calibration_explorer", "robustness_sweep",
           "threshold_explorer"]
