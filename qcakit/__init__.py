"""qcakit: fuzzy-set Qualitative Comparative Analysis for teaching, in pandas.

The analysis flows one way; every step is a pure function whose result displays in Jupyter:

    calibrate -> necessity -> truth_table -> minimize -> configuration_chart

>>> import qcakit
>>> sorted(n for n in ("calibrate", "truth_table", "minimize") if hasattr(qcakit, n))
['calibrate', 'minimize', 'truth_table']
"""
from . import boolean, covers, datasets
from .calibrate import calibrate, percentile_anchors
from .errors import QCAInputError, QCAWarning
from .minimize import minimize
from .necessity import necessity
from .sets import membership, parse
from .solution import evaluate
from .truthtable import truth_table
from .chart import configuration_chart
from .datacheck import check_data
from .datafile import read_data
from .methods_text import methods_paragraph
from .report import write_report
from .rscript import r_script
from .clusters import cluster_diagnostics
from .skewness import skewness
from .suin import suin
from .theory import theory_evaluation
from .cases import case_types
from .robustness import robustness
from .counterfactuals import esa, simultaneous_subset_rows
from .asymmetry import outcome_and_negation
from .i18n import get_language, set_language

from ._version import __version__
__all__ = [
    "calibrate", "percentile_anchors", "necessity", "truth_table", "minimize", "evaluate",
    "configuration_chart", "check_data", "read_data", "methods_paragraph", "write_report", "r_script",
    "membership", "parse", "datasets", "QCAInputError", "QCAWarning",
    "suin", "skewness", "theory_evaluation", "cluster_diagnostics",
    "case_types", "robustness",
    "esa", "simultaneous_subset_rows", "outcome_and_negation",
    "set_language", "get_language",
]
