"""Exact solution of the prime-implicant chart: all covers with the fewest prime implicants.

The chart (from :func:`qcakit.boolean.chart`) is a boolean matrix, prime implicants x positive
rows. :func:`minimal_covers` returns every cover of minimum size, up to ``max_models`` of them
(model ambiguity is reported, not hidden): the chart is split into independent blocks, each block
solved among its undominated PIs by a depth-first search or, past a budget, by integer programs
(scipy's ``milp``), and the models with dominated PIs are added back.

The hard part of large charts is proving the minimum size: a set-cover integer program. At 14
conditions and 1,000 cases (several thousand undominated PIs, a few hundred positive rows)
HiGHS proves it in seconds; at 15-16 conditions the same kind of chart can take it many
minutes (``benchmarks/minimize.py --scale``). The R package QCA's manual says the same of
such charts (``minimize``, argument ``max.comb``). So the integer programs run within a time
limit (:func:`time_limit`; ``minimize(time_limit=...)``): past it, :class:`CoverTimeLimit` is
raised with the size of the chart, rather than the kernel hanging for minutes.

>>> import numpy as np
>>> covers, complete = minimal_covers(np.array([[1, 1, 0], [0, 1, 1], [0, 0, 1]], dtype=bool))
>>> covers, complete
([(0, 1), (0, 2)], True)
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import product

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

#: Stop enumerating equally minimal models beyond this many (the count is reported).
MAX_MODELS = 100
#: In blocks with at most this many PIs the minimum cover size is found without the solver.
SMALL_BLOCK = 10
#: Nodes the depth-first cover search may visit before integer programs take over.
SEARCH_BUDGET = 5_000
#: (deadline on time.monotonic(), limit in seconds) of the current minimization, or None.
_DEADLINE: ContextVar = ContextVar("cover_deadline", default=None)


class CoverTimeLimit(Exception):
    """The set-cover integer programs did not finish within the time limit."""

    def __init__(self, n_pis: int, n_rows: int, seconds: float):
        super().__init__(f"set cover of {n_rows} rows by {n_pis} PIs: over {seconds:g} s")
        self.n_pis, self.n_rows, self.seconds = n_pis, n_rows, seconds


@contextmanager
def time_limit(seconds: float | None):
    """Let the integer programs inside this block run ``seconds`` in all (None: no limit).

    >>> with time_limit(0.0):
    ...     minimal_covers(np.array([[1, 1, 0], [0, 1, 1], [0, 0, 1]], dtype=bool))
    ([(0, 1), (0, 2)], True)

    (Small charts need no integer program, so no limit can stop them.)
    """
    token = _DEADLINE.set(None if seconds is None else (time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _milp(block: np.ndarray, **problem):
    """scipy's ``milp`` on a set cover of ``block`` (PIs x rows), within the time left."""
    from scipy.optimize import milp

    limit = _DEADLINE.get()
    options = {}
    if limit is not None:
        left = limit[0] - time.monotonic()
        if left <= 0:
            raise CoverTimeLimit(*block.shape, limit[1])
        options["time_limit"] = left
    result = milp(**problem, options=options)
    if result.status == 1:  # iteration or time limit reached
        raise CoverTimeLimit(*block.shape, limit[1] if limit else float("inf"))
    return result


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
        alone = block.sum(axis=0) == 1  # columns with one PI: that PI is essential
        essential = np.unique(block[:, alone].argmax(axis=0)).tolist()
        rest_rows = ~block[essential].any(axis=0)
        useful = block[:, rest_rows].any(axis=1)
        useful[essential] = False
        rest_pis = np.flatnonzero(useful).tolist()
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


def _words(matrix: np.ndarray) -> np.ndarray:
    """Each row of a boolean matrix as 64-bit words: column j is bit ``j % 64`` of word
    ``j // 64``."""
    matrix = np.asarray(matrix, dtype=bool)
    n_words = max(1, -(-matrix.shape[1] // 64))
    padded = np.zeros((matrix.shape[0], 64 * n_words), dtype=bool)
    padded[:, :matrix.shape[1]] = matrix
    return np.packbits(padded, axis=1, bitorder="little").view("<u8")


def _ints(words: np.ndarray) -> list[int]:
    """Rows of :func:`_words` as Python ints (bit j: column j)."""
    return [int.from_bytes(row.tobytes(), "little") for row in words]


def _as_words(bits: int, n_words: int) -> np.ndarray:
    """A Python int's bits as :func:`_words`."""
    return np.frombuffer(bits.to_bytes(8 * n_words, "little"), dtype="<u8")


def _undominated_columns(pi_chart: np.ndarray) -> np.ndarray:
    """Indices of columns to keep: drop duplicates and columns whose PI set contains another
    column's PI set."""
    sets = _ints(_words(pi_chart.T))
    order = sorted(range(len(sets)), key=lambda j: (sets[j].bit_count(), j))
    kept: list[int] = []
    for j in order:
        if not any(sets[i] & sets[j] == sets[i] for i in kept):
            kept.append(j)
    return np.array(sorted(kept))


def _blocks(pi_chart: np.ndarray):
    """Independent sub-charts, in the order of their first column: lists of (PI indices, row
    indices). PIs that cover no column belong to none."""
    n_pi, n_on = pi_chart.shape
    pi_at, column_at = np.nonzero(pi_chart)
    graph = coo_matrix((np.ones(pi_at.size, dtype=np.int8), (pi_at, n_pi + column_at)),
                       shape=(n_pi + n_on, n_pi + n_on))
    _, label = connected_components(graph, directed=False)
    return [(np.flatnonzero(label[:n_pi] == block).tolist(),
             np.flatnonzero(label[n_pi:] == block).tolist())
            for block in dict.fromkeys(label[n_pi:].tolist())]


def _minimum_cover(block: np.ndarray) -> tuple[int, tuple[int, ...]]:
    """Fewest PIs covering every column, and one such cover: a 0/1 integer program (HiGHS via
    scipy)."""
    from scipy.optimize import Bounds, LinearConstraint

    n_pi = block.shape[0]
    result = _milp(block, c=np.ones(n_pi), integrality=np.ones(n_pi), bounds=Bounds(0, 1),
                   constraints=LinearConstraint(coo_matrix(block.T.astype(float)).tocsr(),
                                                lb=1, ub=np.inf))
    if not result.success:
        raise RuntimeError(f"set-cover integer program failed: {result.message}")
    cover = tuple(int(i) for i in np.flatnonzero(result.x > 0.5))
    return len(cover), cover


class _Patterns:
    """The distinct rows (column patterns) of a block, for row-dominance questions.

    ``words``: each pattern as :func:`_words`; ``bits``: as Python ints. The patterns are
    distinct and non-empty, so one contains another only if it has more columns."""

    def __init__(self, patterns: np.ndarray):
        self.words = _words(patterns)
        self.bits = _ints(self.words)
        self.sizes = np.asarray(patterns, dtype=bool).sum(axis=1)
        self.columns = np.asarray(patterns, dtype=bool)
        self._subsets: dict = {}

    def undominated(self) -> np.ndarray:
        """Indices of the patterns no other pattern contains. A pattern's possible supersets
        all hold its rarest column, so each pattern is compared with those only."""
        columns, sizes, words = self.columns, self.sizes, self.words
        per_column = columns.sum(axis=0)
        rarest = np.where(columns, per_column, np.iinfo(np.int64).max).argmin(axis=1)
        dominated = np.zeros(len(columns), dtype=bool)
        for column in np.unique(rarest).tolist():
            rows = np.flatnonzero(rarest == column)
            holders = np.flatnonzero(columns[:, column])
            outer, outer_sizes = ~words[holders], sizes[holders]
            step = max(1, (1 << 22) // (holders.size * words.shape[1]))
            for start in range(0, rows.size, step):  # bounded temporaries
                part = rows[start:start + step]
                inside = ~((words[part][:, None, :] & outer[None, :, :]).any(axis=2))
                dominated[part] = (inside & (outer_sizes[None, :] > sizes[part][:, None])
                                   ).any(axis=1)
        return np.flatnonzero(~dominated)

    def subsets(self, q: int) -> list[int]:
        """The patterns whose columns are among those of pattern ``q`` (``q`` included)."""
        if q not in self._subsets:
            self._subsets[q] = np.flatnonzero(
                ~(self.words & ~self.words[q]).any(axis=1)).tolist()
        return self._subsets[q]


def _with_dominated(patterns: _Patterns, cover: list, limit: int) -> list:
    """``cover`` and every cover made from it by putting, in place of some of its PIs, PIs
    whose columns are a subset of theirs (up to ``limit`` covers).

    Why this lists every minimum cover of the chart when it is applied to every minimum cover
    of its undominated PIs: in a minimum cover, replace each dominated PI by an undominated PI
    that contains it. The result still covers every column, and it still has as many PIs (two
    replacements landing on one PI would give a smaller cover), so it is one of those covers.
    """
    bits = patterns.bits
    found: dict = {}
    # the PIs with the fewest alternatives first, so the last positions, where the check below
    # is strictest, hold those with the most
    cover = sorted(cover, key=lambda q: len(patterns.subsets(q)))
    options = [patterns.subsets(q) for q in cover]
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
        self.words = _words(self.block)
        self.cover = _ints(self.words)
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
        n_words = self.words.shape[1]
        seen = dict.fromkeys(covers)
        queue = list(covers)
        while queue and len(seen) < limit:
            cover = queue.pop(0)
            for p in cover:
                rest = 0
                for q in cover:
                    if q != p:
                        rest |= self.cover[q]
                needed = _as_words(everything & ~rest, n_words)
                for q in np.flatnonzero(~(needed & ~self.words).any(axis=1)).tolist():
                    if q in cover:
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
    from scipy.optimize import Bounds, LinearConstraint

    n_pi, n_on = block.shape
    found = list(found)
    while len(found) < limit:
        cuts = np.zeros((len(found), n_pi))
        for row, cover in enumerate(found):
            cuts[row, list(cover)] = 1
        result = _milp(
            block, c=np.ones(n_pi), integrality=np.ones(n_pi), bounds=Bounds(0, 1),
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
    in larger ones, whose cover and the covers one exchange of a PI away from it are expanded
    first. The covers of that size are listed by a depth-first search (:class:`_CoverSearch`),
    which stops as soon as the covers found expand to more than ``max_models``. If it uses up
    its budget of :data:`SEARCH_BUDGET` nodes, the covers found are extended by exchanging one PI at a time, and an integer program with a cut
    for each cover found looks for one more, in turn, until ``max_models`` is passed or the
    program finds none (then the list is complete).
    """
    patterns, members = _distinct_rows(block)
    table = _Patterns(patterns)
    top = table.undominated()
    reduced = patterns[top]
    search = _CoverSearch(reduced)
    covers: dict = {}   # covers of the block, in the order found

    def expand(cover) -> bool:
        """Add the covers of the block behind ``cover`` (of the undominated PIs): dominated PIs
        put in, then every choice among PIs that cover the same columns. True when there are
        more than ``max_models``."""
        for grouped in _with_dominated(table, [int(top[i]) for i in cover], max_models + 1):
            for full in product(*(members[g] for g in grouped)):
                covers.setdefault(tuple(sorted(full)), None)
                if len(covers) > max_models:
                    return True
        return False

    if len(reduced) <= SMALL_BLOCK:
        size = next(s for s in range(1, len(reduced) + 1) if search.find(s, 1)[0])
    else:  # the solver's cover and its one-PI exchanges first: cheap, and on large charts
        size, first = _minimum_cover(reduced)      # often more than max_models already
        for cover in search.swaps([first], max_models + 1):
            if expand(cover):
                return list(covers)[:max_models], False
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


def _distinct_rows(block: np.ndarray):
    """The distinct rows of a boolean matrix, sorted as ``np.unique(block, axis=0)`` sorts them
    (without its cost on wide charts), and for each the indices of the rows equal to it."""
    block = np.asarray(block, dtype=bool)
    packed = np.ascontiguousarray(np.packbits(block, axis=1))  # first column most significant
    keys = packed.view(f"V{packed.shape[1]}").ravel()
    _, first, group = np.unique(keys, return_index=True, return_inverse=True)
    group = group.ravel()
    members = np.split(np.argsort(group, kind="stable"),
                       np.cumsum(np.bincount(group, minlength=first.size))[:-1])
    return block[first], [m.tolist() for m in members]
