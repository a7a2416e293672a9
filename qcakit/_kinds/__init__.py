"""The kinds of argument a parameter spec (:mod:`qcakit._spec`) declares, and their messages.

A kind checks one argument before a function's body runs. It coerces only what is unambiguous
(a tuple of names for a list, ``2.0`` for a count, ``np.True_`` for ``True``) and refuses the
rest with a :class:`~qcakit.QCAInputError` naming the argument, the value and a fix that the same
function accepts. Every message of the argument checks is composed in this package, one module
per family: :mod:`.base` (the base kind, how values are named), :mod:`.data` (frames, columns,
raw scores, calibration), :mod:`.expressions`, :mod:`.results` (the kit's own objects),
:mod:`.quantities` (cuts, counts, switches, choices), :mod:`.texts` and :mod:`.explorers`.

Each kind also declares the values it must refuse (:meth:`Kind.refused`) and the forms it reads
the same (:meth:`Kind.same`), from which ``tests/test_api_inputs.py`` generates its cases.

>>> from qcakit._spec import Arg
>>> Switch()("no", Arg("negate_outcome", "suin", {}))
Traceback (most recent call last):
...
qcakit.errors.QCAInputError: negate_outcome must be True or False, got 'no'. Text reads as True whatever it says: write negate_outcome=False or negate_outcome=True, without quotes.
>>> Count(1)(2.0, Arg("n_cut", "truth_table", {}))
2
"""
# qcakit.i18n first: the kinds translate their messages with it, and it checks its own
# argument with a kind (it imports that kind at its end, when tr() and the rest exist).
from .. import i18n  # noqa: F401  isort: skip
from .base import Kind, finite_numbers, kit_name, shown
from .data import (Calibration, Column, Columns, Frame, RawScores, Roles, Shifts, Targets,
                   Thresholds, frame_fix)
from .explorers import Axes, Cache, Controls, SweepTable
from .expressions import Expression, Expressions, unknown_in_expression
from .quantities import (Count, Cut, CutMap, CutPair, CutRange, Cuts, MembershipTable, Model,
                         Number, Numbers, OneOf, Seconds, Switch, term_choices)
from .results import (Directional, Exclude, Result, Settings, SolutionArg, Solutions,
                      TestSolutions, TruthTableArg, necessity_result)
from .texts import (CaseSelection, Labels, Mask, NameMap, Names, Options, Path, PointLabels,
                    Sheet, Text)

__all__ = [
    "Kind", "finite_numbers", "kit_name", "shown",
    "Calibration", "Column", "Columns", "Frame", "RawScores", "Roles", "Shifts", "Targets", "Thresholds",
    "frame_fix", "Axes", "Cache", "Controls", "SweepTable",
    "Expression", "Expressions", "unknown_in_expression",
    "Count", "Cut", "CutMap", "CutPair", "CutRange", "Cuts", "MembershipTable", "Model", "Number", "Seconds",
    "Numbers", "OneOf",
    "Switch", "term_choices",
    "Directional", "Exclude", "Result", "Settings", "SolutionArg", "Solutions", "TestSolutions",
    "TruthTableArg",
    "necessity_result",
    "CaseSelection", "Labels", "Mask", "NameMap", "Names", "Options", "Path", "PointLabels",
    "Sheet", "Text",
]
