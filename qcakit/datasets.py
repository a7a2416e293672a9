"""Datasets bundled with qcakit, loaded with :mod:`importlib.resources`.

The files live in the repository's top-level ``datasets/`` folder, which is installed as the
package ``qcakit.data``, so loading works from a read-only installed kit as well as from a clone.
Each dataset ``name`` is a ``name.csv`` (the cases) and a ``name.json`` (its data dictionary:
labels in English and Chinese, meaning, source table, provenance).

>>> from qcakit import datasets
>>> df = datasets.load("xu2024_county_alliance")
>>> df.shape[0]
11
>>> datasets.dictionary("xu2024_county_alliance").loc["SCALE", "role"]
'condition'
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

import pandas as pd

from . import _kinds as K
from ._spec import accepts

_PACKAGE = "qcakit.data"


def available() -> list[str]:
    """Names of the bundled datasets, sorted."""
    return sorted(
        p.name[: -len(".json")] for p in files(_PACKAGE).iterdir() if p.name.endswith(".json")
    )


#: A dataset's name: one of :func:`available` (the fix lists them).
NAME = K.OneOf(lambda arg: available(), what="dataset")


@accepts(name=NAME)
@lru_cache(maxsize=None)
def info(name: str) -> dict:
    """The data dictionary of dataset ``name`` as a dict (title, citation, provenance, variables)."""
    return json.loads(files(_PACKAGE).joinpath(f"{name}.json").read_text(encoding="utf-8"))


@accepts(name=NAME)
def load(name: str) -> pd.DataFrame:
    """Load dataset ``name`` as a DataFrame indexed by its case labels.

    A fresh copy is returned on every call, so a notebook may modify it freely.
    """
    meta = info(name)
    with files(_PACKAGE).joinpath(f"{name}.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh)
    index = meta.get("index")
    if index:
        df = df.set_index(index)
    df.attrs["dataset"] = name
    return df


@accepts(name=NAME)
def path(name: str) -> str:
    """The file path of dataset ``name``'s CSV, for reading it the way you would read your own
    file (``pd.read_csv(qcakit.datasets.path(name))``). The installed file is read-only.

    >>> import pandas as pd
    >>> pd.read_csv(path("lipset_fuzzy")).shape
    (18, 8)
    """
    return str(files(_PACKAGE).joinpath(f"{name}.csv"))


@accepts(name=NAME)
def dictionary(name: str) -> pd.DataFrame:
    """The variables of dataset ``name``: role, labels (English, Chinese), meaning, source."""
    return pd.DataFrame(info(name)["variables"]).set_index("name")
