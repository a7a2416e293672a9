"""Exact two-level Boolean minimization on bit-encoded truth-table rows.

A row (minterm) of k conditions is an int whose bit ``k-1-j`` is condition j (first condition
most significant, as in row ids). A *cube* (an implicant, a conjunction of literals) is a pair
``(mask, value)``: the conditions it fixes, and their values.

:func:`prime_implicants` finds every prime implicant covering at least one positive row, from
the positive rows and the rows an implicant may not reach, without listing remainders. Like
Dusa's Consistency Cubes (2018) it works from the observed rows, but it goes positive row by
positive row: a cube holding positive row ``p`` is ``p`` with a set ``F`` of conditions left
free, so the implicants around ``p`` are the free sets whose cube ``{p ^ S : S ⊆ F}`` misses
every forbidden row (parsimonious solution: negative and contradictory rows) or lies wholly in
the allowed rows (complex and intermediate: positive rows plus chosen counterfactuals). Marking
the bad offsets ``S = p ^ row`` and spreading them to every superset of ``S`` (a subset
transform over the ``2^k`` free sets, one bit per positive row, 64 positive rows to a machine
word) gives, for all positive rows at once, which free sets make implicants. An implicant is
prime when freeing one more condition breaks it. Each prime is met from every positive row it
holds, so the pairs found are also the prime-implicant chart. The cost is about
``k * 2^k * (positive rows / 64)`` word operations plus one mark per (positive row, observed
row) pair, whatever the number of remainders.

:func:`chart` builds the prime-implicant chart, which :func:`qcakit.covers.minimal_covers`
solves.

>>> pis = prime_implicants(on=[0b11, 0b10], k=2, allowed=[0b11, 0b10])
>>> [cube_literals(p, 2) for p in pis]      # (mask, value) cubes; A is condition 0, present
[[(0, 1)]]
"""
from __future__ import annotations

import numpy as np

from .errors import QCAInputError
from .i18n import tr

#: Above this many conditions exact minimization asks for an explicit ``max_conditions``.
MAX_CONDITIONS = 16
#: Positive rows handled together, one bit each in a 64-bit word.
_WORD = 64


def cube_literals(cube, k: int) -> list[tuple[int, int]]:
    """``[(condition index, value), ...]`` of a cube."""
    mask, value = cube
    return [(j, (value >> (k - 1 - j)) & 1) for j in range(k) if (mask >> (k - 1 - j)) & 1]


def cube_contains(cube, rows: np.ndarray) -> np.ndarray:
    mask, value = cube
    return (np.asarray(rows, dtype=np.int64) & mask) == value


def check_size(k: int, max_conditions: int | None) -> None:
    limit = MAX_CONDITIONS if max_conditions is None else max_conditions
    if k > limit:
        raise QCAInputError(tr(
            "Exact minimization of {k} conditions searches 2^{k} = {subsets} condition subsets; "
            "above {limit} conditions that can take minutes to hours. Reduce the conditions "
            "(theory, necessity, two-step QCA), or pass max_conditions={k} to try anyway.")
            .format(k=k, subsets=f"{2 ** k:,}", limit=limit))


def distinct(values) -> np.ndarray:
    """Sorted distinct values of an integer array: ``np.unique`` by sorting, which numpy 2.4's
    hash-based ``np.unique`` is up to 75 times slower than on millions of keys.

    >>> distinct([3, 1, 3, 2]).tolist()
    [1, 2, 3]
    """
    values = np.sort(np.asarray(values, dtype=np.int64).ravel())
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if values.size else values


def prime_implicants(on, k: int, *, forbidden=None, allowed=None) -> list[tuple[int, int]]:
    """All prime implicants (as ``(mask, value)``) of the positive rows ``on``, sorted by mask,
    then value.

    Give either ``forbidden`` rows (everything else counts as allowed: parsimonious) or
    ``allowed`` rows (everything else is forbidden: complex / intermediate). ``allowed`` must
    contain ``on``. See the module docstring for the method.
    """
    if (forbidden is None) == (allowed is None):
        raise ValueError("give exactly one of forbidden= or allowed=")
    on = distinct(on)
    marked = distinct(forbidden if allowed is None else allowed)
    span = np.int64(1) << k
    keys = [np.empty(0, dtype=np.int64)]
    for start in range(0, on.size, _WORD):
        block = on[start:start + _WORD]
        free, which = _primes_around(block, marked, k, allowed is not None)
        mask = (span - 1) ^ free
        keys.append(mask * span + (block[which] & mask))
    keys = distinct(np.concatenate(keys))
    return list(zip((keys // span).tolist(), (keys % span).tolist()))


def _primes_around(block: np.ndarray, marked: np.ndarray, k: int, marked_allowed: bool):
    """Prime implicants around each of up to 64 positive rows: ``(free sets, row positions)``,
    one pair per (prime, positive row it holds).

    Bit ``i`` of ``ok[S]`` starts as whether row ``block[i] ^ S`` may be covered (it is allowed,
    or not forbidden). The cube of ``block[i]`` with the conditions ``F`` free holds the rows
    ``block[i] ^ S`` for every ``S ⊆ F``, so it is an implicant when ``ok`` holds for all of
    them: ``ok[F] = AND of ok[S] over S ⊆ F``, built one condition at a time."""
    n = np.int64(1) << k
    offsets = np.ones((int(n), _WORD), dtype=bool) if not marked_allowed \
        else np.zeros((int(n), _WORD), dtype=bool)
    if marked.size:
        offsets[marked[:, None] ^ block[None, :], np.arange(block.size)[None, :]] = marked_allowed
    offsets[:, block.size:] = False
    ok = np.packbits(offsets, axis=1, bitorder="little").view(np.uint64).ravel()
    del offsets
    for j in range(k):  # ok[F] &= ok[F without condition bit j], for F holding bit j
        half = ok.reshape(-1, 2, 1 << j)
        half[:, 1, :] &= half[:, 0, :]
    wider = np.zeros_like(ok)  # some F plus one condition is still an implicant
    for j in range(k):
        half, more = ok.reshape(-1, 2, 1 << j), wider.reshape(-1, 2, 1 << j)
        more[:, 0, :] |= half[:, 1, :]
    prime = ok & ~wider
    free = np.flatnonzero(prime)
    bits = np.unpackbits(prime[free].view(np.uint8).reshape(-1, 8), axis=1,
                         bitorder="little")
    at, which = np.nonzero(bits)
    return free[at].astype(np.int64), which


def chart(pis, on) -> np.ndarray:
    """Prime-implicant chart: boolean matrix, PIs x positive rows."""
    on = np.asarray(on, dtype=np.int64)
    cubes = np.asarray(pis, dtype=np.int64).reshape(-1, 2)
    out = np.empty((len(cubes), on.size), dtype=bool)
    for start in range(0, len(cubes), 4096):  # bounded temporaries on large charts
        part = cubes[start:start + 4096]
        out[start:start + 4096] = (on[None, :] & part[:, :1]) == part[:, 1:]
    return out
