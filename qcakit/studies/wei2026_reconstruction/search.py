"""The seeded search: simulated annealing over many chains, then greedy polishing."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .checks import assign_cases
from .design import CODINGS, N_CASES, VARIABLES, Design, K, build_design
from .objective import objective, objective_parts

def coding_levels(coding: str) -> tuple[np.ndarray, np.ndarray]:
    table = CODINGS[coding]
    n = np.array([len(table[v]) for v in VARIABLES])
    lv = np.full((len(VARIABLES), n.max()), np.nan)
    for j, v in enumerate(VARIABLES):
        lv[j, :n[j]] = table[v]
    return lv, n


def anneal(seed: int, coding: str = "paper", n_chains: int = 48, n_steps: int = 20000,
           t_start: float = 0.02, t_end: float = 2e-6, p_swap: float = 0.35,
           design: Design | None = None, verbose: bool = False):
    """Simulated annealing of ``n_chains`` independent chains; returns the best state found
    (level indices, shape (27, 7)), its objective and the number of evaluations."""
    design = design or build_design()
    rng = np.random.default_rng(seed)
    lv, nlev = coding_levels(coding)
    cols = np.arange(len(VARIABLES))
    idx = np.stack([rng.integers(0, nlev, size=(N_CASES, len(VARIABLES)))
                    for _ in range(n_chains)])
    vals = lambda i: lv[cols, i]  # noqa: E731
    cur = objective(vals(idx), design)
    best_idx, best = idx.copy(), cur.copy()
    chains = np.arange(n_chains)
    for step in range(n_steps):
        temp = t_start * (t_end / t_start) ** (step / max(n_steps - 1, 1))
        prop = idx.copy()
        swap = rng.random(n_chains) < p_swap
        i = rng.integers(0, N_CASES, n_chains)
        j = np.where(swap, rng.integers(0, K, n_chains), rng.integers(0, len(VARIABLES), n_chains))
        i2 = rng.integers(0, N_CASES, n_chains)
        shift = 1 + (rng.random(n_chains) * (nlev[j] - 1)).astype(int)
        new = (idx[chains, i, j] + shift) % nlev[j]
        prop[chains, i, j] = np.where(swap, idx[chains, i2, j], new)
        prop[chains[swap], i2[swap], j[swap]] = idx[chains[swap], i[swap], j[swap]]
        val = objective(vals(prop), design)
        with np.errstate(over="ignore"):
            accept = (val <= cur) | (rng.random(n_chains) < np.exp(-(val - cur) / temp))
        idx[accept] = prop[accept]
        cur[accept] = val[accept]
        better = cur < best
        best_idx[better] = idx[better]
        best[better] = cur[better]
        if verbose and step % 5000 == 0:
            print(f"  seed {seed} step {step}: T={temp:.2e} best={best.min():.6f}", flush=True)
    k = int(np.argmin(best))
    return best_idx[k], float(best[k]), n_chains * (n_steps + 1)


def polish(idx: np.ndarray, coding: str = "paper", design: Design | None = None):
    """Greedy descent: apply the best single-score change until none improves."""
    design = design or build_design()
    lv, nlev = coding_levels(coding)
    cols = np.arange(len(VARIABLES))
    idx = idx.copy()
    cur = float(objective(lv[cols, idx][None], design)[0])
    while True:
        cands = []
        for i in range(N_CASES):
            for j in range(len(VARIABLES)):
                for v in range(nlev[j]):
                    if v != idx[i, j]:
                        c = idx.copy()
                        c[i, j] = v
                        cands.append(c)
        cands = np.stack(cands)
        vals = objective(lv[cols, cands], design)
        k = int(np.argmin(vals))
        if vals[k] >= cur - 1e-15:
            return idx, cur
        idx, cur = cands[k], float(vals[k])


def _worker(args):
    seed, coding, n_chains, n_steps = args
    return anneal(seed, coding, n_chains, n_steps)


@dataclass
class Reconstruction:
    """Result of :func:`search`."""

    data: pd.DataFrame
    coding: str
    seed: int
    objective: float
    parts: dict
    runtime: float
    evaluations: int
    settings: dict = field(default_factory=dict)


def search(coding: str = "paper", seed: int = 2026, quick: bool = False, workers: int = 2,
           n_chains: int = 48, n_steps: int = 12000) -> Reconstruction:
    """Run the seeded search (annealing on ``workers`` processes, then :func:`polish`)."""
    if coding not in CODINGS:
        raise ValueError(f"coding must be one of {', '.join(CODINGS)}, got {coding!r}")
    if quick:
        n_chains, n_steps, workers = 8, 300, 1
    design = build_design()
    start = time.perf_counter()
    jobs = [(seed + w, coding, n_chains, n_steps) for w in range(workers)]
    if workers > 1:
        import multiprocessing as mp

        with mp.get_context("fork" if sys.platform != "win32" else "spawn").Pool(workers) as pool:
            results = pool.map(_worker, jobs)
    else:
        results = [_worker(j) for j in jobs]
    k = int(np.argmin([r[1] for r in results]))  # ties: lowest seed
    idx, _, _ = results[k]
    idx, value = polish(idx, coding, design)
    runtime = time.perf_counter() - start
    lv, _ = coding_levels(coding)
    vals = lv[np.arange(len(VARIABLES)), idx]
    data = assign_cases(pd.DataFrame(vals, columns=VARIABLES))
    parts = objective_parts(data[VARIABLES].to_numpy()[None], design)
    parts = {k2: np.asarray(v)[0].tolist() for k2, v in parts.items()}
    return Reconstruction(data, coding, seed, value, parts, runtime,
                          sum(r[2] for r in results),
                          {"workers": workers, "n_chains": n_chains, "n_steps": n_steps,
                           "quick": quick, "best_seed": seed + k})

