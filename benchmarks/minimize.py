"""Time exact minimization on random fuzzy data (prints figures; never asserted in tests).

200 cases, 8 / 10 / 12 / 14 conditions, fixed seeds. Two kinds of outcome:

- "structured": Y = A*B + C*~D, blurred with noise;
- "random": Y independent of the conditions.

and two truth-table settings: consistency cut 0.8 alone, and with a PRI cut of 0.7. With 200
cases spread over 2^k rows most rows hold one or two cases, so the consistency cut alone lets
almost every row through (few negative rows: few, short prime implicants, but a complex
solution over many positive rows). The PRI cut gives the mix of a real study (a few dozen
positive rows among mostly negative ones): hundreds to thousands of prime implicants and
often more than 100 equally minimal models, the hard case for the cover search.

Run: ``.venv/bin/python benchmarks/minimize.py`` (or ``... minimize.py 10 12`` for some k).
"""
from __future__ import annotations

import sys
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
    import scipy.optimize  # noqa: F401  (import once, outside the timings)

    print(f"{'k':>3} {'outcome':>10} {'PRI cut':>7} {'rows':>5} {'OUT=1':>6} "
          f"{'truth table':>12} {'parsimonious':>13} {'PIs':>5} {'models':>7} "
          f"{'complex':>9} {'PIs':>5} {'models':>7} {'intermediate':>13} {'models':>7}")
    ks = tuple(int(a) for a in sys.argv[1:]) or (8, 10, 12, 14)
    for k in ks:
        for kind in ("structured", "random"):
            data, cols = random_data(k, kind, seed=k)
            for pri_cut in (None, 0.7):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    t_tt, tt = timed(lambda: qcakit.truth_table(data, "Y", cols, incl_cut=0.8,
                                                                pri_cut=pri_cut))
                positives = int((tt.table.OUT == "1").sum())
                head = f"{k:>3} {kind:>10} {pri_cut or '-':>7} {len(tt.table):>5} {positives:>6}"
                if positives == 0:
                    print(f"{head}   (nothing to minimize)")
                    continue
                t_p, pars = timed(lambda: qcakit.minimize(tt, "parsimonious"))
                t_c, cplx = timed(lambda: qcakit.minimize(tt, "complex"), repeat=1)
                t_i, inter = timed(lambda: qcakit.minimize(tt, "intermediate",
                                                           {c: 1 for c in cols}), repeat=1)
                print(f"{head} {t_tt:>11.3f}s {t_p:>12.3f}s {len(pars.prime_implicants):>5} "
                      f"{_models(pars):>7} {t_c:>8.3f}s {len(cplx.prime_implicants):>5} "
                      f"{_models(cplx):>7} {t_i:>12.3f}s {_models(inter):>7}")
    print("times: best of 3 (complex, intermediate with every condition expected present: "
          "1 run); '+' = more equally minimal models than the cap "
          f"({qcakit.covers.MAX_MODELS}) exist")


def _models(solution) -> str:
    return f"{len(solution.models)}{'' if solution.complete else '+'}"


if __name__ == "__main__":
    main()
