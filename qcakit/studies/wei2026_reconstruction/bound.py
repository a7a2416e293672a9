"""Exact enumeration for Table 3: the best fit any data set under a three-level coding can
reach, and whether a printed ratio is attainable at all."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import wei2026 as study
from .design import N_CASES, PUB_T3, K
from .objective import dead_zone_error

def compositions(n: int) -> np.ndarray:
    return np.array([(a, b, n - a - b) for a in range(n + 1) for b in range(n + 1 - a)])


def cross_stats(counts: np.ndarray, levels) -> np.ndarray:
    """Table 3 numbers of a condition from its cross-table with the outcome.

    ``counts`` (..., 3, 3): cases with condition level i and outcome level j (levels high to
    low). Returns (..., 8): X then ~X, each (cons Y, cov Y, cons ~Y, cov ~Y)."""
    v = np.asarray(levels, dtype=float)
    x = v[:, None] * np.ones((3, 3))
    y = np.ones((3, 3)) * v[None, :]
    tot = lambda w: (counts * w).sum((-2, -1))  # noqa: E731
    sy, sny, sx, snx = tot(y), tot(1 - y), tot(x), tot(1 - x)
    a, b = tot(np.minimum(x, y)), tot(np.minimum(1 - x, y))
    c, d = tot(np.minimum(x, 1 - y)), tot(np.minimum(1 - x, 1 - y))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.stack([a / sy, a / sx, c / sny, c / sx, b / sy, b / snx, d / sny, d / snx], -1)


def margin_tables(n1: int, nh: int, n0: int) -> np.ndarray:
    """Every 3 x 3 cross-table of a condition with an outcome margin (n1, nh, n0)."""
    c1, ch, c0 = compositions(n1), compositions(nh), compositions(n0)
    out = np.zeros((len(c1), len(ch), len(c0), 3, 3))
    out[..., 0] = c1[:, None, None, :]
    out[..., 1] = ch[None, :, None, :]
    out[..., 2] = c0[None, None, :, :]
    return out.reshape(-1, 3, 3)


def table3_optimum(levels=(1.0, 0.501, 0.0), margins=None) -> pd.DataFrame:
    """Exact best fit of Table 3 under a three-level coding, for each outcome margin.

    For every outcome margin (n1, nh, n0) and every condition, all cross-tables are tried;
    ``sq`` is the condition's smallest sum of squared dead-zone errors (the objective's Table 3
    part), ``max`` the largest printed-digit difference of that best table, and ``minimax``
    the smallest possible largest difference (possibly from another table). ``margins``
    restricts the margins tried (default: all 406). One row per margin, sorted by the total.
    """
    if margins is None:
        margins = [(a, b, N_CASES - a - b) for a in range(N_CASES + 1)
                   for b in range(N_CASES + 1 - a)]
    pub = PUB_T3.reshape(K, 8)
    rows = []
    for n1, nh, n0 in margins:
        stats = cross_stats(margin_tables(n1, nh, n0), levels)
        bad = np.isnan(stats).any(-1)
        rounded = np.round(stats, 3)
        row = {"n1": n1, "nh": nh, "n0": n0, "sum_y": n1 + levels[1] * nh}
        total = 0.0
        for k, cond in enumerate(study.CONDITIONS):
            sq = (dead_zone_error(stats, pub[k]) ** 2).sum(-1)
            sq[bad] = np.inf
            mx = np.abs(rounded - pub[k]).max(-1)
            mx[bad] = np.inf
            best = int(np.argmin(sq))
            row[f"{cond} sq"] = float(sq[best])
            row[f"{cond} max"] = float(mx[best])
            row[f"{cond} minimax"] = float(mx.min())
            total += float(sq[best])
        row["total_sq"] = total
        rows.append(row)
    return pd.DataFrame(rows).sort_values("total_sq", kind="stable").reset_index(drop=True)


def attainable_ratio(published: float, denominator: float, contributions, capacity: int,
                     digits: int = 3):
    """Nearest value to ``published`` of ``numerator / denominator`` when the numerator is a
    sum of at most ``capacity`` per-case contributions from ``contributions``.

    Returns ``(nearest rounded value, gap)``; gap 0 means the printed number is attainable.

    >>> attainable_ratio(0.011, 16.0, (0.002, 0.499, 0.501, 1.0), 27)
    (np.float64(0.003), np.float64(-0.008))
    """
    contributions = sorted(set(float(c) for c in contributions if c > 0))
    sums = {0.0}
    for _ in range(capacity):
        sums |= {round(s + c, 6) for s in sums for c in contributions}
        sums = {s for s in sums if s <= 2 * published * denominator + 2}
    values = np.round(np.array(sorted(sums)) / denominator, digits)
    best = values[np.argmin(np.abs(values - published))]
    return best, np.round(best - published, digits)

