"""Write model_order/data.csv: random fuzzy data sets (conditions A-E, outcome Y) whose
solutions have several equally minimal models (our own generator; seeds listed in the file).

Run from the repository root: .venv/bin/python tests/data/reference/scripts/model_order_data.py
"""
from pathlib import Path

import numpy as np
import pandas as pd

SEEDS = [1, 2, 3, 5, 6, 7, 11, 12, 16, 18, 22, 24, 26, 28, 30, 31, 34, 35, 38]
OUT = Path(__file__).resolve().parents[1] / "model_order" / "data.csv"


def data_set(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(20, 45))
    x = np.round(rng.uniform(0, 1, (n, 5)), 2)
    y = np.maximum(np.minimum(x[:, 0], 1 - x[:, 1]), np.minimum(x[:, 2], x[:, 3]))
    y = np.round(np.clip(y + rng.normal(0, 0.15, n), 0, 1), 2)
    d = pd.DataFrame(x, columns=list("ABCDE"))
    d["Y"] = y
    d.insert(0, "set", seed)
    d.index = [f"s{seed}c{i + 1}" for i in range(n)]
    return d


if __name__ == "__main__":
    pd.concat([data_set(s) for s in SEEDS]).to_csv(OUT, index_label="case")
    print("wrote", OUT)
