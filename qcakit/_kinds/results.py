"""Kinds for the kit's own results: truth tables, solutions, other results, excluded rows,
directional expectations and settings."""
from __future__ import annotations

import numbers
import warnings
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..errors import QCAInputError, QCAWarning
from ..i18n import sentences, tr
from .base import Kind, _Any, _ArgLike, _refuse_kit, kit_name, shown
from .quantities import Count, Cut, OneOf


class TruthTableArg(Kind):
    """A truth table from :func:`qcakit.truth_table`."""

    title = "Truth table"
    rule = "a truth table from qcakit.truth_table"

    def check(self, value, arg):
        if type(value).__name__ == "TruthTable":
            return value
        fn = arg.function
        if isinstance(value, pd.DataFrame) and "OUT" in value.columns:
            raise QCAInputError(tr("{function}() takes a truth table, got a DataFrame that looks "
                                   "like a truth table's .table. Pass the truth table itself: "
                                   "{name}=tt, not tt.table.").format(function=fn, name=arg.name))
        if type(value).__name__ == "Solution":
            raise QCAInputError(tr("{function}() takes a truth table, got {value}. Its truth "
                                   "table is solution.truth_table.").format(
                function=fn, value=shown(value)))
        raise QCAInputError(tr("{function}() takes a truth table, got {value}. Give a truth "
                               "table: tt = qcakit.truth_table(data, outcome, conditions), then "
                               "{function}(tt, ...).").format(function=fn, value=shown(value)))

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("a DataFrame", samples.frame), ("a truth table's .table", samples.tt.table),
            ("a solution", samples.solution), ("text", "tt")]


class SolutionArg(Kind):
    """A solution from :func:`qcakit.minimize`, of the given types (and of one truth table)."""

    title = "Solution"
    rule = "a solution from qcakit.minimize, of the type the parameter names"

    def __init__(self, kinds=("complex", "parsimonious", "intermediate"), of_table=None, *,
                 optional: bool = False):
        super().__init__(optional=optional)
        self.kinds, self.of_table = tuple(kinds), of_table

    def needs_for(self, name):
        return (self.of_table,) if self.of_table else ()

    def check(self, value, arg):
        kinds = self.kinds
        wanted = tr("the {kinds} solution, e.g. qcakit.minimize(tt, '{first}')").format(
            kinds=tr(" or ").join(tr(k) for k in kinds), first=kinds[0])
        if type(value).__name__ != "Solution":
            text = (tr("{call}: {name} must be {wanted}, got {value} (a solution's text is "
                       "solution.expression; pass the solution itself).")
                    if isinstance(value, str) else
                    tr("{call}: {name} must be {wanted}, got {value}."))
            raise QCAInputError(text.format(call=arg.call(), name=arg.name, wanted=wanted,
                                            value=shown(value)))
        if value.kind not in kinds:
            raise QCAInputError(sentences(
                tr("{call}: {name} must be {wanted}, got {value}.").format(
                    call=arg.call(), name=arg.name, wanted=wanted, value=kit_name(value)),
                self._swapped(value, arg)))
        tt = arg.get(self.of_table) if self.of_table else None
        if tt is not None and value.truth_table is not tt:
            raise QCAInputError(
                tr("{name} was not minimized from this truth table: the solutions must be "
                   "minimized from the truth table you pass ({table}), e.g. "
                   "{name}=qcakit.minimize({table}, '{kind}').").format(
                    name=arg.name, table=self.of_table, kind=value.kind))
        return value

    def _swapped(self, value, arg) -> str:
        """A hint when another solution of the call has the type this parameter wants."""
        for other in arg.params:
            got = arg.values.get(other)
            if other != arg.name and type(got).__name__ == "Solution" and got.kind in self.kinds:
                first, second = ((self.kinds[0], value.kind) if arg.params.index(arg.name)
                                 < arg.params.index(other) else (value.kind, self.kinds[0]))
                return tr("The two look swapped: pass the {first} solution, then the {second} "
                          "one ({name} and {other}).").format(first=tr(first), second=tr(second),
                                                             name=arg.name, other=other)
        return ""

    def refused(self, arg, samples):
        out = super().refused(arg, samples) + [
            ("a truth table", samples.tt), ("an expression", samples.solution.expression),
            ("a DataFrame", samples.frame)]
        wrong = [s for k, s in samples.solutions.items() if k not in self.kinds]
        if wrong:
            out.append(("a solution of another type", wrong[0]))
        if self.of_table:
            out.append(("a solution of another truth table",
                        samples.other_solutions[self.kinds[0]]))
        return out


class Solutions(Kind):
    """A list of solutions (one solution alone is read as a list of one)."""

    title = "Solutions"
    rule = "a list of solutions from qcakit.minimize (one solution alone is a list of one)"

    def __init__(self, of_table=None):
        super().__init__()
        self.of_table = of_table

    def needs_for(self, name):
        return (self.of_table,) if self.of_table else ()

    def check(self, value, arg):
        if type(value).__name__ == "Solution":
            value = [value]
        tt = arg.get(self.of_table) if self.of_table else None
        if isinstance(value, (list, tuple)) and not value and tt is not None \
                and tt.codes("1").size == 0:
            return []  # no row coded 1: there is nothing to minimize
        if not isinstance(value, (list, tuple)) or not value:
            raise QCAInputError(
                tr("{function}() needs at least one solution in {name}, each minimized from "
                   "this truth table (qcakit.minimize(tt, ...)), got {value}; only a truth table "
                   "without rows coded 1 has none.").format(function=arg.function, name=arg.name,
                                                            value=shown(value)))
        item = SolutionArg(of_table=self.of_table)
        for i, sol in enumerate(value):
            try:
                item(sol, arg)
            except QCAInputError as err:
                raise QCAInputError(tr("{name}[{i}]: {error} (each minimized from this truth "
                                       "table)").format(name=arg.name, i=i, error=err)) from None
        return list(value)

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("empty", []), ("a truth table", samples.tt), ("a list holding text", ["A*B"]),
            ("a solution of another truth table", [samples.other_solutions["parsimonious"]])]

    def same(self, value, arg, samples):
        if isinstance(value, list) and len(value) == 1:
            return [("one solution alone", value[0]), ("a tuple", tuple(value))]
        return []


class TestSolutions(Kind):
    """Test solutions of a robustness test: a list of solutions or ``{label: solution}``, each
    found on the same cases as the solution ``of``; None stands for a setting in which
    nothing is sufficient. Read as ``{label: solution}`` (a list is labelled TS1, TS2, ...)."""

    title = "Test solutions"
    rule = ("a list of solutions from qcakit.minimize, or a dict {label: solution}, on the same "
            "cases as the initial solution (one solution alone is a list of one; None for a "
            "setting in which nothing is sufficient)")

    def __init__(self, of: str):
        super().__init__()
        self.of = of

    def needs_for(self, name):
        return (self.of,)

    def check(self, value, arg):
        if type(value).__name__ == "Solution":
            value = [value]
        if isinstance(value, Mapping):
            items = {str(label): sol for label, sol in value.items()}
        elif isinstance(value, (list, tuple)):
            items = {f"TS{i + 1}": sol for i, sol in enumerate(value)}
        else:
            raise QCAInputError(
                tr("{name} must be a list of solutions from qcakit.minimize or a dict "
                   "{{label: solution}}, got {value}.").format(name=arg.name, value=shown(value)))
        if not items:
            raise QCAInputError(tr("{name} is empty: give at least one test solution.").format(
                name=arg.name))
        initial = arg.get(self.of)
        index = initial.truth_table.data.index if type(initial).__name__ == "Solution" else None
        for label, sol in items.items():
            if sol is None:
                continue
            if type(sol).__name__ != "Solution":
                raise QCAInputError(
                    tr("{name}[{label}] must be a solution from qcakit.minimize (or None for a "
                       "setting in which nothing is sufficient), got {value}.").format(
                        name=arg.name, label=repr(label), value=shown(sol)))
            if index is not None and not sol.truth_table.data.index.equals(index):
                raise QCAInputError(
                    tr("{name}[{label}] was found on other cases than {of}; all solutions must "
                       "come from the same cases (same index).").format(
                        name=arg.name, label=repr(label), of=self.of))
        return items

    def refused(self, arg, samples):
        from ..minimize import minimize
        from ..truthtable import truth_table

        tt = samples.tt
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", QCAWarning)
            fewer = minimize(truth_table(tt.data.iloc[:-1], tt.outcome, list(tt.conditions),
                                         incl_cut=tt.incl_cut), "parsimonious")
        return super().refused(arg, samples) + [
            ("empty", []), ("an empty dict", {}), ("a truth table", samples.tt),
            ("a list holding text", ["A*B"]), ("an expression", samples.solution.expression),
            ("a solution of other cases", [fewer])]

    def same(self, value, arg, samples):
        if isinstance(value, list) and len(value) == 1:
            return [("one solution alone", value[0]), ("a tuple", tuple(value))]
        return []


class Result(Kind):
    """One of the kit's result objects, by class name, with how it is made."""

    title = "Result"

    def __init__(self, cls: str, make: str, *, optional: bool = False, table_hint: str = "",
                 short: str = "result"):
        super().__init__(optional=optional)
        self.cls, self.make, self.table_hint, self.short = cls, make, table_hint, short
        self.title = {"NecessityTable": "Necessity result", "Analysis": "Analysis",
                      "CaseTypes": "Case types"}.get(cls, cls)
        self.rule = f"the result of {make}"

    def check(self, value, arg):
        if type(value).__name__ == self.cls:
            return value
        if isinstance(value, pd.DataFrame) and self.table_hint and \
                self.table_hint in value.columns:
            raise QCAInputError(
                tr("{name} must be the result of {make} itself, got a DataFrame that looks like "
                   "its .table. Pass the result itself: {name}={short}, not {short}.table.")
                .format(name=arg.name, make=self.make, short=self.short))
        raise QCAInputError(tr("{name} must be the result of {make}, got {value}.").format(
            name=arg.name, make=self.make, value=shown(value)))

    def refused(self, arg, samples):
        out = super().refused(arg, samples) + [("text", "result"), ("a DataFrame", samples.frame)]
        if self.cls != "TruthTable":
            out.append(("a truth table", samples.tt))
        if self.cls == "NecessityTable":
            out.append(("its .table", samples.necessity.table))
        return out


def necessity_result(optional=True) -> Result:
    return Result("NecessityTable", "qcakit.necessity(data, outcome)", optional=optional,
                  table_hint="consistency", short="nec")


class Exclude(Kind):
    """Remainder rows barred as counterfactuals (``minimize(exclude=)``)."""

    title = "Excluded rows"
    rule = ("remainder rows: row numbers as in tt.complete(), expressions such as '~A*B', "
            "{row: reason}, an esa() result, or a list of these")

    def __init__(self, of: str = "truth_table"):
        super().__init__(optional=True)
        self.of = of

    def needs_for(self, name):
        return (self.of,)

    def check(self, value, arg):
        from ..minimize import _parse_exclude

        if kit_name(value) and not hasattr(value, "table") or type(value).__name__ in (
                "TruthTable", "NecessityTable"):
            raise QCAInputError(
                tr("{name} takes the remainder rows to bar, got {value}. Pass rows, e.g. "
                   "{name}=qcakit.esa(tt, contradictory=True) or {name}=[3, 5] (row numbers as in "
                   "tt.complete()), or expressions such as '~A*B'.").format(
                    name=arg.name, value=shown(value)))
        atoms = value.table.index if hasattr(value, "table") and isinstance(
            value.table, pd.DataFrame) else value
        items = atoms if isinstance(atoms, (list, tuple, set, np.ndarray, pd.Index, Mapping,
                                            pd.DataFrame)) else [atoms]
        if isinstance(items, pd.DataFrame):
            items = items.index
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (str, numbers.Integral)):
                raise QCAInputError(
                    tr("{name}: {item} is neither a row number nor an expression such as '~A*B' "
                       "(rows are numbered as in tt.complete()).").format(name=arg.name,
                                                                          item=repr(item)))
        _parse_exclude(value, arg.get(self.of))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("a solution", samples.solution), ("a truth table", samples.tt), ("a float", 2.5),
            ("True", True), ("a row that does not exist", [10 ** 6]),
            ("a list holding None", [None])]


class Directional(Kind):
    """Directional expectations of the intermediate solution."""

    title = "Directional expectations"
    rule = ("None, a dict {condition: 1, 0 or '-'}, or a list of literals such as ['A', '~B'] "
            "(unlisted conditions: no expectation)")

    def __init__(self, of: str | None = None, solution: str | None = None):
        super().__init__(optional=True)
        self.of, self.solution = of, solution

    def needs_for(self, name):
        return tuple(p for p in (self.of, self.solution) if p)

    def check(self, value, arg):
        from ..minimize import _parse_directional

        _refuse_kit(value, arg,
                    tr("directional expectations such as {{'A': 1, 'B': 0}}").format())
        if not isinstance(value, (str, Mapping)):
            items = list(value) if isinstance(value, Iterable) else [value]
            if not all(isinstance(d, str) for d in items):
                raise QCAInputError(
                    tr("{name} must be a dict such as {{'A': 1, 'B': 0, 'C': '-'}} or a list of "
                       "literals such as ['A', '~B'], got {value}.").format(name=arg.name,
                                                                           value=repr(value)))
        if self.solution and arg.get(self.solution) != "intermediate":
            raise QCAInputError(
                tr("Directional expectations only apply to solution='intermediate'; leave {name} "
                   "out for the {kind} solution.").format(name=arg.name,
                                                          kind=tr(str(arg.get(self.solution)))))
        source = arg.get(self.of) if self.of else None
        conditions = (source.conditions if type(source).__name__ == "TruthTable" else source)
        if isinstance(conditions, list):
            _parse_directional(value, conditions)
        return value

    def refused(self, arg, samples):
        a = samples.conditions[0]
        return super().refused(arg, samples) + [
            ("a number", 1), ("a list holding a number", [a, 1]), ("an unknown condition",
                                                                   {"ZZZ": 1}),
            ("a value other than 1, 0, '-'", {a: 2}), ("a truth table", samples.tt)]


class Settings(Kind):
    """A dict of truth-table settings: ``incl_cut``, ``pri_cut``, ``n_cut``, ``solution``."""

    title = "Settings"

    def __init__(self, required=(), *, optional: bool = True):
        super().__init__(optional=optional)
        self.required = tuple(required)
        self.rule = ("a dict with any of incl_cut, pri_cut, n_cut, solution"
                     + (f" (needs {', '.join(required)})" if required else ""))

    def check(self, value, arg):
        from ..minimize import SOLUTION_TYPES

        kinds = {"incl_cut": Cut(), "pri_cut": Cut(optional=True), "n_cut": Count(1),
                 "solution": OneOf(*SOLUTION_TYPES, what="solution type"),
                 "directional": _Any()}
        if not isinstance(value, Mapping):
            raise QCAInputError(tr("{name} must be a dict such as {{'incl_cut': 0.8, "
                                   "'n_cut': 1}}, got {value}.").format(name=arg.name,
                                                                        value=shown(value)))
        unknown = sorted(set(value) - set(kinds))
        missing = [k for k in self.required if k not in value]
        if unknown or missing:
            if unknown and missing:
                text = tr("{name} takes incl_cut, pri_cut, n_cut and solution, got {unknown}; it "
                          "needs {missing}.")
            elif unknown:
                text = tr("{name} takes incl_cut, pri_cut, n_cut and solution, got {unknown}.")
            else:
                text = tr("{name} takes incl_cut, pri_cut, n_cut and solution; it needs "
                          "{missing}.")
            raise QCAInputError(text.format(name=arg.name, unknown=", ".join(map(str, unknown)),
                                            missing=", ".join(missing)))
        return {k: kinds[k](v, _ArgLike(f"{arg.name}[{k!r}]", None, "")) for k, v in
                value.items()}

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("an unknown setting", {"consistency": 0.8}), ("a percentage", {"incl_cut": 85}),
            ("text", "incl_cut=0.8")]
