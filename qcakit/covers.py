"""Exact solution of the prime-implicant chart: all covers with the fewest prime implicants.

The chart (from :func:`qcakit.boolean.chart`) is a boolean matrix, prime implicants x positive
rows. :func:`minimal_covers` returns every cover of minimum size, up to ``max_models`` of them
(model ambiguity is reported, not hidden): the chart is split into independent blocks, each block
solved among its undominated PIs by a depth-first search or, past a budget, by integer programs
(scipy's ``milp``), and the models with dominated PIs are added back.

>>> import numpy as np
>>> covers, complete = minimal_covers(np.array([[1, 1, 0], [0, 1, 1], [0, 0, 1]], dtype=bool))
>>> covers, complete
([(0, 1), (0, 2)], True)
"""
from __future__ import annotations

from itertools import product

import numpy as np

#: Stop enumerating equally minimal models beyond this many (the count is reported).
MAX_MODELS = 100
#: In blocks with at most this many PIs the minimum cover size is found without the solver.
SMALL_BLOCK = 10
#: Nodes the depth-first cover search may visit before integer programs take over.
SEARCH_BUDGET = 5_000


def minimal_covers(pi_chart: np.ndarray, max_models: int = MAX_MODELS):
    """All covers of the chart's columns that use the fewest rows (PIs).

    Returns ``(covers, complete)``: covers as sorted tuples of PI indices, and whether the
    enumeration finished (False when more than ``max_models`` minimal covers exist).

    Exact, in steps that never lose an equally minimal cover: columns whose PIs include all the
    PIs of another column are dropped (covering the other covers them too); the chart is split
    into independent blocks (columns linked by shared PIs); in each block, PIs that alone cover
    some column are taken (essential); the rest is searched among the PIs that no other PI
    dominates (covers a proper superset of its columns), and every exchange of a PI for one it
    dominates that still covers the chart is then added back (see :func:`_solve_block`). So row
    dominance speeds the search up but no equally minimal model is lost: models with dominated
    PIs are listed, as in the R package QCA with its default ``row.dom = FALSE``.

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


def _within(patterns: np.ndarray) -> np.ndarray:
    """``[p, q]``: the columns of PI ``p`` are among those of PI ``q`` (True on the diagonal)."""
    b = patterns.astype(np.int32)
    return (b @ (1 - b).T) == 0


def _bitmask(row) -> int:
    """The columns of one chart row as the bits of an integer."""
    return sum(1 << j for j in np.flatnonzero(row).tolist())


def _with_dominated(bits: list, within: np.ndarray, cover: list, limit: int) -> list:
    """``cover`` and every cover made from it by putting, in place of some of its PIs, PIs
    whose columns are a subset of theirs (up to ``limit`` covers). ``bits``: each PI's columns
    as a bit mask; ``within``: see :func:`_within`.

    Why this lists every minimum cover of the chart when it is applied to every minimum cover
    of its undominated PIs: in a minimum cover, replace each dominated PI by an undominated PI
    that contains it. The result still covers every column, and it still has as many PIs (two
    replacements landing on one PI would give a smaller cover), so it is one of those covers.
    """
    found: dict = {}
    # the PIs with the fewest alternatives first, so the last positions, where the check below
    # is strictest, hold those with the most
    cover = sorted(cover, key=lambda q: int(within[:, q].sum()))
    options = [np.flatnonzero(within[:, q]).tolist() for q in cover]
    rest = [0] * (len(cover) + 1)   # columns covered by the original PIs from position t on
    for t in range(len(cover) - 1, -1, -1):
        rest[t] = rest[t + 1] | bits[cover[t]]
    everything = rest[0]            # a cover: every column of the chart

    def place(t: int, covered: int, chosen: list) -> None:
        if t == len(options):
            found.setdefault(tuple(sorted(chosen)), None)
            return
        for p in options[t]:
            now = covered | bits[p]
            if p not in chosen and now | rest[t + 1] == everything:
                place(t + 1, now, chosen + [p])
                if len(found) >= limit:
                    return

    place(0, 0, [])
    return list(found)


class _CoverSearch:
    """Depth-first search for covers of a chart with a given number of PIs.

    Branches on the uncovered column with the fewest usable PIs, trying its PIs that cover the
    most uncovered columns first; in the branch of its j-th PI the column's earlier PIs are
    excluded, so every set of PIs is met at most once. A branch is cut when the PIs left to
    choose cannot cover the uncovered columns (see :meth:`_too_few`).
    """

    def __init__(self, block: np.ndarray):
        self.block = np.asarray(block, dtype=bool)
        self.cover = [_bitmask(row) for row in block]

    @staticmethod
    def _too_few(sub: np.ndarray, left: int) -> bool:
        """Whether ``left`` more PIs cannot cover the columns of ``sub`` (usable PIs x uncovered
        columns). Two lower bounds on the PIs still needed: a column whose best PI covers m
        uncovered columns needs at least 1/m of a PI (so the sum of 1/m over the columns is a
        bound); and columns with pairwise disjoint usable PIs each need a PI of their own."""
        counts = sub.sum(axis=1)
        if (1.0 / (sub * counts[:, None]).max(axis=0)).sum() > left + 1e-9:
            return True
        if left >= sub.shape[1]:
            return False
        disjoint, taken = 0, np.zeros(sub.shape[0], dtype=bool)
        for j in np.argsort(sub.sum(axis=0), kind="stable"):
            if not (sub[:, j] & taken).any():
                disjoint, taken = disjoint + 1, taken | sub[:, j]
                if disjoint > left:
                    return True
        return False

    def find(self, size: int, limit: int, budget: int | None = None, enough=None):
        """Up to ``limit`` covers with exactly ``size`` PIs (fewer if none of that size), and
        whether the search went through every branch (not stopped by ``budget`` nodes, None: no
        budget, nor by ``enough``, a function told of each cover found that returns True when
        the caller has enough)."""
        block = self.block
        found: list[tuple[int, ...]] = []
        nodes = 0

        def add(cover: tuple) -> None:
            found.append(cover)
            if enough is not None and enough(cover):
                raise _Stop
            if len(found) >= limit:
                raise _Stop

        def search(uncovered: np.ndarray, usable: np.ndarray, chosen: list[int]) -> None:
            nonlocal nodes
            if not uncovered.any():
                add(tuple(sorted(chosen)))
                return
            left = size - len(chosen)
            if left == 0:
                return
            nodes += 1
            if budget is not None and nodes > budget:
                raise _Stop
            rows = np.flatnonzero(usable)
            sub = block[np.ix_(rows, np.flatnonzero(uncovered))]
            if left == 1:  # the last PI must cover every uncovered column by itself
                for i in rows[sub.all(axis=1)].tolist():
                    add(tuple(sorted(chosen + [i])))
                return
            per_column = sub.sum(axis=0)
            if per_column.min() == 0 or self._too_few(sub, left):
                return
            column = sub[:, int(np.argmin(per_column))]
            pis = rows[column][np.argsort(-sub[column].sum(axis=1), kind="stable")]
            usable = usable.copy()
            for i in pis.tolist():
                usable[i] = False
                search(uncovered & ~block[i], usable.copy(), chosen + [i])

        try:
            search(np.ones(block.shape[1], dtype=bool), np.ones(block.shape[0], dtype=bool), [])
        except _Stop:
            return found, False
        return found, True

    def swaps(self, covers: list, limit: int) -> list:
        """``covers`` and the covers reachable from them by exchanging one PI for another
        (breadth first), up to ``limit`` in all. Exchanges keep the number of PIs, so from
        minimum covers they reach only minimum covers; they need not reach all of them."""
        everything = (1 << self.block.shape[1]) - 1
        seen = dict.fromkeys(covers)
        queue = list(covers)
        while queue and len(seen) < limit:
            cover = queue.pop(0)
            for p in cover:
                rest = 0
                for q in cover:
                    if q != p:
                        rest |= self.cover[q]
                needed = everything & ~rest
                for q, bits in enumerate(self.cover):
                    if q in cover or bits & needed != needed:
                        continue
                    new = tuple(sorted((*[r for r in cover if r != p], q)))
                    if new not in seen:
                        seen[new] = None
                        queue.append(new)
                        if len(seen) >= limit:
                            return list(seen)
        return list(seen)


class _Stop(Exception):
    """The depth-first search stops: budget used up, or enough covers found."""


def _more_covers(block: np.ndarray, size: int, found: list, limit: int) -> list:
    """Covers of ``size`` PIs beyond ``found`` (up to ``limit`` in all), by integer programs:
    the smallest cover that is none of the covers found so far is added, and so on until it
    needs more than ``size`` PIs or none is left."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    n_pi, n_on = block.shape
    found = list(found)
    while len(found) < limit:
        cuts = np.zeros((len(found), n_pi))
        for row, cover in enumerate(found):
            cuts[row, list(cover)] = 1
        result = milp(
            c=np.ones(n_pi), integrality=np.ones(n_pi), bounds=Bounds(0, 1),
            constraints=[LinearConstraint(block.T.astype(float), 1, np.inf),
                         LinearConstraint(cuts, -np.inf, size - 1.0)],
        )
        if result.status == 2:  # infeasible: every cover has been cut
            break
        if not result.success:
            raise RuntimeError(f"set-cover integer program failed: {result.message}")
        chosen = tuple(int(i) for i in np.flatnonzero(result.x > 0.5))
        if len(chosen) > size:
            break
        found.append(chosen)
    return found


def _solve_block(block: np.ndarray, max_models: int):
    """All minimum covers of one block (up to ``max_models``), and whether the list is complete.

    PIs that cover exactly the same columns are interchangeable, and a minimum cover never
    holds two of them, so the work is done on one representative per group and each cover found
    is expanded into every choice of group members. Likewise for PIs whose columns are a proper
    subset of another PI's (row dominance): the covers are searched among the undominated PIs
    only, and then every exchange of a PI for one it dominates that still covers the chart is
    added (:func:`_with_dominated`), so no equally minimal model is lost.

    The minimum size comes from the search itself (trying 1, 2, ... PIs) in small charts, or
    from a 0/1 integer program (HiGHS via scipy; the R package QCA uses lp_solve the same way)
    in larger ones. The covers of that size are listed by a depth-first search
    (:class:`_CoverSearch`), which stops as soon as the covers found expand to more than
    ``max_models``. If it uses up its budget of :data:`SEARCH_BUDGET` nodes, the covers
    found are extended by exchanging one PI at a time, and an integer program with a cut for each
    cover found looks for one more, in turn, until ``max_models`` is passed or the program finds
    none (then the list is complete).
    """
    patterns, group = np.unique(block, axis=0, return_inverse=True)
    members = [np.flatnonzero(group.ravel() == g).tolist() for g in range(len(patterns))]
    within = _within(patterns)
    top = np.flatnonzero(~(within & ~np.eye(len(patterns), dtype=bool)).any(axis=1))
    reduced = patterns[top]
    search = _CoverSearch(reduced)
    if len(reduced) <= SMALL_BLOCK:
        size = next(s for s in range(1, len(reduced) + 1) if search.find(s, 1)[0])
    else:
        size = _minimum_size(reduced)
    bits = [_bitmask(row) for row in patterns]
    covers: dict = {}   # covers of the block, in the order found

    def expand(cover) -> bool:
        """Add the covers of the block behind ``cover`` (of the undominated PIs): dominated PIs
        put in, then every choice among PIs that cover the same columns. True when there are
        more than ``max_models``."""
        for grouped in _with_dominated(bits, within, [int(top[i]) for i in cover],
                                       max_models + 1):
            for full in product(*(members[g] for g in grouped)):
                covers.setdefault(tuple(sorted(full)), None)
                if len(covers) > max_models:
                    return True
        return False

    found, finished = search.find(size, max_models + 1, SEARCH_BUDGET, enough=expand)
    while not finished and len(covers) <= max_models:
        more = search.swaps(found, max_models + 1)
        if len(more) == len(found):
            more = _more_covers(reduced, size, found, len(found) + 1)
            finished = len(more) == len(found)
        for cover in more[len(found):]:  # both keep the covers given first, in order
            if expand(cover):
                break
        found = more
    if len(covers) > max_models:
        return list(covers)[:max_models], False
    return list(covers), True
