"""A methods paragraph that states every choice an fsQCA made, for a report or a paper.

Schneider & Wagemann (2010) and Greckhamer et al. (2018) ask an applied fsQCA to report: the
cases and conditions; how each set was calibrated (anchors and why); how memberships of 0.5
were handled; the necessity test and its threshold; the truth table's frequency, consistency
(and PRI) cuts and how much of the property space is empty (limited diversity); which solution
is interpreted, with which directional expectations and counterfactuals; model ambiguity; and
the software. :func:`methods_paragraph` writes these from the analysis objects themselves, so
the text cannot drift from what was computed. It is a draft to edit, not a finished text: the
*reasons* for the choices are the researcher's, passed in ``calibration``.

Necessity is reported as the analysis used it (:func:`necessity_verdicts`): an expression is
called necessary only when it passes all three cuts of :data:`NECESSITY_CUTS` (consistency,
coverage, RoN; the cuts :func:`qcakit.suin` uses, after Schneider & Wagemann 2012, ch. 9), or
the researcher's own cuts; one that passes consistency but not coverage or RoN is reported as
*trivial*. What the analysis *treated* as necessary (``necessary=``, the list given to
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


def _half_text(data, tt) -> str:
    nudged = int((data.to_numpy() == HALF_NUDGED).sum())
    text = (f" {nudged} membership(s) of exactly 0.5 were set to {HALF_NUDGED} so that every "
            "case belongs to a truth-table row." if nudged else "")
    on_condition = data.index[(data[list(tt.conditions)] == 0.5).any(axis=1)]
    on_outcome = data.index[data[tt.outcome] == 0.5]
    if len(on_condition):
        text += (f" {len(on_condition)} case(s) have a membership of exactly 0.5 in a condition "
                 f"({', '.join(map(str, on_condition))}): they belong to no truth-table row and "
                 "drop out of the sufficiency analysis.")
    if len(on_outcome):
        text += (f" {len(on_outcome)} case(s) have exactly 0.5 in the outcome "
                 f"({', '.join(map(str, on_outcome))}): they count in every parameter of fit "
                 "but are neither in nor out of the outcome.")
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
                "crisp": f"crisp, threshold(s) {anchors}",
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


def _necessity_text(tt, nec, necessary, cuts) -> str:
    declared = list(necessary or [])
    if nec is None and not declared:
        return "No necessity analysis is reported here; report one before the truth table."
    cuts = necessity_cuts(cuts, nec.threshold if nec is not None else None)
    verdicts = necessity_verdicts(declared_necessary(tt.data, tt.outcome, declared, nec,
                                                     tt.negate_outcome), cuts, declared)
    parts = [f"Necessity was tested for {tt.outcome_label}: an expression counts as necessary "
             f"with consistency at least {cuts['consistency']:g}, coverage at least "
             f"{cuts['coverage']:g} and relevance (RoN) at least {cuts['RoN']:g} (Schneider & "
             "Wagemann 2012)."]
    tested = verdicts.loc[[i for i in verdicts.index if nec is not None and i in nec.table.index]]
    if nec is not None:
        passed = tested[tested["verdict"] == "necessary"]
        trivial = tested[tested["verdict"] == "trivial"]
        parts.append(f"Met all three: {_fit_list(passed)}." if len(passed) else
                     "No condition or negated condition met all three.")
        if len(trivial):
            parts.append("Consistent but trivial (coverage or RoN below the cut), so not "
                         f"necessary: {_fit_list(trivial)}.")
    if not declared:
        parts.append("No condition was treated as necessary in the analysis.")
        return " ".join(parts)
    chosen = verdicts[verdicts["declared"]]
    good, bad = chosen[chosen["verdict"] == "necessary"], chosen[chosen["verdict"] != "necessary"]
    if len(good):
        parts.append(f"Treated as necessary in the analysis: {_fit_list(good)}.")
    if len(bad):
        parts.append("Treated as necessary on theoretical grounds although the data do not meet "
                     "the criteria above: " + "; ".join(
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
    return (f"With {k} conditions there are {2 ** k} logically possible configurations; "
            f"{observed} of the {2 ** k} logically possible configurations were observed with "
            f"at least {tt.n_cut} case(s) (limited diversity: {tt.n_remainders} logical "
            f"remainders). A row was coded as sufficient for {tt.outcome_label} when it held at "
            f"least {tt.n_cut} case(s) with raw consistency at least {ic1:g}{pri}{contra}. "
            f"{int(out.get('1', 0))} row(s) were coded 1, {int(out.get('0', 0))} coded 0"
            + (f" and {int(out.get('C', 0))} contradictory." if "C" in out else "."))


def _solution_text(intermediate, parsimonious, model: int) -> str:
    if intermediate is None:
        return ("No truth-table row met the cuts, so no configuration was found sufficient and "
                "no solution was derived.")
    expect = {c: e for c, e in (intermediate.directional or {}).items() if e != "-"}
    expect_text = ("; ".join(f"{c} {'present' if e == 1 else 'absent'}"
                             for c, e in expect.items()) if expect else "none")
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
    if len(barred):
        kinds = sorted({part.split(":")[0].strip() for reason in barred["reason"]
                        for part in str(reason).split(";")})
        esa = (f" Following the Enhanced Standard Analysis (Schneider & Wagemann 2013), "
               f"{len(barred)} remainder(s) were barred from the counterfactuals "
               f"({', '.join(kinds)}): rows {', '.join(str(r) for r in barred.index)}.")
    return (f"Complex, parsimonious and intermediate solutions were derived by exact Boolean "
            f"minimization (all prime implicants, every minimal model). The intermediate solution "
            f"used the directional expectations ({expect_text}) and {n_easy} easy "
            f"counterfactual(s); the parsimonious solution rests on {n_sa} simplifying "
            f"assumption(s). Core conditions are those of the parsimonious solution, peripheral "
            f"ones those added by the intermediate solution (Fiss 2011).{esa}{ambiguity} "
            f"{reported} consistency {fit['consistency']:.3f} and coverage "
            f"{fit['raw_coverage']:.3f}.")


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
             model=K.Model("intermediate"))


@accepts(**SPECS)
def methods_paragraph(truth_table, intermediate=None, parsimonious=None, *, necessity=None,
                      necessary=None, necessity_cuts=None, calibration=None,
                      model: int = 0) -> str:
    """The methods section of an fsQCA as Markdown text, built from the analysis objects.

    ``calibration`` is ``{column: anchors}`` or ``{column: {"thresholds": anchors,
    "method": "direct", "idm": None, "reason": "why these anchors"}}``. ``necessity`` is a
    :func:`qcakit.necessity` table, ``necessary`` the expressions the analysis treated as
    necessary (as given to :func:`qcakit.esa`), ``necessity_cuts`` the rule's cuts (default
    :data:`NECESSITY_CUTS`, consistency from the table's threshold). ``model`` picks the
    reported model of the intermediate solution (from 0). Without a row coded 1, pass
    ``None`` for both solutions.
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
        "**Minimization.** " + _solution_text(intermediate, parsimonious, model),
    ])
