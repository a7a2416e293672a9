"""The teaching calibration of the Xu, Hu & Liu (2024) data used by exercises 8 and 9.

The paper says it calibrated "with quartiles" but publishes neither its anchors nor its
calibrated memberships, and quartile anchors collapse for six of its seven conditions (exercise
2 shows why). For the later exercises we therefore fix one transparent calibration, a *teaching
choice* and not the authors' (the notebooks say so):

- SCALE and GROWTH (counts and growth rates): quartile anchors as the paper says, with Excel's
  QUARTILE.INC definition; the median of 11 cases is always one case's value, so that case is
  nudged from 0.5 to 0.501 (``nudge_half=True``), as fsQCA users commonly do;
- the six sums of sub-items scored 1 (met) / 0.5 (not mentioned) / 0 (not met): full exclusion
  at 0 (no sub-item met), full inclusion at the maximum (every sub-item met), crossover a quarter
  point above half the maximum, so that a case about which the sources say nothing (every
  sub-item 0.5) is more out than in.

>>> ANCHORS["ORG"], ANCHORS["MGMT"]
((0, 1.25, 2), (0, 1.75, 3))
>>> float(calibrated().loc["Dongyang county", "SCALE"])
0.501
"""
from __future__ import annotations

import warnings

from .. import QCAWarning, calibrate, datasets, percentile_anchors

DATASET = "xu2024_county_alliance"
CONDITIONS = ["SCALE", "ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT"]
OUTCOME = "GROWTH"
#: Anchors (exclusion, crossover, inclusion) of the six sub-item sums: 0, half max + 0.25, max.
SCALE_ANCHORS = {"ORG": (0, 1.25, 2), "MGMT": (0, 1.75, 3), "INFO": (0, 0.75, 1),
                 "SHARE": (0, 0.75, 1), "PAY": (0, 1.25, 2), "INCENT": (0, 1.25, 2)}


def raw():
    return datasets.load(DATASET)


def anchors(data=None) -> dict:
    """All anchors: quartiles (Excel QUARTILE.INC) of SCALE and GROWTH, scale anchors of the rest."""
    data = raw() if data is None else data
    out = percentile_anchors(data[["SCALE", OUTCOME]], method="excel_inc")
    out.update(SCALE_ANCHORS)
    return out


ANCHORS = anchors()


def calibrated(outcome_anchors=None):
    """The eleven cases calibrated with :data:`ANCHORS` (conditions and GROWTH)."""
    data = raw()
    th = dict(ANCHORS)
    if outcome_anchors is not None:
        th[OUTCOME] = tuple(outcome_anchors)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        return calibrate(data, {c: th[c] for c in CONDITIONS + [OUTCOME]}, nudge_half=True)
