"""Reconstruct case-level scores for Wei, Zhou & Xu (2026) from its published tables.

The paper publishes its case list (Table 1), coding rubric (Table 2), necessity table (Table 3)
and configurations (Table 4), but not the 27 x 7 case scores. The package searches for a data
set that follows the paper's coding and reproduces Tables 3 and 4 as closely as possible. The
result is a *stand-in* for teaching (dataset ``wei2026_reconstructed``), never the authors' data.

One module per job: :mod:`.design` (the truth-table design the published solution requires,
constants), :mod:`.objective` (the objective and its parts), :mod:`.bound` (exact enumeration
for Table 3), :mod:`.search` (annealing and polishing), :mod:`.checks` (case labels, checks
with qcakit, residuals), :mod:`.writer` (the dataset files) and ``__main__`` (the command line).

Run it (deterministic for a given seed; about 9 minutes on 2 cores: about half a minute for
the exact Table 3 bound, then the two searches, which took 281 s for the paper coding and
222 s for the relaxed one as recorded in the datasets' ``runtime_seconds``)::

    python -m qcakit.studies.wei2026_reconstruction --write      # both variants, save datasets
    python -m qcakit.studies.wei2026_reconstruction --quick      # smoke test, a few seconds

Coding
------
``"paper"`` (the default data set): every score is 0, 0.501 or 1 (section 一(三)3).
``"relaxed"`` (``wei2026_reconstructed_relaxed``): the three variables whose rubric has three
yes/no items (ORG, STAFF and the outcome FUSION) are scored by the share of items met,
0 / 0.33 / 0.67 / 1; the two-item variables keep 0 / 0.501 / 1.

Objective
---------
For a candidate data set ``D`` (27 cases; SYS, ORG, SERV, STAFF, INFO, PERF, FUSION)::

    J(D) = sum_i e_i(D)^2 + LAMBDA * S(D),   e_i = max(0, |ours_i - published_i| - 0.0005)

over the 65 published numbers: Table 3's 48 (necessity consistency and coverage of each
condition and its negation, for FUSION and for ~FUSION) and Table 4's 17 (consistency, raw and
unique coverage of the five published configurations evaluated as expressions, solution
consistency and coverage). ``e_i`` is zero when our unrounded value rounds to the printed one.
``S(D)`` counts violations of the truth-table design that makes qcakit's minimization (paper's
settings: frequency cut 1, consistency cut 0.8, PRI cut 0.7; intermediate solution without
directional expectations) return exactly the five published configurations with the
core/peripheral status read from the text (``wei2026.TABLE4_CHART``):

- s1: rows of the five configurations (8 truth-table rows) that are not observed positive rows;
- s2: other rows inside the parsimonious (core) terms that hold a case (they must be remainders);
- s3: positive rows outside the eight;
- s4: literals of a core term whose removal is not blocked by a negative row (not prime);
- s5: core terms that are not essential prime implicants of the parsimonious solution.

``S = 0`` is sufficient for the published complex/intermediate solution and the inferred chart;
:func:`check_structure` confirms it with qcakit itself. ``LAMBDA = 0.05`` makes any structural
violation cost more than all numerical residuals together.

Method
------
1. Exact bound for Table 3 (:func:`table3_optimum`): given the outcome's margin (how many cases
   score 1, 0.501, 0), each condition's Table 3 row depends only on its 3 x 3 cross-table with
   the outcome, so all cross-tables and margins are enumerated and the best Table 3 fit is
   found exactly (numbers that cannot be met under the coding show up here).
2. Simulated annealing (:func:`anneal`): 48 chains per worker, vectorised with numpy; moves
   change one score or swap two cases' scores on one condition; geometric cooling; the best
   state of every chain is kept; two workers with seeds ``seed`` and ``seed + 1``.
3. Greedy polish of the best state (all single-score changes until none improves).
4. :func:`check_structure` (qcakit.truth_table / minimize / configuration_chart) and
   :func:`residuals` (qcakit.necessity / evaluate) on the result.
5. Case labels (:func:`assign_cases`): cases are exchangeable for every published table, so any
   permutation of the rows fits equally well, and the paper gives no score for any case. All 27
   rows carry neutral labels, S01-S27, and no county name. The text cites 化州市 as an example of
   pathway 1, 恭城瑶族自治县 of pathway 2, and 长兴县 and 东台市 of pathway 3 (configurations 3-5);
   one row per cited example, in the outcome and in a configuration of that pathway, is set aside
   as S24 (pathway 1), S25 (pathway 2), S26 and S27 (pathway 3), so that a lesson can point to
   "a row like the paper's example" (that the cited cases are members of those configurations
   is our inference). The case list ``wei2026_cases`` holds what the paper says of each case,
   and no scores.

>>> import numpy as np
>>> design = build_design()
>>> int(design.on_rows.sum()), int(design.remainder_rows.sum())
(8, 20)
>>> vals = np.zeros((1, 27, 7)); vals[0, :, 6] = 1.0          # nobody in any condition
>>> round(float(table3_stats(vals)[0, 1, 0]), 3)               # ~SYS consistency for FUSION
1.0
"""
from .bound import attainable_ratio, margin_tables, table3_optimum
from .checks import (PLACED_ROWS, assign_cases, check_structure, fit_summary,
                     largest_differences, residual_list, residuals, stand_in_line)
from .design import (CODINGS, DATASET_NAMES, DEAD_ZONE, LAMBDA, N_CASES, VARIABLES, Design, K,
                     build_design)
from .objective import (dead_zone_error, objective, objective_parts, structure_penalty,
                        table3_stats, table4_stats, truth_table_rows)
from .search import Reconstruction, anneal, coding_levels, polish, search
from .writer import dictionary, write

__all__ = [
    "attainable_ratio", "margin_tables", "table3_optimum",
    "PLACED_ROWS", "assign_cases", "check_structure", "fit_summary", "largest_differences",
    "residual_list", "residuals", "stand_in_line",
    "CODINGS", "DATASET_NAMES", "DEAD_ZONE", "LAMBDA", "N_CASES", "VARIABLES", "Design", "K",
    "build_design",
    "dead_zone_error", "objective", "objective_parts", "structure_penalty", "table3_stats",
    "table4_stats", "truth_table_rows",
    "Reconstruction", "anneal", "coding_levels", "polish", "search",
    "dictionary", "write",
]
