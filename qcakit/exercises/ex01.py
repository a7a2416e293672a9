"""Checks for exercise 1, reading set memberships (Lipset data, ``lipset_fuzzy``).

>>> q2(...).status
'unanswered'
>>> q2(0.31).status
'incorrect'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import datasets, membership
from ._answers import read_names, read_number
from ._feedback import AnswerProblem, check, correct, partly, wrong
from ._verdicts import diagnose, multiple_choice

TOL = 0.005


def _data() -> pd.DataFrame:
    return datasets.load("lipset_fuzzy")


def _names(data) -> list:
    return list(data.index)


@check
def q1(answer):
    """Countries more in than out of DEV."""
    data = _data()
    given = read_names(answer, _names(data), "country codes")
    expected = set(data.index[data["DEV"] > 0.5])
    extra = sorted(given - expected)
    missing = expected - given
    if not extra and not missing:
        return correct(f"Right: these {len(expected)} countries score above 0.5 in DEV, so they "
                       "are more in than out of the set of developed countries.")
    details = [f"{c} scores {data.loc[c, 'DEV']:.2f} in DEV: "
               + ("exactly at the crossover, neither in nor out." if data.loc[c, "DEV"] == 0.5
                  else "below 0.5, so more out than in.") for c in extra]
    if missing:
        low = min(data.loc[c, "DEV"] for c in missing)
        hint = ("Every score above 0.5 counts, not only full members near 1"
                + (f"; look again at scores between 0.5 and {low + 0.01:.2f}." if low < 0.8
                   else "."))
        details.append(f"{len(missing)} countr{'y is' if len(missing) == 1 else 'ies are'} "
                       "missing from your list.")
    else:
        hint = "More in than out means a membership strictly above 0.5."
    status = partly if given & expected else wrong
    return status("Not quite: your list and the countries above 0.5 differ.", hint, details)


@check
def q2(answer):
    """Germany's membership in DEV*~STB, by hand."""
    data = _data()
    x = read_number(answer, "a membership score between 0 and 1")
    dev, stb = data.loc["DE", "DEV"], data.loc["DE", "STB"]
    return diagnose(
        x, float(membership(data, "DEV*~STB")["DE"]), TOL,
        f"Right: AND takes the minimum of DEV ({dev:.2f}) and not-STB (1 - {stb:.2f}).",
        [(min(dev, stb), "You used STB itself, but the expression asks for ~STB (not stable).",
          "The negation of a membership x is 1 - x."),
         (max(dev, 1 - stb), "That is the larger of the two values: you computed OR (the "
          "maximum).", "In fuzzy sets, AND (*) is the minimum of the memberships."),
         (dev * (1 - stb), "You multiplied the two memberships.",
          "Fuzzy AND is the minimum, not the product."),
         (min(1 - dev, stb), "You negated DEV; the expression negates STB only (DEV*~STB).", ""),
         (1 - dev, "You negated DEV; the expression negates STB only (DEV*~STB).", "")],
        "Look up Germany (DE) in DEV and STB, negate STB (1 - STB), then take the minimum, "
        "because * means AND.", lower=0, upper=1)


@check
def q3(answer):
    """Finland's membership in URB + STB, by hand."""
    data = _data()
    x = read_number(answer, "a membership score between 0 and 1")
    urb, stb = data.loc["FI", "URB"], data.loc["FI", "STB"]
    nothing_negated = ("Nothing is negated in URB + STB.", "Use the scores as they are.")
    return diagnose(
        x, float(membership(data, "URB + STB")["FI"]), TOL,
        "Right: OR (+) takes the maximum, so Finland is as much in 'urbanized or stable' as in "
        "its better-fitting set.",
        [(min(urb, stb), "That is the minimum: you computed AND.",
          "In fuzzy sets, OR (+) is the maximum of the memberships."),
         (urb + stb, "You added the memberships.", "Fuzzy OR is the maximum, not the sum."),
         (1 - urb, *nothing_negated), (1 - stb, *nothing_negated)],
        "Find Finland (FI) in URB and STB; '+' means OR, the maximum.", lower=0, upper=1)


@check
def q4(answer):
    """Series of every country's membership in DEV*~STB."""
    data = _data()
    expected = membership(data, "DEV*~STB")
    if isinstance(answer, pd.DataFrame):
        if answer.shape[1] == 1:
            answer = answer.iloc[:, 0]
        else:
            raise AnswerProblem(
                f"You gave a DataFrame with {answer.shape[1]} columns; this task asks for one "
                "Series (one membership per country).",
                "qcakit.membership(lf, 'DEV*~STB') returns such a Series.")
    if isinstance(answer, np.ndarray) and answer.shape == (len(data),):
        answer = pd.Series(answer, index=data.index)
        note = " (You gave a numpy array; a Series with the country codes as index is easier " \
               "to read.)"
    else:
        note = ""
    if not isinstance(answer, pd.Series):
        raise AnswerProblem(
            "This task asks for a pandas Series with one membership per country.",
            "Try qcakit.membership(lf, 'DEV*~STB'), or combine columns with np.minimum.")
    if len(answer) != len(data):
        return wrong(f"Your Series has {len(answer)} values; there are {len(data)} countries.")
    if not answer.index.equals(data.index):
        if set(map(str, answer.index)) == set(data.index):
            answer = answer.copy()
            answer.index = answer.index.map(str)
            answer = answer.reindex(data.index)
        else:
            return wrong("Your Series is not indexed by the country codes (AU, BE, ...).",
                         "Compute it from the columns of lf so the index is kept.")
    try:
        values = answer.to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise AnswerProblem("Your Series does not hold numbers.") from None
    if np.allclose(values, expected.to_numpy(), atol=TOL):
        return correct("Right: one membership per country, the minimum of DEV and 1 - STB."
                       + note)
    if np.allclose(values, np.minimum(data["DEV"], data["STB"]), atol=TOL):
        return wrong("These are memberships in DEV*STB: STB is not negated yet.",
                     "Use 1 - lf['STB'] for ~STB.")
    if np.allclose(values, np.maximum(data["DEV"], 1 - data["STB"]), atol=TOL):
        return wrong("These are maxima (OR); * means AND, the minimum.",
                     "np.minimum(a, b) takes the element-wise minimum of two Series.")
    if np.allclose(values, data["DEV"] * (1 - data["STB"]), atol=TOL):
        return wrong("These are products; fuzzy AND is the minimum.")
    wrong_n = int((np.abs(values - expected.to_numpy()) > TOL).sum())
    return wrong(f"{wrong_n} of the {len(data)} values differ from the memberships in DEV*~STB.",
                 "AND is the minimum; ~STB is 1 - STB.")


@check
def q5(answer):
    """Countries more in than out of DEV*~STB."""
    data = _data()
    given = read_names(answer, _names(data), "country codes")
    m = membership(data, "DEV*~STB")
    expected = set(m.index[m > 0.5])
    if given == expected:
        return correct("Right. Notice who they are: developed but politically unstable "
                       "countries, where democracy broke down.")
    details = [f"{c} has {m[c]:.2f} in DEV*~STB: more out than in." for c in sorted(given - expected)]
    missing = expected - given
    if missing:
        details.append(f"{len(missing)} countr{'y is' if len(missing) == 1 else 'ies are'} "
                       "missing.")
    return (partly if given & expected else wrong)(
        "Not quite.", "Use your Series from the previous task: which values are above 0.5?",
        details)


_Q6 = {
    "a": "A full member scores (close to) 1; 0.16 in DEV is close to full non-membership.",
    "b": None,
    "c": "DEV*STB is an AND: the minimum of 0.16 and 0.91, not the larger value.",
    "d": "0.91 in STB means Estonia is almost fully in the set of stable countries, not out.",
}


@check
def q6(answer):
    """Multiple choice: reading Estonia's scores."""
    return multiple_choice(
        answer, _Q6,
        "Right: below 0.5 is more out than in, above 0.5 more in than out. The "
                       "0.5 crossover is the point of maximal ambiguity.",
        "Compare each score with the crossover, 0.5.")
