"""Reproduced studies: one module per paper.

Each module holds the documented analysis choices of its paper (anchors, cuts, directional
expectations), shared by its notebooks, tests and widgets, and the paper's published tables as
data. The published numbers are used *only* for side-by-side comparison (:func:`compare`),
never as results.

>>> import pandas as pd
>>> published = pd.DataFrame({"consistency": [0.945]}, index=["ORG"])
>>> ours = pd.DataFrame({"consistency": [0.9512]}, index=["ORG"])
>>> compare(published, ours)
     consistency (published)  consistency (ours)  consistency (difference)
ORG                    0.945               0.951                     0.006
"""
from __future__ import annotations

import pandas as pd


def compare(published: pd.DataFrame, ours: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """Published and reproduced numbers side by side, with ``ours - published``.

    Rows and columns are matched by label; ``ours`` is rounded to ``digits`` (the paper's
    precision) before the difference is taken, so a difference of 0 means "reproduced as
    printed". Labels missing on either side show as empty cells.
    """
    columns = [c for c in published.columns if c in ours.columns]
    index = published.index.union(ours.index, sort=False)
    out = {}
    for col in columns:
        pub = published[col].reindex(index).astype(float)
        our = ours[col].reindex(index).astype(float).round(digits)
        out[f"{col} (published)"] = pub
        out[f"{col} (ours)"] = our
        out[f"{col} (difference)"] = (our - pub).round(digits)
    return pd.DataFrame(out, index=index)
