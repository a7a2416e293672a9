"""Result caching for the explorers: the keys under which :func:`~qcakit.explore.analyse` keeps
its results in a dict the caller owns.

Two kinds of entry share one dict:

- a *setting* (consistency, PRI and frequency cuts, solution type, directional expectations):
  the whole :class:`~qcakit.explore.Analysis` of a setting seen before;
- a *coding* (which observed rows are coded 1, 0, C or ?): the minimization depends on nothing
  else, so a new setting that codes the rows as an earlier one did reuses its solutions.

>>> settings = {"incl_cut": 0.8, "pri_cut": None, "n_cut": 1, "solution": "complex",
...             "directional": None}
>>> settings_key(settings, ["A", "B"])
('settings', ('A', 'B'), 0.8, None, 1, 'complex', None)
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..minimize import _parse_directional


def settings_key(settings: Mapping, conditions) -> tuple | None:
    """Hashable key of one setting of the cuts (None when ``directional`` is not hashable)."""
    directional = settings["directional"]
    try:
        if isinstance(directional, Mapping):
            directional = tuple(sorted((str(k), str(v)) for k, v in directional.items()))
        elif directional is not None and not isinstance(directional, str):
            directional = tuple(str(d) for d in directional)
        key = ("settings", None if conditions is None else tuple(conditions),
               settings["incl_cut"], settings["pri_cut"], settings["n_cut"],
               settings["solution"], directional)
        hash(key)
    except TypeError:
        return None
    return key


def coding_key(tt, settings: Mapping) -> tuple:
    """Key of a truth table's coding: solution type, directional expectations and OUT by row."""
    directional = settings["directional"]
    if directional is not None:
        directional = tuple(sorted(_parse_directional(directional, tt.conditions).items(),
                                   key=lambda kv: kv[0]))
    # The OUT code of every observed row: for one data set this fixes which rows are coded
    # 1, 0 and C (rows coded "?" count as remainders), all that minimization depends on.
    table = tt.table
    return (settings["solution"], directional, tuple(tt.conditions),
            tuple(zip(table.index.tolist(), table["OUT"].tolist())))


def cached_solutions(cache: dict | None, key: tuple, tt):
    """The (solution, parsimonious, chart, parameters) kept under ``key``, re-attached to the
    truth table ``tt`` of the new setting; None when the coding was not seen."""
    if cache is None or key not in cache:
        return None
    sol, pars, chart, params = cache[key]
    sol = dataclasses.replace(sol, truth_table=tt)
    pars = sol if pars.kind == sol.kind else dataclasses.replace(pars, truth_table=tt)
    return sol, pars, chart, params
