"""The dataset writer: ``<name>.csv`` and ``<name>.json`` (data dictionary with provenance)
for a reconstruction."""
from __future__ import annotations

import json
import os

from ... import datasets
from .. import wei2026 as study
from .checks import largest_differences, residual_list
from .design import CODINGS, DATASET_NAMES, DEAD_ZONE, LAMBDA, VARIABLES
from .search import Reconstruction

#: How the stand-in's rows are labelled (part of every reconstruction's provenance).
CASE_LABELS_TEXT = (
    "Case labels: the cases are exchangeable for every published table, so any permutation of "
    "the rows fits equally well and the case-to-score assignment carries no information; the "
    "paper publishes no score for any case. All 27 rows are therefore labelled S01-S27 and "
    "carry no county name: no row is any county's data. The only case-level information in "
    "the paper is that its text (section 二(二)) cites four cases of Table 1 as examples of its "
    "pathways (dataset wei2026_cases, columns paper_mentions and paper_text_zh; it holds no "
    "scores). So that lessons can point to a row of such a pathway, one row per cited example, "
    "in the outcome and in a configuration of that pathway, was set aside: "
    + "; ".join(f"{label} (pathway {pathway}, configuration"
                f"{'s' if len(study.PATHWAYS.loc[pathway, 'configurations']) > 1 else ''} "
                f"{', '.join(study.PATHWAYS.loc[pathway, 'configurations'])})"
                for label, pathway in study.STAND_IN_PLACED.items())
    + ". That a cited case is a member of its pathway's configuration is our inference; which "
    "row was set aside is arbitrary, and every score in these rows is invented like all others. "
    "S01-S23 are the other rows, in the order of their score profiles. See notebook "
    "22_wei_reconstruction.")


def provenance_text(coding: str, rec: Reconstruction, t3_bound: float | None) -> str:
    """The data dictionary's provenance: how the scores were made and how well they fit."""
    res = residual_list(rec.data)
    worst = largest_differences(rec.data)
    if coding == "paper":
        coding_text = ("every score is 0, 0.501 or 1, as the paper's direct calibration "
                       "(section 一(三)3) allows")
    else:
        coding_text = ("RELAXED coding: ORG, STAFF and FUSION (whose rubric has three items) "
                       "scored by the share of items met (0, 0.33, 0.67, 1); SYS, SERV, INFO, "
                       "PERF keep 0, 0.501, 1. This departs from the paper's stated coding and "
                       "exists only to show which published numbers a finer coding can reach")
    provenance = (
        f"RECONSTRUCTED by the qcakit project; NOT the authors' data. The paper publishes no "
        f"case-level scores. These scores were produced by qcakit/studies/"
        f"wei2026_reconstruction/ (python -m qcakit.studies.wei2026_reconstruction --write, "
        f"seed {rec.seed}, coding '{coding}': {coding_text}). Objective: sum of squared "
        f"differences beyond rounding (|ours - printed| - 0.0005, floored at 0) over the 48 "
        f"numbers of Table 3 and the 17 of Table 4 (the five published configurations evaluated "
        f"as expressions, plus solution consistency and coverage), plus a penalty of "
        f"{LAMBDA} per violation of the truth-table design under which qcakit's minimization "
        f"(frequency cut 1, consistency cut 0.8, PRI cut 0.7, no directional expectations) "
        f"returns the five published configurations with the core/peripheral conditions read "
        f"from the paper's text. Method: simulated annealing ({rec.settings.get('workers')} "
        f"workers x {rec.settings.get('n_chains')} chains x {rec.settings.get('n_steps')} "
        f"steps), then greedy polishing. Result: objective {rec.objective:.6g}, structural "
        f"violations {int(sum(rec.parts['structure']))}; "
        f"{int((res['abs_difference'] < 1e-9).sum())} of {len(res)} published numbers "
        f"reproduced as printed; largest difference from Table 3: "
        f"{worst.loc['Table 3', 'abs_difference']:.3f} ({worst.loc['Table 3', 'row']} "
        f"{worst.loc['Table 3', 'statistic']}, {worst.loc['Table 3', 'part']}), from Table 4: "
        f"{worst.loc['Table 4', 'abs_difference']:.3f} ({worst.loc['Table 4', 'row']} "
        f"{worst.loc['Table 4', 'statistic']}). "
        + (f"The best Table 3 fit possible under this coding (exact enumeration) has squared "
           f"error {t3_bound:.6g}; this data set's Table 3 part is "
           f"{rec.parts['table3']:.6g}. " if t3_bound is not None else "")
        + CASE_LABELS_TEXT)
    return provenance


def _variables(coding: str) -> list[dict]:
    """The data dictionary's variables: the case label, then each condition and the outcome."""
    scale = {v: ", ".join(f"{s:g}" for s in CODINGS[coding][v]) for v in VARIABLES}
    variables = [{
        "name": "case", "role": "id", "label_en": "Case label", "label_zh": None,
        "meaning": "Stand-in row label, S01-S27: neutral labels, no county; S24-S27 are the rows "
                   "set aside for the paper's pathway examples (see provenance). No score comes "
                   "from the paper. The case list itself is wei2026_cases.",
        "unit_or_scale": "text", "parent": None, "source_table": "none (reconstructed)",
    }]
    for v in VARIABLES:
        role = "outcome" if v == study.OUTCOME else "condition"
        variables.append({
            "name": v, "role": role, "label_en": study.LABELS_EN[v],
            "label_zh": study.LABELS_ZH[v],
            "meaning": f"Reconstructed membership in '{study.LABELS_EN[v]}' "
                       f"({study.LABELS_ZH[v]}); rubric in wei2026_rubric. Not coded from the "
                       "case text.",
            "unit_or_scale": f"fuzzy membership, one of {scale[v]}",
            "parent": None, "source_table": "reconstructed to fit Tables 3-4",
        })
    return variables


def dictionary(coding: str, rec: Reconstruction, t3_bound: float | None) -> dict:
    """The data dictionary (``<name>.json``) of a reconstruction."""
    return {
        "name": DATASET_NAMES[coding],
        "title": ("Reconstructed (not the authors') membership scores for the 27 cases of Wei, "
                  "Zhou & Xu (2026)" + (" - relaxed coding" if coding == "relaxed" else "")),
        "description": ("A stand-in data set made by the qcakit project so that learners can "
                        "rerun the paper's analysis step by step: 27 cases x 6 conditions and "
                        "the outcome, found by a seeded search to reproduce the published "
                        "Tables 3 and 4 as closely as the coding allows. It is consistent with "
                        "the published tables, not with the case texts; it is not the authors' "
                        "data and must not be cited as such."),
        "citation": study_citation(),
        "source": "Reconstructed from Tables 3 and 4 of wei2026_prevention_integration_27cases"
                  "_zh.md by qcakit/studies/wei2026_reconstruction/.",
        "provenance": provenance_text(coding, rec, t3_bound),
        "reconstructed": True,
        "index": "case",
        "reconstruction": {
            "script": "python -m qcakit.studies.wei2026_reconstruction --write",
            "coding": coding, "scores": {v: list(CODINGS[coding][v]) for v in VARIABLES},
            "seed": rec.seed, "objective": rec.objective,
            "objective_table3": rec.parts["table3"], "objective_table4": rec.parts["table4"],
            "structure_violations": [int(s) for s in rec.parts["structure"]],
            "table3_exact_bound": t3_bound,
            "runtime_seconds": round(rec.runtime, 1), "evaluations": rec.evaluations,
            "settings": rec.settings, "lambda": LAMBDA, "dead_zone": DEAD_ZONE,
        },
        "variables": _variables(coding),
    }


def study_citation() -> str:
    return datasets.info("wei2026_cases")["citation"]


def write(rec: Reconstruction, out_dir: str, t3_bound: float | None = None) -> list[str]:
    """Write ``<name>.csv`` and ``<name>.json`` for a reconstruction; returns the paths."""
    name = DATASET_NAMES[rec.coding]
    csv = os.path.join(out_dir, f"{name}.csv")
    js = os.path.join(out_dir, f"{name}.json")
    rec.data.reset_index().to_csv(csv, index=False, float_format="%g", lineterminator="\n")
    with open(js, "w", encoding="utf-8") as fh:
        json.dump(dictionary(rec.coding, rec, t3_bound), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return [csv, js]

