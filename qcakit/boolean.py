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

import numpy as np

from .errors import QCAInputError

#: Above this many conditions exact minimization asks for an explicit ``max_conditions``.
MAX_CONDITIONS = 16
#: Stop enumerating equally minimal models beyond this many (the count is reported).
MAX_MODELS = 100
#: In blocks with at most this many PIs the minimum cover size is found without the solver.
SMALL_BLOCK = 10


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


def _masks_by_size(k: int) -> list[np.ndarray]:
    """All condition subsets (bit masks), grouped by the number of conditions they fix."""
    masks = np.arange(2 ** k, dtype=np.int64)
    sizes = sum((masks >> j) & 1 for j in range(k))
    return [masks[sizes == s] for s in range(k + 1)]


def _subsumed(c_mask, c_value, pi_mask, pi_value, chunk: int = 20_000) -> np.ndarray:
    """For each candidate cube, whether a found prime implicant contains it."""
    out = np.zeros(c_mask.size, dtype=bool)
    if pi_mask.size == 0:
        return out
    for lo in range(0, c_mask.size, chunk):
        cm, cv = c_mask[lo:lo + chunk, None], c_value[lo:lo + chunk, None]
        inside = ((cm & pi_mask) == pi_mask) & ((cv & pi_mask) == pi_value)
        out[lo:lo + chunk] = inside.any(axis=1)
    return out


def prime_implicants(on, k: int, *, forbidden=None, allowed=None) -> list[tuple[int, int]]:
    """All prime implicants (as ``(mask, value)``) of the positive rows ``on``.

    Give either ``forbidden`` rows (everything else counts as allowed: parsimonious) or
    ``allowed`` rows (everything else is forbidden: complex / intermediate). ``allowed`` must
    contain ``on``. Each level (number of fixed conditions) is processed in one vectorised pass
    over all condition subsets of that size.
    """
    if (forbidden is None) == (allowed is None):
        raise ValueError("give exactly one of forbidden= or allowed=")
    on = np.unique(np.asarray(on, dtype=np.int64))
    if on.size == 0:
        return []
    if forbidden is not None:
        forbidden = np.unique(np.asarray(forbidden, dtype=np.int64))
        smallest = 0
    else:
        allowed = np.unique(np.asarray(allowed, dtype=np.int64))
        # a cube fixing s conditions holds 2^(k-s) rows, so it needs s >= k - log2(|allowed|)
        smallest = max(0, k - int(np.floor(np.log2(allowed.size))))
    span = np.int64(1) << k
    pi_mask = np.empty(0, dtype=np.int64)
    pi_value = np.empty(0, dtype=np.int64)
    for size, masks in enumerate(_masks_by_size(k)):
        if size < smallest:
            continue
        tag = np.arange(masks.size, dtype=np.int64)[:, None] * span
        cand = np.unique(tag + (on[None, :] & masks[:, None]))
        if forbidden is not None:
            if forbidden.size:
                cand = cand[~np.isin(cand, tag + (forbidden[None, :] & masks[:, None]))]
        else:
            keys, counts = np.unique(tag + (allowed[None, :] & masks[:, None]),
                                     return_counts=True)
            cand = np.intersect1d(cand, keys[counts == (1 << (k - size))], assume_unique=True)
        c_mask, c_value = masks[cand // span], cand % span
        keep = ~_subsumed(c_mask, c_value, pi_mask, pi_value)
        pi_mask = np.concatenate([pi_mask, c_mask[keep]])
        pi_value = np.concatenate([pi_value, c_value[keep]])
    return list(zip(pi_mask.tolist(), pi_value.tolist()))


def chart(pis, on) -> np.ndarray:
    """Prime-implicant chart: boolean matrix, PIs x positive rows."""
    on = np.asarray(on, dtype=np.int64)
    return np.array([cube_contains(p, on) for p in pis], dtype=bool).reshape(len(pis), on.size)


def minimal_covers(pi_chart: np.ndarray, max_models: int = MAX_MODELS):
    """All covers of the chart's columns that use the fewest rows (PIs).

    Returns ``(covers, complete)``: covers as sorted tuples of PI indices, and whether the
    enumeration finished (False when more than ``max_models`` minimal covers exist).

    Exact, in steps that never lose an equally minimal cover: columns whose PIs include all the
    PIs of another column are dropped (covering the other covers them too); the chart is split
    into independent blocks (columns linked by shared PIs); in each block, PIs that alone cover
    some column are taken (essential); the rest is solved by enumeration when small, else by
    a depth-first search (see :func:`_solve_block`). Row dominance is not applied, so no equally
    minimal model is lost.

    >>> import numpy as np
    >>> minimal_covers(np.array([[1, 1, 0], [0, 1, 1], [1, 0, 1], [0, 0, 1]], dtype=bool))
    ([(0, 1), (0, 2), (0, 3), (1, 2)], True)
    """
    pi_chart = np.asarray(pi_chart, dtype=bool)
    n_pi, n_on = pi_chart.shape
    if n_on == 0:
        return [()], True
    if not pi_chart.any(axis=0).all():
        raise ValueError("a positive row is covered by no prime implicant")
    pi_chart = pi_chart[:, _undominated_columns(pi_chart)]
    per_block, complete = [], True
    for pis, rows in _blocks(pi_chart):
        block = pi_chart[np.ix_(pis, rows)]
        essential = sorted({int(np.flatnonzero(block[:, j])[0])
                            for j in range(block.shape[1]) if block[:, j].sum() == 1})
        rest_rows = ~block[essential].any(axis=0) if essential else np.ones(len(rows), bool)
        rest_pis = [i for i in range(len(pis)) if i not in essential and block[i, rest_rows].any()]
        if rest_rows.any():
            covers, done = _solve_block(block[np.ix_(rest_pis, np.flatnonzero(rest_rows))],
                                        max_models)
            covers = [tuple(rest_pis[i] for i in c) for c in covers]
        else:
            covers, done = [()], True
        per_block.append([tuple(sorted(pis[i] for i in (*essential, *c))) for c in covers])
        complete &= done
    combined = [()]
    for covers in per_block:
        combined = [a + b for a in combined for b in covers]
        if len(combined) > max_models:
            combined, complete = combined[:max_models], False
    return sorted(tuple(sorted(c)) for c in combined), complete


def _undominated_columns(pi_chart: np.ndarray) -> np.ndarray:
    """Indices of columns to keep: drop duplicates and columns whose PI set contains another
    column's PI set."""
    sets = [int("".join("1" if v else "0" for v in pi_chart[:, j]), 2)
            for j in range(pi_chart.shape[1])]
    order = sorted(range(len(sets)), key=lambda j: (bin(sets[j]).count("1"), j))
    kept: list[int] = []
    for j in order:
        if not any(sets[i] & sets[j] == sets[i] for i in kept):
            kept.append(j)
    return np.array(sorted(kept))


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


def _minimum_size(block: np.ndarray) -> int:
    """Fewest PIs covering every column: a 0/1 integer program (HiGHS via scipy)."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    n_pi = block.shape[0]
    result = milp(c=np.ones(n_pi), integrality=np.ones(n_pi), bounds=Bounds(0, 1),
                  constraints=LinearConstraint(block.T.astype(float), lb=1, ub=np.inf))
    if not result.success:
        raise RuntimeError(f"set-cover integer program failed: {result.message}")
    return int(round(result.fun))


class _CoverSearch:
    """Depth-first search for covers of a chart with a given number of PIs.

    Branches on the uncovered column with the fewest usable PIs; in the branch of its j-th PI
    the column's earlier PIs are excluded, so every set of PIs is met at most once. A branch
    is cut when a lower bound on the PIs still needed (columns whose usable PIs are pairwise
    disjoint each need their own PI) exceeds the PIs left to choose.
    """

    def __init__(self, block: np.ndarray):
        self.cover = [sum(1 << j for j in np.flatnonzero(row).tolist()) for row in block]
        self.by_col = [sum(1 << i for i in np.flatnonzero(col).tolist()) for col in block.T]
        self.n_on = block.shape[1]

    def _columns(self, uncovered: int, usable: int):
        """Uncovered columns as (number of usable PIs, column, usable PIs), fewest first."""
        cols = []
        while uncovered:
            low = uncovered & -uncovered
            j = low.bit_length() - 1
            pis = self.by_col[j] & usable
            cols.append((pis.bit_count(), j, pis))
            uncovered ^= low
        cols.sort()
        return cols

    @staticmethod
    def _lower_bound(cols) -> int:
        """PIs still needed, at least: columns whose usable PIs are pairwise disjoint each need
        a PI of their own."""
        bound, taken = 0, 0
        for _, _, pis in cols:
            if not pis & taken:
                bound, taken = bound + 1, taken | pis
        return bound

    def find(self, size: int, limit: int) -> list[tuple[int, ...]]:
        """Up to ``limit`` covers with exactly ``size`` PIs (fewer if none of that size)."""
        found: list[tuple[int, ...]] = []

        def search(uncovered: int, usable: int, chosen: list[int]) -> None:
            if uncovered == 0:
                found.append(tuple(sorted(chosen)))
                return
            left = size - len(chosen)
            if left == 0:
                return
            cols = self._columns(uncovered, usable)
            if cols[0][0] == 0 or self._lower_bound(cols) > left:
                return
            pis = cols[0][2]
            while pis and len(found) < limit:
                i = (pis & -pis).bit_length() - 1
                pis &= pis - 1
                usable &= ~(1 << i)
                search(uncovered & ~self.cover[i], usable, chosen + [i])

        search((1 << self.n_on) - 1, (1 << len(self.cover)) - 1, [])
        return found


def _solve_block(block: np.ndarray, max_models: int):
    """All minimum covers of one block (up to ``max_models``), and whether the list is complete.

    The minimum size comes from the depth-first search itself (trying 1, 2, ... PIs) in small
    blocks, or from a 0/1 integer program (HiGHS via scipy; the R package QCA uses lp_solve the
    same way) in larger ones. The covers of that size are then listed by the depth-first search
    (:class:`_CoverSearch`).
    """
    search = _CoverSearch(block)
    if block.shape[0] <= SMALL_BLOCK:
        size = next(s for s in range(1, block.shape[0] + 1) if search.find(s, 1))
    else:
        size = _minimum_size(block)
    covers = search.find(size, max_models + 1)
    return covers[:max_models], len(covers) <= max_models
