"""What every kind shares: the base :class:`Kind`, and how values are named in messages."""
from __future__ import annotations

import numbers
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..errors import QCAInputError
from ..i18n import sentences, tr, tr_later

#: How messages name the kit's results, by class name.
KIT_NAMES = {"TruthTable": tr_later("a truth table"),
             "NecessityTable": tr_later("a necessity table"),
             "Exclusions": tr_later("an esa() result (Exclusions)"),
             "Analysis": tr_later("an explore.analyse() result"),
             "Fit": tr_later("a fit table (qcakit.evaluate)")}


def kit_name(value) -> str | None:
    """'a truth table', 'a parsimonious solution', ... for the kit's own results, else None."""
    cls = type(value)
    if not cls.__module__.startswith("qcakit"):
        return None
    if cls.__name__ == "Solution":
        return tr("a {kind} solution").format(kind=tr(value.kind))
    if cls.__name__ in KIT_NAMES:
        return tr(KIT_NAMES[cls.__name__])
    return tr("a {name} result").format(name=cls.__name__)


def shown(value) -> str:
    """A value as a message quotes it: short, with its type where the repr hides it."""
    kit = kit_name(value)
    if kit:
        return kit
    if isinstance(value, pd.DataFrame):
        return tr("a DataFrame ({rows} rows x {columns} columns)").format(
            rows=value.shape[0], columns=value.shape[1])
    if isinstance(value, (pd.Series, np.ndarray)):
        return tr("a {type} of {n} values").format(type=type(value).__name__, n=len(value))
    text = repr(value)
    text = text if len(text) <= 80 else text[:77] + "..."
    if isinstance(value, (str, bool, numbers.Number)) or value is None:
        return text
    return f"{type(value).__name__} {text}"


def finite_numbers(value) -> np.ndarray | None:
    """``value`` (a number or a flat list of numbers) as a float array, or None when it holds
    text, booleans, NaN or infinity (numpy would read "2" as 2.0 without a word)."""
    items = value if isinstance(value, (list, tuple, np.ndarray, pd.Series, pd.Index)) else [value]
    if isinstance(value, (str, bytes, Mapping)) or kit_name(value) or not all(
            isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_)) for v in
            np.asarray(items, dtype=object).ravel()):
        return None
    out = np.atleast_1d(np.asarray(value, dtype=float))
    return out if out.ndim == 1 and np.all(np.isfinite(out)) else None


def _as_float(text: str):
    """``text`` as a float, or the text itself when it is not a number."""
    try:
        return float(text)
    except ValueError:
        return text


def _source_names(source):
    """The names an expression may use: a DataFrame's columns or a truth table's conditions."""
    if isinstance(source, pd.DataFrame):
        return source.columns
    if type(source).__name__ == "TruthTable":
        return pd.Index(source.conditions)
    return None


class Kind:
    """One kind of argument: ``title`` and ``rule`` for the docs, :meth:`check` for the value."""

    title = "Value"
    rule = ""

    def __init__(self, *, optional: bool = False):
        self.optional = optional

    def needs_for(self, name: str) -> tuple:
        """The other parameters this check reads (they are checked first)."""
        return ()

    def __call__(self, value, arg):
        if value is None and self.optional:
            return None
        return self.check(value, arg)

    def check(self, value, arg):
        return value

    def refused(self, arg, samples) -> list:
        """(label, value) pairs this kind must refuse in this call."""
        return [] if self.optional else [("None", None)]

    def same(self, value, arg, samples) -> list:
        """(label, value) pairs that must give the same result as ``value``."""
        return []


def _refuse_kit(value, arg, wanted: str, fix: str = "") -> None:
    """Refuse one of the kit's results given where ``wanted`` is expected."""
    kit = kit_name(value)
    if kit:
        raise QCAInputError(sentences(tr("{name} must be {wanted}, got {value}.").format(
            name=arg.name, wanted=wanted, value=kit), fix))


class _ArgLike:
    """A stand-in :class:`~qcakit._spec.Arg` for checking one item of a list."""

    def __init__(self, name, source, of):
        self.name, self.function, self.params = name, "", ()
        self.values = {of: source}

    def get(self, name):
        return self.values.get(name)


class _Any(Kind):
    def __init__(self):
        super().__init__(optional=True)
