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

**Scale** (``... minimize.py --scale [14 15 16 18] [--limit SECONDS]``; issue 24): 1,000 cases,
``Y = A*B + C*~D`` blurred with normal noise (sd 0.1), truth table at consistency 0.8 and PRI
0.5. With 1,000 cases spread over 2^k rows nearly every case has a row of its own: at 16
conditions about 330 positive and 660 negative rows and 64,500 remainders. Each solution type
runs in a fresh process (best of 3 when a run takes under 20 s; one run otherwise; stopped at
the limit, default 300 s) that reports its peak resident memory. The stages of the
parsimonious solution are timed too: prime implicants, their chart, and the minimum number of
prime implicants (a set-cover integer program on the chart reduced by dominance; the hard part).
"""
from __future__ import annotations

import json
import resource
import subprocess
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


SCALE_KS = (14, 15, 16, 18)


def scale_data(k: int, seed: int, n: int = 1000) -> tuple[pd.DataFrame, list[str]]:
    """``n`` cases, ``k`` conditions, ``Y = C0*C1 + C2*~C3`` blurred with noise (sd 0.1)."""
    rng = np.random.default_rng(seed)
    x = rng.beta(0.7, 0.7, size=(n, k))
    cols = [f"C{j}" for j in range(k)]
    data = pd.DataFrame(x, columns=cols)
    y = np.maximum(np.minimum(x[:, 0], x[:, 1]), np.minimum(x[:, 2], 1 - x[:, 3]))
    data["Y"] = np.clip(y + rng.normal(0, 0.1, n), 0, 1)
    return data, cols


def scale_truth_table(k: int):
    data, cols = scale_data(k, seed=k)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return qcakit.truth_table(data, "Y", cols, incl_cut=0.8, pri_cut=0.5), cols


def _one(k: int, kind: str) -> None:
    """Child process: one solution type at one size; prints a JSON line."""
    import scipy.optimize  # noqa: F401  (import once, outside the timings)

    tt, cols = scale_truth_table(k)
    directional = {c: 1 for c in cols} if kind == "intermediate" else None
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = {}
    if kind == "parsimonious":  # the stages, once
        on, off = tt.codes("1"), tt.codes("0")
        start = time.perf_counter()
        pis = qcakit.boolean.prime_implicants(on, k, forbidden=off)
        out["pi_s"], out["pis"] = time.perf_counter() - start, len(pis)
        start = time.perf_counter()
        chart = qcakit.boolean.chart(pis, on)
        out["chart_s"] = time.perf_counter() - start
        del chart
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out), flush=True)  # the stages, even if the minimization is stopped
    times, sol = [], None
    for _ in range(3):
        start = time.perf_counter()
        sol = qcakit.minimize(tt, kind, directional, max_conditions=k, time_limit=None)
        times.append(time.perf_counter() - start)
        if times[-1] > 20:
            break
    out.update(best_s=min(times), runs=len(times), models=_models(sol),
               terms=len(sol.models[0]), peak_mb=resource.getrusage(
                   resource.RUSAGE_SELF).ru_maxrss / 1024, base_mb=base / 1024)
    print(json.dumps(out))


def scale(ks, limit: float) -> None:
    print(f"{'k':>3} {'OUT=1':>6} {'OUT=0':>6} {'remainders':>10}  {'solution':<13} "
          f"{'time':>9} {'runs':>4} {'models':>6} {'terms':>5} {'peak MB':>8}   stages")
    base_mb = float("nan")
    for k in ks:
        tt, _ = scale_truth_table(k)
        pos, neg = int((tt.table.OUT == "1").sum()), int((tt.table.OUT == "0").sum())
        head = f"{k:>3} {pos:>6} {neg:>6} {2 ** k - len(tt.table):>10}"
        for kind in ("complex", "parsimonious", "intermediate"):
            try:
                run = subprocess.run([sys.executable, __file__, "--one", str(k), kind],
                                     capture_output=True, text=True, timeout=limit)
            except subprocess.TimeoutExpired as stopped:
                lines = (stopped.stdout or b"").decode().strip().splitlines()
                r = json.loads(lines[-1]) if lines else {}
                stages = (f"PIs {r['pis']:,} in {r['pi_s']:.2f} s, chart {r['chart_s']:.2f} s, "
                          f"{r['peak_mb']:.0f} MB so far" if r else "")
                print(f"{head}  {kind:<13} {'> ' + format(limit, 'g') + ' s':>9} "
                      f"{'':>4} {'':>6} {'':>5} {'':>8}   {stages}")
                continue
            if run.returncode:
                print(f"{head}  {kind:<13} failed: {run.stderr.strip().splitlines()[-1]}")
                continue
            r = json.loads(run.stdout.strip().splitlines()[-1])
            base_mb = r["base_mb"]
            stages = (f"PIs {r['pis']:,} in {r['pi_s']:.2f} s, chart {r['chart_s']:.2f} s"
                      if "pis" in r else "")
            print(f"{head}  {kind:<13} {r['best_s']:>8.2f}s {r['runs']:>4} {r['models']:>6} "
                  f"{r['terms']:>5} {r['peak_mb']:>8.0f}   {stages}")
    print(f"time: best of the runs; peak MB: the process's peak resident memory (about "
          f"{base_mb:.0f} MB before minimizing: Python, numpy, pandas, the data); "
          f"models: '+' = more than the cap ({qcakit.covers.MAX_MODELS}); terms: of model 1; "
          "intermediate: every condition expected present")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        _one(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["--scale"]:
        args = sys.argv[2:]
        limit = 300.0
        if "--limit" in args:
            at = args.index("--limit")
            limit = float(args[at + 1])
            del args[at:at + 2]
        scale(tuple(int(a) for a in args) or SCALE_KS, limit)
    else:
        main()
