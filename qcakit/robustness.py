"""Robustness test protocol for fsQCA (Oana & Schneider 2021), from raw data to robustness figures.

The *initial solution* (IS) comes from the analyst's calibration anchors, consistency cut and
frequency cut. Each *test setting* changes one of these choices within a sensible range (one at
a time: one calibration crossover, or the consistency cut, or the frequency cut), recalibrates,
rebuilds the truth table and minimizes again, giving a *test solution*. The test set TS is
all test solutions. With memberships taken case by case:

- MinTS = minimum over the test solutions (their intersection), MaxTS = maximum (their union);
- robust core RC = min(IS, MinTS): what every solution, the initial one included, agrees on;
- ``RF_cov = cov(RC) / cov(IS)``: how much of the IS's coverage the robust core keeps;
- ``RF_cons = cons(IS) / cons(RC)``: the IS's consistency relative to the core's;
- ``RF_SC_minTS = sum min(IS, MinTS) / sum max(IS, MinTS)`` and ``RF_SC_maxTS`` (same with
  MaxTS): set-coincidence of IS with the core and with the union of the tests.

These are the formulas of SetMethods ``rob.fit`` / ``rob.corefit``, with one deliberate
difference: SetMethods (3.x) loops ``for (i in length(test_sol))`` and so takes MinTS and MaxTS
over the first and last test solutions only; we take them over *all* test solutions, as the
paper defines them (with two test solutions the two agree). SetMethods also rounds
consistency and coverage to 3 decimals before dividing; we do not, so RF_cov and RF_cons can
differ from its print-out in the third decimal (Lipset data: RF_cov 0.7286 here, 0.728 there;
``tests/test_robustness.py``). RF_cov and RF_SC lie in [0, 1]; RF_cons is usually <= 1 but can
exceed 1.

Case-level robustness follows SetMethods ``rob.cases``: with Y > 0.5 (typical) or Y < 0.5
(deviant), a case in IS*MinTS is *robust*, in IS*~MinTS *shaky*, in ~IS*MaxTS *possible*,
and one in ~IS*~MaxTS is an *extreme deviant coverage* case (Y > 0.5) or *irrelevant*
(Y < 0.5). The case table also gives each case's solution-level type (:mod:`qcakit.cases`)
under every setting and how many settings change it.

If a test setting leaves no truth-table row with OUT = 1, its test solution is the empty set
(membership 0 for every case), which is what it says: nothing is sufficient under that setting.
Where several models are equally minimal, the first is used (and the table says how many there
were): the models are in R QCA's order, so this is SetMethods' model 1; ``model=`` picks another
model of the initial solution. :func:`robustness_from_solutions` takes test solutions you
already have. The result also gives the core fit (``rob.corefit``), SetMethods' case ratios
RCR_typ, RCR_dev and RCC_Rank (:func:`case_ratios`) and each test alone
(:meth:`Robustness.single_tests`, ``rob.singletest``); all agree with SetMethods 4.0
(``tests/test_robustness_parity.py``).

>>> from qcakit import datasets
>>> raw = datasets.load("xu2024_county_alliance")
>>> spec = {"SCALE": (9.5, 15, 27.5), "MGMT": (1.75, 2, 2.75), "PAY": (0.5, 1.5, 2),
...         "GROWTH": (-2.34, 2.8, 24.76)}
>>> r = robustness(raw, spec, "GROWTH", ["SCALE", "MGMT", "PAY"], incl_cut=0.8,
...                anchor_shifts={"SCALE": (-2, 0, 2)}, incl_cuts=(0.75, 0.8, 0.85),
...                n_cuts=(1, 2), calibrate_options={"nudge_half": True})
>>> list(r.tests.index)
['SCALE crossover -2', 'SCALE crossover +2', 'incl_cut 0.75', 'incl_cut 0.85', 'n_cut 2']
>>> sorted(r.fit)
['RF_SC_maxTS', 'RF_SC_minTS', 'RF_cons', 'RF_cov']
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from . import _kinds as K
from ._spec import accepts
from .calibrate import calibrate
from .cases import classify
from .counterfactuals import esa as enhanced_standard_analysis
from .errors import QCAInputError, QCAWarning
from .fonts import draws
from .i18n import tr, tr_later
from .minimize import SOLUTION_TYPES, minimize
from .plot import PALETTE, _cases_to_label, label_points, unit_square
from .sets import membership
from .truthtable import truth_table


def _calibrate_all(raw, spec, shift_col=None, shift=0.0, options=None, columns=None, which=1):
    """Memberships of every column of ``spec``; ``shift_col``'s anchor number ``which``
    (0 exclusion, 1 crossover, 2 inclusion) moved by ``shift``."""
    if spec is None:  # already calibrated: the memberships as they are
        return pd.DataFrame({c: _checks.membership_column(raw, c) for c in columns},
                            index=raw.index)
    out = {}
    for col, how in spec.items():
        d = shift if col == shift_col else 0.0
        if callable(how):
            out[col] = how(raw[col], d)
        else:
            anchors = [float(a) for a in how]
            if len(anchors) == 3:
                anchors[which] += d
                out[col] = calibrate(raw[col], tuple(anchors), **(options or {}))
            else:
                out[col] = calibrate(raw[col], tuple(a + d for a in anchors), method="crisp")
    return pd.DataFrame(out, index=raw.index)


def _check_range(values, initial, what: str):
    values = list(values)
    if not values:
        raise QCAInputError(
            tr("The test range for {what} is empty: give at least the initial setting "
               "({initial}) and one alternative.").format(what=what, initial=repr(initial)))
    if not any(math.isclose(float(v), float(initial)) for v in values):
        raise QCAInputError(
            tr("The test range for {what} ({values}) does not contain the initial setting "
               "{initial}. A robustness range brackets the initial choice: add it to the "
               "range.").format(what=what, values=", ".join(map(str, values)),
                                initial=repr(initial)))
    return [v for v in values if not math.isclose(float(v), float(initial))]


def _spec(raw, calibration, outcome, conditions) -> dict:
    """The calibration of the outcome and the conditions (each must have one); None when the
    data are calibrated memberships already."""
    if calibration is None:
        return None
    missing = [c for c in [outcome] + conditions if c not in calibration]
    if missing:
        raise QCAInputError(
            tr("No calibration for {names}: the calibration dict needs anchors for the outcome "
               "and every condition.").format(names=", ".join(map(repr, missing))))
    return {c: calibration[c] for c in [outcome] + conditions}


def _settings(spec, anchor_shifts, incl_cut, incl_cuts, n_cut, n_cuts):
    """Every test setting: (label, column shifted, shift, incl_cut, n_cut)."""
    out = []
    if anchor_shifts and spec is None:
        raise QCAInputError(
            tr("anchor_shifts needs the raw data and their calibration: with calibration=None "
               "the data are taken as memberships, which have no anchors to move. Give "
               "robustness(raw, {{column: anchors}}, ...), or test only incl_cuts and n_cuts.")
            .format())
    for col, shifts in (anchor_shifts or {}).items():
        if col not in spec:
            raise QCAInputError(
                tr("anchor_shifts names {name}, which has no calibration in the spec "
                   "(calibrated columns: {columns}).").format(name=repr(col),
                                                             columns=", ".join(spec)))
        for s in _check_range(shifts, 0.0, tr("the crossover of {name} (shift)").format(
                name=repr(col))):
            out.append((f"{col} crossover {float(s):+g}", col, float(s), incl_cut, n_cut))
    for c in (_check_range(incl_cuts, incl_cut, tr("the consistency cut"))
              if incl_cuts is not None else []):
        out.append((f"incl_cut {float(c):g}", None, 0.0, float(c), n_cut))
    for k in (_check_range(n_cuts, n_cut, tr("the frequency cut"))
              if n_cuts is not None else []):
        out.append((f"n_cut {int(k)}", None, 0.0, incl_cut, int(k)))
    if not out:
        raise QCAInputError(
            tr("No test settings: give anchor_shifts, incl_cuts or n_cuts with at least one "
               "value besides the initial setting."))
    return out


def _solve(sets, outcome, conditions, incl_cut, n_cut, solution, directional, pri_cut=None,
           model=0, esa=None):
    """(expression, number of models, solution memberships) for one setting; ``esa``: the
    options of :func:`qcakit.esa`, applied to this setting's truth table."""
    tt = truth_table(sets, outcome, conditions, incl_cut=incl_cut, n_cut=n_cut, pri_cut=pri_cut)
    barred = None
    if esa and (tt.table["OUT"] == "1").any():
        barred = enhanced_standard_analysis(tt, **esa)
        tt = barred.truth_table if barred.truth_table is not None else tt  # observed=True
    if not (tt.table["OUT"] == "1").any():
        return "(none)", 0, np.zeros(len(sets))
    sol = minimize(tt, solution, directional, exclude=barred)
    if not 0 <= model < len(sol.models):
        raise QCAInputError(
            tr("model must be 0 to {last} (the initial solution has {n} model(s)), got "
               "{value}.").format(last=len(sol.models) - 1, n=len(sol.models),
                                  value=repr(model)))
    expr = sol.expressions[model]
    return expr, len(sol.models), membership(sets, expr).to_numpy()


@accepts(raw=K.Frame(), calibration=K.Calibration("raw", functions=True, optional=True),
         outcome=K.Column("raw", what="column"),
         conditions=K.Columns("raw", optional=False, unknown="column"),
         incl_cut=K.Cut(), n_cut=K.Count(1),
         solution=K.OneOf("complex", "parsimonious", "intermediate", what="solution type"),
         directional=K.Directional("conditions"), anchor_shifts=K.Shifts(),
         incl_cuts=K.Cuts(K.Cut(), "incl_cut", at_least=0),
         n_cuts=K.Cuts(K.Count(1), "n_cut", at_least=0),
         calibrate_options=K.Options(("idm", "digits", "nudge_half", "ties"),
                                     "qcakit.calibrate"),
         pri_cut=K.Cut(optional=True), model=K.Count(0),
         esa=K.Options(("necessary", "impossible", "contradictory", "observed"), "qcakit.esa"))
def robustness(raw: pd.DataFrame, calibration: Mapping, outcome: str, conditions, *,
               incl_cut: float = 0.8, n_cut: int = 1, solution: str = "parsimonious",
               directional=None, anchor_shifts: Mapping | None = None, incl_cuts=None,
               n_cuts=None, calibrate_options: Mapping | None = None,
               pri_cut: float | None = None, model: int = 0,
               esa: Mapping | None = None) -> Robustness:
    """Run the robustness protocol on ``raw`` data (see the module docstring).

    Parameters
    ----------
    raw : raw scores, one row per case (or memberships, with ``calibration=None``).
    calibration : ``{column: anchors}`` for the outcome and every condition: three anchors
        (direct method), one or more thresholds (crisp), or a function ``f(raw_column, shift)``
        returning memberships (for special recipes such as tied anchors). ``None``: ``raw``
        already holds calibrated memberships (then only ``incl_cuts`` and ``n_cuts`` can be
        tested).
    outcome, conditions : column names (calibrated under the same names).
    incl_cut, n_cut, solution, directional : the initial setting (see :func:`qcakit.minimize`).
    anchor_shifts : ``{column: shifts}`` in raw units: a shift moves the crossover of direct
        anchors, every threshold of a crisp calibration, or is passed to a calibration function.
        Each range must contain 0 (the initial anchors).
    incl_cuts, n_cuts : ranges of the consistency and frequency cuts, containing the initial one.
    calibrate_options : passed to :func:`qcakit.calibrate` (e.g. ``{"nudge_half": True}``).
    pri_cut : PRI cut of the initial setting, kept in every test setting (see
        :func:`qcakit.truth_table`).
    model : which of the initial solution's equally minimal models is the IS (0 = the first,
        in R QCA's order, as SetMethods uses). Test solutions are always their first model,
        as in SetMethods.
    esa : the Enhanced Standard Analysis of the initial solution, as options of
        :func:`qcakit.esa` (``necessary``, ``impossible``, ``contradictory``, ``observed``),
        e.g. ``{"necessary": ["A"], "contradictory": True}``. It is redone on the truth table
        of every setting, initial and test alike, and the solution minimized with what it
        bars: incoherent and untenable remainders follow from the declared expressions, and
        contradictory simplifying assumptions are found anew for each setting's truth table
        (a remainder in one setting can be an observed row in another). Each test solution
        then rests on the same counterfactual decisions as the reported one, changing only
        the setting's one choice. ``None``: no remainder is barred.

    Test solutions you already have (e.g. from other analysts' choices): use
    :func:`robustness_from_solutions`.
    """
    spec = _spec(raw, calibration, outcome, conditions)
    settings = _settings(spec, anchor_shifts, incl_cut, incl_cuts, n_cut, n_cuts)
    args = (outcome, conditions)
    notes = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QCAWarning)
        sets = _calibrate_all(raw, spec, options=calibrate_options,
                              columns=[outcome] + conditions)
        is_expr, is_models, is_m = _solve(sets, *args, incl_cut, n_cut, solution, directional,
                                          pri_cut, model, esa)
    seen = list(dict.fromkeys(str(w.message) for w in caught))
    notes += [tr("initial setting: {warning}").format(warning=m) for m in seen]
    rows, members, ys = [], {}, {}
    for label, col, shift, ic, nc in settings:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", QCAWarning)
            s = _calibrate_all(raw, spec, col, shift, calibrate_options) if col else sets
            expr, models, m = _solve(s, *args, ic, nc, solution, directional, pri_cut,
                                     esa=esa)
        # only what this setting adds to the initial setting's warnings
        notes += [tr("{setting}: {warning}").format(setting=label, warning=m)
                  for m in dict.fromkeys(str(w.message) for w in caught) if m not in seen]
        members[label], ys[label] = m, s[outcome].to_numpy()
        rows.append({"setting": label, "solution": expr, "models": models,
                     **_fit_of(m, ys[label])})
    y = sets[outcome].to_numpy()
    tests = pd.DataFrame(rows).set_index("setting")
    ts = pd.DataFrame(members, index=raw.index)
    result = _result(is_expr, is_models, is_m, y, ts, ys, tests, raw.index, outcome)
    if notes:
        _checks.warn(tr("{n} warning(s) while computing the settings; they are listed in "
                        "result.notes.").format(n=len(notes)))
        result.notes += notes
    return result


def _fit_of(m, y) -> dict:
    if m.sum() == 0:
        return {"consistency": np.nan, "coverage": 0.0}
    return {"consistency": fit.consistency(m, y), "coverage": fit.coverage(m, y)}


@accepts(initial=K.Numbers(0, 1), tests=K.MembershipTable("initial"),
         y=K.Numbers(0, 1, count_of="initial"))
def robustness_fit(initial, tests, y) -> dict:
    """RF_cov, RF_cons, RF_SC_minTS and RF_SC_maxTS from memberships (cases x test solutions).

    >>> rf = robustness_fit([0.8, 0.2], [[0.6, 0.9], [0.1, 0.3]], [0.9, 0.1])
    >>> {k: round(v, 3) for k, v in rf.items()}
    {'RF_cov': 0.778, 'RF_cons': 0.9, 'RF_SC_minTS': 0.7, 'RF_SC_maxTS': 0.833}
    """
    initial, y = np.asarray(initial, dtype=float), np.asarray(y, dtype=float)
    tests = np.asarray(tests, dtype=float).reshape(len(initial), -1)
    lo, hi = tests.min(axis=1), tests.max(axis=1)
    core = np.minimum(initial, lo)
    if initial.sum() == 0:
        raise QCAInputError(tr("The initial solution is empty (no case has membership in "
                               "it): there is nothing whose robustness could be tested."))
    out = {"RF_cov": fit.coverage(core, y) / fit.coverage(initial, y),
           "RF_cons": (fit.consistency(initial, y) / fit.consistency(core, y)
                       if core.sum() > 0 else np.nan)}
    for name, ts in (("RF_SC_minTS", lo), ("RF_SC_maxTS", hi)):
        out[name] = float(np.minimum(initial, ts).sum() / np.maximum(initial, ts).sum())
    return {k: float(v) for k, v in out.items()}


#: The note of an empty robust core (kept apart from the warnings in :meth:`Robustness._notes`).
EMPTY_CORE = tr_later("The robust core is empty (some test solution shares no case with the "
                      "initial solution), so RF_cons is undefined and shown as NaN.")

ROB_CLASSES = {(True, True): "robust", (True, False): "shaky", (False, True): "possible",
               (False, False): "outside"}


@accepts(initial=K.Numbers(0, 1), min_ts=K.Numbers(0, 1, count_of="initial"),
         max_ts=K.Numbers(0, 1, count_of="initial"), y=K.Numbers(0, 1, count_of="initial"))
def case_robustness(initial, min_ts, max_ts, y) -> np.ndarray:
    """SetMethods ``rob.cases`` class of every case (robust / shaky / possible typical or deviant,
    extreme deviant coverage, irrelevant); cases at exactly 0.5 are "on the crossover".

    >>> case_robustness([0.9, 0.9, 0.2, 0.1], [0.8, 0.3, 0.1, 0.0],
    ...                 [0.9, 0.9, 0.7, 0.2], [0.8, 0.2, 0.9, 0.7]).tolist()
    ['robust typical', 'shaky deviant', 'possible typical', 'extreme deviant coverage']
    """
    i, lo, hi, y = (np.asarray(a, dtype=float) for a in (initial, min_ts, max_ts, y))
    out = []
    for a, b, c, d in zip(i, lo, hi, y):
        in_is = a > 0.5
        if d == 0.5 or a == 0.5 or (in_is and b == 0.5) or (not in_is and c == 0.5):
            out.append("on the crossover")
            continue
        second = b > 0.5 if in_is else c > 0.5
        kind = ROB_CLASSES[(in_is, second)]
        if kind == "outside":
            out.append("extreme deviant coverage" if d > 0.5 else "irrelevant")
        else:
            out.append(f"{kind} {'typical' if d > 0.5 else 'deviant'}")
    return np.array(out, dtype=object)


@accepts(initial=K.Numbers(0, 1), min_ts=K.Numbers(0, 1, count_of="initial"),
         max_ts=K.Numbers(0, 1, count_of="initial"), y=K.Numbers(0, 1, count_of="initial"))
def case_ratios(initial, min_ts, max_ts, y) -> dict:
    """SetMethods' robustness case ratios (``rob.cases`` / ``rob.singletest``).

    With the intersections of IS and MinTS / MaxTS taken case by case (membership > 0.5):

    - ``RCR_typ``: robust typical cases (IS*MinTS, Y > 0.5) over all typical cases of IS or
      the test set (robust + shaky (IS*~MinTS) + possible (~IS*MaxTS), Y > 0.5);
    - ``RCR_dev``: the same for deviant cases (Y < 0.5); NaN when there is none;
    - ``RCC_Rank``: 1 no shaky and no possible case, 2 possible cases only, 3 shaky cases
      only, 4 both (cases of either outcome).

    >>> case_ratios([0.9, 0.9, 0.2, 0.8], [0.8, 0.3, 0.1, 0.7], [0.9, 0.9, 0.7, 0.9],
    ...             [0.8, 0.7, 0.9, 0.2])
    {'RCR_typ': 0.3333333333333333, 'RCR_dev': 1.0, 'RCC_Rank': 4}
    """
    i, lo, hi, y = (np.asarray(a, dtype=float) for a in (initial, min_ts, max_ts, y))
    robust, shaky = np.minimum(i, lo) > 0.5, np.minimum(i, 1 - lo) > 0.5
    possible = np.minimum(1 - i, hi) > 0.5
    out = {}
    for name, side in (("RCR_typ", y > 0.5), ("RCR_dev", y < 0.5)):
        total = (robust & side).sum() + (shaky & side).sum() + (possible & side).sum()
        out[name] = float((robust & side).sum() / total) if total else float("nan")
    out["RCC_Rank"] = 1 + int(possible.any()) + 2 * int(shaky.any())
    return out


def _result(is_expr, is_models, is_m, y, ts, ys, tests, index, outcome):
    min_ts, max_ts = ts.min(axis=1).to_numpy(), ts.max(axis=1).to_numpy()
    core = np.minimum(is_m, min_ts)
    rf = robustness_fit(is_m, ts.to_numpy(), y)
    types = pd.DataFrame({c: classify(ts[c], ys[c]) for c in ts.columns}, index=index)
    is_type = classify(is_m, y)
    cases = pd.DataFrame({"IS": is_m, "MinTS": min_ts, "MaxTS": max_ts, "core": core,
                          outcome: y, "class": case_robustness(is_m, min_ts, max_ts, y),
                          "type (IS)": is_type,
                          "type changes": (types.to_numpy() != is_type[:, None]).sum(axis=1)},
                         index=index)
    initial = pd.Series({"solution": is_expr, "models": is_models, **_fit_of(is_m, y)})
    notes = []
    if core.sum() == 0:
        notes.append(tr(EMPTY_CORE))
    return Robustness(initial, tests, ts, cases, types, rf, outcome, notes)


@accepts(initial=K.SolutionArg(), tests=K.TestSolutions("initial"), model=K.Model("initial"))
def robustness_from_solutions(initial, tests, *, model: int = 0) -> Robustness:
    """The robustness figures for test solutions you already have (SetMethods ``rob.fit``,
    ``rob.corefit``, ``rob.cases`` take minimize() results in the same way).

    ``initial`` is a :class:`~qcakit.solution.Solution`; ``model`` picks its model (0 = the
    first). ``tests`` is a list of solutions, or ``{label: solution}``; each contributes its
    first model, as in SetMethods, and ``None`` stands for a setting in which nothing is
    sufficient (membership 0 for every case). The solutions may come from different
    calibrations of the same cases (same case index); the outcome memberships of each are
    taken from its own truth table, those of the IS for the fit.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> c = ["DEV", "URB", "LIT", "IND", "STB"]
    >>> sol = lambda cut: qcakit.minimize(qcakit.truth_table(lipset, "SURV", c, incl_cut=cut),
    ...                                   "parsimonious")
    >>> r = robustness_from_solutions(sol(0.8), {"0.75": sol(0.75), "0.9": sol(0.9)})
    >>> {k: round(v, 3) for k, v in r.fit.items()}
    {'RF_cov': 0.729, 'RF_cons': 0.973, 'RF_SC_minTS': 0.709, 'RF_SC_maxTS': 1.0}
    >>> {k: round(v, 3) for k, v in r.core_fit.items()}        # rob.corefit
    {'consistency': 0.874, 'coverage': 0.52}
    >>> r.case_ratios["RCC_Rank"], round(r.case_ratios["RCR_typ"], 3)
    (3, 0.667)
    >>> r.single_tests()[["RCC_Rank", "SC"]].round(3).values.tolist()   # rob.singletest
    [[3.0, 0.709], [1.0, 1.0]]
    """
    models, tt = initial.models, initial.truth_table
    index, y = tt.data.index, tt.y
    is_expr = initial.expressions[model]
    is_m = membership(tt.data, is_expr).to_numpy()
    rows, members, ys = [], {}, {}
    for label, item in tests.items():
        if item is None:
            expr, n_models, m, y_t = "(none)", 0, np.zeros(len(index)), y
        else:
            expr, n_models = item.expressions[0], len(item.models)
            m, y_t = membership(item.truth_table.data, expr).to_numpy(), item.truth_table.y
        members[label], ys[label] = m, y_t
        rows.append({"setting": label, "solution": expr, "models": n_models,
                     **_fit_of(m, y_t)})
    tests_table = pd.DataFrame(rows).set_index("setting")
    ts = pd.DataFrame(members, index=index)
    return _result(is_expr, len(models), is_m, y, ts, ys, tests_table, index, tt.outcome_label)


@dataclass
class Robustness:
    """Result of :func:`robustness`.

    ``initial``: the IS expression and fit; ``tests``: one row per test setting (solution, fit);
    ``memberships``: cases x test solutions; ``cases``: IS, MinTS, MaxTS, core, outcome,
    robustness class, IS type and the number of settings that change it; ``types``: the
    solution-level case type under every setting; ``fit``: the RF figures.
    """

    initial: pd.Series
    tests: pd.DataFrame
    memberships: pd.DataFrame
    cases: pd.DataFrame
    types: pd.DataFrame
    fit: dict
    outcome: str
    notes: list = field(default_factory=list)

    @property
    def fit_table(self) -> pd.DataFrame:
        return _display.Table([self.fit], index=["robustness fit"])

    @property
    def core_fit(self) -> dict:
        """Consistency and coverage of the robust core min(IS, every TS) (SetMethods
        ``rob.corefit``); consistency is NaN when the core is empty."""
        c = self.cases
        return _fit_of(c["core"].to_numpy(), c[self.outcome].to_numpy())

    @property
    def case_ratios(self) -> dict:
        """RCR_typ, RCR_dev and RCC_Rank (:func:`case_ratios`) of IS, MinTS and MaxTS."""
        c = self.cases
        return case_ratios(c["IS"], c["MinTS"], c["MaxTS"], c[self.outcome])

    def single_tests(self) -> pd.DataFrame:
        """Each test solution alone against the IS (SetMethods ``rob.singletest``): its
        RCC_Rank and set coincidence ``SC`` with the IS, least robust first (highest rank,
        then lowest SC)."""
        c = self.cases
        rows = []
        for label in self.memberships.columns:
            m = self.memberships[label].to_numpy()
            is_m = c["IS"].to_numpy()
            rows.append({"setting": label, "solution": self.tests.loc[label, "solution"],
                         "RCC_Rank": case_ratios(is_m, m, m, c[self.outcome])["RCC_Rank"],
                         "SC": float(np.minimum(is_m, m).sum() / np.maximum(is_m, m).sum())})
        out = pd.DataFrame(rows).set_index("setting")
        return _display.Table(out.sort_values(["RCC_Rank", "SC"], ascending=[False, True],
                                              kind="stable"))

    def changed_cases(self) -> pd.DataFrame:
        """Cases whose solution-level type differs from the IS under some setting."""
        c = self.cases[self.cases["type changes"] > 0]
        return self.types.loc[c.index]

    @accepts(ax=K.Axes(), label_cases=K.CaseSelection(), kind=K.OneOf("xy", "cases"))
    @draws
    def plot(self, ax=None, label_cases: bool = True, *, kind: str = "xy"):
        """Draw the case-level robustness; returns the Axes.

        ``kind="xy"`` (SetMethods' robustness plot): IS (x) against MinTS (blue dots) and MaxTS
        (orange triangles), the RF figures in the title; case labels (``label_cases``: True,
        False or a list of cases) sit next to the MinTS points without overlapping.
        ``kind="cases"``: one row per case, sorted by IS: the bar runs from MinTS to MaxTS
        (where the test solutions put the case), the blue dot is the IS, the vermillion cross
        the outcome, and the robustness class is written at the right; the dotted line is 0.5.
        This one stays readable when many cases share the same memberships.
        """
        if kind == "cases":
            return self._plot_cases(ax, label_cases)
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(5.5, 4.5))
        c = self.cases
        ax.scatter(c["IS"], c["MaxTS"], marker="^", color=PALETTE["orange"], label="MaxTS",
                   zorder=3)
        ax.scatter(c["IS"], c["MinTS"], marker="o", color=PALETTE["blue"], label="MinTS",
                   zorder=4)
        unit_square(ax)
        ax.set_xlabel(tr("initial solution (IS)"))
        ax.set_ylabel(tr("test set (MinTS, MaxTS)"))
        ax.set_title(self._fit_title(), fontsize=9)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
        named = _cases_to_label(c.index, label_cases)
        if named.any():
            label_points(ax, c["IS"][named], c["MinTS"][named], c.index[named])
        return ax

    def _fit_title(self) -> str:
        f = self.fit
        return tr("RF_cov {cov}, RF_cons {cons}\nRF_SC min {low}, max {high}").format(
            cov=f"{f['RF_cov']:.3f}", cons=f"{f['RF_cons']:.3f}", low=f"{f['RF_SC_minTS']:.3f}",
            high=f"{f['RF_SC_maxTS']:.3f}")

    def _plot_cases(self, ax, label_cases):
        """One row per case: MinTS-MaxTS bar, IS dot, outcome cross, robustness class."""
        c = self.cases.sort_values(["IS", "MaxTS", "MinTS"], ascending=False, kind="stable")
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(7.0, 0.32 * len(c) + 1.4))
        y = np.arange(len(c))[::-1]
        ax.hlines(y, c["MinTS"], c["MaxTS"], color=PALETTE["grey"], lw=5, alpha=0.6,
                  label=tr("test solutions: MinTS to MaxTS"), zorder=2)
        ax.scatter(c["IS"], y, marker="o", color=PALETTE["blue"], s=30, zorder=4,
                   label=tr("initial solution (IS)"))
        ax.scatter(c[self.outcome], y, marker="x", color=PALETTE["vermillion"], s=30, zorder=5,
                   label=tr("outcome ({outcome})").format(outcome=self.outcome))
        ax.axvline(0.5, color=PALETTE["black"], ls=":", lw=0.8)
        named = _cases_to_label(c.index, label_cases)
        ax.set_yticks(y, [str(n) if k else "" for n, k in zip(c.index, named)], fontsize=8)
        for yi, text in zip(y, c["class"]):
            ax.text(1.03, yi, _display.shown_value(text), va="center", fontsize=7,
                    transform=ax.get_yaxis_transform())
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.7, len(c) - 0.3)
        ax.set_xlabel(tr("membership"))
        ax.set_title(self._fit_title(), fontsize=9)
        ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 1.0 / len(c)),
                  ncol=3, frameon=False)
        return ax

    def _notes(self):
        f = ", ".join(f"{k} {v:.3f}" for k, v in self.fit.items())
        changed = ", ".join(map(str, self.changed_cases().index)) or tr("none")
        out = [tr("Initial solution: {solution}").format(
                   solution=_display.shown_value(self.initial["solution"])),
               tr("Robustness fit: {fit}").format(fit=f),
               tr("{n} test settings; cases whose type changes: {cases}").format(
                   n=len(self.tests), cases=changed)]
        core = (EMPTY_CORE, tr(EMPTY_CORE))
        warned = [n for n in self.notes if n not in core]
        out += [n for n in self.notes if n not in warned]
        if warned:
            out.append(tr("{n} warning(s) while computing; see .notes").format(n=len(warned)))
        return out

    def _title(self):
        return tr("Robustness of the solution for {outcome}").format(outcome=self.outcome)

    def _repr_html_(self):
        return (_display.render_html(self._title(), self.tests, self._notes())
                + _display.render_html(tr("Case robustness"), self.cases))

    def __repr__(self):
        return "\n\n".join([_display.render_text(self._title(), self.tests, self._notes()),
                            _display.render_text(tr("Case robustness"), self.cases)])


ANCHORS = ("exclusion", "crossover", "inclusion")


def _same_solution(sets, outcome, conditions, incl_cut, n_cut, pri_cut, solution, directional):
    """The terms of the first model (a frozenset), or None when no row is coded 1."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        tt = truth_table(sets, outcome, conditions, incl_cut=incl_cut, n_cut=n_cut,
                         pri_cut=pri_cut)
        if not (tt.table["OUT"] == "1").any():
            return None
        return frozenset(minimize(tt, solution, directional).terms)


def _walk(initial, step, max_steps, valid, solve, digits=10):
    """Step down and up from ``initial`` while the first model stays the same."""
    reference = solve(initial)
    if reference is None:
        raise QCAInputError(tr("The initial setting codes no truth-table row 1: there is no "
                               "solution whose range could be searched."))
    rows = {}
    for side, sign in (("lower", -1), ("upper", 1)):
        bound, nxt = initial, np.nan
        why = tr("{n} steps without a change (search limit)").format(n=max_steps)
        for i in range(1, max_steps + 1):
            value = round(initial + sign * i * step, digits)
            if not valid(value):
                why = tr("{value} is outside the possible values").format(value=f"{value:g}")
                break
            got = solve(value)
            if got != reference:
                why = (tr("no truth-table row coded 1") if got is None else
                       tr("the solution changes to {solution}").format(
                           solution=" + ".join(sorted(got))))
                nxt = value
                break
            bound = value
        rows[f"{side} bound"] = {"value": bound, "next": nxt, "stops because": why,
                                 "closed": not np.isnan(nxt)}
    out = _display.Table(pd.DataFrame.from_dict(rows, orient="index"))
    out.attrs["solution"] = " + ".join(sorted(reference))
    return out


@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(optional=False),
         incl_cut=K.Cut(), n_cut=K.Count(1), pri_cut=K.Cut(optional=True),
         solution=K.OneOf(*SOLUTION_TYPES, what="solution type"),
         directional=K.Directional("conditions", solution="solution"), step=K.Cut(1e-6, 1.0),
         max_steps=K.Count(1))
def incl_cut_range(data: pd.DataFrame, outcome: str, conditions, *, incl_cut: float = 0.8,
                   n_cut: int = 1, pri_cut: float | None = None,
                   solution: str = "parsimonious", directional=None, step: float = 0.01,
                   max_steps: int = 100) -> pd.DataFrame:
    """The consistency cuts around ``incl_cut`` that keep the first model's terms (SetMethods
    ``rob.inclrange``).

    From ``incl_cut``, the cut moves down and up by ``step`` until the first model's set of
    terms changes (or no row is coded 1); the bounds are the last cuts with the initial
    solution. One row per side: the bound, the ``next`` cut (where it changed; NaN if the
    search stopped first), why it stopped, and ``closed`` (False: the solution may stay the
    same beyond the bound). Differences from SetMethods: its default step is 0.1; it reports
    a bound one step short when it stops at 1 or at ``max.runs`` (NA); cut values here are
    rounded to 10 decimals, so repeated steps do not drift.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> r = incl_cut_range(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8)
    >>> r[["value", "next", "closed"]]
                 value  next  closed
    lower bound   0.71  0.70    True
    upper bound   0.80  0.81    True
    """
    return _walk(incl_cut, step, max_steps, lambda v: 0 < v <= 1,
                 lambda v: _same_solution(data, outcome, conditions, v, n_cut, pri_cut,
                                          solution, directional))


@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(optional=False),
         incl_cut=K.Cut(), n_cut=K.Count(1), pri_cut=K.Cut(optional=True),
         solution=K.OneOf(*SOLUTION_TYPES, what="solution type"),
         directional=K.Directional("conditions", solution="solution"), max_steps=K.Count(1))
def n_cut_range(data: pd.DataFrame, outcome: str, conditions, *, incl_cut: float = 0.8,
                n_cut: int = 1, pri_cut: float | None = None, solution: str = "parsimonious",
                directional=None, max_steps: int = 20) -> pd.DataFrame:
    """The frequency cuts around ``n_cut`` that keep the first model's terms (SetMethods
    ``rob.ncutrange``, step 1); the table reads as :func:`incl_cut_range`'s.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> n_cut_range(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])["value"].tolist()
    [1, 1]
    """
    out = _walk(n_cut, 1, max_steps, lambda v: 1 <= v <= len(data),
                lambda v: _same_solution(data, outcome, conditions, incl_cut, int(v), pri_cut,
                                         solution, directional), digits=0)
    out["value"] = out["value"].astype(int)
    return out


@accepts(raw=K.Frame(), calibration=K.Calibration("raw", functions=True),
         outcome=K.Column("raw", what="column"),
         conditions=K.Columns("raw", optional=False, unknown="column"),
         column=K.Column("raw", what="column"), anchor=K.OneOf(*ANCHORS), step=K.Number(),
         max_steps=K.Count(1), incl_cut=K.Cut(), n_cut=K.Count(1), pri_cut=K.Cut(optional=True),
         solution=K.OneOf(*SOLUTION_TYPES, what="solution type"),
         directional=K.Directional("conditions", solution="solution"),
         calibrate_options=K.Options(("idm", "digits", "nudge_half", "ties"),
                                     "qcakit.calibrate"))
def anchor_range(raw: pd.DataFrame, calibration: Mapping, outcome: str, conditions,
                 column: str, *, anchor: str = "crossover", step: float, max_steps: int = 20,
                 incl_cut: float = 0.8, n_cut: int = 1, pri_cut: float | None = None,
                 solution: str = "parsimonious", directional=None,
                 calibrate_options: Mapping | None = None) -> pd.DataFrame:
    """The values of one calibration anchor of ``column`` that keep the first model's terms
    (SetMethods ``rob.calibrange``); the table reads as :func:`incl_cut_range`'s.

    ``calibration`` is the full ``{column: anchors}`` of :func:`robustness`; ``anchor`` is
    "exclusion", "crossover" or "inclusion" (three direct anchors), or "crossover" for a
    crisp calibration (every threshold moves). ``step`` is in raw units. The search stops
    when the anchor would reach its neighbour (the anchors must keep their order; SetMethods
    accepts an anchor equal to its neighbour, so its bound can lie one step further, on the
    neighbour). SetMethods also stops a crossover at the raw data's range, reporting a bound
    one step short, and reports NA at ``max.runs`` (here: the last value, ``closed`` False).
    On the raw Lipset data the bounds agree with SetMethods 4.0 but for these
    (``tests/test_robustness_parity.py``).

    >>> import qcakit
    >>> raw = qcakit.datasets.load("xu2024_county_alliance")
    >>> spec = {"SCALE": (9.5, 15, 27.5), "MGMT": (1.75, 2, 2.75), "PAY": (0.5, 1.5, 2),
    ...         "GROWTH": (-2.34, 2.8, 24.76)}
    >>> r = anchor_range(raw, spec, "GROWTH", ["SCALE", "MGMT", "PAY"], "SCALE", step=0.5,
    ...                  calibrate_options={"nudge_half": True})
    >>> r["value"].tolist()
    [14.5, 15.0]
    """
    spec = _spec(raw, calibration, outcome, conditions)
    if column not in spec:
        raise QCAInputError(tr("anchor_range moves an anchor of the outcome or a condition; "
                               "{name} is neither (calibrated: {columns}).").format(
            name=repr(column), columns=", ".join(spec)))
    how = spec[column]
    if callable(how) or (len(how) != 3 and anchor != "crossover"):
        raise QCAInputError(
            tr("{name} has no {anchor} anchor to move: give three direct anchors (exclusion, "
               "crossover, inclusion), or anchor='crossover' for crisp thresholds.").format(
                name=repr(column), anchor=tr(anchor)))
    which = ANCHORS.index(anchor) if len(how) == 3 else 1
    anchors = [float(a) for a in how]
    initial = anchors[which] if len(how) == 3 else 0.0

    def valid(value):
        if len(how) != 3:
            return True
        moved = list(anchors)
        moved[which] = value
        increasing = anchors[0] < anchors[2]
        return all((a < b) == increasing and a != b for a, b in zip(moved, moved[1:]))

    def solve(value):
        shift = value - initial if len(how) == 3 else value
        sets = _calibrate_all(raw, spec, column, shift, calibrate_options, which=which)
        return _same_solution(sets, outcome, conditions, incl_cut, n_cut, pri_cut, solution,
                              directional)

    if not step > 0:
        raise QCAInputError(tr("step must be a positive number in raw units, got {value}.")
                            .format(value=repr(step)))
    out = _walk(initial, step, max_steps, valid, solve)
    if len(how) != 3:  # crisp: the table gives the shift of every threshold
        shifts = _display.Table(out.rename(index=lambda i: i.replace("bound", "shift")))
        shifts.attrs.update(out.attrs)
        out = shifts
    return out

