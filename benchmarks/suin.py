"""Time the SUIN search (qcakit.suin) on random fuzzy data (prints figures; never asserted).

Target from issue 11: 10 conditions, depth 3, 200 cases under 1 s. Random memberships with a
fixed seed; the outcome is blurred ``(C0 + C1)*C2`` (so disjunctions are found) or independent of
the conditions. Loose cuts (incl 0.8, cov 0.5, RoN 0) keep many expressions, the slow case.

Run: ``.venv/bin/python benchmarks/suin.py``
"""
from __future__ import annotations

import time

import numpy as np
import pandas as pd

from qcakit.suin import suin


def random_data(k: int, kind: str, seed: int, n: int = 200) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.beta(0.7, 0.7, size=(n, k))
    data = pd.DataFrame(x, columns=[f"C{j}" for j in range(k)])
    if kind == "structured":
        y = np.clip(np.minimum(np.maximum(x[:, 0], x[:, 1]), x[:, 2]) + rng.normal(0, 0.1, n), 0, 1)
    else:
        y = rng.random(n)
    data["Y"] = y
    return data


def main() -> None:
    print(f"{'k':>3} {'depth':>5} {'outcome':>10} {'found':>6} {'seconds':>8}")
    for k, depth in [(6, 3), (10, 3), (12, 3), (10, 4)]:
        for kind in ("structured", "random"):
            data = random_data(k, kind, seed=k)
            best = float("inf")
            for _ in range(3):
                t0 = time.perf_counter()
                res = suin(data, "Y", depth=depth, incl_cut=0.8, cov_cut=0.5, ron_cut=0)
                best = min(best, time.perf_counter() - t0)
            print(f"{k:>3} {depth:>5} {kind:>10} {len(res.table):>6} {best:>8.3f}")


if __name__ == "__main__":
    main()
