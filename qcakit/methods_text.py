"""A methods paragraph that states the choices an fsQCA made, for a report or a paper.

Schneider & Wagemann (2010) and Greckhamer et al. (2018) ask an applied fsQCA to report: the
cases and conditions; how each set was calibrated (anchors and why); how memberships of 0.5
were handled; the necessity test and its threshold; the truth table's frequency, consistency
(and PRI) cuts and how much of the property space is empty (limited diversity); which solution
is interpreted, with which directional expectations and counterfactuals; model ambiguity; and
the software. :func:`methods_paragraph` writes these from the analysis objects themselves (and,
when given, the impossible combinations, where the directional expectations come from, and the
robustness protocol), so the text cannot drift from what was computed. It is a draft to edit,
not a finished text: the *reasons* for the choices are the researcher's, passed in
``calibration`` and ``expectations``; the cuts' reasons, the skewness, SUIN and case-type checks
and the negated outcome are the researcher's to add.

Necessity is reported as the analysis used it (:func:`necessity_verdicts`): an expression is
called necessary only when it passes all three cuts of :data:`NECESSITY_CUTS` (consistency,
coverage, RoN: conventions, the cuts used for SUIN conditions by Oana, Schneider & Thomann 2021
and the defaults of :func:`qcakit.suin`; RoN is Schneider & Wagemann's 2012 measure of
relevance), or the researcher's own cuts; one that passes consistency but not coverage or RoN
is reported as a *trivial* necessary condition, with the cut it fails. What the analysis *treated* as necessary (``necessary=``, the list given to
:func:`qcakit.esa`) is reported separately, with a plain warning when it fails the cuts. With
several equally minimal models, ``model=`` chooses the one reported (numbered from 0, as in
:func:`qcakit.configuration_chart`), and the paragraph says which and how many there are. When
no truth-table row passes the cuts there are no solutions: pass ``None`` for both, and the
paragraph says that nothing was found sufficient.

>>> import pandas as pd, qcakit
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]})
>>> tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
>>> text = methods_paragraph(tt, qcakit.minimize(tt, "intermediate", {"A": 1}),
...                          qcakit.minimize(tt, "parsimonious"))
>>> truth_table_text = text.split("**Truth table.** ")[1]
>>> truth_table_text.split("; ")[0]
'With 2 conditions there are 4 logically possible configurations'
>>> "directional expectations (A present)" in text
True
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _checks
from . import _kinds as K
from ._spec import accepts
from ._version import __version__
from .calibrate import HALF_NUDGED
from .errors import QCAInputError
from .necessity import necessity as necessity_table

#: The necessity rule: consistency, coverage and relevance (RoN) an expression must reach to be
#: called necessary. The defaults of :func:`qcakit.suin` (Oana, Schneider & Thomann 2021);
#: coverage or RoN below its cut makes a consistent expression *trivial*.
NECESSITY_CUTS = {"consistency": 0.9, "coverage": 0.6, "RoN": 0.5}


def calibration_spec(calibration) -> dict:
    """Normalise ``{column: thresholds}`` or ``{column: {"thresholds": ..., "method": ...,
    "idm": ..., "reason": ...}}`` to the dict form, with a clear error for anything else."""
    if calibration is None:
        return {}
    if not isinstance(calibration, Mapping):
        raise QCAInputError(
            "calibration must be a dict {column: anchors} or {column: {'thresholds': anchors, "
            f"'reason': '...'}}, got {type(calibration).__name__}."
        )
    spec = {}
    for column, entry in calibration.items():
        entry = dict(entry) if isinstance(entry, Mapping) else {"thresholds": entry}
        unknown = set(entry) - {"thresholds", "method", "idm", "reason"}
        if "thresholds" not in entry or unknown:
            raise QCAInputError(
                f"calibration[{column!r}] needs 'thresholds' and may have 'method', 'idm' and "
                f"'reason'; got keys {sorted(entry)}."
            )
        entry.setdefault("method", "direct")
        entry.setdefault("idm", None)
        entry.setdefault("reason", "")
        entry["thresholds"] = tuple(float(t) for t in np.atleast_1d(entry["thresholds"]))
        spec[column] = entry
    return spec


def _num(v: float) -> str:
    return f"{v:g}"


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 case``, ``2 cases``."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _were(n: int) -> str:
    return "was" if n == 1 else "were"


def _half_text(data, tt) -> str:
    nudged = int((data.to_numpy() == HALF_NUDGED).sum())
    text = (f" {_count(nudged, 'membership')} of exactly 0.5 {_were(nudged)} set to "
            f"{HALF_NUDGED} so that every case belongs to a truth-table row." if nudged else "")
    on_condition = data.index[(data[list(tt.conditions)] == 0.5).any(axis=1)]
    on_outcome = data.index[data[tt.outcome] == 0.5]
    if len(on_condition):
        n = len(on_condition)
        text += (f" {_count(n, 'case')} {'has' if n == 1 else 'have'} a membership of exactly "
                 f"0.5 in a condition ({', '.join(map(str, on_condition))}): "
                 f"{'it belongs' if n == 1 else 'they belong'} to no truth-table row and "
                 f"{'drops' if n == 1 else 'drop'} out of the sufficiency analysis.")
    if len(on_outcome):
        n = len(on_outcome)
        text += (f" {_count(n, 'case')} {'has' if n == 1 else 'have'} exactly 0.5 in the "
                 f"outcome ({', '.join(map(str, on_outcome))}): "
                 f"{'it counts' if n == 1 else 'they count'} in every parameter of fit but "
                 f"{'is' if n == 1 else 'are'} neither in nor out of the outcome.")
    return text or " No membership was exactly 0.5."


def _calibration_text(spec: dict, data, sets: list, tt) -> str:
    if not spec:
        return ("The data were analysed as given (already calibrated memberships); state how "
                "they were calibrated." + _half_text(data, tt))
    parts = []
    for column, e in spec.items():
        anchors = ", ".join(_num(t) for t in e["thresholds"])
        what = {"direct": f"direct method, anchors {anchors} (full exclusion, crossover, full "
                          "inclusion)",
                "crisp": f"crisp, {'threshold' if len(e['thresholds']) == 1 else 'thresholds'}"
                         f" {anchors}",
                "indirect": f"indirect method, group thresholds {anchors}"}[e["method"]]
        reason = f"; {e['reason'].rstrip('.')}" if e["reason"] else ""
        parts.append(f"{column} ({what}{reason})")
    metrics = {e["idm"] for e in spec.values() if e["method"] == "direct"}
    metric = ""
    if metrics == {None}:
        metric = (" Direct calibration used Ragin's (2008) logistic function with log-odds of "
                  "+3 and -3 at the inclusion and exclusion anchors.")
    elif metrics:
        metric = (" Direct calibration used the logistic function with inclusion-anchor "
                  f"membership {', '.join(_num(m) for m in sorted(m for m in metrics if m))}.")
    given = [s for s in sets if s not in spec]
    as_given = f" {', '.join(given)} entered as given." if given else ""
    return ("Sets were calibrated as follows: " + "; ".join(parts) + "." + as_given + metric
            + _half_text(data, tt))


def necessity_cuts(cuts=None, consistency: float | None = None) -> dict:
    """The three cuts of the necessity rule, checked: :data:`NECESSITY_CUTS` updated with
    ``cuts`` (a dict with any of ``consistency``, ``coverage``, ``RoN``); ``consistency``
    (a necessity table's own threshold) is used when ``cuts`` does not give one."""
    out = dict(NECESSITY_CUTS)
    if consistency is not None:
        out["consistency"] = consistency
    return _checks.cut_map({} if cuts is None else cuts, out, "the necessity cuts")


def necessity_verdicts(table: pd.DataFrame, cuts=None, declared=()) -> pd.DataFrame:
    """Every row of a necessity table (columns consistency, coverage, RoN) judged by the rule.

    Adds ``verdict``: ``"necessary"`` (all three cuts met), ``"trivial"`` (consistency met,
    coverage or RoN not) or ``"not consistent"``; ``fails`` (which cuts are missed, as text);
    ``declared`` (the row is in ``declared``, what the analysis treats as necessary).

    >>> t = pd.DataFrame({"consistency": [0.95, 0.94, 0.5], "coverage": [0.7, 0.58, 0.6],
    ...                   "RoN": [0.6, 0.41, 0.9]}, index=["A", "B", "~A"])
    >>> necessity_verdicts(t, declared=["B"])[["verdict", "fails", "declared"]]
               verdict                      fails  declared
    A        necessary                                False
    B          trivial  coverage 0.580, RoN 0.410      True
    ~A  not consistent          consistency 0.500     False
    """
    cuts = necessity_cuts(cuts)
    out = table[["consistency", "coverage", "RoN"]].copy()
    tol = 1e-9  # as suin's cuts: a value printed as the cut passes it
    missed = {k: out[k] < cuts[k] - tol for k in cuts}
    out["verdict"] = np.select([missed["consistency"], missed["coverage"] | missed["RoN"]],
                               ["not consistent", "trivial"], "necessary")
    out["fails"] = [", ".join(f"{k} {out.loc[i, k]:.3f}" for k in cuts if missed[k].loc[i])
                    for i in out.index]
    out["declared"] = [i in set(declared) for i in out.index]
    return out


def declared_necessary(data, outcome: str, necessary, nec=None,
                       negate_outcome: bool = False) -> pd.DataFrame:
    """The necessity table of ``nec`` (if given) with the ``necessary`` expressions it lacks
    computed from the memberships ``data`` (e.g. a disjunction ``"A + B"`` found by SUIN)."""
    table = nec.table if nec is not None else pd.DataFrame(
        columns=["consistency", "coverage", "RoN"], dtype=float)
    missing = [e for e in necessary if e not in table.index]
    if missing:
        extra = necessity_table(data, outcome, missing, negate_outcome=negate_outcome).table
        extra = extra.loc[[e.strip() for e in missing]].set_axis(missing)
        table = extra if table.empty else pd.concat([table, extra])
    return table


def _fit_list(rows: pd.DataFrame) -> str:
    return "; ".join(f"{name} (consistency {r.consistency:.3f}, coverage {r.coverage:.3f}, "
                     f"RoN {r.RoN:.3f})" for name, r in rows.iterrows())


def _trivial_list(rows: pd.DataFrame) -> str:
    return "; ".join(f"{name} (consistency {r.consistency:.3f}; below its cut: {r.fails})"
                     for name, r in rows.iterrows())


def _necessity_text(tt, nec, necessary, cuts) -> str:
    declared = list(necessary or [])
    if nec is None and not declared:
        return "No necessity analysis is reported here; report one before the truth table."
    cuts = necessity_cuts(cuts, nec.threshold if nec is not None else None)
    verdicts = necessity_verdicts(declared_necessary(tt.data, tt.outcome, declared, nec,
                                                     tt.negate_outcome), cuts, declared)
    source = (" (conventional cuts, as used for SUIN conditions by Oana, Schneider & Thomann "
              "2021)" if cuts == NECESSITY_CUTS else "")
    parts = [f"Necessity was tested for {tt.outcome_label}: an expression counts as necessary "
             f"with consistency at least {cuts['consistency']:g}, coverage at least "
             f"{cuts['coverage']:g} and relevance (RoN; Schneider & Wagemann 2012) at least "
             f"{cuts['RoN']:g}{source}."]
    tested = verdicts.loc[[i for i in verdicts.index if nec is not None and i in nec.table.index]]
    if nec is not None:
        passed = tested[tested["verdict"] == "necessary"]
        trivial = tested[tested["verdict"] == "trivial"]
        parts.append(f"Met all three: {_fit_list(passed)}." if len(passed) else
                     "No condition or negated condition met all three.")
        if len(trivial):
            parts.append("Consistent but with coverage or RoN below its cut, so at most trivial "
                         "necessary conditions, not relevant ones: " + _trivial_list(trivial)
                         + ".")
    if not declared:
        parts.append("No condition was treated as necessary in the analysis.")
        return " ".join(parts)
    chosen = verdicts[verdicts["declared"]]
    good, bad = chosen[chosen["verdict"] == "necessary"], chosen[chosen["verdict"] != "necessary"]
    if len(good):
        parts.append(f"Treated as necessary in the analysis: {_fit_list(good)}.")
    if len(bad):
        parts.append("Treated as necessary although the data do not meet the criteria above "
                     "(give the theoretical reason here): " + "; ".join(
                         f"{name} ({r.fails})" for name, r in bad.iterrows()) + ".")
    return " ".join(parts)


def _truth_table_text(tt) -> str:
    k, table = len(tt.conditions), tt.table
    out = table["OUT"].value_counts()
    ic1, ic0 = tt.incl_cut
    pri = f" and PRI consistency at least {tt.pri_cut:g}" if tt.pri_cut is not None else ""
    contra = (f"; rows with consistency between {ic0:g} and {ic1:g} were coded as "
              "contradictions" if ic0 < ic1 else "")
    observed = int((table["OUT"] != "?").sum())
    ones, zeros = int(out.get("1", 0)), int(out.get("0", 0))
    n_cut = _count(tt.n_cut, "case")
    return (f"With {k} conditions there are {2 ** k} logically possible configurations; "
            f"{observed} of the {2 ** k} logically possible configurations were observed with "
            f"at least {n_cut} (limited diversity: {_count(tt.n_remainders, 'logical remainder')}"
            f"). A row was coded as sufficient for {tt.outcome_label} when it held at least "
            f"{n_cut} with raw consistency at least {ic1:g}{pri}{contra}. "
            f"{_count(ones, 'row')} {_were(ones)} coded 1, {zeros} coded 0"
            + (f" and {int(out.get('C', 0))} contradictory." if "C" in out else "."))


#: What each reason of an Enhanced Standard Analysis means, for the methods paragraph.
_ESA_KINDS = {"incoherent": "incoherent: a condition treated as necessary is absent",
              "untenable": "untenable: declared impossible",
              "contradictory": "contradictory: a simplifying assumption of some model of the "
                               "parsimonious solution for the outcome and of some model for its "
                               "negation",
              "observed row coded 0": "observed rows recoded 0"}


def _solution_text(intermediate, parsimonious, model: int, impossible=(),
                   expectations=None) -> str:
    if intermediate is None:
        return ("No truth-table row met the cuts, so no configuration was found sufficient and "
                "no solution was derived.")
    expect = {c: e for c, e in (intermediate.directional or {}).items() if e != "-"}
    expect_text = ("; ".join(f"{c} {'present' if e == 1 else 'absent'}"
                             for c, e in expect.items()) if expect else "none")
    if expectations:
        expect_text += f"; {expectations.rstrip('.')}"
    n_easy = len(intermediate.easy_counterfactuals) if intermediate.easy_counterfactuals \
        is not None else 0
    n_sa = len(parsimonious.simplifying_assumptions)
    fit = intermediate.parameters(model).loc["solution"]
    ambiguity = ""
    for sol in (parsimonious, intermediate):
        if len(sol.models) > 1:
            ambiguity += (f" The {sol.kind} solution has {len(sol.models)} equally minimal "
                          f"models{'' if sol.complete else ' (at least)'}: "
                          f"{' | '.join(sol.expressions)}.")
    reported = (f"Model M{model + 1} of the intermediate solution is reported: "
                f"{intermediate.expressions[model]}, with" if len(intermediate.models) > 1 else
                f"The intermediate solution {intermediate.expressions[model]} has")
    barred = parsimonious.excluded if parsimonious.excluded is not None else []
    esa = ""
    impossible = [impossible] if isinstance(impossible, str) else list(impossible or [])
    if impossible:
        esa += (f" Declared impossible: {', '.join(impossible)}; remainders inside "
                f"{'it' if len(impossible) == 1 else 'them'} are untenable.")
    if len(barred):
        kinds = sorted({part.split(":")[0].strip() for reason in barred["reason"]
                        for part in str(reason).split(";")})
        esa += (f" Following the Enhanced Standard Analysis (Schneider & Wagemann 2013), "
                f"{_count(len(barred), 'remainder')} {_were(len(barred))} barred from the "
                f"counterfactuals ({'; '.join(_ESA_KINDS.get(k, k) for k in kinds)}): rows "
                f"{', '.join(str(r) for r in barred.index)}.")
    return (f"Complex, parsimonious and intermediate solutions were derived by exact Boolean "
            f"minimization (all prime implicants, every minimal model). The intermediate solution "
            f"used the directional expectations ({expect_text}) and "
            f"{_count(n_easy, 'easy counterfactual')}; the parsimonious solution rests on "
            f"{_count(n_sa, 'simplifying assumption')}. Core conditions are those of the "
            f"parsimonious solution, peripheral ones those added by the intermediate solution "
            f"(Fiss 2011; chart notation of Ragin & Fiss 2008).{esa}{ambiguity} "
            f"{reported} consistency {fit['consistency']:.3f} and coverage "
            f"{fit['raw_coverage']:.3f}.")


def _robustness_text(protocol) -> str:
    """The robustness protocol: its settings and figures (Oana & Schneider 2021)."""
    f = protocol.fit
    rf_cons = "undefined (empty robust core)" if np.isnan(f["RF_cons"]) else \
        f"{f['RF_cons']:.3f}"
    tests = protocol.tests
    return (f"Following Oana & Schneider (2021), the initial solution "
            f"{protocol.initial['solution']} was compared with "
            f"{_count(len(tests), 'test solution')}, each changing one choice "
            f"({', '.join(tests.index)}): RF_cov {f['RF_cov']:.3f}, RF_cons {rf_cons}, "
            f"RF_SC_minTS {f['RF_SC_minTS']:.3f}, RF_SC_maxTS {f['RF_SC_maxTS']:.3f}.")


def check_solutions(truth_table, intermediate, parsimonious) -> None:
    """What :func:`methods_paragraph` and :func:`qcakit.write_report` ask of the solutions
    together (each one's type and truth table are checked by its parameter spec): both are
    given, or both are ``None`` because no row of the truth table is coded 1."""
    if (intermediate is None) != (parsimonious is None):
        raise QCAInputError("Pass the intermediate and the parsimonious solution together, or "
                            "neither when the truth table has no row coded 1.")
    if intermediate is None and truth_table.codes("1").size > 0:
        raise QCAInputError(
            "The truth table has rows coded 1, so report its solutions: pass the "
            "intermediate and the parsimonious solution (qcakit.minimize(tt, ...)).")


#: The parameter specs :func:`methods_paragraph` and :func:`qcakit.write_report` share.
SPECS = dict(truth_table=K.TruthTableArg(),
             intermediate=K.SolutionArg(("intermediate",), "truth_table", optional=True),
             parsimonious=K.SolutionArg(("parsimonious",), "truth_table", optional=True),
             necessity=K.necessity_result(), necessary=K.Expressions(),
             necessity_cuts=K.CutMap(NECESSITY_CUTS),
             calibration=K.Calibration(optional=True, entries=True),
             model=K.Model("intermediate"), impossible=K.Expressions("truth_table"),
             expectations=K.Text(optional=True),
             robustness=K.Result("Robustness", "qcakit.robustness(...)", optional=True))


@accepts(**SPECS)
def methods_paragraph(truth_table, intermediate=None, parsimonious=None, *, necessity=None,
                      necessary=None, necessity_cuts=None, calibration=None,
                      model: int = 0, impossible=None, expectations=None,
                      robustness=None) -> str:
    """The methods section of an fsQCA as Markdown text, built from the analysis objects.

    ``calibration`` is ``{column: anchors}`` or ``{column: {"thresholds": anchors,
    "method": "direct", "idm": None, "reason": "why these anchors"}}``. ``necessity`` is a
    :func:`qcakit.necessity` table, ``necessary`` the expressions the analysis treated as
    necessary (as given to :func:`qcakit.esa`), ``necessity_cuts`` the rule's cuts (default
    :data:`NECESSITY_CUTS`, consistency from the table's threshold). ``model`` picks the
    reported model of the intermediate solution (from 0). ``impossible``: the expressions
    declared impossible (as given to :func:`qcakit.esa`). ``expectations``: where the
    directional expectations come from, in a few words (e.g. "every condition expected present
    by default; no theory was given"). ``robustness``: a :func:`qcakit.robustness` result, whose
    settings and figures get a paragraph. Without a row coded 1, pass ``None`` for both
    solutions.
    """
    check_solutions(truth_table, intermediate, parsimonious)
    necessary = necessary or []
    data = truth_table.data
    spec = calibration_spec(calibration)
    opening = (f"We analysed {len(data)} cases with fuzzy-set QCA (Ragin 2008), using qcakit "
               f"{__version__}. The outcome was {truth_table.outcome_label}; the "
               f"{len(truth_table.conditions)} conditions were "
               f"{', '.join(truth_table.conditions)}.")
    return "\n\n".join([
        opening, "**Calibration.** " + _calibration_text(spec, data, list(data.columns),
                                                      truth_table),
        "**Necessity.** " + _necessity_text(truth_table, necessity, necessary, necessity_cuts),
        "**Truth table.** " + _truth_table_text(truth_table),
        "**Minimization.** " + _solution_text(intermediate, parsimonious, model, impossible,
                                              expectations),
    ] + (["**Robustness.** " + _robustness_text(robustness)] if robustness is not None else []))
