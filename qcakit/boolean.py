"""Exact two-level Boolean minimization on bit-encoded truth-table rows.

A row (minterm) of k conditions is an int whose bit ``k-1-j`` is condition j (first condition
most significant, as in row ids). A *cube* (an implicant, a conjunction of literals) is a pair
``(mask, value)``: the conditions it fixes, and their values.

:func:`prime_implicants` finds every prime implicant covering at least one positive row. It
searches the condition subsets by increasing size, in the spirit of Dusa's Consistency Cubes
(2018): for each subset, the candidate cubes are the projections of the positive rows; a
candidate is an implicant when it contains no forbidden row (parsimonious solution: the negative
and contradictory rows), or when every one of its ``2^(k-s)`` rows is allowed (complex and
intermediate solutions: positive rows plus chosen counterfactuals). A candidate not contained
in a prime implicant found at a smaller size is itself prime. The cost is about ``2^k`` numpy
passes over the observed rows, independent of the number of remainders.

:func:`minimal_covers` then solves the prime-implicant chart exactly: all covers with the
fewest prime implicants (model ambiguity is reported, not hidden).

>>> pis = prime_implicants(on=[0b11, 0b10], k=2, allowed=[0b11, 0b10])
>>> [cube_string(p, ["A", "B"]) for p in pis]
['A']
"""
from __future__ import annotations

from itertools import combinations

import numpy as np

from .errors import QCAInputError

#: Above this many conditions exact minimization asks for an explicit ``max_conditions``.
MAX_CONDITIONS = 16
#: Stop enumerating equally minimal models beyond this many (the count is reported).
MAX_MODELS = 100


def cube_literals(cube, k: int) -> list[tuple[int, int]]:
    """``[(condition index, value), ...]`` of a cube."""
    mask, value = cube
    return [(j, (value >> (k - 1 - j)) & 1) for j in range(k) if (mask >> (k - 1 - j)) & 1]


def cube_string(cube, names) -> str:
    k = len(names)
    lits = cube_literals(cube, k)
    return "*".join(names[j] if v else f"~{names[j]}" for j, v in lits) or "1"


def cube_contains(cube, rows: np.ndarray) -> np.ndarray:
    mask, value = cube
    return (np.asarray(rows, dtype=np.int64) & mask) == value


def check_size(k: int, max_conditions: int | None) -> None:
    limit = MAX_CONDITIONS if max_conditions is None else max_conditions
    if k > limit:
        raise QCAInputError(
            f"Exact minimization of {k} conditions searches 2^{k} = {2 ** k:,} condition "
            f"subsets; above {limit} conditions that can take minutes to hours. Reduce the "
            f"conditions (theory, necessity, two-step QCA), or pass max_conditions={k} to try "
            "anyway."
        )


def prime_implicants(on, k: int, *, forbidden=None, allowed=None) -> list[tuple[int, int]]:
    """All prime implicants (as ``(mask, value)``) of the positive rows ``on``.

    Give either ``forbidden`` rows (everything else counts as allowed: parsimonious) or
    ``allowed`` rows (everything else is forbidden: complex / intermediate). ``allowed`` must
    contain ``on``.
    """
    if (forbidden is None) == (allowed is None):
        raise ValueError("give exactly one of forbidden= or allowed=")
    on = np.unique(np.asarray(on, dtype=np.int64))
    if on.size == 0:
        return []
    if forbidden is not None:
        forbidden = np.unique(np.asarray(forbidden, dtype=np.int64))
        smallest = 1
    else:
        allowed = np.unique(np.asarray(allowed, dtype=np.int64))
        # a cube fixing s conditions holds 2^(k-s) rows, so it needs s >= k - log2(|allowed|)
        smallest = max(1, k - int(np.floor(np.log2(allowed.size))))
    pi_mask = np.empty(0, dtype=np.int64)
    pi_value = np.empty(0, dtype=np.int64)
    found: list[tuple[int, int]] = []
    bit = [1 << (k - 1 - j) for j in range(k)]
    for size in range(smallest, k + 1):
        new_m, new_v = [], []
        for subset in combinations(range(k), size):
            mask = sum(bit[j] for j in subset)
            cand = np.unique(on & mask)
            if forbidden is not None:
                cand = cand[~np.isin(cand, forbidden & mask)]
            else:
                keys, counts = np.unique(allowed & mask, return_counts=True)
                cand = np.intersect1d(cand, keys[counts == (1 << (k - size))])
            if cand.size and pi_mask.size:
                inside = (pi_mask & mask) == pi_mask
                if inside.any():
                    pm, pv = pi_mask[inside], pi_value[inside]
                    covered = ((cand[:, None] & pm[None, :]) == pv[None, :]).any(axis=1)
                    cand = cand[~covered]
            for v in cand.tolist():
                new_m.append(mask)
                new_v.append(v)
        if new_m:
            found.extend(zip(new_m, new_v))
            pi_mask = np.concatenate([pi_mask, np.asarray(new_m, dtype=np.int64)])
            pi_value = np.concatenate([pi_value, np.asarray(new_v, dtype=np.int64)])
    return found


def chart(pis, on) -> np.ndarray:
    """Prime-implicant chart: boolean matrix, PIs x positive rows."""
    on = np.asarray(on, dtype=np.int64)
    return np.array([cube_contains(p, on) for p in pis], dtype=bool).reshape(len(pis), on.size)


def minimal_covers(pi_chart: np.ndarray, max_models: int = MAX_MODELS):
    """All covers of the chart's columns that use the fewest rows (PIs).

    Returns ``(covers, complete)``: covers as sorted tuples of PI indices, and whether the
    enumeration finished (False when more than ``max_models`` minimal covers exist).

    The chart is split into independent blocks (positive rows linked by shared PIs); each block
    is solved exactly by integer programming, listing every cover of minimum size (see
    :func:`_solve_block`). Row dominance is not applied, so no equally minimal model is lost.
    Beyond ``max_models`` covers the list stops and is reported as incomplete.

    >>> import numpy as np
    >>> minimal_covers(np.array([[1, 1, 0], [0, 1, 1], [1, 0, 1], [0, 0, 1]], dtype=bool))
    ([(0, 1), (0, 2), (0, 3), (1, 2)], True)
    """
    n_pi, n_on = pi_chart.shape
    if n_on == 0:
        return [()], True
    if not pi_chart.any(axis=0).all():
        raise ValueError("a positive row is covered by no prime implicant")
    blocks = _blocks(pi_chart)
    per_block, complete = [], True
    for pis, rows in blocks:
        covers, done = _solve_block(pi_chart[np.ix_(pis, rows)], max_models)
        per_block.append([tuple(sorted(pis[i] for i in cover)) for cover in covers])
        complete &= done
    combined = [()]
    for covers in per_block:
        combined = [a + b for a in combined for b in covers]
        if len(combined) > max_models:
            combined, complete = combined[:max_models], False
    return sorted(tuple(sorted(c)) for c in combined), complete


def _blocks(pi_chart: np.ndarray):
    """Independent sub-charts: lists of (PI indices, row indices)."""
    n_pi, n_on = pi_chart.shape
    parent = list(range(n_on))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i in range(n_pi):
        cols = np.flatnonzero(pi_chart[i]).tolist()
        for j in cols[1:]:
            parent[find(j)] = find(cols[0])
    groups: dict = {}
    for j in range(n_on):
        groups.setdefault(find(j), []).append(j)
    out = []
    for rows in groups.values():
        pis = np.flatnonzero(pi_chart[:, rows].any(axis=1)).tolist()
        out.append((pis, rows))
    return out


def _solve_block(block: np.ndarray, max_models: int):
    """All minimum covers of one block (up to ``max_models``), and whether the list is complete.

    Each cover comes from a 0/1 integer program (HiGHS, via scipy; the R package QCA uses
    lp_solve the same way): minimise the number of PIs subject to every row being covered.
    After each cover is found, a cut forbids exactly that set and the program is solved again,
    until the optimum grows (no further cover of minimum size) or the cap is reached.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    n_pi, n_on = block.shape
    if n_pi == 1:
        return [(0,)], True
    rows = [block.T.astype(float)]
    lower = [np.ones(n_on)]
    upper = [np.full(n_on, np.inf)]
    found: list = []
    size = None
    while len(found) <= max_models:
        result = milp(
            c=np.ones(n_pi),
            constraints=LinearConstraint(np.vstack(rows), np.concatenate(lower),
                                         np.concatenate(upper)),
            integrality=np.ones(n_pi),
            bounds=Bounds(0, 1),
        )
        if result.status == 2:  # infeasible: every cover has been cut
            return found, True
        if not result.success:
            raise RuntimeError(f"set-cover integer program failed: {result.message}")
        chosen = tuple(int(i) for i in np.flatnonzero(result.x > 0.5))
        if size is None:
            size = len(chosen)
        if len(chosen) > size:
            return found, True
        if len(found) == max_models:
            return found, False
        found.append(chosen)
        cut = np.zeros((1, n_pi))
        cut[0, list(chosen)] = 1
        rows.append(cut)
        lower.append(np.array([-np.inf]))
        upper.append(np.array([size - 1.0]))
    return found, False
