"""Kinds for data: frames, column names, raw scores, calibration anchors and shifts."""
from __future__ import annotations

from collections.abc import Hashable, Mapping

import numpy as np
import pandas as pd

from .. import _checks
from ..errors import QCAInputError
from ..i18n import sentences, tr
from .base import Kind, _ArgLike, _refuse_kit, finite_numbers, kit_name, shown
from .expressions import Expression
from .quantities import Cuts, Number


def frame_fix(value, name: str) -> str:
    """The fix for a value that is not a DataFrame where one is expected."""
    kind = type(value).__name__
    if kind == "TruthTable":
        return tr("A truth table's memberships are its .data: pass {name}=tt.data.").format(
            name=name)
    if kind == "Solution":
        return tr("A solution's memberships are those of its truth table: pass "
                  "{name}=solution.truth_table.data.").format(name=name)
    if kit_name(value):
        return tr("That is a result of the kit, not data: pass the DataFrame of memberships "
                  "the analysis started from.")
    if isinstance(value, str):
        return tr("Read the file first, e.g. {name} = pd.read_csv({file}, index_col=0).").format(
            name=name, file=repr(value))
    if value is None:
        return tr("Pass the DataFrame (cases as rows, sets as columns).")
    return tr("Wrap it with pd.DataFrame(...).")


class Frame(Kind):
    """A pandas DataFrame of cases (a Series is one column)."""

    title = "Data frame"
    rule = ("a pandas DataFrame, cases as rows and sets as columns (a Series is one column), "
            "with at least one case and unique one-level column names; the case names may "
            "have several levels, e.g. (country, year)")

    def check(self, value, arg):
        return _checks.as_frame(value, arg.name)

    def refused(self, arg, samples):
        f = samples.frame
        two_level = f.copy()
        two_level.columns = pd.MultiIndex.from_tuples([("set", c) for c in f.columns])
        return super().refused(arg, samples) + [
            ("a file name", "data.csv"), ("a list of lists", [[0.1, 0.2]]),
            ("a truth table", samples.tt), ("a solution", samples.solution),
            ("no rows", f.iloc[:0]), ("a repeated column", pd.concat([f.iloc[:, :1], f], axis=1)),
            ("two-level column names", two_level)]


class Column(Kind):
    """One column name of the frame passed as ``of``."""

    title = "Column name"
    rule = "one column name of the data, spelt as there"

    def __init__(self, of: str = "data", what: str | None = None, *, optional: bool = False):
        super().__init__(optional=optional)
        self.of, self.what = of, what

    def needs_for(self, name):
        return (self.of,)

    def check(self, value, arg):
        data = arg.get(self.of)
        what = self.what or arg.name
        one = tr("{What} is one column name, got {value}.")
        if isinstance(value, (list, tuple, set, pd.Index, np.ndarray, pd.Series)) or \
                kit_name(value):
            items = list(value) if isinstance(value, (list, tuple, pd.Index, np.ndarray)) else []
            fix = (tr("Pass the name itself: {name}={value}.").format(
                name=arg.name, value=repr(items[0])) if len(items) == 1 else "")
            raise QCAInputError(sentences(one.format(What=_checks.capital(_checks.noun(what)),
                                                     value=shown(value)), fix))
        if not isinstance(value, Hashable):
            raise QCAInputError(one.format(What=_checks.capital(_checks.noun(what)),
                                           value=shown(value)))
        if value is None:
            raise QCAInputError(tr("Name the {what} column: {name}='...', one of the data's "
                                   "columns.").format(what=_checks.noun(what), name=arg.name))
        if isinstance(data, pd.DataFrame) and value not in data.columns:
            raise _checks.unknown(data, value, what)
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("an unknown name", "ZZZ"), ("a list", [arg.get(arg.name)]), ("a number", 12345),
            ("a truth table", samples.tt)]


class Columns(Kind):
    """Column names (a list) of the frame ``of``; ``None`` means the function's default."""

    title = "Column names"
    rule = ("a list of column names (a tuple or pandas Index is read as a list, one name as a "
            "list of one), each once, not the outcome, each usable in an expression")

    def __init__(self, of: str = "data", what: str = "condition", outcome: str | None = "outcome",
                 *, notation: bool = True, expressions: bool = False, optional: bool = True,
                 unknown: str | None = None):
        super().__init__(optional=optional)
        self.of, self.what, self.outcome = of, what, outcome
        self.unknown = unknown or what  # how a name not in the data is called
        self.notation, self.expressions = notation, expressions
        if expressions:
            self.rule = ("a list of column names or expressions such as 'A + ~B' (one name or "
                         "expression alone is a list of one), not the outcome")

    def needs_for(self, name):
        return tuple(p for p in (self.of, self.outcome) if p)

    def check(self, value, arg):
        name, what = arg.name, _checks.noun(self.what)  # of=None: names checked by the function
        _refuse_kit(value, arg, tr("a list of {what} names").format(what=what),
                    tr("A truth table's conditions are tt.conditions.")
                    if type(value).__name__ == "TruthTable" else "")
        if isinstance(value, str):
            value = [_checks.name_list(value, name)]
        elif isinstance(value, Mapping):
            raise QCAInputError(tr("{name} must be a list of {what} names, got a dict {value}. "
                                   "Pass the names as a list: {name}={names}.").format(
                name=name, what=what, value=repr(value), names=repr(list(value))))
        elif isinstance(value, (set, frozenset)):
            raise QCAInputError(tr("{name} must be a list of {what} names, got a set (which has "
                                   "no order). Pass a list: {name}={names}.").format(
                name=name, what=what, names=repr(sorted(map(str, value)))))
        elif isinstance(value, (list, tuple, pd.Index, pd.Series, np.ndarray)):
            value = [v.item() if isinstance(v, np.generic) else v for v in list(value)]
        else:
            raise QCAInputError(tr("{name} must be a list of {what} names, e.g. ['A', 'B'], got "
                                   "{value}.").format(name=name, what=what, value=shown(value)))
        if not value:
            raise QCAInputError(tr("{name} is empty: give at least one {what}.").format(
                name=name, what=what))
        data = arg.get(self.of) if self.of else None
        outcome = arg.get(self.outcome) if self.outcome else None
        names = self._names(value, data, name)
        if outcome is not None and outcome in names:
            item = next(v for v in value if v == outcome or (
                isinstance(v, str) and outcome in _expression_names(v)))
            rest = [v for v in value if v != item]
            raise QCAInputError(
                tr("The outcome {outcome} is also in the {what}s (as {item}): the outcome cannot "
                   "also be a {what}, since a set is trivially necessary and sufficient for "
                   "itself. Leave it out: {name}={rest}.").format(
                    outcome=repr(outcome), what=what, item=repr(item), name=name,
                    rest=repr(rest)))
        return value

    def _names(self, value, data, name) -> list:
        """The column names used (checked against ``data``), in order."""
        if not self.expressions:
            names = _checks.known_columns(data, value, self.unknown) if isinstance(
                data, pd.DataFrame) else value
            if self.notation:
                _checks.notation_names(names, self.what)
            return names
        names = []
        for item in value:
            if not isinstance(item, str) or isinstance(data, pd.DataFrame) and \
                    item in data.columns:
                _checks.notation_names([item], self.what)
            Expression(self.of)(item, _ArgLike(f"{name} item", data, self.of))
            names += _expression_names(item)
        return names

    def refused(self, arg, samples):
        good = arg.get(arg.name) or [c for c in samples.conditions]
        out = super().refused(arg, samples) + [
            ("names in one string", ", ".join(map(str, good[:2]))), ("empty", []),
            ("a nested list", [list(good)]), ("a dict", dict.fromkeys(good, 1)),
            ("a number", 12345), ("a truth table", samples.tt), ("an unknown name", ["ZZZ"])]
        if not self.expressions:
            out.append(("a name twice", [good[0], good[0]]))
        if self.outcome and arg.get(self.outcome) is not None:
            out.append(("the outcome among them", list(good) + [arg.get(self.outcome)]))
        return out

    def same(self, value, arg, samples):
        if not isinstance(value, list) or not value:
            return []
        out = [("a tuple", tuple(value)), ("a pandas Index", pd.Index(value))]
        if len(value) == 1:
            out.append(("one name alone", value[0]))
        return out


def _expression_names(text) -> list:
    from ..sets import names_in, parse

    try:
        return names_in(parse(text))
    except QCAInputError:
        return []


# ---------------------------------------------------------------------------------------------
# Expressions

#: Operators of other notations and what QCA notation writes instead.


class RawScores(Kind):
    """Raw scores of one variable: a Series (a list or 1-D array is read as one); with
    ``frames``, a DataFrame of several."""

    title = "Raw scores"

    def __init__(self, *, frames: bool = False, series: bool = False, optional: bool = False):
        super().__init__(optional=optional)
        self.frames, self.series = frames, series
        self.rule = ("a pandas Series of numbers" + ("" if series else
                                                      " (a list or 1-D array is read as one)")
                     + ("; a DataFrame for several columns" if frames else ""))

    def check(self, value, arg):
        if isinstance(value, pd.Series):
            return value
        if self.series:
            raise QCAInputError(
                tr("{function}() takes one raw variable as a pandas Series, e.g. data['GDP'] (as "
                   "a Series it keeps its name and case labels), got {value}.").format(
                    function=arg.function, value=shown(value)))
        if isinstance(value, pd.DataFrame):
            if self.frames:
                return _checks.as_frame(value, arg.name)
            raise QCAInputError(
                tr("{function}() takes one raw variable as a Series, e.g. data['GDP'], got "
                   "{value}.").format(function=arg.function, value=shown(value)))
        if isinstance(value, str):
            raise QCAInputError(
                tr("Raw scores must be one column (a pandas Series or a list of numbers), got "
                   "the text {value}. Pass the column itself, e.g. data[{value}].").format(
                    value=repr(value)))
        if kit_name(value) or isinstance(value, Mapping) or np.ndim(value) != 1:
            several = tr("For several columns pass a DataFrame and a dict of thresholds.") \
                if self.frames else ""
            raise QCAInputError(sentences(
                tr("Raw scores must be one column (a pandas Series or a list of numbers), got "
                   "{value} with {n} dimension(s).").format(
                    value=shown(value), n=np.ndim(value) if not kit_name(value) else 0),
                several))
        return pd.Series(value)

    def refused(self, arg, samples):
        out = super().refused(arg, samples) + [("text", "GDP"), ("a 2-D array", np.ones((3, 2))),
                                               ("a truth table", samples.tt)]
        if not self.frames:
            out.append(("a DataFrame", samples.frame))
        if self.series:
            out.append(("a list", [1.0, 2.0, 3.0]))
        return out

    def same(self, value, arg, samples):
        if not self.series and isinstance(value, pd.Series) and value.name is None and \
                isinstance(value.index, pd.RangeIndex) and value.index.start == 0:
            return [("a list", value.tolist())]
        return []


class Calibration(Kind):
    """``{column: anchors}``: how each column is (or was) calibrated."""

    title = "Calibration"
    rule = ("a dict {column: anchors}, anchors being (exclusion, crossover, inclusion) or "
            "thresholds")

    def __init__(self, of: str | None = None, *, optional: bool = False, functions=False,
                 entries=False):
        super().__init__(optional=optional)
        self.of, self.functions, self.entries = of, functions, entries
        if functions:
            self.rule += ", or a function f(raw_column, shift) giving memberships"
        if entries:
            self.rule += (", or {column: {'thresholds': ..., 'method': ..., 'idm': ..., "
                          "'reason': ...}}")

    def needs_for(self, name):
        return (self.of,) if self.of else ()

    def check(self, value, arg):
        name = arg.name
        if not isinstance(value, Mapping):
            raise QCAInputError(
                tr("{name} must be a dict {{column: anchors}}, e.g. {{'GDP': (2000, 5000, "
                   "10000)}}, got {value}.").format(name=name, value=shown(value)))
        data = arg.get(self.of) if self.of else None
        if isinstance(data, pd.DataFrame):
            _checks.known_columns(data, list(value), "column in the calibration")
        for column, anchors in value.items():
            if self.entries and isinstance(anchors, Mapping):
                if "thresholds" not in anchors:
                    continue  # calibration_spec() below names the keys it needs
                anchors = anchors["thresholds"]
            if self.functions and callable(anchors):
                continue
            numbers_given = finite_numbers(anchors)
            if numbers_given is None or numbers_given.size == 0:
                raise QCAInputError(
                    tr("{name}[{column}] must be anchors (exclusion, crossover, inclusion) or "
                       "thresholds, as numbers, got {value}.").format(
                        name=name, column=repr(column), value=repr(anchors)))
        if self.entries:
            from ..methods_text import calibration_spec

            calibration_spec(value)
        return value

    def refused(self, arg, samples):
        a = samples.conditions[0]
        return super().refused(arg, samples) + [
            ("anchors without a column", (1, 2, 3)), ("text", "DEV: 1, 2, 3"),
            ("text anchors", {a: "low, mid, high"}), ("a truth table", samples.tt)]


class Thresholds(Kind):
    """Calibration anchors or thresholds; for a DataFrame a dict ``{column: thresholds}``. The
    numbers themselves are checked by the calibration method."""

    title = "Thresholds"
    rule = ("(exclusion, crossover, inclusion) for direct calibration, increasing thresholds "
            "for crisp and indirect; for a DataFrame a dict {column: thresholds}")

    def __init__(self, of: str = "x", method: str = "method"):
        super().__init__()
        self.of, self.method = of, method

    def needs_for(self, name):
        return (self.of, self.method)

    def check(self, value, arg):
        x = arg.get(self.of)
        if isinstance(x, pd.DataFrame):
            if not isinstance(value, Mapping):
                raise QCAInputError(
                    tr("For a DataFrame, give thresholds as a dict {{column: thresholds}}, e.g. "
                       "{{'GDP': (2000, 5000, 10000)}}; qcakit.percentile_anchors(df) builds "
                       "one.").format())
            _checks.known_columns(x, list(value), "column")
        elif isinstance(value, Mapping):
            raise QCAInputError(
                tr("{name} is a dict, which is for a DataFrame; for one column give the "
                   "thresholds themselves, e.g. (2, 5, 8).").format(name=arg.name))
        elif finite_numbers(value) is None:
            name = getattr(x, "name", None)
            name = "x" if name is None else name
            method = arg.get(self.method)
            raise _checks.bad_thresholds(name, method, value)
        return value

    def refused(self, arg, samples):
        return [("text", "2, 5, 8"), ("None", None), ("text anchors", ("low", "mid", "high"))]


class Targets(Kind):
    """Target memberships of indirect calibration: one per group the thresholds cut."""

    title = "Target memberships"
    rule = ("indirect calibration only: one number in [0, 1] per group the thresholds cut "
            "(one more than thresholds)")

    def __init__(self, thresholds: str = "thresholds", method: str = "method"):
        super().__init__(optional=True)
        self.thresholds, self.method = thresholds, method

    def needs_for(self, name):
        return (self.thresholds, self.method)

    def check(self, value, arg):
        if arg.get(self.method) != "indirect":
            raise QCAInputError(tr("{name} only apply to method='indirect'; leave them out for "
                                   "method={method}.").format(
                name=arg.name, method=repr(arg.get(self.method))))
        thresholds = arg.get(self.thresholds)
        try:
            groups = np.atleast_1d(np.asarray(thresholds, dtype=float)).size + 1
        except (TypeError, ValueError):
            groups = None
        if isinstance(thresholds, Mapping):
            groups = None
        targets = finite_numbers(value)
        if (targets is None or not np.all((targets >= 0) & (targets <= 1))
                or groups is not None and targets.size != groups):
            if groups:
                raise QCAInputError(
                    tr("Indirect calibration: give {n} target memberships in [0, 1] (one per "
                       "group cut by {thresholds} thresholds), got {value}.").format(
                        n=groups, thresholds=groups - 1, value=repr(value)))
            raise QCAInputError(tr("Indirect calibration: give target memberships in [0, 1], "
                                   "got {value}.").format(value=repr(value)))
        return tuple(float(t) for t in targets)

    def refused(self, arg, samples):
        return [("text", ("lo", "mid", "hi")), ("out of range", (0, 2, 1)), ("text", "0, 1")]


class Shifts(Kind):
    """``{column: shifts}``: a range of shifts (numbers) per column."""

    title = "Shifts per column"
    rule = "a dict {column: list of shifts in raw units}, each list containing 0"

    def __init__(self):
        super().__init__(optional=True)

    def check(self, value, arg):
        if not isinstance(value, Mapping):
            raise QCAInputError(tr("{name} must be a dict {{column: shifts}}, e.g. "
                                   "{{'GDP': (-500, 0, 500)}}, got {value}.").format(
                name=arg.name, value=shown(value)))
        shifts = Cuts(Number(), at_least=0)  # robustness() says what an empty range lacks
        return {col: shifts(v, _ArgLike(f"{arg.name}[{col!r}]", None, ""))
                for col, v in value.items()}

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("a list", [-1, 0, 1]),
                                                ("one number per column", {"A": 2}),
                                                ("text shifts", {"A": ["-1", "0"]})]


#: The roles a calibrated column can play (they change what a score of exactly 0.5 costs).
ROLES = ("condition", "outcome")


class Roles(Kind):
    """A column's role in the analysis (``"condition"`` or ``"outcome"``, or None for not
    said); for a DataFrame also a dict ``{column: role}`` over the calibrated columns."""

    title = "Role"
    rule = ("'condition', 'outcome' or None; for a DataFrame also a dict {column: role} over "
            "the columns given thresholds")

    def __init__(self, of: str = "x", thresholds: str = "thresholds"):
        super().__init__(optional=True)
        self.of, self.thresholds = of, thresholds

    def needs_for(self, name):
        return (self.of, self.thresholds)

    def check(self, value, arg):
        if isinstance(value, Mapping) and isinstance(arg.get(self.of), pd.DataFrame):
            extra = [k for k in value if k not in (arg.get(self.thresholds) or {})]
            if extra:
                raise QCAInputError(
                    tr("{name} names {columns}, which has no thresholds: give roles only for "
                       "the columns you calibrate.").format(
                        name=arg.name, columns=", ".join(map(repr, extra))))
            for role in value.values():
                self._one(role, arg)
            return dict(value)
        return self._one(value, arg)

    @staticmethod
    def _one(value, arg):
        if value is None or (isinstance(value, str) and value in ROLES):
            return value
        raise QCAInputError(tr("{name} must be 'condition', 'outcome' or None, got "
                               "{value}.").format(name=arg.name, value=shown(value)))

    def refused(self, arg, samples):
        return [("an unknown role", "cause"), ("a number", 1), ("a list", ["condition"])]
