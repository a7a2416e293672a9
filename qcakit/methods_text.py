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
from .i18n import get_language, tr, tr_later, trn
from .necessity import necessity as necessity_table

#: The necessity rule: consistency, coverage and relevance (RoN) an expression must reach to be
#: called necessary. The defaults of :func:`qcakit.suin` (Oana, Schneider & Thomann 2021);
#: coverage or RoN below its cut makes a consistent expression *trivial*.
NECESSITY_CUTS = {"consistency": 0.9, "coverage": 0.6, "RoN": 0.5}
#: The measures of the rule in words (RoN is RoN in every language).
MEASURES = {"consistency": tr_later("consistency"), "coverage": tr_later("coverage")}
#: Punctuation that joins sentences and lists, where Chinese has its own.
_CHINESE_PUNCTUATION = {" ": "", ", ": "、", "; ": "；", ": ": "：", " (": "（", ")": "）"}


def _sep(english: str) -> str:
    """The punctuation ``english`` (``", "``, ``"; "``, ...) in the current language: lists of
    names and sentences are joined with 、, ； and no space in Chinese."""
    if get_language() == "zh":
        return _CHINESE_PUNCTUATION[english]
    return english


def sentences(parts) -> str:
    """Sentences (empty ones left out) joined as the current language joins them: by a space
    in English, directly in Chinese (a sentence ends with 。 there).

    >>> sentences(["One.", "", "Two."])
    'One. Two.'
    """
    return _sep(" ").join(p for p in parts if p)


def calibration_spec(calibration) -> dict:
    """Normalise ``{column: thresholds}`` or ``{column: {"thresholds": ..., "method": ...,
    "idm": ..., "reason": ...}}`` to the dict form, with a clear error for anything else."""
    if calibration is None:
        return {}
    if not isinstance(calibration, Mapping):
        raise QCAInputError(tr(
            "calibration must be a dict {{column: anchors}} or {{column: {{'thresholds': "
            "anchors, 'reason': '...'}}}}, got {kind}.").format(kind=type(calibration).__name__))
    spec = {}
    for column, entry in calibration.items():
        entry = dict(entry) if isinstance(entry, Mapping) else {"thresholds": entry}
        unknown = set(entry) - {"thresholds", "method", "idm", "reason"}
        if "thresholds" not in entry or unknown:
            raise QCAInputError(tr(
                "calibration[{column}] needs 'thresholds' and may have 'method', 'idm' and "
                "'reason'; got keys {keys}.").format(column=repr(column), keys=sorted(entry)))
        entry.setdefault("method", "direct")
        entry.setdefault("idm", None)
        entry.setdefault("reason", "")
        entry["thresholds"] = tuple(float(t) for t in np.atleast_1d(entry["thresholds"]))
        spec[column] = entry
    return spec


def _num(v: float) -> str:
    return f"{v:g}"


def _names(values) -> str:
    return _sep(", ").join(map(str, values))


def _half_text(data, tt) -> list:
    """Sentences on memberships of exactly 0.5 (nudged to 0.501, or left on a condition or
    the outcome)."""
    parts = []
    nudged = int((data.to_numpy() == HALF_NUDGED).sum())
    if nudged:
        parts.append(trn("{n} membership of exactly 0.5 was set to {value} so that every case "
                         "belongs to a truth-table row.",
                         "{n} memberships of exactly 0.5 were set to {value} so that every case "
                         "belongs to a truth-table row.", nudged).format(
            n=nudged, value=f"{HALF_NUDGED:g}"))
    on_condition = data.index[(data[list(tt.conditions)] == 0.5).any(axis=1)]
    on_outcome = data.index[data[tt.outcome] == 0.5]
    if len(on_condition):
        n = len(on_condition)
        parts.append(trn("{n} case has a membership of exactly 0.5 in a condition ({names}): it "
                         "belongs to no truth-table row and drops out of the sufficiency "
                         "analysis.",
                         "{n} cases have a membership of exactly 0.5 in a condition ({names}): "
                         "they belong to no truth-table row and drop out of the sufficiency "
                         "analysis.", n).format(n=n, names=_names(on_condition)))
    if len(on_outcome):
        n = len(on_outcome)
        parts.append(trn("{n} case has exactly 0.5 in the outcome ({names}): it counts in every "
                         "parameter of fit but is neither in nor out of the outcome.",
                         "{n} cases have exactly 0.5 in the outcome ({names}): they count in "
                         "every parameter of fit but are neither in nor out of the outcome.",
                         n).format(n=n, names=_names(on_outcome)))
    return parts or [tr("No membership was exactly 0.5.")]


def _calibration_item(column: str, e: dict) -> str:
    """``A (direct method, anchors 1, 2, 3 (...); the reason)``."""
    anchors = _names(_num(t) for t in e["thresholds"])
    if e["method"] == "direct":
        what = tr("direct method, anchors {anchors} (full exclusion, crossover, full "
                  "inclusion)").format(anchors=anchors)
    elif e["method"] == "crisp":
        what = trn("crisp, threshold {anchors}", "crisp, thresholds {anchors}",
                   len(e["thresholds"])).format(anchors=anchors)
    else:
        what = tr("indirect method, group thresholds {anchors}").format(anchors=anchors)
    if e["reason"]:
        return tr("{column} ({what}; {reason})").format(column=column, what=what,
                                                        reason=e["reason"].rstrip(".。"))
    return tr("{column} ({what})").format(column=column, what=what)


def _calibration_text(spec: dict, data, sets: list, tt) -> str:
    if not spec:
        return sentences([tr("The data were analysed as given (already calibrated "
                             "memberships); state how they were calibrated."),
                          *_half_text(data, tt)])
    parts = [tr("Sets were calibrated as follows: {items}.").format(
        items=_sep("; ").join(_calibration_item(c, e) for c, e in spec.items()))]
    given = [s for s in sets if s not in spec]
    if given:
        parts.append(tr("{names} entered as given.").format(names=_names(given)))
    metrics = {e["idm"] for e in spec.values() if e["method"] == "direct"}
    if metrics == {None}:
        parts.append(tr("Direct calibration used Ragin's (2008) logistic function with log-odds "
                        "of +3 and -3 at the inclusion and exclusion anchors."))
    elif metrics:
        parts.append(tr("Direct calibration used the logistic function with inclusion-anchor "
                        "membership {values}.").format(
            values=_names(_num(m) for m in sorted(m for m in metrics if m))))
    return sentences(parts + _half_text(data, tt))


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
    words = {k: tr(MEASURES[k]) if k in MEASURES else k for k in cuts}
    out["fails"] = [_sep(", ").join(f"{words[k]} {out.loc[i, k]:.3f}" for k in cuts
                                    if missed[k].loc[i]) for i in out.index]
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
    return _sep("; ").join(
        tr("{name} (consistency {consistency}, coverage {coverage}, RoN {RoN})").format(
            name=name, consistency=f"{r.consistency:.3f}", coverage=f"{r.coverage:.3f}",
            RoN=f"{r.RoN:.3f}") for name, r in rows.iterrows())


def _trivial_list(rows: pd.DataFrame) -> str:
    return _sep("; ").join(
        tr("{name} (consistency {consistency}; below its cut: {fails})").format(
            name=name, consistency=f"{r.consistency:.3f}", fails=r.fails)
        for name, r in rows.iterrows())


def _necessity_text(tt, nec, necessary, cuts) -> str:
    declared = list(necessary or [])
    if nec is None and not declared:
        return tr("No necessity analysis is reported here; report one before the truth table.")
    cuts = necessity_cuts(cuts, nec.threshold if nec is not None else None)
    verdicts = necessity_verdicts(declared_necessary(tt.data, tt.outcome, declared, nec,
                                                     tt.negate_outcome), cuts, declared)
    values = {"outcome": tt.outcome_label, "consistency": f"{cuts['consistency']:g}",
              "coverage": f"{cuts['coverage']:g}", "RoN": f"{cuts['RoN']:g}"}
    if cuts == NECESSITY_CUTS:
        rule = tr("Necessity was tested for {outcome}: an expression counts as necessary with "
                  "consistency at least {consistency}, coverage at least {coverage} and "
                  "relevance (RoN; Schneider & Wagemann 2012) at least {RoN} (conventional "
                  "cuts, as used for SUIN conditions by Oana, Schneider & Thomann 2021).")
    else:
        rule = tr("Necessity was tested for {outcome}: an expression counts as necessary with "
                  "consistency at least {consistency}, coverage at least {coverage} and "
                  "relevance (RoN; Schneider & Wagemann 2012) at least {RoN}.")
    parts = [rule.format(**values)]
    tested = verdicts.loc[[i for i in verdicts.index if nec is not None and i in nec.table.index]]
    if nec is not None:
        passed = tested[tested["verdict"] == "necessary"]
        trivial = tested[tested["verdict"] == "trivial"]
        parts.append(tr("Met all three: {items}.").format(items=_fit_list(passed))
                     if len(passed) else
                     tr("No condition or negated condition met all three."))
        if len(trivial):
            parts.append(tr("Consistent but with coverage or RoN below its cut, so at most "
                            "trivial necessary conditions, not relevant ones: {items}.").format(
                items=_trivial_list(trivial)))
    if not declared:
        parts.append(tr("No condition was treated as necessary in the analysis."))
        return sentences(parts)
    chosen = verdicts[verdicts["declared"]]
    good, bad = chosen[chosen["verdict"] == "necessary"], chosen[chosen["verdict"] != "necessary"]
    if len(good):
        parts.append(tr("Treated as necessary in the analysis: {items}.").format(
            items=_fit_list(good)))
    if len(bad):
        parts.append(tr("Treated as necessary although the data do not meet the criteria above "
                        "(give the theoretical reason here): {items}.").format(
            items=_sep("; ").join(f"{name}{_sep(' (')}{r.fails}{_sep(')')}"
                                  for name, r in bad.iterrows())))
    return sentences(parts)


def _truth_table_text(tt) -> str:
    k, table = len(tt.conditions), tt.table
    out = table["OUT"].value_counts()
    ic1, ic0 = tt.incl_cut
    pri = tr(" and PRI consistency at least {pri}").format(pri=f"{tt.pri_cut:g}") \
        if tt.pri_cut is not None else ""
    contra = tr("; rows with consistency between {low} and {high} were coded as "
                "contradictions").format(low=f"{ic0:g}", high=f"{ic1:g}") if ic0 < ic1 else ""
    observed = int((table["OUT"] != "?").sum())
    ones, zeros = int(out.get("1", 0)), int(out.get("0", 0))
    n_cut = trn("{n} case", "{n} cases", tt.n_cut).format(n=tt.n_cut)
    diversity = tr(
        "With {k} conditions there are {possible} logically possible configurations; "
        "{observed} of the {possible} logically possible configurations were observed with at "
        "least {n_cut} (limited diversity: {remainders}).").format(
        k=k, possible=2 ** k, observed=observed, n_cut=n_cut,
        remainders=trn("{n} logical remainder", "{n} logical remainders",
                       tt.n_remainders).format(n=tt.n_remainders))
    coding = tr("A row was coded as sufficient for {outcome} when it held at least {n_cut} with "
                "raw consistency at least {cut}{pri}{contra}.").format(
        outcome=tt.outcome_label, n_cut=n_cut, cut=f"{ic1:g}", pri=pri, contra=contra)
    if "C" in out:
        counts = trn("{n} row was coded 1, {zeros} coded 0 and {c} contradictory.",
                     "{n} rows were coded 1, {zeros} coded 0 and {c} contradictory.", ones)
    else:
        counts = trn("{n} row was coded 1, {zeros} coded 0.",
                     "{n} rows were coded 1, {zeros} coded 0.", ones)
    return sentences([diversity, coding, counts.format(n=ones, zeros=zeros,
                                                       c=int(out.get("C", 0)))])


#: What each reason of an Enhanced Standard Analysis means, for the methods paragraph.
_ESA_KINDS = {"incoherent": tr_later("incoherent: a condition treated as necessary is absent"),
              "untenable": tr_later("untenable: declared impossible"),
              "contradictory": tr_later("contradictory: a simplifying assumption of some model "
                                        "of the parsimonious solution for the outcome and of "
                                        "some model for its negation"),
              "observed row coded 0": tr_later("observed rows recoded 0")}
#: The kinds of solution in words, as :data:`qcakit.narrative.SOLUTIONS`.
_SOLUTIONS = {"complex": tr_later("complex"), "parsimonious": tr_later("parsimonious"),
              "intermediate": tr_later("intermediate")}



def _solution_text(intermediate, parsimonious, model: int, impossible=(),
                   expectations=None) -> str:
    if intermediate is None:
        return tr("No truth-table row met the cuts, so no configuration was found sufficient "
                  "and no solution was derived.")
    expect = {c: e for c, e in (intermediate.directional or {}).items() if e != "-"}
    expect_text = _sep("; ").join(
        (tr("{name} present") if e == 1 else tr("{name} absent")).format(name=c)
        for c, e in expect.items()) if expect else tr("none")
    if expectations:
        expect_text += _sep("; ") + expectations.rstrip(".。")
    n_easy = len(intermediate.easy_counterfactuals) if intermediate.easy_counterfactuals \
        is not None else 0
    n_sa = len(parsimonious.simplifying_assumptions)
    fit = intermediate.parameters(model).loc["solution"]
    parts = [tr("Complex, parsimonious and intermediate solutions were derived by exact Boolean "
                "minimization (all prime implicants, every minimal model). The intermediate "
                "solution used the directional expectations ({expectations}) and {easy}; the "
                "parsimonious solution rests on {assumptions}. Core conditions are those of the "
                "parsimonious solution, peripheral ones those added by the intermediate "
                "solution (Fiss 2011; chart notation of Ragin & Fiss 2008).").format(
        expectations=expect_text,
        easy=trn("{n} easy counterfactual", "{n} easy counterfactuals", n_easy).format(n=n_easy),
        assumptions=trn("{n} simplifying assumption", "{n} simplifying assumptions",
                        n_sa).format(n=n_sa))]
    barred = parsimonious.excluded if parsimonious.excluded is not None else []
    impossible = [impossible] if isinstance(impossible, str) else list(impossible or [])
    if impossible:
        parts.append(trn("Declared impossible: {items}; remainders inside it are untenable.",
                         "Declared impossible: {items}; remainders inside them are untenable.",
                         len(impossible)).format(items=_names(impossible)))
    if len(barred):
        kinds = sorted({part.split(":")[0].strip() for reason in barred["reason"]
                        for part in str(reason).split(";")})
        parts.append(trn(
            "Following the Enhanced Standard Analysis (Schneider & Wagemann 2013), {n} remainder "
            "was barred from the counterfactuals ({kinds}): rows {rows}.",
            "Following the Enhanced Standard Analysis (Schneider & Wagemann 2013), {n} "
            "remainders were barred from the counterfactuals ({kinds}): rows {rows}.",
            len(barred)).format(
            n=len(barred), rows=_names(barred.index),
            kinds=_sep("; ").join(tr(_ESA_KINDS[k]) if k in _ESA_KINDS else k for k in kinds)))
    for sol in (parsimonious, intermediate):
        if len(sol.models) > 1:
            ambiguous = tr("The {kind} solution has {count} equally minimal models: {models}.") \
                if sol.complete else tr("The {kind} solution has {count} equally minimal models "
                                        "(at least): {models}.")
            parts.append(ambiguous.format(kind=tr(_SOLUTIONS[sol.kind]), count=len(sol.models),
                                          models=" | ".join(sol.expressions)))
    values = {"expression": intermediate.expressions[model], "number": model + 1,
              "consistency": f"{fit['consistency']:.3f}",
              "coverage": f"{fit['raw_coverage']:.3f}"}
    parts.append(tr("Model M{number} of the intermediate solution is reported: {expression}, "
                    "with consistency {consistency} and coverage {coverage}.").format(**values)
                 if len(intermediate.models) > 1 else
                 tr("The intermediate solution {expression} has consistency {consistency} and "
                    "coverage {coverage}.").format(**values))
    return sentences(parts)


def _robustness_text(protocol) -> str:
    """The robustness protocol: its settings and figures (Oana & Schneider 2021)."""
    f = protocol.fit
    rf_cons = tr("undefined (empty robust core)") if np.isnan(f["RF_cons"]) else \
        f"{f['RF_cons']:.3f}"
    tests = protocol.tests
    return tr("Following Oana & Schneider (2021), the initial solution {solution} was compared "
              "with {tests}, each changing one choice ({settings}): RF_cov {RF_cov}, RF_cons "
              "{RF_cons}, RF_SC_minTS {RF_SC_minTS}, RF_SC_maxTS {RF_SC_maxTS}.").format(
        solution=protocol.initial["solution"],
        tests=trn("{n} test solution", "{n} test solutions", len(tests)).format(n=len(tests)),
        settings=_names(tests.index), RF_cov=f"{f['RF_cov']:.3f}", RF_cons=rf_cons,
        RF_SC_minTS=f"{f['RF_SC_minTS']:.3f}", RF_SC_maxTS=f"{f['RF_SC_maxTS']:.3f}")


def check_solutions(truth_table, intermediate, parsimonious) -> None:
    """What :func:`methods_paragraph` and :func:`qcakit.write_report` ask of the solutions
    together (each one's type and truth table are checked by its parameter spec): both are
    given, or both are ``None`` because no row of the truth table is coded 1."""
    if (intermediate is None) != (parsimonious is None):
        raise QCAInputError(tr("Pass the intermediate and the parsimonious solution together, "
                               "or neither when the truth table has no row coded 1."))
    if intermediate is None and truth_table.codes("1").size > 0:
        raise QCAInputError(tr(
            "The truth table has rows coded 1, so report its solutions: pass the "
            "intermediate and the parsimonious solution (qcakit.minimize(tt, ...))."))


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
    opening = tr("We analysed {n} cases with fuzzy-set QCA (Ragin 2008), using qcakit "
                 "{version}. The outcome was {outcome}; the {k} conditions were "
                 "{conditions}.").format(
        n=len(data), version=__version__, outcome=truth_table.outcome_label,
        k=len(truth_table.conditions), conditions=_names(truth_table.conditions))
    sections = [
        (tr("**Calibration.**"), _calibration_text(spec, data, list(data.columns), truth_table)),
        (tr("**Necessity.**"), _necessity_text(truth_table, necessity, necessary,
                                               necessity_cuts)),
        (tr("**Truth table.**"), _truth_table_text(truth_table)),
        (tr("**Minimization.**"), _solution_text(intermediate, parsimonious, model, impossible,
                                                 expectations))]
    if robustness is not None:
        sections.append((tr("**Robustness.**"), _robustness_text(robustness)))
    return "\n\n".join([opening] + [f"{head} {text}" for head, text in sections])

