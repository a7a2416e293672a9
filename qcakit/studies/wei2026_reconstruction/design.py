"""The truth-table design that the published solution requires, and the constants of the
reconstruction (variables, codings, published numbers as arrays)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import numpy as np
import pandas as pd

from ...sets import parse
from .. import wei2026 as study

VARIABLES = study.CONDITIONS + [study.OUTCOME]
N_CASES = 27
K = len(study.CONDITIONS)
TOL = 1.4901161193847656e-08  # as qcakit.truthtable.TOLERANCE
DEAD_ZONE = 0.0005
LAMBDA = 0.05
RELAXED_THREE_ITEM = ("ORG", "STAFF", "FUSION")

CODINGS = {
    "paper": {v: (0.0, 0.501, 1.0) for v in VARIABLES},
    "relaxed": {v: ((0.0, 0.33, 0.67, 1.0) if v in RELAXED_THREE_ITEM else (0.0, 0.501, 1.0))
                for v in VARIABLES},
}
DATASET_NAMES = {"paper": "wei2026_reconstructed", "relaxed": "wei2026_reconstructed_relaxed"}

# published numbers as arrays: Table 3 rows SYS, ~SYS, ORG, ... x (consY, covY, cons~Y, cov~Y)
PUB_T3 = study.TABLE3.to_numpy(dtype=float)
# Table 4: rows raw coverage, unique coverage, consistency; columns configurations 1-5
PUB_T4 = study.TABLE4_FIT[["raw_coverage", "unique_coverage", "consistency"]].to_numpy().T
PUB_SOL = np.array([study.SOLUTION["consistency"], study.SOLUTION["coverage"]])


def _cube(literals: dict) -> tuple[int, int]:
    mask = value = 0
    for name, v in literals.items():
        bit = 1 << (K - 1 - study.CONDITIONS.index(name))
        mask |= bit
        value |= bit * v
    return mask, value


def _cube_rows(cube) -> np.ndarray:
    rows = np.arange(2 ** K)
    return (rows & cube[0]) == cube[1]


def _literals(expr: str) -> dict:
    """``"~SYS*ORG"`` -> ``{"SYS": 0, "ORG": 1}`` (one term, read by :func:`qcakit.parse`)."""
    (term,) = parse(expr)
    return dict(term)


@dataclass(frozen=True)
class Design:
    """Truth-table rows and prime-implicant facts that the published solution requires."""

    on_rows: np.ndarray            # (64,) rows that must be observed positive
    remainder_rows: np.ndarray     # (64,) rows in the core terms that must hold no case
    core_cubes: list               # parsimonious terms (mask, value)
    block_sets: np.ndarray         # (n_literals, 64) rows that can block each literal's removal
    cube_rows: np.ndarray          # (730, 64) rows of every cube (last: empty dummy)
    parents: np.ndarray            # (730, K) one-literal-larger cubes (dummy index for none)
    core_index: np.ndarray         # indices of the core cubes in cube_rows
    config_literals: np.ndarray    # (5, 2K) which columns of [X, 1-X] each configuration uses


def build_design(configurations: dict | None = None, chart: pd.DataFrame | None = None) -> Design:
    """The design of :data:`wei2026.CONFIGURATIONS` with cores from
    :data:`wei2026.TABLE4_CHART`."""
    configurations = configurations or study.CONFIGURATIONS
    chart = study.TABLE4_CHART if chart is None else chart
    on = np.zeros(2 ** K, dtype=bool)
    config_literals = np.zeros((len(configurations), 2 * K), dtype=bool)
    cores = []
    for c, (num, expr) in enumerate(configurations.items()):
        lits = _literals(expr)
        on |= _cube_rows(_cube(lits))
        for name, v in lits.items():
            config_literals[c, study.CONDITIONS.index(name) + (0 if v else K)] = True
        core = {n: v for n, v in lits.items() if str(chart.loc[n, num]).startswith("core")}
        if _cube(core) not in cores:
            cores.append(_cube(core))
    core_union = np.zeros(2 ** K, dtype=bool)
    for cube in cores:
        core_union |= _cube_rows(cube)
    blocks = []
    for mask, value in cores:
        for j in range(K):
            bit = 1 << (K - 1 - j)
            if mask & bit:
                blocks.append(_cube_rows((mask & ~bit, value & ~bit)))
    # every cube of K conditions: each condition fixed to 1, fixed to 0, or free
    cubes = []
    for digits in product((0, 1, 2), repeat=K):
        mask = value = 0
        for j, d in enumerate(digits):
            bit = 1 << (K - 1 - j)
            if d < 2:
                mask |= bit
                value |= bit * d
        cubes.append((mask, value))
    index = {c: i for i, c in enumerate(cubes)}
    dummy = len(cubes)
    cube_rows = np.vstack([np.array([_cube_rows(c) for c in cubes]),
                           np.zeros((1, 2 ** K), dtype=bool)])
    parents = np.full((len(cubes) + 1, K), dummy, dtype=np.int64)
    for i, (mask, value) in enumerate(cubes):
        for j in range(K):
            bit = 1 << (K - 1 - j)
            if mask & bit:
                parents[i, j] = index[(mask & ~bit, value & ~bit)]
    return Design(on, core_union & ~on, cores, np.array(blocks), cube_rows, parents,
                  np.array([index[c] for c in cores]), config_literals)

