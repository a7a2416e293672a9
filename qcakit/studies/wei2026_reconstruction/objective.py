"""The objective J(D) and its parts, vectorised over leading axes: ``vals`` has shape
(..., 27, 7) (cases x SYS, ORG, SERV, STAFF, INFO, PERF, FUSION)."""
from __future__ import annotations

import numpy as np

from .. import wei2026 as study
from .design import DEAD_ZONE, LAMBDA, PUB_SOL, PUB_T3, PUB_T4, TOL, Design, K

def table3_stats(vals: np.ndarray) -> np.ndarray:
    """Table 3 for every data set in ``vals``: shape (..., 12, 4) (rows as wei2026.TABLE3)."""
    x = vals[..., :K]
    y = vals[..., K:K + 1]
    nx, ny = 1.0 - x, 1.0 - y
    sy, sny = y.sum(-2), ny.sum(-2)
    sx, snx = x.sum(-2), nx.sum(-2)
    a = np.minimum(x, y).sum(-2)
    b = np.minimum(nx, y).sum(-2)
    c = np.minimum(x, ny).sum(-2)
    d = np.minimum(nx, ny).sum(-2)
    out = np.empty(vals.shape[:-2] + (2 * K, 4))
    with np.errstate(divide="ignore", invalid="ignore"):
        out[..., 0::2, :] = np.stack([a / sy, a / sx, c / sny, c / sx], -1)
        out[..., 1::2, :] = np.stack([b / sy, b / snx, d / sny, d / snx], -1)
    return out


def table4_stats(vals: np.ndarray, design: Design):
    """Fit of the published configurations: ((..., 3, 5) raw/unique/consistency, (..., 2))."""
    x = vals[..., :K]
    y = vals[..., K]
    xx = np.concatenate([x, 1.0 - x], -1)                       # (..., 27, 12)
    t = np.where(design.config_literals, xx[..., None, :], 1.0).min(-1)   # (..., 27, 5)
    yy = y[..., None]
    sy = y.sum(-1)[..., None]
    both = np.minimum(t, yy).sum(-2)
    union = t.max(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = both / sy
        cons = both / t.sum(-2)
        cov_all = np.minimum(union, y).sum(-1) / sy[..., 0]
        cons_all = np.minimum(union, y).sum(-1) / union.sum(-1)
        srt = np.sort(t, -1)
        top = np.argmax(t, -1)[..., None]
        rest = np.where(np.arange(t.shape[-1]) == top, srt[..., -2:-1], srt[..., -1:])
        unique = cov_all[..., None] - np.minimum(rest, yy).sum(-2) / sy
    return np.stack([raw, unique, cons], -2), np.stack([cons_all, cov_all], -1)


def truth_table_rows(vals: np.ndarray, incl_cut: float = study.INCL_CUT,
                     pri_cut: float = study.PRI_CUT):
    """Observed and positive truth-table rows, shapes (..., 64), as qcakit.truth_table codes
    them (n_cut 1): a row is positive when incl >= incl_cut and PRI >= pri_cut."""
    x = vals[..., :K]
    y = vals[..., K]
    bits = x > 0.5
    weights = 1 << np.arange(K - 1, -1, -1)
    codes = (bits * weights).sum(-1)                                      # (..., 27)
    lit = np.where(bits[..., :, None, :], x[..., None, :, :], 1.0 - x[..., None, :, :])
    m = lit.min(-1)                                                       # (..., 27 rows, 27)
    s = m.sum(-1)
    both = np.minimum(m, y[..., None, :]).sum(-1)
    overlap = np.minimum(m, np.minimum(y, 1.0 - y)[..., None, :]).sum(-1)
    incl = both / s
    pri = (both - overlap) / (s - overlap)
    out = (incl + TOL > incl_cut) & (pri + TOL > pri_cut)
    onehot = codes[..., None] == np.arange(2 ** K)
    observed = onehot.any(-2)
    positive = (onehot & out[..., None]).any(-2)
    return observed, positive


def structure_penalty(vals: np.ndarray, design: Design) -> np.ndarray:
    """Violations s1..s5 of the design (see the module docstring), shape (..., 5)."""
    observed, positive = truth_table_rows(vals)
    off = observed & ~positive
    s1 = (design.on_rows & ~positive).sum(-1)
    s2 = (design.remainder_rows & observed).sum(-1)
    s3 = (~design.on_rows & positive).sum(-1)
    s4 = (~(design.block_sets & off[..., None, :]).any(-1)).sum(-1)
    s5 = np.zeros_like(s1)
    ok = (s1 + s2 + s3 + s4) == 0
    if ok.any():
        sub_pos, sub_off = positive[ok], off[ok]
        rows = design.cube_rows
        impl = (~(rows & sub_off[:, None, :]).any(-1)) & (rows & sub_pos[:, None, :]).any(-1)
        prime = impl & ~impl[:, design.parents].any(-1)
        count = prime.astype(np.int64) @ rows.astype(np.int64)            # primes per row
        ess = np.stack([((count == 1) & rows[i] & sub_pos).any(-1) & prime[:, i]
                        for i in design.core_index], -1)
        s5[ok] = (~ess).sum(-1)
    return np.stack([s1, s2, s3, s4, s5], -1)


def dead_zone_error(ours, published):
    err = np.maximum(np.abs(ours - published) - DEAD_ZONE, 0.0)
    return np.where(np.isnan(err), 1.0, err)


def objective_parts(vals: np.ndarray, design: Design) -> dict:
    """Components of the objective for data sets ``vals`` (..., 27, 7)."""
    t3 = table3_stats(vals)
    t4, sol = table4_stats(vals, design)
    e3 = (dead_zone_error(t3, PUB_T3) ** 2).sum((-2, -1))
    e4 = ((dead_zone_error(t4, PUB_T4) ** 2).sum((-2, -1))
          + (dead_zone_error(sol, PUB_SOL) ** 2).sum(-1))
    s = structure_penalty(vals, design)
    return {"table3": e3, "table4": e4, "structure": s,
            "total": e3 + e4 + LAMBDA * s.sum(-1)}


def objective(vals: np.ndarray, design: Design) -> np.ndarray:
    """J(D) for every data set in ``vals``."""
    return objective_parts(vals, design)["total"]

