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
from ..i18n import tr, tr_later, trn
from ._answers import Choice, Memberships, Names, Number
from ._feedback import check, correct, partly, wrong
from ._verdicts import MembershipTarget, Mistake, Target, multiple_choice

#: Decimals graded in the hand tasks 2 and 3 and per value in task 4 (the data have two).
DECIMALS = 2
MEMBERSHIP = tr_later("a membership score between 0 and 1")


def _data() -> pd.DataFrame:
    return datasets.load("lipset_fuzzy")


def _names() -> list:
    return list(_data().index)


COUNTRIES = Names(_names, tr_later("country codes"))


@check(COUNTRIES)
def q1(given):
    """Countries more in than out of DEV."""
    data = _data()
    expected = set(data.index[data["DEV"] > 0.5])
    extra = sorted(given - expected)
    missing = expected - given
    if not extra and not missing:
        return correct(tr("Right: these {n} countries score above 0.5 in DEV, so they are more in "
                          "than out of the set of developed countries.").format(n=len(expected)))
    details = [(tr("{country} scores {score} in DEV: exactly at the crossover, neither in nor "
                   "out.") if data.loc[c, "DEV"] == 0.5 else
                tr("{country} scores {score} in DEV: below 0.5, so more out than in."))
               .format(country=c, score=f"{data.loc[c, 'DEV']:.2f}") for c in extra]
    if missing:
        low = min(data.loc[c, "DEV"] for c in missing)
        hint = (tr("Every score above 0.5 counts, not only full members near 1; look again at "
                   "scores between 0.5 and {high}.").format(high=f"{low + 0.01:.2f}")
                if low < 0.8 else
                tr("Every score above 0.5 counts, not only full members near 1."))
        details.append(trn("{n} country is missing from your list.",
                           "{n} countries are missing from your list.", len(missing))
                       .format(n=len(missing)))
    else:
        hint = tr("More in than out means a membership strictly above 0.5.")
    status = partly if given & expected else wrong
    return status(tr("Not quite: your list and the countries above 0.5 differ."), hint, details)


@check(Number(MEMBERSHIP), graded=True)
def q2():
    """Germany's membership in DEV*~STB, by hand."""
    data = _data()
    dev, stb = data.loc["DE", "DEV"], data.loc["DE", "STB"]
    negated_dev = tr("You negated DEV; the expression negates STB only (DEV*~STB).")
    return Target(
        float(membership(data, "DEV*~STB")["DE"]), DECIMALS,
        tr("Right: AND takes the minimum of DEV ({dev}) and not-STB (1 - {stb}).").format(
            dev=f"{dev:.2f}", stb=f"{stb:.2f}"),
        tr("Look up Germany (DE) in DEV and STB, negate STB (1 - STB), then take the minimum, "
           "because * means AND."),
        [Mistake("STB not negated", min(dev, stb), tr("You used STB itself, but the expression "
                 "asks for ~STB (not stable)."), tr("The negation of a membership x is 1 - x.")),
         Mistake("OR (maximum)", max(dev, 1 - stb), tr("That is the larger of the two values: "
                 "you computed OR (the maximum)."), tr("In fuzzy sets, AND (*) is the minimum of "
                 "the memberships.")),
         Mistake("product", dev * (1 - stb), tr("You multiplied the two memberships."),
                 tr("Fuzzy AND is the minimum, not the product.")),
         Mistake("DEV negated instead", min(1 - dev, stb), negated_dev),
         Mistake("1 - DEV", 1 - dev, negated_dev),
         Mistake("mean", (dev + 1 - stb) / 2, tr("You averaged the two memberships."),
                 tr("Fuzzy AND is the minimum."))],
        lower=0, upper=1)


@check(Number(MEMBERSHIP), graded=True)
def q3():
    """Finland's membership in URB + STB, by hand."""
    data = _data()
    urb, stb = data.loc["FI", "URB"], data.loc["FI", "STB"]
    nothing_negated = (tr("Nothing is negated in URB + STB."), tr("Use the scores as they are."))
    return Target(
        float(membership(data, "URB + STB")["FI"]), DECIMALS,
        tr("Right: OR (+) takes the maximum, so Finland is as much in 'urbanized or stable' as "
           "in its better-fitting set."),
        tr("Find Finland (FI) in URB and STB; '+' means OR, the maximum."),
        [Mistake("AND (minimum)", min(urb, stb), tr("That is the minimum: you computed AND."),
                 tr("In fuzzy sets, OR (+) is the maximum of the memberships.")),
         Mistake("sum", urb + stb, tr("You added the memberships."),
                 tr("Fuzzy OR is the maximum, not the sum.")),
         Mistake("probabilistic OR", urb + stb - urb * stb, tr("You computed a + b - a*b, the "
                 "probabilistic OR."), tr("Fuzzy OR is the maximum, not the sum minus the "
                                          "product.")),
         Mistake("1 - URB", 1 - urb, *nothing_negated),
         Mistake("1 - STB", 1 - stb, *nothing_negated),
         Mistake("mean", (urb + stb) / 2, tr("You averaged the two memberships."),
                 tr("Fuzzy OR is the maximum."))],
        lower=0, upper=1)


@check(Memberships(_names, tr_later("countries"), tr_later("country")), graded=True)
def q4():
    """Series of every country's membership in DEV*~STB."""
    data = _data()
    dev, stb = data["DEV"], data["STB"]
    return MembershipTarget(
        membership(data, "DEV*~STB"), DECIMALS,
        tr("Right: one membership per country, the minimum of DEV and 1 - STB."),
        tr("AND is the minimum; ~STB is 1 - STB."),
        [Mistake("STB not negated", np.minimum(dev, stb), tr("These are memberships in "
                 "DEV*STB: STB is not negated yet."), tr("Use 1 - lf['STB'] for ~STB.")),
         Mistake("OR (maximum)", np.maximum(dev, 1 - stb), tr("These are maxima (OR); * means "
                 "AND, the minimum."), tr("np.minimum(a, b) takes the element-wise minimum of "
                                          "two Series.")),
         Mistake("product", dev * (1 - stb), tr("These are products; fuzzy AND is the minimum."),
                 tr("np.minimum(a, b) takes the element-wise minimum of two Series.")),
         Mistake("DEV negated instead", np.minimum(1 - dev, stb), tr("These are memberships in "
                 "~DEV*STB: you negated DEV instead of STB."), tr("Use 1 - lf['STB'] for ~STB.")),
         Mistake("~STB alone", 1 - stb, tr("These are memberships in ~STB alone; DEV is "
                                           "missing."),
                 tr("Combine DEV and 1 - STB with np.minimum."))])


@check(COUNTRIES)
def q5(given):
    """Countries more in than out of DEV*~STB."""
    data = _data()
    m = membership(data, "DEV*~STB")
    expected = set(m.index[m > 0.5])
    if given == expected:
        return correct(tr("Right. Notice who they are: developed but politically unstable "
                          "countries, where democracy broke down."))
    details = [tr("{country} has {score} in DEV*~STB: more out than in.").format(
        country=c, score=f"{m[c]:.2f}") for c in sorted(given - expected)]
    missing = expected - given
    if missing:
        details.append(trn("{n} country is missing.", "{n} countries are missing.",
                           len(missing)).format(n=len(missing)))
    return (partly if given & expected else wrong)(
        tr("Not quite."), tr("Use your Series from the previous task: which values are above "
                             "0.5?"), details)


_Q6 = {
    "a": tr_later("A full member scores (close to) 1; 0.16 in DEV is close to full "
                  "non-membership."),
    "b": None,
    "c": tr_later("DEV*STB is an AND: the minimum of 0.16 and 0.91, not the larger value."),
    "d": tr_later("0.91 in STB means Estonia is almost fully in the set of stable countries, "
                  "not out."),
}


@check(Choice("abcd"))
def q6(letter):
    """Multiple choice: reading Estonia's scores."""
    return multiple_choice(
        letter, _Q6,
        tr_later("Right: below 0.5 is more out than in, above 0.5 more in than out. The 0.5 "
                 "crossover is the point of maximal ambiguity."),
        tr_later("Compare each score with the crossover, 0.5."))
