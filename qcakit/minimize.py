"""Boolean minimization of a truth table: complex, parsimonious and intermediate solutions.

- **complex** (conservative): only the positive rows (OUT = 1) are minimized; no remainder is
  assumed to produce the outcome.
- **parsimonious**: any remainder may be used where it simplifies (a *simplifying assumption*);
  rows with OUT = 0 (and contradictions "C") may not.
- **intermediate** (Ragin & Sonnett 2005; Ragin 2008, ch. 9): only *easy counterfactuals* are
  used: remainders that the parsimonious solution uses and that lie in the direction of the
  directional expectations from a term of the complex solution. As in the R package QCA
  (``getEC``), for every pair of a complex model and a parsimonious model, and every complex term
  that is a subset of a parsimonious term, the complex term's literals that the parsimonious term
  drops *and* that contradict an expectation are freed (the counterfactual with the condition at
  its expected value is easy). The parsimonious model's remainders inside the freed cubes are the
  easy counterfactuals; the positive rows plus those are minimized again and the chart is solved
  against the positive rows. Conditions without an expectation (``"-"``) are never freed.
  Remainders the parsimonious model uses but that are not easy are the *difficult*
  counterfactuals. Every (complex, parsimonious) pair is tried, complex models outermost, until
  ``max_models`` distinct models are listed (then the solution says it is incomplete).

``exclude`` (Enhanced Standard Analysis; Schneider & Wagemann 2012, ch. 8; Dusa 2019,
``minimize(exclude=)``): remainder rows that may not serve as counterfactuals. They are treated
like OUT = 0 rows in the parsimonious solution, so they are never simplifying assumptions, and
therefore never easy counterfactuals in the intermediate solution. The complex solution uses no
remainder and is unchanged. :mod:`qcakit.counterfactuals` finds the rows to exclude and why.

Minimization is exact (see :mod:`qcakit.boolean`): all prime implicants, and every model with the
fewest prime implicants, so model ambiguity is shown rather than hidden. The models are listed
in R QCA's order (:func:`_covers`, :func:`_qca_order`), so model 1 here is model 1 there and in
SetMethods, which reports model 1 unless told otherwise; for the intermediate solution, QCA
lists the models of each (complex model, parsimonious model) pair, C1P1 first, and the kit
lists each distinct model once in that order.

>>> import pandas as pd
>>> from qcakit import truth_table
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]})
>>> tt = truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
>>> minimize(tt, "complex").expression
'A'
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _checks, boolean
from . import _kinds as K
from ._spec import accepts
from .covers import MAX_MODELS, CoverTimeLimit, minimal_covers, time_limit as _time_limit
from .errors import QCAInputError
from .i18n import tr
from .sets import parse, resolve_one
from .solution import Solution
from .truthtable import TruthTable, bits_of

#: Seconds the set-cover integer programs of one :func:`minimize` call may take by default.
#: Measured on a 2-core machine: at 14 conditions and 1,000 cases the whole parsimonious
#: solution takes 3.3 s, and a random outcome over 10 conditions (200 cases, PRI cut 0.5, more
#: than 100 minimal models) up to 16 s under load; at 15-16 conditions and 1,000 cases the
#: integer program alone runs for many minutes, so after a minute the kit stops and says so.
TIME_LIMIT = 60.0

SOLUTION_TYPES = ("complex", "parsimonious", "intermediate")


def _term(cube, conditions):
    k = len(conditions)
    return tuple((conditions[j], v) for j, v in boolean.cube_literals(cube, k))


def _codes(cubes, k):
    """Cases x conditions codes of the cubes (2 present, 1 negated, 0 not in the term) and the
    number of literals of each."""
    cubes = list(cubes)
    n = len(cubes)
    masks = np.fromiter((c[0] for c in cubes), dtype=np.int64, count=n)
    values = np.fromiter((c[1] for c in cubes), dtype=np.int64, count=n)
    bits = np.left_shift(1, k - 1 - np.arange(k, dtype=np.int64))
    has = (masks[:, None] & bits) != 0
    code = np.where(has, np.where((values[:, None] & bits) != 0, 2, 1), 0)
    return cubes, code, has.sum(axis=1)


def _display_order(cubes, k) -> list:
    """Cubes in the kit's display order (:func:`_display_key`), computed with numpy."""
    cubes, code, nlit = _codes(cubes, k)
    if not cubes:
        return []
    j = np.arange(k)
    # each literal as 2 j + (0 present, 1 negated); absent conditions sort last
    lit = np.where(code > 0, 2 * j + (code == 1), 2 * k)
    lit = np.sort(lit, axis=1)
    order = np.lexsort([lit[:, i] for i in range(k - 1, -1, -1)] + [nlit])
    return [cubes[i] for i in order]


def _qca_order(cubes, k) -> list:
    """Prime implicants in the order R QCA lists them (its C routine ``sort_cols``, 3.25).

    Each condition is coded 2 (present in the term), 1 (negated) or 0 (not in the term). From
    the last condition to the first, the implicants are stably sorted by that code, largest
    first; then the leading block of implicants that contain the condition is stably sorted
    negated-before-present, except that when *every* implicant contains the condition, the
    last one of the block keeps its place at the end (QCA's loop stops one short there).
    Finally they are stably sorted by their number of literals. Without that exception the
    order is: fewer literals first, then condition by condition ``~X`` before ``X`` before
    "X absent". We start from our canonical order (literals in condition order, present
    before negated); QCA starts from the order in which its search found the implicants, which
    decides only rare ties under the exception.
    """
    cubes, code, nlit = _codes(_display_order(cubes, k), k)
    n = len(cubes)
    order = np.arange(n)
    for j in range(k - 1, -1, -1):
        c = code[order, j]
        step = np.argsort(-c, kind="stable")
        order, c = order[step], c[step]
        with_j = int(np.count_nonzero(c))
        head = with_j - 1 if with_j == n else with_j
        order[:head] = order[:head][np.argsort(c[:head], kind="stable")]
    order = order[np.argsort(nlit[order], kind="stable")]
    return [cubes[i] for i in order]


def _rows_frame(codes, conditions) -> pd.DataFrame:
    k = len(conditions)
    codes = sorted(int(c) for c in codes)
    return pd.DataFrame([bits_of(c, k) for c in codes], columns=conditions,
                        index=pd.Index([c + 1 for c in codes], name="row"))


@accepts(directional=K.Directional("conditions"), conditions=K.Names(optional=False))
def parse_directional(directional, conditions) -> dict:
    """Normalise directional expectations to ``{condition: 1, 0 or '-'}``, as
    :func:`minimize` reads them.

    Accepts a dict (values 1 / 0 / "-", or "present" / "absent"), or a list of literals such as
    ``["A", "~B"]`` (conditions not listed have no expectation).

    >>> parse_directional(["A", "~B"], ["A", "B", "C"])
    {'A': 1, 'B': 0, 'C': '-'}
    """
    return _parse_directional(directional, conditions)


def _parse_directional(directional, conditions) -> dict:
    """:func:`parse_directional` without the argument checks (for checked arguments)."""
    out = {c: "-" for c in conditions}
    if directional is None:
        return out
    if isinstance(directional, str):
        directional = [d.strip() for d in directional.split(",") if d.strip()]
    if isinstance(directional, Mapping):
        items = directional.items()
    else:
        items = [(d.lstrip("~").strip(), 0 if d.strip().startswith("~") else 1)
                 for d in directional]
    words = {"present": 1, "absent": 0, "either": "-", "-": "-", 1: 1, 0: 0, True: 1, False: 0}
    for cond, value in items:
        if cond not in out:
            raise QCAInputError(
                tr("Directional expectation for {name}, which is not a condition of this truth "
                   "table ({conditions}).").format(name=repr(cond),
                                                   conditions=", ".join(conditions)))
        key = value.lower() if isinstance(value, str) else value
        if key not in words:
            raise QCAInputError(
                tr("Directional expectation for {name} must be 1 (present), 0 (absent) or '-' "
                   "(no expectation), got {value}.").format(name=repr(cond), value=repr(value)))
        out[cond] = words[key]
    return out


def _display_key(cube, k):
    """The kit's order of terms in a model: fewer literals first, then condition by condition
    (in the truth table's order), a present condition before a negated one."""
    return (len(boolean.cube_literals(cube, k)),
            [(j, 1 - v) for j, v in boolean.cube_literals(cube, k)])


def _covers(k, on, pis, max_models):
    """Prime implicants, the minimal models, the essential PIs, completeness.

    Models are listed in R QCA's order (its ``find_models``): in lexicographic order of the
    positions of their terms in QCA's list of prime implicants (:func:`_qca_order`), so that
    "model 1" is the same model in both. Within a model, and in the list of prime
    implicants, terms keep the kit's display order (:func:`_display_key`); QCA writes them in
    its own PI order (e.g. ``~A*B`` before ``A*~B``), so the same model can read differently.
    """
    ordered = _display_order(pis, k)
    chart = boolean.chart(ordered, on)
    covers, complete = minimal_covers(chart, max_models)
    rank = {p: i for i, p in enumerate(_qca_order(ordered, k))}
    models = [sorted((ordered[i] for i in cover), key=lambda p: _display_key(p, k))
              for cover in covers]
    models.sort(key=lambda m: sorted(rank[p] for p in m))
    alone = chart[:, chart.sum(axis=0) == 1].any(axis=1)  # sole PI of some row
    essential = [ordered[i] for i in np.flatnonzero(alone)]
    return ordered, models, essential, complete


def _rows_in(cubes, k) -> np.ndarray:
    """Sorted codes of the rows inside any of the cubes, listed cube by cube (a cube with f
    free conditions holds 2^f rows) rather than by testing all 2^k rows."""
    full, parts = (1 << k) - 1, [np.empty(0, dtype=np.int64)]
    for mask, value in cubes:
        rows, free = np.array([value], dtype=np.int64), full & ~mask
        while free:
            bit = free & -free
            rows, free = np.concatenate([rows, rows | bit]), free ^ bit
        parts.append(rows)
    return boolean.distinct(np.concatenate(parts))


def _contains(outer, inner) -> bool:
    """True when cube ``inner`` is a subset of cube ``outer`` (outer's literals all in inner)."""
    return (inner[0] & outer[0]) == outer[0] and (inner[1] & outer[0]) == outer[1]


def _easy_region(complex_cube, pars_cube, expectations: list, k: int):
    """The complex term with the literals freed that the parsimonious term drops and an
    expectation contradicts (R package QCA, ``getEC``, individual expectations)."""
    mask, value = complex_cube
    for j, v in boolean.cube_literals(complex_cube, k):
        bit = 1 << (k - 1 - j)
        e = expectations[j]
        if not pars_cube[0] & bit and e != "-" and v != e:
            mask &= ~bit
    return mask, value & mask


def _remainders(tt: TruthTable, k: int) -> set:
    """Codes of the logical remainders: rows without enough cases (OUT "?" or not listed)."""
    coded = tt.table.index[tt.table["OUT"] != "?"]
    return set(range(2 ** k)) - {int(r) - 1 for r in coded}


def _rows_of_expression(text: str, conditions: list) -> set:
    """Codes of all 2^k rows inside a sum-of-products expression over the conditions."""
    k = len(conditions)
    rows = set()
    for term in resolve_one(parse(text), conditions):
        mask = value = 0
        for name, v in term:
            if name not in conditions:
                raise QCAInputError(
                    tr("exclude: {text} names {name}, which is not a condition of this truth "
                       "table ({conditions}).").format(text=repr(text), name=repr(name),
                                                       conditions=", ".join(conditions)))
            bit = 1 << (k - 1 - conditions.index(name))
            mask, value = mask | bit, value | (bit if v else 0)
        rows |= set(_rows_in([(mask, value)], k).tolist())
    return rows


@accepts(exclude=K.Exclude("tt"), tt=K.TruthTableArg())
def parse_exclude(exclude, tt: TruthTable) -> dict:
    """Normalise ``exclude`` to ``{row code: reason}``, as :func:`minimize` reads it; a row's
    code is its number in ``tt.complete()`` minus 1.

    Accepts row numbers (as in ``tt.complete()``, each must be a remainder), expressions such as
    ``"~A*B"`` (every remainder inside it), ``{row: reason}``, a DataFrame with a ``reason``
    column indexed by row number (e.g. ``qcakit.counterfactuals`` results' ``.table``), an
    object with such a ``.table``, or a list of these.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])
    >>> parse_exclude(3, tt)                      # row 3 of tt.complete()
    {2: 'excluded by the user'}
    >>> sorted(parse_exclude("~DEV*~URB*LIT*IND", tt))   # rows 7 and 8
    [6, 7]
    """
    return _parse_exclude(exclude, tt)


def _parse_exclude(exclude, tt: TruthTable) -> dict:
    """:func:`parse_exclude` without the argument checks (for checked arguments)."""
    conditions = list(tt.conditions)
    k = len(conditions)
    remainders = _remainders(tt, k)
    out: dict = {}
    if exclude is None:
        return out
    if hasattr(exclude, "table") and isinstance(exclude.table, pd.DataFrame):
        exclude = exclude.table
    if isinstance(exclude, pd.DataFrame):
        if "reason" not in exclude.columns:
            raise QCAInputError(tr("exclude: a DataFrame needs a 'reason' column, indexed by "
                                   "row."))
        exclude = dict(zip(exclude.index, exclude["reason"]))
    if isinstance(exclude, (str, int, np.integer)):
        exclude = [exclude]
    items = exclude.items() if isinstance(exclude, Mapping) else ((e, None) for e in exclude)
    for item, reason in items:
        if isinstance(item, str):
            for code in sorted(_rows_of_expression(item, conditions) & remainders):
                out.setdefault(code, reason or tr("excluded: inside {expression}").format(
                    expression=item))
            continue
        if not isinstance(item, (int, np.integer)) or isinstance(item, bool):
            raise QCAInputError(
                tr("exclude: {item} is neither a row number nor an expression such as '~A*B'.")
                .format(item=repr(item)))
        code = int(item) - 1
        if not 0 <= code < 2 ** k:
            raise QCAInputError(
                tr("exclude: row {row} does not exist; rows are numbered 1 to {last} (see "
                   "tt.complete()).").format(row=item, last=2 ** k))
        if code not in remainders:
            out_value = tt.table.loc[int(item), "OUT"]
            raise QCAInputError(
                tr("exclude: row {row} is not a remainder (it has cases, OUT = {out}); only "
                   "remainders are counterfactuals, so only remainders can be excluded. Drop it "
                   "from exclude, or lower n_cut if it should count as a remainder.").format(
                    row=item, out=out_value))
        out.setdefault(code, reason or tr("excluded by the user"))
    return out


@accepts(truth_table=K.TruthTableArg(),
         solution=K.OneOf(*SOLUTION_TYPES, what="solution type"),
         directional=K.Directional("truth_table", solution="solution"),
         exclude=K.Exclude("truth_table"), include_contradictions=K.Switch(),
         max_conditions=K.Count(1, optional=True), max_models=K.Count(1),
         time_limit=K.Seconds())
def minimize(
    truth_table: TruthTable,
    solution: str = "complex",
    directional=None,
    *,
    exclude=None,
    include_contradictions: bool = False,
    max_conditions: int | None = None,
    max_models: int = MAX_MODELS,
    time_limit: float | None = TIME_LIMIT,
) -> Solution:
    """Minimize a truth table (see the module docstring for the three solution types).

    Parameters
    ----------
    truth_table : a :class:`~qcakit.truthtable.TruthTable` from :func:`qcakit.truth_table`.
    solution : "complex", "parsimonious" or "intermediate".
    directional : intermediate solutions only; ``{condition: 1 | 0 | "-"}`` or a list of
        literals such as ``["A", "~B"]``. Unlisted conditions have no expectation.
    exclude : remainders that may not be counterfactuals (see :func:`parse_exclude`).
    include_contradictions : treat "C" rows as remainders instead of excluding them.
    max_conditions : raise the guard (16) on the number of conditions.
    max_models : stop listing equally minimal models beyond this many (and say so); bounds
        every solution type.
    time_limit : seconds the set-cover integer programs may take in all (default
        :data:`TIME_LIMIT`); past it the kit stops with a :class:`~qcakit.QCAInputError` that
        gives the size of the chart and the ways out. ``None`` waits for the exact answer,
        which at 15-16 conditions and about 1,000 cases can take many minutes
        (``benchmarks/minimize.py --scale``). Small charts never reach the integer programs.

    >>> import pandas as pd
    >>> from qcakit import truth_table
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.1], "B": [0.8, 0.2, 0.1],
    ...                      "Y": [0.9, 0.8, 0.2]})
    >>> tt = truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
    >>> minimize(tt, "parsimonious").expression      # uses remainder row 2 (~A*B)
    'A'
    >>> minimize(tt, "parsimonious", exclude=[2]).expression
    'A'
    >>> minimize(tt, "parsimonious", exclude="A").excluded.index.tolist()
    []
    """
    tt = _positive_rows(truth_table)
    _checks.warn_limited_diversity(tt)
    conditions = list(tt.conditions)
    k = len(conditions)
    boolean.check_size(k, max_conditions)
    problem = _Problem(tt, conditions, k, _parse_exclude(exclude, tt), include_contradictions)
    try:
        with _time_limit(time_limit):
            if solution == "complex":
                return _complex(problem, max_models)
            if solution == "parsimonious":
                return _parsimonious(problem, max_models)
            return _intermediate(problem, _parse_directional(directional, conditions),
                                 max_models)
    except CoverTimeLimit as stop:
        raise QCAInputError(tr(
            "The {solution} solution needs the fewest prime implicants that cover {rows} "
            "positive rows, chosen among {pis}: a set-cover problem the integer-program solver "
            "did not settle within time_limit={seconds} s. Raise the consistency or PRI cut, use "
            "fewer conditions, ask for the complex solution, or pass time_limit=None to wait for "
            "the exact answer (at 15 or more conditions it can take many minutes).").format(
                solution=tr(solution), rows=stop.n_rows, pis=f"{stop.n_pis:,}",
                seconds=f"{stop.seconds:g}")) from None


def _positive_rows(tt) -> TruthTable:
    """``tt``, or an error when no row has OUT = 1 (nothing to minimize)."""
    if tt.codes("1").size == 0:
        raise QCAInputError(
            tr("No truth-table row has OUT = 1 ({settings}), so there is nothing to minimize. "
               "Look at tt.table: lower the consistency or PRI cut only if you can justify it, "
               "or conclude that no configuration is sufficient.").format(settings=tt.settings))
    return tt


@dataclass
class _Problem:
    """The row sets one minimization works with."""

    tt: TruthTable
    conditions: list
    k: int
    excluded: dict
    include_contradictions: bool

    def __post_init__(self):
        tt = self.tt
        self.on = tt.codes("1")
        off, contra = tt.codes("0"), tt.codes("C")
        ex = np.fromiter(self.excluded, dtype=np.int64, count=len(self.excluded))
        self.forbidden = np.concatenate([off, ex] if self.include_contradictions
                                        else [off, contra, ex])
        self.allowed = np.concatenate([self.on, contra]) if self.include_contradictions \
            else self.on
        self.observed = boolean.distinct(np.concatenate([self.on, off, contra]))
        self._terms: dict = {}

    def remainders_in(self, cubes) -> np.ndarray:
        """Sorted codes of the remainders inside any of the cubes."""
        return np.setdiff1d(_rows_in(cubes, self.k), self.observed, assume_unique=True)

    def terms(self, cubes) -> list:
        return [self.term(p) for p in cubes]

    def term(self, cube) -> tuple:
        """:func:`_term` of a cube, worked out once per cube (models share most terms)."""
        if cube not in self._terms:
            self._terms[cube] = _term(cube, self.conditions)
        return self._terms[cube]

    def solution(self, kind, models, pis, essential, complete, **extra) -> Solution:
        notes = extra.pop("notes", [])
        excluded = _rows_frame(self.excluded, self.conditions)
        excluded["reason"] = [self.excluded[r - 1] for r in excluded.index]
        if self.excluded:
            notes = notes + [tr("{n} remainder row(s) excluded from the counterfactuals: "
                                "{rows}.").format(n=len(self.excluded),
                                                  rows=", ".join(str(r) for r in excluded.index))]
        return Solution(kind, self.tt, [self.terms(m) for m in models], self.terms(pis),
                        self.terms(essential), complete, excluded=excluded, notes=notes,
                        **extra)


def _complex(problem: _Problem, max_models: int) -> Solution:
    pis = boolean.prime_implicants(problem.on, problem.k, allowed=problem.allowed)
    ordered, models, essential, complete = _covers(problem.k, problem.on, pis, max_models)
    return problem.solution("complex", models, ordered, essential, complete)


def _parsimonious_models(problem: _Problem, max_models: int):
    pars = boolean.prime_implicants(problem.on, problem.k, forbidden=problem.forbidden)
    return _covers(problem.k, problem.on, pars, max_models)


def _parsimonious(problem: _Problem, max_models: int) -> Solution:
    ordered, models, essential, complete = _parsimonious_models(problem, max_models)
    sa = problem.remainders_in(models[0])
    return problem.solution("parsimonious", models, ordered, essential, complete,
                            simplifying_assumptions=_rows_frame(sa, problem.conditions))


def _intermediate(problem: _Problem, expectations_map: dict, max_models: int) -> Solution:
    k, on, conditions = problem.k, problem.on, problem.conditions
    expectations = [expectations_map[c] for c in conditions]
    c_pis = boolean.prime_implicants(on, k, allowed=problem.allowed)
    _, c_models, _, c_complete = _covers(k, on, c_pis, max_models)
    _, p_models, _, p_complete = _parsimonious_models(problem, max_models)

    models, parents, solved = {}, {}, {}
    all_pis, all_essential = {}, {}
    easy_all, difficult_all = [np.empty(0, dtype=np.int64)], [np.empty(0, dtype=np.int64)]
    complete = c_complete and p_complete
    assumptions = [problem.remainders_in(p_model) for p_model in p_models]
    pairs = ((c, p, sa) for c in c_models for p, sa in zip(p_models, assumptions))
    for c_model, p_model, sa in pairs:
        if len(models) >= max_models:
            complete = False  # the cap bounds the intermediate solution too
            break
        regions = [_easy_region(c, p, expectations, k)
                   for c in c_model for p in p_model if _contains(p, c)]
        easy = np.intersect1d(sa, _rows_in(regions, k), assume_unique=True)
        easy_all.append(easy)
        difficult_all.append(np.setdiff1d(sa, easy, assume_unique=True))
        key = easy.tobytes()
        if key not in solved:  # pairs of models often free the same counterfactuals
            allowed = np.concatenate([problem.allowed, easy])
            solved[key] = _covers(k, on, boolean.prime_implicants(on, k, allowed=allowed),
                                  max_models)
        i_ordered, i_models, i_essential, i_complete = solved[key]
        complete = complete and i_complete
        all_pis.update(dict.fromkeys(i_ordered))
        all_essential.update(dict.fromkeys(i_essential))
        for model in i_models:
            if tuple(model) in models:
                continue
            if len(models) >= max_models:
                complete = False
                break
            models[tuple(model)] = model
            for cube in model:
                parents.setdefault(problem.term(cube), set()).update(
                    problem.term(p) for p in p_model if _contains(p, cube))
    easy_all = boolean.distinct(np.concatenate(easy_all))
    difficult_all = np.setdiff1d(boolean.distinct(np.concatenate(difficult_all)), easy_all,
                                 assume_unique=True)
    return problem.solution(
        "intermediate", list(models.values()), list(all_pis), list(all_essential), complete,
        directional=expectations_map,
        easy_counterfactuals=_rows_frame(easy_all, conditions),
        difficult_counterfactuals=_rows_frame(difficult_all, conditions),
        parents={t: sorted(p) for t, p in parents.items()},
        notes=_intermediate_notes(conditions, expectations))


def _intermediate_notes(conditions, expectations) -> list:
    notes = []
    if all(e == "-" for e in expectations):
        notes.append(tr("No directional expectations were given, so no counterfactual is easy "
                        "and the intermediate solution equals the complex one."))
    words = {"-": "-", 1: tr("present"), 0: tr("absent")}
    expect_str = tr(", ").join(tr("{condition}: {expectation}").format(
        condition=c, expectation=words["-" if e == "-" else int(bool(e))])
        for c, e in zip(conditions, expectations))
    notes.append(tr("Directional expectations: {expectations}.").format(
        expectations=expect_str))
    return notes
