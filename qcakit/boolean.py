"""Exact two-level Boolean minimization on bit-encoded truth-table rows.

A row (minterm) of k conditions is an int whose bit ``k-1-j`` is condition j (first condition
most significant, as in row ids). A *cube* (an implicant, a conjunction of literals) is a pair
``(mask, value)``: the conditions it fixes, and their values.

:func:`prime_implicants` finds every prime implicant covering at least one positive row. It
searches the condition subsets by increasing size, in the spirit of Dusa's Consistency Cubes
(2018): for each subset, the candidate cubes are the projections of the positive rows; a
candidate is an implicant when it contains no forbidden row (parsimonious solution: the negative
and contradictory rows), or when every one of its ``2^(k-s)`` rows is allowed (complex and
intermediate solutions: positive rows plus chosen counterfactuals). An implicant is prime when
none of the cubes one literal shorter is an implicant (looked up in the previous size). The cost
is about ``2^k`` numpy passes over the observed rows, independent of the number of remainders.

:func:`chart` builds the prime-implicant chart, which :func:`qcakit.covers.minimal_covers`
solves.

>>> pis = prime_implicants(on=[0b11, 0b10], k=2, allowed=[0b11, 0b10])
>>> [cube_literals(p, 2) for p in pis]      # (mask, value) cubes; A is condition 0, present
[[(0, 1)]]
"""
from __future__ import annotations

import numpy as np

from .errors import QCAInputError

#: Above this many conditions exact minimization asks for an explicit ``max_conditions``.
MAX_CONDITIONS = 16


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


def _distinct(values) -> np.ndarray:
    """Sorted distinct values of an integer array: ``np.unique`` by sorting, which numpy 2.4's
    hash-based ``np.unique`` is up to 75 times slower than on millions of keys."""
    values = np.sort(np.asarray(values).ravel())
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if values.size else values


def _in_sorted(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Whether each value occurs in ``sorted_keys`` (binary search; no re-sorting)."""
    if sorted_keys.size == 0:
        return np.zeros(np.shape(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, values), sorted_keys.size - 1)
    return sorted_keys[at] == values


def prime_implicants(on, k: int, *, forbidden=None, allowed=None) -> list[tuple[int, int]]:
    """All prime implicants (as ``(mask, value)``) of the positive rows ``on``.

    Give either ``forbidden`` rows (everything else counts as allowed: parsimonious) or
    ``allowed`` rows (everything else is forbidden: complex / intermediate). ``allowed`` must
    contain ``on``. With ``forbidden``, each level (number of fixed conditions) is processed in
    one vectorised pass over all condition subsets of that size; with ``allowed``, by merging
    (:func:`_primes_within`).
    """
    if (forbidden is None) == (allowed is None):
        raise ValueError("give exactly one of forbidden= or allowed=")
    on = _distinct(np.asarray(on, dtype=np.int64))
    if on.size == 0:
        return []
    if forbidden is None:
        return _primes_within(on, _distinct(np.asarray(allowed, dtype=np.int64)), k)
    forbidden = _distinct(np.asarray(forbidden, dtype=np.int64))
    span = np.int64(1) << k
    pi_mask = np.empty(0, dtype=np.int64)
    pi_value = np.empty(0, dtype=np.int64)
    above = np.empty(0, dtype=np.int64)  # every implicant one literal shorter, as mask*span+value
    for masks in _masks_by_size(k):
        tag = np.arange(masks.size, dtype=np.int64)[:, None] * span
        cand = _distinct(tag + (on[None, :] & masks[:, None]))
        if forbidden.size:
            cand = cand[~np.isin(cand, tag + (forbidden[None, :] & masks[:, None]))]
        c_mask, c_value = masks[cand // span], cand % span
        # prime unless dropping one of its literals still gives an implicant
        keep = np.ones(cand.size, dtype=bool)
        for j in range(k) if pi_mask.size else ():  # no prime yet: no shorter implicant either
            bit = np.int64(1) << j
            rows = np.flatnonzero(keep & ((c_mask & bit) != 0))
            parent = (c_mask[rows] & ~bit) * span + (c_value[rows] & ~bit)
            keep[rows] = ~_in_sorted(parent, above)
        pi_mask = np.concatenate([pi_mask, c_mask[keep]])
        pi_value = np.concatenate([pi_value, c_value[keep]])
        above = np.sort(c_mask * span + c_value)
    return list(zip(pi_mask.tolist(), pi_value.tolist()))


def _primes_within(on: np.ndarray, allowed: np.ndarray, k: int) -> list[tuple[int, int]]:
    """Prime implicants when only ``allowed`` rows may be covered (Quine-McCluskey merging,
    vectorised): start from the allowed rows, merge pairs that differ in one fixed condition,
    level by level; a cube is prime when no such partner exists. Only primes holding a
    positive row are kept. Cheap when few rows are allowed (complex, intermediate)."""
    span = np.int64(1) << k
    keys = _distinct((span - 1) * span + allowed)
    pi_mask, pi_value = [], []
    while keys.size:
        m, v = keys // span, keys % span
        merged = np.zeros(keys.size, dtype=bool)
        upper = []
        for j in range(k):
            bit = np.int64(1) << j
            found = ((m & bit) != 0) & _in_sorted(m * span + (v ^ bit), keys)
            merged |= found
            low = found & ((v & bit) == 0)
            upper.append((m[low] & ~bit) * span + v[low])
        pi_mask.append(m[~merged])
        pi_value.append(v[~merged])
        keys = _distinct(np.concatenate(upper))
    masks, values = np.concatenate(pi_mask), np.concatenate(pi_value)
    useful = ((on[None, :] & masks[:, None]) == values[:, None]).any(axis=1)
    return list(zip(masks[useful].tolist(), values[useful].tolist()))


def chart(pis, on) -> np.ndarray:
    """Prime-implicant chart: boolean matrix, PIs x positive rows."""
    on = np.asarray(on, dtype=np.int64)
    return np.array([cube_contains(p, on) for p in pis], dtype=bool).reshape(len(pis), on.size)
