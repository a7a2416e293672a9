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
from .minimize import minimize, parse_directional, parse_exclude
from .necessity import NecessityTable, necessity
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
from .skewness import Skewness, skewness
from .suin import Suin, expressions_searched, suin
from .theory import theory_evaluation
from .cases import case_types
from .robustness import (Robustness, anchor_range, case_ratios, case_robustness,
                         incl_cut_range, n_cut_range, robustness, robustness_fit,
                         robustness_from_solutions)
from .counterfactuals import (contradictory_assumptions, esa, find_rows, incoherent_rows,
                              simultaneous_subset_rows, untenable_rows)
from .haesebrouck import consistency_h, haesebrouck
from .sufficiency import sufficient_conjunctions
from .smmr import (deviant_coverage_iir_pairs, typical_by_conjunct, typical_iir_pairs,
                   typical_typical_pairs)
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
    # functions and results of modules that a function of the same name shadows
    # (qcakit.robustness is the function): reachable here
    "parse_directional", "parse_exclude", "NecessityTable", "Skewness", "Suin",
    "Robustness", "robustness_fit", "case_robustness", "case_ratios", "robustness_from_solutions",
    "incl_cut_range", "n_cut_range", "anchor_range", "expressions_searched",
    # parity with SetMethods / R QCA
    "untenable_rows", "incoherent_rows", "contradictory_assumptions", "find_rows",
    "consistency_h", "haesebrouck", "sufficient_conjunctions",
    "typical_by_conjunct", "typical_typical_pairs", "typical_iir_pairs",
    "deviant_coverage_iir_pairs",
]
