"""One door for every argument: each public function declares the kind of each parameter.

:func:`accepts` wraps a public function (or method) with its parameter spec. Before the body
runs, every argument is checked, in dependency order, by the :mod:`~qcakit._kinds` kind declared
for it: a kind coerces only what is unambiguous (``(1, 2)`` for a list, ``2.0`` for a count) and
refuses the rest with a :class:`~qcakit.QCAInputError` naming the argument, the value and a fix
that the same function accepts. A spec must name every parameter, so a function cannot be
decorated and forget one; ``tests/test_api_inputs.py`` fails for a public function without a
spec, and ``docs/input_rules.md`` is checked against the specs there.

>>> from qcakit import _kinds as K
>>> @accepts(share=K.Cut(), flag=K.Switch())
... def f(share, flag=False):
...     return share, flag
>>> f(0.8, flag=True)
(0.8, True)
>>> f(80)
Traceback (most recent call last):
...
qcakit.errors.QCAInputError: share must lie between 0 and 1, got 80. It looks like a percentage: use 0.8.
"""
from __future__ import annotations

import difflib
import functools
import inspect
import re

from .errors import QCAInputError

#: Every function declared with :func:`accepts`, by qualified name (for tests and docs).
REGISTRY: dict = {}
_SKIPPED = ("self", "cls")


class Arg:
    """The argument a kind checks: its parameter name, the function, and all the arguments of
    the call (those checked before it already coerced)."""

    __slots__ = ("name", "function", "values", "params")

    def __init__(self, name: str, function: str, values: dict, params: tuple = ()):
        self.name, self.function, self.values, self.params = name, function, values, params

    def get(self, name):
        """The (checked) value of another argument of the same call."""
        return self.values.get(name)

    def call(self) -> str:
        """``name(p1, p2, ...)``, as a message shows the function's parameters."""
        return f"{self.function}({', '.join(self.params)})"


def _order(spec: dict, params: list) -> list:
    """Parameters in signature order, each after the parameters its kind reads (``needs``)."""
    done: list = []

    def visit(name, path=()):
        if name in done or name not in spec:
            return
        if name in path:
            raise TypeError(f"circular needs in a parameter spec: {path + (name,)}")
        for other in spec[name].needs_for(name):
            visit(other, path + (name,))
        done.append(name)

    for name in params:
        visit(name)
    return done


def accepts(**spec):
    """Declare the kind of every parameter of a public function; the kinds run before its body.

    Raises ``TypeError`` at import time when the spec and the signature disagree, so a new
    parameter cannot be left out.
    """

    def decorate(func):
        sig = inspect.signature(func)
        params = [p for p in sig.parameters if p not in _SKIPPED]
        missing = [p for p in params if p not in spec]
        extra = [p for p in spec if p not in params]
        if missing or extra:
            raise TypeError(f"parameter spec of {func.__qualname__} does not match its "
                            f"signature: missing {missing}, unknown {extra}")
        order = _order(spec, params)
        name = func.__qualname__
        shown = tuple(params)

        @functools.wraps(func)
        def checked(*args, **kwargs):
            bound = _bind(sig, name, args, kwargs)
            values = bound.arguments
            for param in order:
                kind = spec[param]
                values[param] = kind(values[param], Arg(param, name, values, shown))
            return func(*bound.args, **bound.kwargs)

        checked.__qcakit_spec__ = dict(spec)
        REGISTRY[f"{func.__module__}.{name}"] = checked
        return checked

    return decorate


def _bind(sig: inspect.Signature, name: str, args, kwargs) -> inspect.BoundArguments:
    """Bind the call, turning a misspelt or missing argument into a QCAInputError that names
    the parameters (and the closest one)."""
    try:
        bound = sig.bind(*args, **kwargs)
    except TypeError as err:
        from .i18n import sentences, tr  # here: qcakit.i18n imports this module

        params = [p for p in sig.parameters if p not in _SKIPPED]
        unknown = [k for k in kwargs if k not in sig.parameters]
        text = str(err)
        missing = re.search(r"missing a required argument: '(\w+)'", text)
        twice = re.search(r"multiple values for argument '(\w+)'", text)
        hint = ""
        if unknown:
            problem = tr("{function}() got an unexpected keyword argument {name}.").format(
                function=name, name=repr(unknown[0]))
            close = difflib.get_close_matches(unknown[0], params, n=1)
            hint = tr("Did you mean {name}=...?").format(name=close[0]) if close else ""
        elif missing:
            problem = tr("{function}() is missing the required argument {name}.").format(
                function=name, name=repr(missing.group(1)))
        elif twice:
            problem = tr("{function}() got two values for the argument {name} (by position "
                         "and by name).").format(function=name, name=repr(twice.group(1)))
        elif text == "too many positional arguments":
            problem = tr("{function}() got too many positional arguments.").format(function=name)
        else:  # Python's own words, for a case not foreseen here
            problem = tr("{function}(): {error}.").format(function=name, error=text)
        raise QCAInputError(sentences(
            problem, hint, tr("Its parameters are: {names}.").format(names=", ".join(params)))
        ) from None
    bound.apply_defaults()
    return bound


def spec_of(func) -> dict | None:
    """The parameter spec of a public function or method (None when it has none)."""
    return getattr(func, "__qcakit_spec__", None)

