"""The calibrated Xu, Hu & Liu (2024) data used by exercises 8 and 9: the lessons' calibration.

The paper does not publish its anchors or calibrated memberships. Lesson 12 reconstructs them
from the published necessity table (:mod:`qcakit.studies.xu2024`: 5th / 50th / 95th percentile
anchors, Ragin's direct method, INFO as a crisp set, memberships of exactly 0.5 moved to 0.501).
The exercises use that same calibration, so their numbers agree with lessons 12 to 16; the
outcome set is ``CAPACITY`` (improved service capacity, calibrated from the raw ``GROWTH``).

Exercise 9 also recalibrates the outcome with other anchors: ``outcome_anchors`` replaces the
``CAPACITY`` column by the direct calibration of raw ``GROWTH`` at those anchors (no nudge).

>>> OUTCOME, RAW_OUTCOME
('CAPACITY', 'GROWTH')
>>> float(calibrated().loc["Shanglin county, Nanning", "CAPACITY"])
0.501
"""
from __future__ import annotations

import warnings

from .. import QCAWarning, calibrate, datasets
from ..studies import xu2024

DATASET = xu2024.DATASET
CONDITIONS = list(xu2024.CONDITIONS)
OUTCOME = xu2024.OUTCOME
RAW_OUTCOME = xu2024.RAW_OUTCOME


def raw():
    return datasets.load(DATASET)


def calibrated(outcome_anchors=None):
    """The eleven cases calibrated as in lesson 12 (conditions and CAPACITY).

    With ``outcome_anchors=(exclusion, crossover, inclusion)`` the outcome is instead raw GROWTH
    calibrated with :func:`qcakit.calibrate` at those anchors.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        data = xu2024.calibrated()[CONDITIONS + [OUTCOME]]
        if outcome_anchors is not None:
            data = data.assign(**{OUTCOME: calibrate(raw()[RAW_OUTCOME],
                                                     thresholds=tuple(outcome_anchors))})
    data.attrs = {}
    return data
