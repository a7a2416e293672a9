"""Sentences computed from the results: the prose of an analysis, for the data at hand.

A notebook that runs on anyone's data cannot carry prose written for one data set: "11 cases",
"row 84 passes", "ORG is necessary" are results, and they change with the file. Each function
here takes result objects of the kit and returns Markdown text stating what they show, with the
warnings a careful reader would add (an empty solution, an empty robust core, a trivial
necessary condition and which cut it fails, a cut that admits one row, cases at or near 0.5, a
path without a condition treated as necessary). Lesson 30 shows them with :func:`show`.

Every sentence template is in :data:`TEXT` (plain ``str.format`` strings) and every phrase
with a count in :data:`PLURAL` (singular, plural), in this one module, so that a translation
layer can wrap them (gettext's ``_()`` and ``ngettext()``) without touching the logic.

>>> import pandas as pd, qcakit
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
>>> print(truth_table(tt))
4 of the 4 logically possible configurations hold at least 1 case (0 remainders). 2 rows are coded 1 (rows 4, 3), holding 2 cases: p, q.
"""
from __future__ import annotations

from itertools import product
from pathlib import Path

import numpy as np
import pandas as pd

from .cases import (CROSSOVER, DEV_COVERAGE, DEV_DEGREE, DEV_KIND, INDIV_IRRELEVANT,
                    IRRELEVANT, SOLUTION, TYPES, TYPICAL)
from .errors import QCAInputError
from .i18n import tr, tr_later, trn
from .methods_text import (_sep, declared_necessary, necessity_cuts, necessity_verdicts,
                           sentences)
from .sets import membership, parse, term_to_string
from .truthtable import TOLERANCE

#: The lowest consistency cut usually defended (Schneider & Wagemann 2012, ch. 5).
LOWEST_CUT = 0.75
#: A membership this close to 0.5 (but not 0.5) is flagged: the case is in or out by a hair.
NEAR = 0.05

#: Every sentence template (``str.format``), marked for the catalog; keys name the sentence.
TEXT = {
    # reading the file
    "read_csv": tr_later("The file {file} (CSV, {encoding}, separated by {separator}) holds "
                         "{cases} and {columns}."),
    "read_excel": tr_later("The file {file} (Excel workbook, sheet {sheet}) holds {cases} and "
                           "{columns}."),
    "read_frame": tr_later("The data hold {cases} and {columns}."),
    "read_decimal": tr_later("Decimal commas were read as decimal points in {columns}."),
    "question": tr_later("The analysis explains {outcome} by {conditions}: {names}."),
    # diversity
    "diversity_few": tr_later("With {k} conditions there are 2^{k} = {possible} logically "
                              "possible configurations for {cases}, so at least {remainders} "
                              "configurations ({share} %) have no case: they are logical "
                              "remainders, and every solution below rests partly on assumptions "
                              "about them."),
    "diversity_enough": tr_later("With {k} conditions there are 2^{k} = {possible} logically "
                                 "possible configurations for {cases}: the cases could show "
                                 "every configuration; the truth table shows how many they do "
                                 "show."),
    # calibration
    "memberships": tr_later("The file holds memberships (no anchors were given): they are "
                            "analysed as they are; say in the paper how they were calibrated."),
    "crossover": tr_later("{column}: the crossover {crossover} lies between the observed scores "
                          "{below} ({below_cases}) and {above} ({above_cases}); {n_in} of {n} "
                          "cases are in the set (membership above 0.5){reversed}."),
    "crossover_reversed": tr_later(", those scoring below the crossover (the anchors run "
                                   "downwards)"),
    "crossover_all": tr_later("{column}: every case is on one side of the crossover {crossover} "
                              "({side}), so the set does not tell the cases apart."),
    "crisp": tr_later("{column}: crisp, {n_above} of {n} cases reach the threshold "
                      "{threshold}."),
    "no_reason": tr_later("No reason is written down for the anchors of {columns}; a reviewer "
                          "will ask for one."),
    "above": tr_later("all above"), "below": tr_later("all below"),
    # memberships at or near 0.5
    "half_none": tr_later("No case sits at exactly 0.5 in any set."),
    "half_fix": tr_later("Move the crossover off an observed score, or score them 0.501 (a "
                         "choice to report)."),
    "half_fix_memberships": tr_later("These memberships came with the file: recalibrate those "
                                     "sets where they were made, so that no case lands on 0.5, "
                                     "or score them 0.501 (a choice to report)."),
    "near": tr_later("**Near 0.5:** {items}: within {near:g} of 0.5, so in or out of the set by "
                     "a hair. A small change of an anchor moves such a case across; read what it "
                     "decides (its truth-table row, its case type) with care."),
    "near_item": tr_later("{case} {value:.3f} in {column}"),
    # skewness
    "skew_none": tr_later("No set is skewed: in every set between {low} % and {high} % of the "
                          "cases are above 0.5."),
    "skew_some": tr_later("**Skewed:** {sets}. A set that (almost) every case is in, or (almost) "
                          "none, makes set relations trivial: look again at its anchors, and "
                          "report it."),
    "skew_item": tr_later("{name} ({share} % of the cases above 0.5)"),
    # necessity
    "nec_rule": tr_later("By the rule used here (consistency at least {consistency:g}, coverage "
                         "at least {coverage:g}, RoN at least {RoN:g})"),
    "nec_none": tr_later("{rule}, no single condition or negated condition is necessary for "
                         "{outcome}."),
    "nec_trivial": tr_later("**Trivial:** {item} passes the consistency cut, but {reasons}. Its "
                            "necessity says little: report it, if at all, as a trivial necessary "
                            "condition, not as a relevant one."),
    "nec_low_coverage": tr_later("its coverage is below {cut:g}: {name} is much larger than the "
                                 "outcome (the memberships in {name} add up to {sum_x:.2f}, "
                                 "those in both to {sum_xy:.2f}; {out} of the {inside} in {name} "
                                 "are out of the outcome)"),
    "nec_low_coverage_plain": tr_later("its coverage is below {cut:g}: {name} is much larger "
                                       "than the outcome"),
    "nec_low_ron": tr_later("its RoN is below {cut:g}: {name} comes close to a set that every "
                            "case is in ({inside} of the {n} in it, mean membership {mean:.2f})"),
    "nec_low_ron_plain": tr_later("its RoN is below {cut:g}: {name} comes close to a set that "
                                  "every case is in"),
    "nec_item": tr_later("{name} (consistency {consistency:.3f}, coverage {coverage:.3f}, RoN "
                         "{RoN:.3f})"),
    "nec_declared_none": tr_later("Nothing is treated as necessary in this analysis (NECESSARY "
                                  "is empty), so no remainder is barred as incoherent."),
    "nec_rows_lacking": tr_later("**Warning:** {rows} coded 1 without {name} ({cases}). An "
                                 "observed row that passes the cuts without a condition treated "
                                 "as necessary is evidence against that claim: read its cases. "
                                 "(SetMethods instead codes such rows 0: qcakit.esa(tt, "
                                 "necessary=..., observed=True).)"),
    "nec_paths_lacking": tr_later("**Warning:** the {kind} solution has {paths} without {name}: "
                                  "{terms}. The solution and the necessity claim contradict each "
                                  "other; decide which one the evidence supports."),
    "nec_directional": tr_later("**Warning:** DIRECTIONAL expects {name} {expected}, but "
                                "{declared} is treated as necessary: the two claims contradict "
                                "each other; change one."),
    "nec_missing": tr_later("{names} is not in the necessity table: pass the memberships "
                            "(sets=) to compute it."),
    "suin_found": tr_later("The search for necessary disjunctions and conjunctions (SUIN, up to "
                           "{depth} conditions) finds {count}."),
    "suin_none": tr_later("The search for necessary disjunctions and conjunctions (SUIN, up to "
                          "{depth} conditions) finds none at these cuts."),
    "suin_disjunctions": tr_later("Disjunctions (necessary only if their parts are functional "
                                  "equivalents of one concept, which your theory must say): "
                                  "{items}."),
    "suin_conjunctions": tr_later("Conjunctions (each part is then necessary on its own): "
                                  "{items}."),
    "suin_singles": tr_later("Single conditions (in the table above too): {items}."),
    "suin_item": tr_later("{name} (consistency {consistency:.3f}, coverage {coverage:.3f}, RoN "
                          "{RoN:.3f}{trivial})"),
    "suin_trivial": tr_later("; trivial, {fails}"),
    "suin_everyone": tr_later("; trivial, every case is in it"),
    "suin_trivial_part": tr_later("; its part {parts} is trivial on its own ({fails}), so the "
                                  "claim rests on {rest}"),
    # the cut
    "cut_between": tr_later("The consistency cut {cut:g} lies between row {row_above} "
                            "({incl_above:.3f}) and row {row_below} ({incl_below:.3f}) in the "
                            "sorted consistencies of the observed rows: a gap of {gap:.3f}."),
    "cut_above_all": tr_later("The consistency cut {cut:g} lies above every observed row (the "
                              "highest is row {row} at {incl:.3f})."),
    "cut_below_all": tr_later("The consistency cut {cut:g} lies below every observed row (the "
                              "lowest is row {row} at {incl:.3f})."),
    "cut_widest": tr_later("The widest gap at or above {lowest:g} in the sorted consistencies "
                           "runs from row {row_above} ({incl_above:.3f}) down to {below}, "
                           "{gap:.3f} wide; a cut inside it would code {coded} 1{pri}."),
    "cut_widest_row": tr_later("row {row} ({incl:.3f})"),
    "cut_widest_floor": tr_later("{lowest:g}, the lowest usual cut (the next row, {row}, is at "
                                 "{incl:.3f})"),
    "cut_widest_end": tr_later("{lowest:g}, the lowest usual cut (no observed row lies below)"),
    "cut_here": tr_later("The cut sits in that gap."),
    "cut_elsewhere": tr_later("**The cut {cut:g} is not in that gap.** {changes} Justify {cut:g} "
                              "in the paper, or move the cut."),
    "cut_would_add": tr_later("A cut in the widest gap would add {rows} to the rows coded 1 "
                              "({cases}; {in_outcome} of them in the outcome)."),
    "cut_would_drop": tr_later("A cut in the widest gap would take {rows} out of the rows coded "
                               "1 ({cases})."),
    "cut_low": tr_later("**Warning:** the consistency cut {cut:g} is below {lowest:g}, the "
                        "usual minimum (Schneider & Wagemann 2012)."),
    "one_row": tr_later("**Warning:** the cuts admit one row only (row {row}, {cases}: {names}). "
                        "The solution is that row, simplified, and rests on {cases}."),
    "no_row": tr_later("**Warning:** no row passes the cuts (the highest consistency is "
                       "{incl:.3f}, row {row}). Nothing is sufficient for {outcome} at these "
                       "cuts, so there is no solution, chart, case typology or robustness test "
                       "below. That is a finding; lower a cut only with a reason you would "
                       "defend in the paper."),
    # the truth table
    "tt_none": tr_later("{observed} of the {possible} logically possible configurations hold at "
                        "least {n_cut} ({remainders} remainders). No row is coded 1."),
    # solutions
    "model_range": tr_later("MODEL = {model}, but the {kind} solution has {count}: {models}. "
                            "{fix}"),
    "model_fix_one": tr_later("Set MODEL to 0."),
    "model_fix": tr_later("Set MODEL to a number from 0 to {last} (0 is the first)."),
    "expect_default": tr_later("No directional expectations were given (DIRECTIONAL = None), so "
                               "every condition is expected present by default: an assumption, "
                               "not a finding of theory. Give DIRECTIONAL from theory (or {{}} "
                               "for none); the methods paragraph says that this default was "
                               "used."),
    "expect_default_methods": tr_later("every condition expected present by default; no "
                                       "theoretical expectations were given"),
    "expect_none": tr_later("No directional expectations (DIRECTIONAL is empty): the "
                            "intermediate solution uses no remainder and equals the complex "
                            "solution."),
    "expect_given": tr_later("Directional expectations (DIRECTIONAL): {items}."),
    "expect_present": tr_later("{name} present"), "expect_absent": tr_later("{name} absent"),
    "present": tr_later("present"), "absent": tr_later("absent"),
    "sol_one": tr_later("The {kind} solution is {expression}."),
    "sol_models": tr_later("The {kind} solution has {count} equally minimal models; model "
                           "M{number} is reported: {expression}."),
    "sol_models_cap": tr_later("More equally minimal models exist than were listed."),
    "sol_path": tr_later("{term} covers {cases} ({names})"),
    "sol_path_none": tr_later("{term} covers {cases}"),
    "sol_path_deviant": tr_later("; {deviant} in it but out of the outcome ({names})"),
    "sol_paths": tr_later("It has {paths}: {items}."),
    "sol_uncovered": tr_later("Not covered: {names}."),
    "esa_none": tr_later("No remainder is barred: the parsimonious and intermediate solutions "
                         "may use any remainder."),
    "esa_overlap": tr_later(" A row can be barred for several reasons, so these counts add up to "
                            "more than {n}."),
    "esa_incoherent": tr_later("{count} incoherent (a condition treated as necessary is "
                               "absent)"),
    "esa_untenable": tr_later("{count} untenable (declared impossible)"),
    "esa_contradictory": tr_later("{count} contradictory (a simplifying assumption of the "
                                  "parsimonious solution for the outcome and for its "
                                  "negation{models})"),
    "esa_models": tr_later("; the parsimonious solution for {outcome} has {n_outcome} and that "
                           "for {negation} {n_negation}, and a remainder counts when any model "
                           "of each uses it, as QCA's findRows(type = 2)"),
    # the chart
    "chart_models": tr_later("The parsimonious solution has {count} models ({models}); the core "
                             "conditions in the chart come from the parsimonious terms that "
                             "contain each reported path, so another parsimonious model could "
                             "make other conditions core."),
    "chart_notes": tr_later("Notes on the chart: {notes}"),
    # case types
    "types": tr_later("For the solution as a whole: {counts}. The cases a path \"covers\" above "
                      "are its typical cases and its deviant cases in degree."),
    "types_item": tr_later("{count} {kind}"),
    "types_deviant_degree": tr_later("**Deviant consistency in degree** (in the solution and in "
                                     "the outcome, but more in the solution than in the "
                                     "outcome): {names}; the path holds them in kind, not in "
                                     "degree."),
    "types_deviant_kind": tr_later("**Deviant consistency in kind** (in the solution, out of "
                                   "the outcome): {names}; they challenge the path that holds "
                                   "them."),
    "types_deviant_coverage": tr_later("**Deviant coverage** (in the outcome, in no path): "
                                       "{names}; they point to a path the solution misses."),
    "types_crossover": tr_later("**On the crossover** (0.5 in the solution or the outcome, no "
                                "type): {names}."),
    "types_near": tr_later("**Near 0.5** (their type hangs on a membership within {near:g} of "
                           "0.5): {items}."),
    "types_near_item": tr_later("{case} ({kind}; solution {x:.3f}, outcome {y:.3f})"),
    # robustness
    "rob_how_esa": tr_later("Every setting rebuilds the truth table, redoes the Enhanced "
                            "Standard Analysis on it (the same necessary and impossible "
                            "expressions; contradictory assumptions found anew for that table) "
                            "and minimizes it. The initial solution is model M{number} of its "
                            "setting, the one reported above; each test solution is the first "
                            "model of its setting, as in SetMethods."),
    "rob_how_plain": tr_later("Every setting rebuilds the truth table and minimizes it without "
                              "barring any remainder. The initial solution is model M{number} "
                              "of its setting; each test solution is the first model of its "
                              "setting, as in SetMethods."),
    "rob_settings": tr_later("The protocol compares the initial solution with {tests}: "
                             "{labels}."),
    "rob_fit": tr_later("RF_cov {RF_cov:.3f}, RF_cons {RF_cons}, RF_SC_minTS {RF_SC_minTS:.3f}, "
                        "RF_SC_maxTS {RF_SC_maxTS:.3f}."),
    "rob_undefined": tr_later("undefined"),
    "rob_same": tr_later("{same} of the {tests} give the initial solution again."),
    "rob_none": tr_later("**Nothing is sufficient** under {labels}: no row passes there, so the "
                         "test solution is empty."),
    "rob_core_empty": tr_later("**Warning: the robust core is empty.** At least one test "
                               "setting shares no case with the initial solution, so no part of "
                               "it survives every sensible alternative, and RF_cons is "
                               "undefined."),
    "rob_robust": tr_later("Robust typical cases (in the initial solution, in every test "
                           "solution and in the outcome): {names}."),
    "rob_robust_none": tr_later("No case is a robust typical case."),
    "rob_changed": tr_later("Cases whose type changes under some setting: {names}."),
    "rob_skipped": tr_later("There is no initial solution, so there is nothing to test for "
                            "robustness."),
    "rob_initial_differs": tr_later("**Warning:** the protocol's initial solution {initial} is "
                                    "not the solution reported above ({reported}), so the "
                                    "figures below describe {initial}."),
    "rob_memberships": tr_later("The file holds memberships, so there are no anchors to move: "
                                "the test settings vary the consistency cut only."),
    "rob_notes": tr_later("While computing the settings the kit noted:"),
    "rob_notes_half": tr_later("A case at exactly 0.5 in a setting belongs to no row of that "
                               "setting's truth table and drops out of its test solution."),
    # the negated outcome
    "neg_outcome_none": tr_later("Nothing is sufficient for {outcome} at these cuts; its "
                                 "negation {label} is analysed all the same, since the "
                                 "conditions for the absence of an outcome need not mirror "
                                 "those for its presence."),
    "neg_solution_expected": tr_later("For {label}, the intermediate solution (directional "
                                      "expectations DIRECTIONAL_NEGATED: {items}){models} is "
                                      "{expression} (consistency {consistency:.3f}, coverage "
                                      "{coverage:.3f}){barred}."),
    "neg_solution_complex": tr_later("For {label}, with no directional expectations for it "
                                     "(DIRECTIONAL_NEGATED), the intermediate solution equals "
                                     "the complex solution; it{models} is {expression} "
                                     "(consistency {consistency:.3f}, coverage "
                                     "{coverage:.3f}){barred}."),
    "neg_model": tr_later(" (model M1 of {count})"),
    "neg_none": tr_later("For {label} no row passes the cuts: nothing is sufficient for it."),
    "neg_table": tr_later("The table below shows the first model of each solution for both "
                          "outcomes with no remainder barred{expect} "
                          "(qcakit.outcome_and_negation as it is){counts}; the sentences above "
                          "use the barred solutions."),
    "neg_table_none": tr_later(" and no directional expectations for {label}"),
    "neg_table_counts": tr_later("; models: {counts}"),
    "neg_table_count": tr_later("{label} {kind} {count}"),
    # two calibrations of the same cases
    "compare_side": tr_later("{label}: {rows} coded 1 ({cases}), {paths}{models}, and "
                             "{necessary}"),
    "compare_models": tr_later(" (in model M1 of {count})"),
    "compare_necessary": tr_later("necessary by the rule: {names}"),
    "compare_necessary_none": tr_later("nothing necessary by the rule"),
    "compare": tr_later("The same {cases} and conditions, the same cuts, two calibrations. "
                        "{first}. {second}."),
    "compare_differ": tr_later("Only the calibration differs, and it changes {what}: the anchors "
                               "are part of the result, which is why they need reasons."),
    "compare_same": tr_later("The two calibrations agree on the rows coded 1 and on necessity."),
    "compare_rows": tr_later("which rows pass"),
    "compare_nec": tr_later("which conditions are necessary"),
    "compare_lessons": tr_later("With the percentile anchors of lessons 12-15"),
    "compare_here": tr_later("With the anchors here"),
    "compare_skipped": tr_later("This section compares two calibrations of the bundled example "
                                "only; for other data (or other settings) it is skipped."),
    # the report
    "report": tr_later("The report folder {folder} holds {files}: {names}."),
    "list_and": tr_later("{head} and {last}"),
    "names_more": tr_later("... ({n} more)"),
    # lesson 30's settings
    "bad_model": tr_later("MODEL must be a whole number from 0 (the first model), got "
                          "{value}."),
    "bad_directional": tr_later("{name} must be None or a dict {{condition: 1 or 0}}, e.g. "
                                "{{'{example}': 1}}, got {value}."),
    "bad_directional_names": tr_later("{name} names {unknown}, not among the CONDITIONS "
                                      "({conditions}). Use condition names only."),
    "bad_directional_values": tr_later("{name} takes 1 (expected present), 0 (expected absent) "
                                       "or '-' (no expectation) per condition, got {value}."),
    "bad_shift": tr_later("CROSSOVER_SHIFT is a share of each anchor range, above 0 and below "
                          "0.5 (0.1 moves a crossover by a tenth of the range), got {value}."),
    "bad_robustness_cuts": tr_later("ROBUSTNESS_INCL_CUTS must be a list of consistency cuts "
                                    "between 0 and 1, e.g. [0.75, 0.85], got {value}."),
}

#: Phrases and sentences that change with a count ``n``: each value gives the text for ``n``
#: (gettext's ``ngettext``: English has a singular and a plural, Chinese one form).
PLURAL = {
    "case": lambda n: trn("{n} case", "{n} cases", n),
    "column": lambda n: trn("{n} column", "{n} columns", n),
    "condition": lambda n: trn("{n} condition", "{n} conditions", n),
    "row": lambda n: trn("{n} row", "{n} rows", n),
    "row_list": lambda n: trn("row {ids}", "rows {ids}", n),
    "path": lambda n: trn("{n} path", "{n} paths", n),
    "file": lambda n: trn("{n} file", "{n} files", n),
    "model": lambda n: trn("{n} model", "{n} models", n),
    "expression": lambda n: trn("{n} expression", "{n} expressions", n),
    "setting": lambda n: trn("{n} test setting", "{n} test settings", n),
    "crossover_on": lambda n: trn(
        "{column}: {n} case ({names}) sits on the crossover {crossover} itself and scores 0.5; "
        "{n_in} of {total} cases are in the set (membership above 0.5){reversed}.",
        "{column}: {n} cases ({names}) sit on the crossover {crossover} itself and score 0.5; "
        "{n_in} of {total} cases are in the set (membership above 0.5){reversed}.", n),
    "half_condition": lambda n: trn(
        "**Warning:** case {names} scores exactly 0.5 in {column}: neither in nor out of the "
        "set, so it belongs to no truth-table row and drops out of the sufficiency analysis.",
        "**Warning:** cases {names} score exactly 0.5 in {column}: neither in nor out of the "
        "set, so they belong to no truth-table row and drop out of the sufficiency analysis.",
        n),
    "half_outcome": lambda n: trn(
        "**Warning:** case {names} scores exactly 0.5 in the outcome {column}: it still counts "
        "in every consistency and coverage, but being neither in nor out of the outcome it has "
        "no case type.",
        "**Warning:** cases {names} score exactly 0.5 in the outcome {column}: they still count "
        "in every consistency and coverage, but being neither in nor out of the outcome they "
        "have no case type.", n),
    "nec_pass": lambda n: trn(
        "{rule}, {n} condition is necessary for {outcome}: {items}.",
        "{rule}, {n} conditions are necessary for {outcome}: {items}.", n),
    "nec_declared": lambda n: trn(
        "Treated as necessary in this analysis (NECESSARY): {items}; remainders without it are "
        "barred as incoherent counterfactuals.",
        "Treated as necessary in this analysis (NECESSARY): {items}; remainders without any one "
        "of them are barred as incoherent counterfactuals.", n),
    "nec_declared_fails": lambda n: trn(
        "**Warning:** {items} is treated as necessary although the data do not meet the rule "
        "({fails}); that needs a theoretical reason, stated in the paper. The report says so.",
        "**Warning:** {items} are treated as necessary although the data do not meet the rule "
        "({fails}); that needs a theoretical reason, stated in the paper. The report says so.",
        n),
    "cut_widest_pri": lambda n: trn(
        " ({n} more passes its consistency but fails the PRI cut {pri:g})",
        " ({n} more pass its consistency but fail the PRI cut {pri:g})", n),
    "pri_fails": lambda n: trn(
        "Row {ids} passes the consistency cut but not the PRI cut {pri:g} (PRI {values}): much "
        "of its consistency is shared with the negated outcome, so it is coded 0.",
        "Rows {ids} pass the consistency cut but not the PRI cut {pri:g} (PRI {values}): much "
        "of their consistency is shared with the negated outcome, so they are coded 0.", n),
    "tt_rows": lambda n: trn(
        "{observed} of the {possible} logically possible configurations hold at least {n_cut} "
        "({remainders} remainders). {n} row is coded 1 ({rows}), holding {cases}: {names}.",
        "{observed} of the {possible} logically possible configurations hold at least {n_cut} "
        "({remainders} remainders). {n} rows are coded 1 ({rows}), holding {cases}: {names}.",
        n),
    "tt_left_out": lambda n: trn(
        "{n} of the {in_outcome} in the outcome sits in rows coded 0 ({names}): no solution at "
        "these cuts can cover it (column inconsistent).",
        "{n} of the {in_outcome} in the outcome sit in rows coded 0 ({names}): no solution at "
        "these cuts can cover them (column inconsistent).", n),
    "tt_let_in": lambda n: trn(
        "{n} case out of the outcome sits in rows coded 1 ({names}): deviant for consistency "
        "(column inconsistent).",
        "{n} cases out of the outcome sit in rows coded 1 ({names}): deviant for consistency "
        "(column inconsistent).", n),
    "sol_fit": lambda n: trn(
        "Solution consistency {consistency:.3f}, coverage {coverage:.3f}: {n} of the "
        "{in_outcome} in the outcome is covered by some path.",
        "Solution consistency {consistency:.3f}, coverage {coverage:.3f}: {n} of the "
        "{in_outcome} in the outcome are covered by some path.", n),
    "esa_some": lambda n: trn("{n} remainder is barred as counterfactuals: {kinds}.",
                              "{n} remainders are barred as counterfactuals: {kinds}.", n),
    "neg_barred": lambda n: trn("; {n} remainder is barred (impossible, or contradictory)",
                                "; {n} remainders are barred (impossible, or contradictory)", n),
    "neg_contradictory": lambda n: trn(
        "{n} remainder is a simplifying assumption of some parsimonious model for {outcome} "
        "({n_outcome}) and of some model for {label} ({n_label}): contradictory simplifying "
        "assumptions (as QCA's findRows(type = 2)), barred for both outcomes.",
        "{n} remainders are simplifying assumptions of some parsimonious model for {outcome} "
        "({n_outcome}) and of some model for {label} ({n_label}): contradictory simplifying "
        "assumptions (as QCA's findRows(type = 2)), barred for both outcomes.", n),
    "neg_simultaneous": lambda n: trn(
        "**Warning:** {n} row is coded 1 for both outcomes (simultaneous subset relations): "
        "rows {rows}.",
        "**Warning:** {n} rows are coded 1 for both outcomes (simultaneous subset relations): "
        "rows {rows}.", n),
}

#: The case types (:data:`qcakit.cases.TYPES`) in words.
KINDS = {TYPICAL: tr_later("typical"), DEV_DEGREE: tr_later("deviant consistency in degree"),
         DEV_KIND: tr_later("deviant consistency in kind"),
         DEV_COVERAGE: tr_later("deviant coverage"), IRRELEVANT: tr_later("irrelevant"),
         INDIV_IRRELEVANT: tr_later("individually irrelevant"),
         CROSSOVER: tr_later("on the crossover")}
#: The kinds of solution in words (``The {kind} solution``).
SOLUTIONS = {"complex": tr_later("complex"), "parsimonious": tr_later("parsimonious"),
             "intermediate": tr_later("intermediate")}
#: Encodings read_data names in English (the others are names in every language).
ENCODINGS = {"UTF-8 with BOM": tr_later("UTF-8 with BOM")}


def phrase(key: str, **values) -> str:
    """The sentence ``TEXT[key]`` in the current language, filled with ``values``.

    >>> phrase("compare_here")
    'With the anchors here'
    """
    return tr(TEXT[key]).format(**values)


_t = phrase


def _p(key: str, n: int, **values) -> str:
    return PLURAL[key](n).format(n=n, **values)


def _kind(kind: str) -> str:
    """A solution's kind (``sol.kind``) in words."""
    return tr(SOLUTIONS[kind])


def _names(values, limit: int = 12) -> str:
    values = [str(v) for v in values]
    if len(values) > limit:
        values = values[:limit] + [_t("names_more", n=len(values) - limit)]
    return _sep(", ").join(values)


def _and(items) -> str:
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return _t("list_and", head=_sep(", ").join(items[:-1]), last=items[-1])


def _num(v) -> str:
    return f"{float(v):g}"


def show(text: str) -> None:
    """Display ``text`` as Markdown in Jupyter."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def data_read(data: pd.DataFrame, outcome: str, conditions) -> str:
    """What was read (file name, format, encoding, cases, columns) and the question asked.

    >>> import pandas as pd
    >>> data = pd.DataFrame({"A": [1, 2], "Y": [0.2, 0.9]}, index=["p", "q"])
    >>> data_read(data, "Y", ["A"])
    'The data hold 2 cases and 2 columns. The analysis explains Y by 1 condition: A.'
    """
    source = data.attrs.get("source") or {}
    sizes = {"cases": _p("case", len(data)), "columns": _p("column", data.shape[1])}
    name = Path(str(source.get("file", ""))).name
    if source.get("format") == "CSV":
        encoding = source["encoding"]
        encoding = tr(ENCODINGS[encoding]) if encoding in ENCODINGS else encoding
        parts = [_t("read_csv", file=name, encoding=encoding,
                    separator=repr(source["separator"]), **sizes)]
    elif source.get("format"):
        parts = [_t("read_excel", file=name, sheet=repr(source["sheet"]), **sizes)]
    else:
        parts = [_t("read_frame", **sizes)]
    if source.get("decimal_comma"):
        parts.append(_t("read_decimal", columns=_sep(", ").join(source["decimal_comma"])))
    conditions = list(conditions)
    return sentences(parts + [_t("question", outcome=outcome,
                                 conditions=_p("condition", len(conditions)),
                                 names=_sep(", ").join(conditions))])


def diversity(n_cases: int, n_conditions: int) -> str:
    """Logical remainders that limited diversity makes certain, before any calibration.

    >>> diversity(11, 7)[:100]
    'With 7 conditions there are 2^7 = 128 logically possible configurations for 11 cases, so at least 11'
    """
    possible = 2 ** n_conditions
    if n_cases >= possible:
        return _t("diversity_enough", k=n_conditions, possible=possible,
                  cases=_p("case", n_cases))
    remainders = possible - n_cases
    return _t("diversity_few", k=n_conditions, possible=possible, cases=_p("case", n_cases),
              remainders=remainders, share=round(100 * remainders / possible))


def _crossover(column: str, raw: pd.Series, anchors) -> str:
    values = raw.astype(float)
    crossover = anchors[1]
    downwards = anchors[0] > anchors[2]  # reversed scale: low scores are in the set
    n = len(values)
    n_in = int((values < crossover).sum() if downwards else (values > crossover).sum())
    reversed_note = _t("crossover_reversed") if downwards else ""
    on = values.index[values == crossover]
    if len(on):
        return _p("crossover_on", len(on), column=column, crossover=_num(crossover), total=n,
                  n_in=n_in, names=_names(on), reversed=reversed_note)
    below, above = values[values < crossover], values[values > crossover]
    if below.empty or above.empty:
        return _t("crossover_all", column=column, crossover=_num(crossover),
                  side=_t("above" if below.empty else "below"))
    low, high = below.max(), above.min()
    return _t("crossover", column=column, crossover=_num(crossover), below=_num(low),
              below_cases=_names(below.index[below == low]), above=_num(high),
              above_cases=_names(above.index[above == high]), n_in=n_in, n=n,
              reversed=reversed_note)


def calibration(raw: pd.DataFrame, spec: dict | None) -> str:
    """Where each crossover (or crisp threshold) falls among the observed scores, and how many
    cases end up in each set.

    ``spec`` is :func:`qcakit.methods_text.calibration_spec` of the anchors (``None`` or empty
    when the file holds memberships).

    >>> import pandas as pd
    >>> raw = pd.DataFrame({"X": [1, 4, 6, 9]}, index=list("abcd"))
    >>> calibration(raw, {"X": {"thresholds": (2, 5, 8), "method": "direct", "reason": "why"}})
    'X: the crossover 5 lies between the observed scores 4 (b) and 6 (c); 2 of 4 cases are in the set (membership above 0.5).'
    """
    if not spec:
        return _t("memberships")
    lines = []
    for column, entry in spec.items():
        t = entry["thresholds"]
        if entry["method"] == "direct":
            lines.append(_crossover(column, raw[column], t))
        else:
            reached = int((raw[column].astype(float) >= t[0]).sum())
            lines.append(_t("crisp", column=column, n_above=reached, n=len(raw),
                            threshold=_num(t[0])))
    missing = [c for c, e in spec.items() if not e.get("reason")]
    if missing:
        lines.append(_t("no_reason", columns=_sep(", ").join(missing)))
    return "\n\n".join(lines)


def _near(values: pd.Series) -> pd.Series:
    distance = (values - 0.5).abs()
    return values[(distance > 0) & (distance < NEAR)]


def half_memberships(sets: pd.DataFrame, outcome: str, conditions,
                     memberships_only: bool = False) -> str:
    """Cases at exactly 0.5, and what that does, by the role of the set; cases within
    :data:`NEAR` of 0.5. ``memberships_only``: the file held memberships (no anchors to move).

    >>> import pandas as pd
    >>> sets = pd.DataFrame({"A": [0.5, 0.8], "Y": [0.7, 0.2]}, index=["p", "q"])
    >>> half_memberships(sets, "Y", ["A"]).split(": neither")[0]
    '**Warning:** case p scores exactly 0.5 in A'
    """
    lines, near = [], []
    for column in [*conditions, outcome]:
        on = sets.index[sets[column] == 0.5]
        if len(on):
            key = "half_outcome" if column == outcome else "half_condition"
            lines.append(_p(key, len(on), column=column, names=_names(on)))
        near += [_t("near_item", case=case, value=value, column=column)
                 for case, value in _near(sets[column]).items()]
    text = "\n\n".join(lines + [_t("half_fix_memberships" if memberships_only else "half_fix")]) \
        if lines else _t("half_none")
    if near:
        text += "\n\n" + _t("near", items=_sep("; ").join(near), near=NEAR)
    return text


def skewness(skew, high: float = 0.8, low: float = 0.2) -> str:
    """Which sets are skewed (share of cases above 0.5 beyond ``high`` or below ``low``)."""
    table = skew.table
    skewed = table.index[(table["share_above"] > high) | (table["share_above"] < low)]
    if not len(skewed):
        return _t("skew_none", low=round(100 * low), high=round(100 * high))
    items = [_t("skew_item", name=s, share=round(100 * table.loc[s, "share_above"]))
             for s in skewed]
    return _t("skew_some", sets=_sep("; ").join(items))


def _nec_items(rows: pd.DataFrame) -> str:
    return _sep("; ").join(_t("nec_item", name=name, consistency=r.consistency,
                              coverage=r.coverage, RoN=r.RoN) for name, r in rows.iterrows())


def _trivial_reasons(name: str, row, cuts: dict, sets, outcome: str, negate: bool) -> str:
    """Why a consistent expression is trivial: which of coverage and RoN fails, and what that
    means for these cases (shares computed from ``sets`` when given)."""
    low_cov = row.coverage < cuts["coverage"] - 1e-9
    low_ron = row.RoN < cuts["RoN"] - 1e-9
    reasons = []
    if sets is None:
        if low_cov:
            reasons.append(_t("nec_low_coverage_plain", cut=cuts["coverage"], name=name))
        if low_ron:
            reasons.append(_t("nec_low_ron_plain", cut=cuts["RoN"], name=name))
        return _and(reasons)
    x = membership(sets, name).to_numpy()
    y = sets[outcome].to_numpy(dtype=float)
    y = 1 - y if negate else y
    inside = x > 0.5
    if low_cov:
        reasons.append(_t("nec_low_coverage", cut=cuts["coverage"], name=name,
                          sum_x=x.sum(), sum_xy=np.minimum(x, y).sum(),
                          out=int((inside & (y < 0.5)).sum()),
                          inside=_p("case", int(inside.sum()))))
    if low_ron:
        reasons.append(_t("nec_low_ron", cut=cuts["RoN"], name=name,
                          inside=int(inside.sum()), n=_p("case", len(x)), mean=x.mean()))
    return _and(reasons)


def _necessity_parts(nec, table, verdicts, cuts, sets) -> list:
    tested = verdicts.loc[nec.table.index]
    rule = _t("nec_rule", **cuts)
    passed = tested[tested["verdict"] == "necessary"]
    parts = [_p("nec_pass", len(passed), rule=rule, outcome=nec.outcome_label,
                items=_nec_items(passed)) if len(passed) else
             _t("nec_none", rule=rule, outcome=nec.outcome_label)]
    for name, r in tested[tested["verdict"] == "trivial"].iterrows():
        parts.append(_t("nec_trivial", item=_nec_items(tested.loc[[name]]),
                        reasons=_trivial_reasons(name, r, cuts, sets, nec.outcome,
                                                 nec.negate_outcome)))
    return parts


def necessity(nec, sets: pd.DataFrame | None = None, cuts=None, declared=()) -> str:
    """Which conditions are necessary by the rule, which are trivial (and which cut each fails,
    with what that means for the cases in ``sets``), what the analysis treats as necessary
    (``declared``), with a warning for a declared one that fails the rule. ``declared=None``
    leaves out the sentences about what the analysis treats as necessary.

    ``sets`` (the memberships) is needed for declared expressions not in ``nec``, such as
    a disjunction found by :func:`qcakit.suin`, and for the shares of cases.
    """
    cuts = necessity_cuts(cuts, nec.threshold)
    speak = declared is not None
    declared = list(declared or [])
    table = nec.table
    if any(d not in table.index for d in declared):
        if sets is None:
            raise QCAInputError(_t("nec_missing", names=", ".join(
                d for d in declared if d not in table.index)))
        table = declared_necessary(sets, nec.outcome, declared, nec, nec.negate_outcome)
    verdicts = necessity_verdicts(table, cuts, declared)
    parts = _necessity_parts(nec, table, verdicts, cuts, sets)
    if not speak:
        return "\n\n".join(parts)
    if not declared:
        parts.append(_t("nec_declared_none"))
        return "\n\n".join(parts)
    chosen = verdicts.loc[[d for d in declared if d in verdicts.index]]
    parts.append(_p("nec_declared", len(chosen), items=_nec_items(chosen)))
    bad = chosen[chosen["verdict"] != "necessary"]
    if len(bad):
        parts.append(_p("nec_declared_fails", len(bad), items=_sep(", ").join(bad.index),
                        fails=_sep("; ").join(f"{n}{_sep(': ')}{r.fails}"
                                              for n, r in bad.iterrows())))
    return "\n\n".join(parts)


def _implies(term, expression: str) -> bool:
    """True when the conjunction ``term`` (pairs of name and value) lies inside
    ``expression`` for every configuration of the other conditions."""
    fixed = dict(term)
    terms = parse(expression)
    free = sorted({n for t in terms for n, _ in t} - set(fixed))
    for values in product((0, 1), repeat=len(free)):
        where = {**fixed, **dict(zip(free, values))}
        if not any(all(where[n] == v for n, v in t) for t in terms):
            return False
    return True


def declared_in_solution(tt, declared, solutions=(), directional=None, model: int = 0) -> str:
    """Warnings when what the analysis treats as necessary (``declared``) and its results
    disagree: observed rows coded 1 without it, paths of ``solutions`` (the reported model of
    the intermediate one, ``model``; the first of the others) without it, and a directional
    expectation of its absence. Empty text when they agree.

    >>> import pandas as pd, qcakit
    >>> data = pd.DataFrame({"A": [0.9, 0.2, 0.1], "B": [0.8, 0.9, 0.2],
    ...                      "Y": [0.9, 0.8, 0.1]}, index=list("pqr"))
    >>> tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
    >>> declared_in_solution(tt, ["A"]).split(" (")[0]
    '**Warning:** row 2 coded 1 without A'
    """
    from .counterfactuals import esa

    parts = []
    for name in declared or []:
        lacking = esa(tt, necessary=[name], observed=True).recoded
        if len(lacking):
            rows = list(lacking.index)
            parts.append(_t("nec_rows_lacking", name=name,
                            rows=_p("row_list", len(rows), ids=_sep(", ").join(map(str, rows))),
                            cases=_names(_row_cases(tt, rows))))
        for sol in solutions:
            if sol is None:
                continue
            terms = sol.models[model if sol.kind == "intermediate" else 0]
            without = [term_to_string(t) for t in terms if not _implies(t, name)]
            if without:
                parts.append(_t("nec_paths_lacking", kind=_kind(sol.kind), name=name,
                                paths=_p("path", len(without)),
                                terms=_sep(", ").join(without)))
        literal = parse(name)
        if directional and len(literal) == 1 and len(literal[0]) == 1:
            condition, value = literal[0][0]
            expected = directional.get(condition)
            if expected in (0, 1) and expected != value:
                parts.append(_t("nec_directional", name=condition, declared=name,
                                expected=_t("present" if expected == 1 else "absent")))
    return "\n\n".join(parts)


def suin(result, sets: pd.DataFrame | None = None, cuts=None) -> str:
    """The necessary disjunctions and conjunctions a :func:`qcakit.suin` search found, by kind
    (disjunctions, conjunctions, single conditions), each trivial one with the cut it fails
    (``cuts``: the necessity rule; default the search's own cuts). With the memberships
    (``sets``), a conjunction whose part is trivial on its own says so."""
    depth = result.cuts["depth"]
    table = result.table
    if table.empty:
        return _t("suin_none", depth=depth)
    own = {"consistency": result.cuts["incl_cut"], "coverage": result.cuts["cov_cut"],
           "RoN": result.cuts["ron_cut"]}
    cuts = necessity_cuts(cuts if cuts is not None else own)
    verdicts = necessity_verdicts(table, cuts)
    outcome = result.outcome_label.lstrip("~")
    negate = result.outcome_label.startswith("~")
    groups = {"disjunction": [], "conjunction": [], "single": []}
    for name, r in table.iterrows():
        literals = [term_to_string((lit,)) for lit in parse(name)[0]] \
            if r["kind"] == "conjunction" else []
        trivial = ""
        if verdicts.loc[name, "verdict"] == "trivial":
            trivial = _t("suin_trivial", fails=verdicts.loc[name, "fails"])
        elif r["trivial"]:
            trivial = _t("suin_everyone")
        elif len(literals) > 1 and sets is not None:
            parts = necessity_verdicts(declared_necessary(sets, outcome, literals, None, negate),
                                       cuts)
            weak = parts[parts["verdict"] != "necessary"]
            if 0 < len(weak) < len(parts):
                trivial = _t("suin_trivial_part", parts=_sep(", ").join(weak.index),
                             fails=_sep("; ").join(weak["fails"]),
                             rest="*".join(p for p in parts.index if p not in weak.index))
        item = _t("suin_item", name=name, consistency=r["consistency"], coverage=r["coverage"],
                  RoN=r["RoN"], trivial=trivial)
        kind = "single" if len(literals) == 1 else r["kind"]
        groups[kind].append(item)
    parts = [_t("suin_found", depth=depth, count=_p("expression", len(table)))]
    for kind, key in (("disjunction", "suin_disjunctions"), ("conjunction", "suin_conjunctions"),
                      ("single", "suin_singles")):
        if groups[kind]:
            parts.append(_t(key, items=_sep("; ").join(groups[kind])))
    return sentences(parts)


def _row_cases(tt, rows) -> list:
    """Cases with membership above 0.5 in the truth-table rows ``rows`` (each case in one row
    at most), in the data's order. Computed from memberships: case names may hold commas."""
    inside = (tt.memberships[list(rows)] > 0.5).any(axis=1).to_numpy() if len(rows) else \
        np.zeros(len(tt.data), dtype=bool)
    return list(tt.data.index[inside])


def _observed(tt) -> pd.DataFrame:
    """Rows with at least n_cut cases, sorted by consistency (highest first), then row id."""
    rows = tt.table[tt.table["OUT"] != "?"]
    return rows.assign(row=rows.index).sort_values(["incl", "row"], ascending=[False, True])


def _gap_sentence(rows: pd.DataFrame, cut: float) -> tuple[str, tuple | None]:
    incl, ids = rows["incl"].to_numpy(), rows.index.to_numpy()
    above = np.flatnonzero(incl + TOLERANCE > cut)
    below = np.flatnonzero(incl + TOLERANCE <= cut)
    if not len(above):
        return _t("cut_above_all", cut=cut, row=ids[0], incl=incl[0]), None
    if not len(below):
        return _t("cut_below_all", cut=cut, row=ids[-1], incl=incl[-1]), None
    i, j = above[-1], below[0]
    return (_t("cut_between", cut=cut, row_above=ids[i], incl_above=incl[i], row_below=ids[j],
               incl_below=incl[j], gap=incl[i] - incl[j]), (i, j))


def _widest_gap(incl: np.ndarray) -> tuple | None:
    """(width, i): the widest interval at or above :data:`LOWEST_CUT` between the sorted
    consistencies ``incl[i]`` and the next lower one (or the floor), in which a cut codes rows
    0..i by consistency; the highest such interval on ties. None when no row reaches it."""
    best = None
    for i, upper in enumerate(incl):
        if upper < LOWEST_CUT:
            break
        lower = incl[i + 1] if i + 1 < len(incl) else -np.inf
        width = upper - max(lower, LOWEST_CUT)
        if width > 0 and (best is None or width > best[0] + 1e-12):
            best = (width, i)
    return best


def cut_position(tt) -> str:
    """Where the consistency cut sits in the sorted consistencies of the observed rows; the
    widest gap at or above :data:`LOWEST_CUT` and how many rows a cut there would code 1 (with
    the PRI cut); when the cut is elsewhere, which rows a cut in that gap would code otherwise;
    and the warnings: a low cut, rows stopped by the PRI cut, one row only, no row at all."""
    rows = _observed(tt)
    if rows.empty:
        return ""
    cut = tt.incl_cut[0]
    text, pair = _gap_sentence(rows, cut)
    parts = [text]
    incl, ids = rows["incl"].to_numpy(), rows.index.to_numpy()
    pri_ok = (rows["PRI"].to_numpy() + TOLERANCE > tt.pri_cut) if tt.pri_cut is not None \
        else np.ones(len(rows), dtype=bool)
    widest = _widest_gap(incl)
    if widest is not None:
        gap, i = widest
        if i + 1 < len(incl) and incl[i + 1] >= LOWEST_CUT:
            below = _t("cut_widest_row", row=ids[i + 1], incl=incl[i + 1])
        elif i + 1 < len(incl):
            below = _t("cut_widest_floor", lowest=LOWEST_CUT, row=ids[i + 1], incl=incl[i + 1])
        else:
            below = _t("cut_widest_end", lowest=LOWEST_CUT)
        there = np.arange(len(incl)) <= i
        coded, stopped = int((there & pri_ok).sum()), int((there & ~pri_ok).sum())
        pri = _p("cut_widest_pri", stopped, pri=tt.pri_cut) if stopped else ""
        parts.append(_t("cut_widest", lowest=LOWEST_CUT, row_above=ids[i], incl_above=incl[i],
                        below=below, gap=gap, coded=_p("row", coded), pri=pri))
        if pair is not None and pair[0] == i:
            parts[-1] = sentences([parts[-1], _t("cut_here")])
        elif pair is not None:
            now = (incl + TOLERANCE > cut) & pri_ok
            added, dropped = ids[there & pri_ok & ~now], ids[now & ~(there & pri_ok)]
            changes = []
            if len(added):
                cases = _row_cases(tt, added)
                in_y = int((tt.y[tt.data.index.isin(cases)] > 0.5).sum())
                changes.append(_t("cut_would_add", rows=_p(
                    "row_list", len(added), ids=_sep(", ").join(map(str, added))),
                    cases=_names(cases), in_outcome=in_y))
            if len(dropped):
                changes.append(_t("cut_would_drop", rows=_p(
                    "row_list", len(dropped), ids=_sep(", ").join(map(str, dropped))),
                    cases=_names(_row_cases(tt, dropped))))
            if changes:
                parts.append(_t("cut_elsewhere", cut=cut, changes=sentences(changes)))
    if cut < LOWEST_CUT:
        parts.append(_t("cut_low", cut=cut, lowest=LOWEST_CUT))
    if tt.pri_cut is not None:
        stopped = rows[(incl + TOLERANCE > cut) & (rows["OUT"] != "1").to_numpy()]
        if len(stopped):
            parts.append(_p("pri_fails", len(stopped), ids=_names(stopped.index),
                            pri=tt.pri_cut,
                            values=_sep(", ").join(f"{v:.3f}" for v in stopped["PRI"])))
    positive = rows[rows["OUT"] == "1"]
    if len(positive) == 1:
        cases = _row_cases(tt, positive.index)
        parts.append(_t("one_row", row=positive.index[0], cases=_p("case", len(cases)),
                        names=_names(cases)))
    elif positive.empty:
        parts.append(_t("no_row", incl=incl[0], row=ids[0], outcome=tt.outcome_label))
    return "\n\n".join(parts)


def truth_table(tt) -> str:
    """Observed configurations, remainders, the rows coded 1 with their cases, and the cases
    whose row's code disagrees with their outcome (the table's ``inconsistent`` column): cases
    in the outcome in rows coded 0 (no solution can cover them) and cases out of it in rows
    coded 1."""
    k = len(tt.conditions)
    rows = _observed(tt)
    common = {"observed": len(rows), "possible": 2 ** k, "n_cut": _p("case", tt.n_cut),
              "remainders": tt.n_remainders}
    positive = rows[rows["OUT"] == "1"]
    if positive.empty:
        text = _t("tt_none", **common)
    else:
        cases = _row_cases(tt, positive.index)
        text = _p("tt_rows", len(positive), rows=_p(
            "row_list", len(positive), ids=_sep(", ").join(map(str, positive.index))),
            cases=_p("case", len(cases)), names=_names(cases), **common)
    y = pd.Series(tt.y, index=tt.data.index)
    in_zero = set(_row_cases(tt, rows.index[rows["OUT"] == "0"]))
    left_out = [c for c in tt.data.index if c in in_zero and y[c] > 0.5]
    if left_out:
        text = sentences([text, _p("tt_left_out", len(left_out), names=_names(left_out),
                                   in_outcome=_p("case", int((y > 0.5).sum())))])
    in_one = set(_row_cases(tt, positive.index))
    let_in = [c for c in tt.data.index if c in in_one and y[c] < 0.5]
    if let_in:
        text = sentences([text, _p("tt_let_in", len(let_in), names=_names(let_in))])
    return text


def _whole(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _directional_setting(name: str, value, conditions) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise QCAInputError(_t("bad_directional", name=name, value=repr(value),
                               example=conditions[0] if conditions else "A"))
    unknown = [c for c in value if c not in conditions]
    if unknown:
        raise QCAInputError(_t("bad_directional_names", name=name,
                               unknown=", ".join(map(repr, unknown)),
                               conditions=", ".join(conditions)))
    bad = {c: e for c, e in value.items() if e not in (0, 1, "-") or isinstance(e, bool)}
    if bad:
        raise QCAInputError(_t("bad_directional_values", name=name, value=repr(bad)))


def check_settings(*, conditions, model=0, directional=None, directional_negated=None,
                   crossover_shift=0.1, robustness_incl_cuts=()) -> None:
    """Lesson 30's settings that no later call checks as soon as they are read, checked up
    front, each error naming the setting (``MODEL``, ``DIRECTIONAL``, ...) and a fix.

    >>> check_settings(conditions=["A"], model=-1)
    Traceback (most recent call last):
    ...
    qcakit.errors.QCAInputError: MODEL must be a whole number from 0 (the first model), got -1.
    """
    if not _whole(model) or model < 0:
        raise QCAInputError(_t("bad_model", value=repr(model)))
    conditions = list(conditions)
    _directional_setting("DIRECTIONAL", directional, conditions)
    _directional_setting("DIRECTIONAL_NEGATED", directional_negated, conditions)
    if isinstance(crossover_shift, bool) or not isinstance(crossover_shift, (int, float)) \
            or not 0 < crossover_shift < 0.5:
        raise QCAInputError(_t("bad_shift", value=repr(crossover_shift)))
    cuts = list(robustness_incl_cuts) if isinstance(robustness_incl_cuts, (list, tuple)) \
        else None
    if cuts is None or not all(isinstance(c, (int, float)) and not isinstance(c, bool)
                               and 0 < c <= 1 for c in cuts):
        raise QCAInputError(_t("bad_robustness_cuts", value=repr(robustness_incl_cuts)))


def check_model(sol, model) -> int:
    """``model`` (the notebook's ``MODEL``) checked against the models of ``sol``: the number,
    or a :class:`~qcakit.QCAInputError` that says which numbers ``sol`` allows.

    >>> import pandas as pd, qcakit
    >>> data = pd.DataFrame({"A": [0.9, 0.1], "Y": [0.9, 0.1]})
    >>> sol = qcakit.minimize(qcakit.truth_table(data, "Y", ["A"]), "complex")
    >>> check_model(sol, 1)
    Traceback (most recent call last):
    ...
    qcakit.errors.QCAInputError: MODEL = 1, but the complex solution has 1 model: M1 = A. Set MODEL to 0.
    """
    n = len(sol.models)
    if isinstance(model, bool) or not isinstance(model, (int, np.integer)) or \
            not 0 <= model < n:
        models = "; ".join(f"M{i + 1} = {e}" for i, e in enumerate(sol.expressions[:5]))
        raise QCAInputError(_t("model_range", model=repr(model), kind=_kind(sol.kind),
                               count=_p("model", n), models=models,
                               fix=_t("model_fix_one") if n == 1 else
                               _t("model_fix", last=n - 1)))
    return int(model)


def expectations(directional, default: bool = False) -> str:
    """The directional expectations in words; ``default``: they are the notebook's default
    (every condition present), not the researcher's."""
    if default:
        return _t("expect_default")
    items = _expected(directional)
    if not items:
        return _t("expect_none")
    return _t("expect_given", items=_sep(", ").join(items))


def _expected(directional) -> list:
    """``A present``, ``B absent``: the expectations of ``directional`` (a dict) in words."""
    return [_t("expect_present" if e == 1 else "expect_absent", name=c)
            for c, e in (directional or {}).items() if e in (0, 1)]


def default_expectations() -> str:
    """What lesson 30 passes to :func:`qcakit.write_report` as ``expectations`` when it used
    its default expectations (every condition present), in the current language.

    >>> default_expectations()
    'every condition expected present by default; no theoretical expectations were given'
    """
    return _t("expect_default_methods")



def solution(sol, model: int = 0) -> str:
    """The solution (the reported model), what each path covers, and its fit."""
    n_models = len(sol.models)
    model = check_model(sol, model)
    expression = sol.expressions[model]
    parts = [_t("sol_models", kind=_kind(sol.kind), count=n_models, number=model + 1,
                expression=expression) if n_models > 1 else
             _t("sol_one", kind=_kind(sol.kind), expression=expression)]
    if not sol.complete:
        parts.append(_t("sol_models_cap"))
    params = sol.parameters(model)
    tt = sol.truth_table
    in_outcome, out_outcome = tt.y > 0.5, tt.y < 0.5
    items = []
    for term in params.index.drop("solution"):
        m = membership(tt.data, term).to_numpy() > 0.5
        cases, deviant = tt.data.index[m & in_outcome], tt.data.index[m & out_outcome]
        text = _t("sol_path" if len(cases) else "sol_path_none", term=term,
                  cases=_p("case", len(cases)), names=_names(cases))
        if len(deviant):
            text += _t("sol_path_deviant", deviant=_p("case", len(deviant)),
                       names=_names(deviant))
        items.append(text)
    parts.append(_t("sol_paths", paths=_p("path", len(items)), items=_sep("; ").join(items)))
    covered = in_outcome & (membership(tt.data, expression).to_numpy() > 0.5)
    total = params.loc["solution"]
    parts.append(_p("sol_fit", int(covered.sum()), consistency=total["consistency"],
                    coverage=total["raw_coverage"],
                    in_outcome=_p("case", int(in_outcome.sum()))))
    missed = tt.data.index[in_outcome & ~covered]
    if len(missed):
        parts.append(_t("sol_uncovered", names=_names(missed)))
    return sentences(parts)


def esa(barred, tt=None) -> str:
    """How many remainders an Enhanced Standard Analysis bars, by reason. With the truth table
    ``tt``, the contradictory ones say how many parsimonious models each outcome has (a
    remainder counts when any model of each uses it)."""
    n = len(barred.table)
    if n == 0:
        return _t("esa_none")
    reasons = [str(r) for r in barred.table["reason"]]
    kinds, total = [], 0
    for kind in ("incoherent", "untenable", "contradictory"):
        count = sum(kind in r for r in reasons)
        if not count:
            continue
        total += count
        if kind == "contradictory":
            models = ""
            if tt is not None:
                from .counterfactuals import negated
                from .minimize import minimize

                other = negated(tt)
                models = _t("esa_models", outcome=tt.outcome_label,
                            n_outcome=_p("model", len(minimize(tt, "parsimonious").models)),
                            negation=other.outcome_label,
                            n_negation=_p("model", len(minimize(other, "parsimonious").models)))
            kinds.append(_t("esa_contradictory", count=count, models=models))
        else:
            kinds.append(_t(f"esa_{kind}", count=count))
    text = _p("esa_some", n, kinds=_sep("; ").join(kinds))
    return text + (_t("esa_overlap", n=n) if total > n else "")


def chart(chart, parsimonious) -> str:
    """What a configuration chart does not show by itself: which parsimonious model defines
    the core when there are several, and the chart's own notes. Empty text when nothing needs
    saying."""
    parts = []
    count = len(parsimonious.models)
    if count > 1:
        parts.append(_t("chart_models", count=count, models=" | ".join(parsimonious.expressions)))
    # the chart's own note on several parsimonious models: said above, with the models named
    said = tr("The parsimonious solution has {n} models; cores come from the model paired with "
              "this intermediate solution.").format(n=count)
    notes = [n for n in chart.notes if n != said]
    if notes:
        parts.append(_t("chart_notes", notes=sentences(notes)))
    return "\n\n".join(parts)


def case_types(types) -> str:
    """Counts of the solution-level case types, the cases a researcher reads next (deviant in
    degree, in kind, for coverage), and the cases whose type hangs on a membership near 0.5."""
    column = types.types[SOLUTION]
    counts = column.value_counts()
    items = [_t("types_item", count=int(counts[k]), kind=tr(KINDS[k])) for k in TYPES
             if counts.get(k, 0)]
    parts = [_t("types", counts=_sep("; ").join(items))]
    for kind, key in ((DEV_DEGREE, "types_deviant_degree"), (DEV_KIND, "types_deviant_kind"),
                      (DEV_COVERAGE, "types_deviant_coverage"), (CROSSOVER, "types_crossover")):
        cases = column.index[column == kind]
        if len(cases):
            parts.append(_t(key, names=_names(cases)))
    x, y = types.memberships[SOLUTION], types.outcome
    near = [c for c in column.index if column[c] != CROSSOVER
            and (0 < abs(x[c] - 0.5) < NEAR or 0 < abs(y[c] - 0.5) < NEAR)]
    if near:
        parts.append(_t("types_near", near=NEAR, items=_sep("; ").join(
            _t("types_near_item", case=c, kind=tr(KINDS[column[c]]), x=x[c], y=y[c])
            for c in near)))
    return "\n\n".join(parts)


def robustness(protocol, memberships_only: bool = False, reported: str | None = None,
               *, esa: bool = False, model: int = 0) -> str:
    """The robustness protocol in words: how each setting was solved, the settings, RF
    figures, empty tests, the robust core, and the notes the protocol collected (cases at
    0.5 in a setting).

    ``reported``: the solution the analysis reports; a warning follows when the protocol's
    initial solution is another one. ``esa``: the protocol redid the Enhanced Standard Analysis
    in every setting (``qcakit.robustness(esa=...)``); ``model``: the reported model, the
    protocol's initial solution. ``None`` for ``protocol`` (no solution to test) says so."""
    if protocol is None:
        return _t("rob_skipped")
    tests = protocol.tests
    parts = [_t("rob_how_esa" if esa else "rob_how_plain", number=model + 1)]
    initial = protocol.initial["solution"]
    if reported is not None and initial != reported:
        parts.append(_t("rob_initial_differs", initial=initial, reported=reported))
    if memberships_only:
        parts.append(_t("rob_memberships"))
    parts.append(_t("rob_settings", tests=_p("setting", len(tests)),
                    labels=_sep(", ").join(tests.index)))
    f = protocol.fit
    rf_cons = _t("rob_undefined") if np.isnan(f["RF_cons"]) else f"{f['RF_cons']:.3f}"
    parts.append(_t("rob_fit", RF_cov=f["RF_cov"], RF_cons=rf_cons,
                    RF_SC_minTS=f["RF_SC_minTS"], RF_SC_maxTS=f["RF_SC_maxTS"]))
    same = int((tests["solution"] == protocol.initial["solution"]).sum())
    parts.append(_t("rob_same", same=same, tests=_p("setting", len(tests))))
    empty = tests.index[tests["models"] == 0]
    if len(empty):
        parts.append(_t("rob_none", labels=_sep(", ").join(empty)))
    cases = protocol.cases
    if cases["core"].sum() == 0:
        parts.append(_t("rob_core_empty"))
    robust = cases.index[cases["class"] == "robust typical"]
    parts.append(_t("rob_robust", names=_names(robust)) if len(robust) else
                 _t("rob_robust_none"))
    changed = protocol.changed_cases().index
    if len(changed):
        parts.append(_t("rob_changed", names=_names(changed)))
    notes = [n for n in getattr(protocol, "notes", [])
             if not n.startswith("The robust core is empty")]
    if notes:
        text = _t("rob_notes") + "\n\n" + "\n".join(f"- {n}" for n in notes)
        if any("exactly 0.5" in n for n in notes):
            text += "\n\n" + _t("rob_notes_half")
        parts.append(text)
    return "\n\n".join(parts)


def _has_expectations(sol) -> list:
    return [(c, e) for c, e in (sol.directional or {}).items() if e in (0, 1)]


def negation(both, solution=None, *, nec=None, sets=None, cuts=None) -> str:
    """The negated outcome: its solution, what both solutions assume, observed rows coded 1
    for both, and (with ``nec``, a :func:`qcakit.necessity` table for the negation) what is
    necessary for it by the rule (``cuts``; ``sets`` for the shares of cases).

    ``both`` is :func:`qcakit.outcome_and_negation`, run also when the outcome itself has no
    row coded 1 (the negation may have one). ``solution``: the negation's intermediate
    solution as the analysis reports it (minimized with the remainders it bars); default
    ``both``'s own."""
    labels = list(both.truth_tables)
    outcome, label = labels
    parts = []
    if not both.solutions[outcome]:
        parts.append(_t("neg_outcome_none", outcome=outcome, label=label))
    sols = both.solutions[label]
    if sols:
        inter = solution if solution is not None else sols["intermediate"]
        fit = inter.parameters().loc["solution"]
        expect = _expected(dict(_has_expectations(inter)))
        barred = inter.excluded
        parts.append(_t("neg_solution_expected" if expect else "neg_solution_complex",
                        label=label, items=_sep(", ").join(expect),
                        models=_t("neg_model", count=len(inter.models))
                        if len(inter.models) > 1 else "",
                        expression=inter.expression, consistency=fit["consistency"],
                        coverage=fit["raw_coverage"],
                        barred=_p("neg_barred", len(barred))
                        if barred is not None and len(barred) else ""))
    else:
        parts.append(_t("neg_none", label=label))
    n = len(both.contradictory.table)
    if n:
        counts = [len(both.solutions[x]["parsimonious"].models) for x in labels]
        parts.append(_p("neg_contradictory", n, outcome=outcome, label=label,
                        n_outcome=_p("model", counts[0]), n_label=_p("model", counts[1])))
    if len(both.simultaneous):
        parts.append(_p("neg_simultaneous", len(both.simultaneous),
                        rows=_sep(", ").join(map(str, both.simultaneous.index))))
    text = sentences(parts)
    if nec is not None:
        text += "\n\n" + necessity(nec, sets, cuts, declared=None)
    return text


def negation_table(both) -> str:
    """A caption for the table of :func:`qcakit.outcome_and_negation`: first models, nothing
    barred, and how many models each solution has where there are several."""
    counts = [_t("neg_table_count", label=label, kind=_kind(kind),
                 count=_p("model", len(s.models)))
              for label, sols in both.solutions.items() for kind, s in sols.items()
              if len(s.models) > 1]
    label = list(both.truth_tables)[1]
    negated = both.solutions[label].get("intermediate")
    expect = "" if negated is not None and _has_expectations(negated) else \
        _t("neg_table_none", label=label)
    return _t("neg_table", expect=expect,
              counts=_t("neg_table_counts", counts=_sep(", ").join(counts)) if counts else "")


def summary(tt, intermediate, nec, cuts=None) -> dict:
    """What :func:`compare` needs of one analysis: rows coded 1, their cases, paths (of the
    first model) and the number of models, and the expressions necessary by the rule."""
    positive = tt.table[tt.table["OUT"] == "1"]
    cases = _row_cases(tt, positive.index)
    verdicts = necessity_verdicts(nec.table, necessity_cuts(cuts, nec.threshold))
    return {"rows": list(positive.index), "cases": cases, "n": len(tt.data),
            "paths": len(intermediate.models[0]) if intermediate is not None else 0,
            "models": len(intermediate.models) if intermediate is not None else 0,
            "necessary": list(verdicts.index[verdicts["verdict"] == "necessary"])}


def compare(first: tuple, second: tuple) -> str:
    """Two calibrations of the same cases, side by side: ``(label, summary(...))`` each."""
    sides = []
    for label, s in (first, second):
        necessary = (_t("compare_necessary", names=_sep(", ").join(s["necessary"]))
                     if s["necessary"] else _t("compare_necessary_none"))
        count = s.get("models", 1)
        sides.append(_t("compare_side", label=label, rows=_p("row", len(s["rows"])),
                        cases=_p("case", len(s["cases"])), paths=_p("path", s["paths"]),
                        models=_t("compare_models", count=count) if count > 1 else "",
                        necessary=necessary))
    text = _t("compare", cases=_p("case", first[1]["n"]), first=sides[0], second=sides[1])
    what = []
    if len(first[1]["rows"]) != len(second[1]["rows"]) or first[1]["cases"] != second[1]["cases"]:
        what.append(_t("compare_rows"))
    if set(first[1]["necessary"]) != set(second[1]["necessary"]):
        what.append(_t("compare_nec"))
    return sentences([text, _t("compare_differ", what=_and(what)) if what else
                      _t("compare_same")])


def report(files) -> str:
    """The report folder in one sentence (a :func:`qcakit.write_report` result)."""
    return _t("report", folder=str(files.folder), files=_p("file", len(files.table)),
              names=_sep(", ").join(files.table.index))

