"""Time the searches that grow exponentially, at and beyond their bounds (prints figures; never
asserted in tests). Issue 22: nothing may run more than a few seconds without refusing first.

- ``suin(depth=15)`` over 15 conditions (3^15 - 1 = 14,348,906 expressions): refused at once,
  and the deepest search the bound allows (depth 5 at 20 cases);
- ``theory_evaluation`` with two 6-term expressions over 10 conditions (80 s before issue 22),
  and two 8-term expressions (their sums of products pass the bound: written unexpanded);
- ``minimize`` at the 16-condition guard (parsimonious, 200 cases), and at 15 conditions and
  1,000 cases, where the set-cover integer program would run for minutes: it stops at
  ``time_limit`` (60 s by default; also shown with 5 s) and says why.

Run: ``.venv/bin/python benchmarks/bounded_search.py``
"""
from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd

import qcakit
from qcakit import QCAInputError


def timed(label, fn):
    start = time.perf_counter()
    try:
        result = fn()
        outcome = "done"
    except QCAInputError as err:
        result, outcome = None, f"refused: {str(err)[:90]}..."
    print(f"{label:<58} {time.perf_counter() - start:>7.2f} s  {outcome}")
    return result


def random_frame(k, n, seed=0):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.uniform(size=(n, k + 1)).round(2),
                        columns=[f"C{i}" for i in range(k)] + ["Y"])


def main() -> None:
    warnings.simplefilter("ignore")
    d15 = random_frame(15, 20)
    timed("suin, 15 conditions, depth 15, 20 cases", lambda: qcakit.suin(d15, "Y", depth=15))
    timed("suin, 15 conditions, depth 5 (the bound allows), 20 cases",
          lambda: qcakit.suin(d15, "Y", depth=5, incl_cut=0.7, cov_cut=0.5, ron_cut=0))
    d10 = random_frame(10, 20)
    t6 = "C0*C1*~C2 + C3*C4 + ~C5*C6 + C7*~C8*C9 + C0*~C4 + C2*C8"
    s6 = "C1*C5 + ~C0*C3*C9 + C4*~C6 + C2*C7 + ~C1*~C8 + C6*C9"
    ev = timed("theory_evaluation, two 6-term expressions, 10 conditions",
               lambda: qcakit.theory_evaluation(d10, t6, s6, "Y"))
    print(f"{'':<58} label lengths {ev.table['expression'].str.len().tolist()}")
    t8 = t6 + " + C1*~C3*C5 + ~C7*C9"
    s8 = s6 + " + C0*C8*~C9 + ~C2*~C4"
    ev = timed("theory_evaluation, two 8-term expressions, 10 conditions",
               lambda: qcakit.theory_evaluation(d10, t8, s8, "Y"))
    print(f"{'':<58} notes: {ev.notes[:1]}")
    d16 = random_frame(16, 200, seed=16)
    tt = qcakit.truth_table(d16, "Y", incl_cut=0.8, pri_cut=0.7)
    timed("minimize, parsimonious, 16 conditions, 200 cases",
          lambda: qcakit.minimize(tt, "parsimonious"))
    from minimize import scale_truth_table  # benchmarks/minimize.py: 1,000 cases, PRI cut 0.5
    tt15, _ = scale_truth_table(15)
    timed("minimize, parsimonious, 15 conditions, 1,000 cases",
          lambda: qcakit.minimize(tt15, "parsimonious"))
    timed("  the same with time_limit=5",
          lambda: qcakit.minimize(tt15, "parsimonious", time_limit=5))
    timed("minimize, 17 conditions (above the guard)",
          lambda: qcakit.minimize(qcakit.truth_table(random_frame(17, 200), "Y"), "complex"))


if __name__ == "__main__":
    main()
