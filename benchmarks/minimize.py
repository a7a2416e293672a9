"""Time exact minimization on random fuzzy data (prints figures; never asserted in tests).

200 cases, 8 / 10 / 12 / 14 conditions, fixed seeds. Two kinds of outcome:

- "structured": Y = A*B + C*~D, blurred with noise, so the truth table has a realistic mix of
  positive and negative rows (the hard case for the complex solution: many positive rows);
- "random": Y independent of the conditions (few rows pass the consistency cut).

Run: ``.venv/bin/python benchmarks/minimize.py``
"""
from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd

import qcakit


def random_data(k: int, kind: str, seed: int, n: int = 200) -> tuple[pd.DataFrame, list[str]]:
    rng = np.random.default_rng(seed)
    x = rng.beta(0.7, 0.7, size=(n, k))
    cols = [f"C{j}" for j in range(k)]
    data = pd.DataFrame(x, columns=cols)
    if kind == "structured":
        y = np.maximum(np.minimum(x[:, 0], x[:, 1]), np.minimum(x[:, 2], 1 - x[:, 3]))
        y = np.clip(y + rng.normal(0, 0.15, n), 0, 1)
    else:
        y = rng.beta(0.7, 0.7, size=n)
    data["Y"] = y
    return data, cols


def timed(fn, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    print(f"{'k':>3} {'outcome':>10} {'rows':>5} {'OUT=1':>6} {'truth table':>12} "
          f"{'parsimonious':>13} {'PIs':>5} {'complex':>9} {'PIs':>5} {'models':>7}")
    for k in (8, 10, 12, 14):
        for kind in ("structured", "random"):
            data, cols = random_data(k, kind, seed=k)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t_tt, tt = timed(lambda: qcakit.truth_table(data, "Y", cols, incl_cut=0.8))
            positives = int((tt.table.OUT == "1").sum())
            if positives == 0:
                print(f"{k:>3} {kind:>10} {len(tt.table):>5} {0:>6}   (nothing to minimize)")
                continue
            t_p, pars = timed(lambda: qcakit.minimize(tt, "parsimonious"))
            t_c, cplx = timed(lambda: qcakit.minimize(tt, "complex"), repeat=1)
            models = f"{len(cplx.models)}{'' if cplx.complete else '+'}"
            print(f"{k:>3} {kind:>10} {len(tt.table):>5} {positives:>6} {t_tt:>11.3f}s "
                  f"{t_p:>12.3f}s {len(pars.prime_implicants):>5} {t_c:>8.3f}s "
                  f"{len(cplx.prime_implicants):>5} {models:>7}")
    print("times: best of 3 (complex: 1 run); '+' = more equally minimal models than the cap "
          f"({qcakit.boolean.MAX_MODELS}) exist")


if __name__ == "__main__":
    main()
