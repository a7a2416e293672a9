"""Boolean minimization of a truth table: complex, parsimonious and intermediate solutions.

- **complex** (conservative): only the positive rows (OUT = 1) are minimized; no remainder is
  assumed to produce the outcome.
- **parsimonious**: any remainder may be used where it simplifies (a *simplifying assumption*);
  rows with OUT = 0 (and contradictions "C") may not.
- **intermediate** (Ragin & Sonnett 2005; Ragin 2008, ch. 9): only *easy counterfactuals* are
  used: remainders that the parsimonious solution uses and that lie in the direction of the
  directional expectations from a term of the complex solution. As in the R package QCA
  (``getEC``), for every pair of a complex model and a parsimonious model, and every complex term
  that is a subset of a parsimonious term, the complex term's literals that the parsimonious term
  drops *and* that contradict an expectation are freed (the counterfactual with the condition at
  its expected value is easy). The parsimonious model's remainders inside the freed cubes are the
  easy counterfactuals; the positive rows plus those are minimized again and the chart is solved
  against the positive rows. Conditions without an expectation (``"-"``) are never freed.
  Remainders the parsimonious model uses but that are not easy are the *difficult*
  counterfactuals. Every (complex, parsimonious) pair is tried, complex models outermost.

Minimization is exact (see :mod:`qcakit.boolean`): all prime implicants, and every model with the
fewest prime implicants, so model ambiguity is shown rather than hidden.

>>> import pandas as pd
>>> from qcakit import truth_table
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]})
>>> tt = truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
>>> minimize(tt, "complex").expression
'A'
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _checks, boolean
from .errors import QCAInputError
from .solution import Solution
from .truthtable import TruthTable, bits_of

SOLUTION_TYPES = ("complex", "parsimonious", "intermediate")


def _term(cube, conditions):
    k = len(conditions)
    return tuple((conditions[j], v) for j, v in boolean.cube_literals(cube, k))


def _sort_key(cube, k):
    return (len(boolean.cube_literals(cube, k)),
            [(j, 1 - v) for j, v in boolean.cube_literals(cube, k)])


def _rows_frame(codes, conditions) -> pd.DataFrame:
    k = len(conditions)
    codes = sorted(int(c) for c in codes)
    return pd.DataFrame([bits_of(c, k) for c in codes], columns=conditions,
                        index=pd.Index([c + 1 for c in codes], name="row"))


def parse_directional(directional, conditions) -> dict:
    """Normalise directional expectations to ``{condition: 1, 0 or '-'}``.

    Accepts a dict (values 1 / 0 / "-", or "present" / "absent"), or a list of literals such as
    ``["A", "~B"]`` (conditions not listed have no expectation).
    """
    out = {c: "-" for c in conditions}
    if directional is None:
        return out
    if isinstance(directional, str):
        directional = [d.strip() for d in directional.split(",") if d.strip()]
    if isinstance(directional, Mapping):
        items = directional.items()
    else:
        items = [(d.lstrip("~").strip(), 0 if d.strip().startswith("~") else 1)
                 for d in directional]
    words = {"present": 1, "absent": 0, "either": "-", "-": "-", 1: 1, 0: 0, True: 1, False: 0}
    for cond, value in items:
        if cond not in out:
            raise QCAInputError(
                f"Directional expectation for {cond!r}, which is not a condition of this truth "
                f"table ({', '.join(conditions)})."
            )
        key = value.lower() if isinstance(value, str) else value
        if key not in words:
            raise QCAInputError(
                f"Directional expectation for {cond!r} must be 1 (present), 0 (absent) or '-' "
                f"(no expectation), got {value!r}."
            )
        out[cond] = words[key]
    return out


def _covers(k, on, pis, max_models):
    ordered = sorted(pis, key=lambda p: _sort_key(p, k))
    chart = boolean.chart(ordered, on)
    covers, complete = boolean.minimal_covers(chart, max_models)
    models = [[ordered[i] for i in cover] for cover in covers]
    models.sort(key=lambda m: (sum(len(boolean.cube_literals(p, k)) for p in m),
                               [_sort_key(p, k) for p in m]))
    essential = [ordered[i] for i in range(len(ordered))
                 if any(chart[i, j] and chart[:, j].sum() == 1 for j in range(len(on)))]
    return ordered, models, essential, complete


def _rows_in(cubes, k) -> np.ndarray:
    all_rows = np.arange(2 ** k, dtype=np.int64)
    inside = np.zeros(all_rows.size, dtype=bool)
    for cube in cubes:
        inside |= boolean.cube_contains(cube, all_rows)
    return all_rows[inside]


def _contains(outer, inner) -> bool:
    """True when cube ``inner`` is a subset of cube ``outer`` (outer's literals all in inner)."""
    return (inner[0] & outer[0]) == outer[0] and (inner[1] & outer[0]) == outer[1]


def _easy_region(complex_cube, pars_cube, expectations: list, k: int):
    """The complex term with the literals freed that the parsimonious term drops and an
    expectation contradicts (R package QCA, ``getEC``, individual expectations)."""
    mask, value = complex_cube
    for j, v in boolean.cube_literals(complex_cube, k):
        bit = 1 << (k - 1 - j)
        e = expectations[j]
        if not pars_cube[0] & bit and e != "-" and v != e:
            mask &= ~bit
    return mask, value & mask


def minimize(
    truth_table: TruthTable,
    solution: str = "complex",
    directional=None,
    *,
    include_contradictions: bool = False,
    max_conditions: int | None = None,
    max_models: int = boolean.MAX_MODELS,
) -> Solution:
    """Minimize a truth table (see the module docstring for the three solution types).

    Parameters
    ----------
    truth_table : a :class:`~qcakit.truthtable.TruthTable` from :func:`qcakit.truth_table`.
    solution : "complex", "parsimonious" or "intermediate".
    directional : intermediate solutions only; ``{condition: 1 | 0 | "-"}`` or a list of
        literals such as ``["A", "~B"]``. Unlisted conditions have no expectation.
    include_contradictions : treat "C" rows as remainders instead of excluding them.
    max_conditions : raise the guard (16) on the number of conditions.
    max_models : stop listing equally minimal models beyond this many (and say so).
    """
    if not isinstance(truth_table, TruthTable):
        raise QCAInputError(
            "minimize() takes a truth table: tt = qcakit.truth_table(data, outcome, conditions), "
            "then qcakit.minimize(tt, ...)."
        )
    if solution not in SOLUTION_TYPES:
        raise QCAInputError(
            f"Unknown solution type {solution!r}: use one of {', '.join(SOLUTION_TYPES)}."
        )
    if directional is not None and solution != "intermediate":
        raise QCAInputError(
            "Directional expectations only apply to solution='intermediate'."
        )
    tt = truth_table
    conditions = list(tt.conditions)
    k = len(conditions)
    _checks.minimize_arguments(tt, directional, include_contradictions, max_conditions, max_models)
    boolean.check_size(k, max_conditions)
    on = tt.codes("1")
    if on.size == 0:
        raise QCAInputError(
            f"No truth-table row has OUT = 1 ({tt.settings}), so there is nothing to "
            "minimize. Look at tt.table: lower the consistency or PRI cut only if you can "
            "justify it, or conclude that no configuration is sufficient."
        )
    off = tt.codes("0")
    contra = tt.codes("C")
    forbidden = off if include_contradictions else np.concatenate([off, contra])
    observed = set(on.tolist()) | set(forbidden.tolist())

    if solution == "complex":
        allowed = np.concatenate([on, contra]) if include_contradictions else on
        pis = boolean.prime_implicants(on, k, allowed=allowed)
        ordered, models, essential, complete = _covers(k, on, pis, max_models)
        return Solution("complex", tt, [[_term(p, conditions) for p in m] for m in models],
                        [_term(p, conditions) for p in ordered],
                        [_term(p, conditions) for p in essential], complete)

    pars = boolean.prime_implicants(on, k, forbidden=forbidden)
    p_ordered, p_models, p_essential, p_complete = _covers(k, on, pars, max_models)
    if solution == "parsimonious":
        sa = [c for c in _rows_in(p_models[0], k) if c not in observed]
        return Solution("parsimonious", tt, [[_term(p, conditions) for p in m] for m in p_models],
                        [_term(p, conditions) for p in p_ordered],
                        [_term(p, conditions) for p in p_essential], p_complete,
                        simplifying_assumptions=_rows_frame(sa, conditions))

    expectations_map = parse_directional(directional, conditions)
    expectations = [expectations_map[c] for c in conditions]
    allowed = np.concatenate([on, contra]) if include_contradictions else on
    c_pis = boolean.prime_implicants(on, k, allowed=allowed)
    _, c_models, _, c_complete = _covers(k, on, c_pis, max_models)

    models, seen, parents, solved = [], set(), {}, {}
    all_pis, all_essential, easy_all, difficult_all = [], [], set(), set()
    complete = c_complete and p_complete
    assumptions = [set(_rows_in(p_model, k).tolist()) - observed for p_model in p_models]
    for c_model in c_models:
        for p_model, sa in zip(p_models, assumptions):
            regions = [_easy_region(c, p, expectations, k)
                       for c in c_model for p in p_model if _contains(p, c)]
            easy = sa & set(_rows_in(regions, k).tolist())
            easy_all |= easy
            difficult_all |= sa - easy
            key = frozenset(easy)
            if key not in solved:  # pairs of models often free the same counterfactuals
                allowed_i = np.concatenate([allowed, np.fromiter(easy, dtype=np.int64,
                                                                 count=len(easy))])
                solved[key] = _covers(k, on, boolean.prime_implicants(on, k, allowed=allowed_i),
                                      max_models)
            i_ordered, i_models, i_essential, i_complete = solved[key]
            complete = complete and i_complete
            for cube in i_ordered:
                if cube not in all_pis:
                    all_pis.append(cube)
            all_essential += [c for c in i_essential if c not in all_essential]
            for model in i_models:
                key = tuple(model)
                if key in seen:
                    continue
                seen.add(key)
                models.append(model)
                for cube in model:
                    parents.setdefault(_term(cube, conditions), set()).update(
                        _term(p, conditions) for p in p_model if _contains(p, cube)
                    )
    difficult_all -= easy_all
    notes = []
    if all(e == "-" for e in expectations):
        notes.append("No directional expectations were given, so no counterfactual is easy "
                     "and the intermediate solution equals the complex one.")
    expect_str = ", ".join(f"{c}: {'-' if e == '-' else ('present' if e else 'absent')}"
                           for c, e in zip(conditions, expectations))
    notes.append(f"Directional expectations: {expect_str}.")
    return Solution(
        "intermediate", tt, [[_term(p, conditions) for p in m] for m in models],
        [_term(p, conditions) for p in all_pis], [_term(p, conditions) for p in all_essential],
        complete, directional=expectations_map,
        easy_counterfactuals=_rows_frame(easy_all, conditions),
        difficult_counterfactuals=_rows_frame(difficult_all, conditions),
        parents={t: sorted(p) for t, p in parents.items()}, notes=notes,
    )
