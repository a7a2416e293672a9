"""Equally minimal models are listed in R QCA's order, so "model 1" is the same model in both.

Reference: tests/data/reference/model_order/qca_models.json, written by
tests/data/reference/scripts/h_model_order.R (QCA 3.25.1) from model_order/data.csv (random
data sets with several models; scripts/model_order_data.py). Models are compared as sets of
terms (QCA writes a model's terms in its own order; the kit keeps its display order).
"""
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import qcakit
from qcakit.minimize import _qca_order
from qcakit.sets import parse

REF = Path(__file__).parent / "data" / "reference" / "model_order"
RUNS = json.loads((REF / "qca_models.json").read_text())["runs"]
DATA = pd.read_csv(REF / "data.csv", index_col=0)
CONDITIONS = list("ABCDE")


def as_sets(expressions):
    return [frozenset(frozenset(t) for t in parse(e)) for e in expressions]


def solutions(run):
    data = DATA[DATA["set"] == run["set"]].drop(columns="set")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tt = qcakit.truth_table(data, "Y", CONDITIONS, incl_cut=run["incl_cut"])
        return {kind: qcakit.minimize(tt, kind, {c: 1 for c in CONDITIONS}
                                      if kind == "intermediate" else None)
                for kind in ("complex", "parsimonious", "intermediate")}


@pytest.mark.parametrize("run", RUNS, ids=[f"set{r['set']}-{r['incl_cut']}" for r in RUNS])
def test_models_in_qca_order(run):
    sols = solutions(run)
    assert as_sets(sols["complex"].expressions) == as_sets(run["complex"])
    assert as_sets(sols["parsimonious"].expressions) == as_sets(run["parsimonious"])
    # QCA lists the intermediate models per (complex model, parsimonious model) pair, C1P1
    # first; the kit lists each distinct model once, in that order.
    flat = list(dict.fromkeys(m for pair in run["intermediate"].values()
                              for m in as_sets(pair)))
    assert as_sets(sols["intermediate"].expressions) == flat


def test_reference_covers_several_models_of_each_type():
    many = {kind: sum(len(r[kind]) >= 3 for r in RUNS) for kind in ("complex", "parsimonious")}
    many["intermediate"] = sum(len({m for p in r["intermediate"].values() for m in p}) >= 3
                               for r in RUNS)
    assert min(many.values()) >= 10, many


def test_qca_pi_order_by_hand():
    # k = 5 (A..E). Fewer literals first; then condition by condition ~X, X, X absent.
    terms = ["A*~B", "~A*C", "B*~C", "~A*B", "A*~C", "E", "~D"]
    k = 5
    cubes = []
    for t in terms:
        mask = value = 0
        for name, v in parse(t)[0]:
            bit = 1 << (k - 1 - "ABCDE".index(name))
            mask, value = mask | bit, value | (bit if v else 0)
        cubes.append((mask, value))
    names = dict(zip(cubes, terms))
    assert [names[c] for c in _qca_order(cubes, k)] == [
        "~D", "E", "~A*B", "~A*C", "A*~B", "A*~C", "B*~C"]


def test_qca_pi_order_when_every_implicant_has_the_condition():
    # QCA's sort leaves the last implicant of a block that spans the whole list in place:
    # for A and ~A (k = 1) it keeps A first, where the rule "~X before X" would swap them.
    assert _qca_order([(1, 1), (1, 0)], 1) == [(1, 1), (1, 0)]
