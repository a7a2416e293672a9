"""Wei, Zhou & Xu (2026): pathways to treatment-prevention integration, 27 cases.

韦静佳, 周丹橘, 许兴龙. 紧密型县域医共体助推医防融合实现的路径研究——基于全国27个典型案例.
南京医科大学学报(社会科学版), 2026(2): 116-123 (article no. 1671-0479(2026)02-116-008: first
page 116, 8 pages). doi:10.7655/NYDXBSS250433.

This module holds the paper's analysis choices (shared by lessons 21-29b, the reconstruction in
:mod:`qcakit.studies.wei2026_reconstruction` and the tests) and its published tables as data.
The published numbers are used **only** for side-by-side comparison, never as results.

The paper does not publish its case-level scores. The bundled dataset
``wei2026_reconstructed`` is a stand-in made by the qcakit project (see
``datasets/wei2026_reconstructed.json``); it is not the authors' data. Its 27 rows carry the
neutral labels S01-S27 (:data:`STAND_IN_LABELS`) and no county name: the paper gives no score for
any case. The paper's own case list, with what the paper says of each case (for four cases: the
pathway its text cites them as an example of), is the dataset ``wei2026_cases``; it holds no
scores. English names of conditions and pathways are the paper's own (its English abstract).

Choices documented in the paper (section 二(二)): frequency cut 1, consistency cut 0.8, PRI cut
0.7; core conditions are those in both the parsimonious and the intermediate solution; robustness
test with consistency cut 0.85 (section 二(三)). Not documented: the directional expectations of
the intermediate solution (see :data:`DIRECTIONAL`) and which conditions of Table 4 are core
(the printed legend distinguishes them, but our text copy of Table 4 prints core and peripheral
with the same glyph; see :data:`CORE_EVIDENCE`).

>>> float(TABLE3.loc["INFO", ("FUSION", "consistency")])
0.844
>>> CONFIGURATIONS["1"]
'~SYS*ORG*SERV*INFO*~PERF'
>>> pathway_of("4")
'digitally-driven'
"""
from __future__ import annotations

import pandas as pd

from ..chart import TEXT_SYMBOLS
from ..errors import QCAInputError
from ..fonts import draws
from ..i18n import tr, tr_later

# ---------------------------------------------------------------------------------------------
# Variables and labels
# ---------------------------------------------------------------------------------------------

#: The six conditions, in the order of Tables 2-4.
CONDITIONS = ["SYS", "ORG", "SERV", "STAFF", "INFO", "PERF"]
#: The outcome: effectiveness of treatment-prevention integration (医防融合成效).
OUTCOME = "FUSION"

LABELS_ZH = {
    "SYS": "体系整合", "ORG": "组织管理", "SERV": "服务供给", "STAFF": "人员支持",
    "INFO": "信息建设", "PERF": "绩效激励", "FUSION": "医防融合成效",
}
LABELS_EN = {
    "SYS": "system integration", "ORG": "organizational management",
    "SERV": "service delivery", "STAFF": "staffing support",
    "INFO": "information construction", "PERF": "performance incentives",
    "FUSION": "effectiveness of treatment-prevention integration",
}

# ---------------------------------------------------------------------------------------------
# Calibration (section 一(三)3) and analysis settings (sections 二(二), 二(三))
# ---------------------------------------------------------------------------------------------

#: Direct calibration of coded case texts: full membership, crossover (recoded 0.5 -> 0.501),
#: full non-membership. Every score in the paper's data is one of these three values.
SCORES = (0.0, 0.501, 1.0)
CROSSOVER_RECODED = 0.501
#: Truth-table settings of the paper.
INCL_CUT = 0.8
PRI_CUT = 0.7
N_CUT = 1
#: Consistency cut of the robustness test (0.80 -> 0.85).
ROBUSTNESS_INCL_CUT = 0.85

#: Directional expectations for the intermediate solution. The paper does not report them.
#: ``None`` (no expectation for any condition: the intermediate solution equals the complex
#: solution) is our choice, because Table 4 as we read it has *peripheral absent* conditions
#: (~ORG in configurations 3 and 4; ~SERV and ~STAFF in configuration 5). With the expectation
#: "present" for such a condition, a peripheral absence can never survive into the intermediate
#: solution: the remainders that would drop it are easy counterfactuals. Notebook 25 shows what
#: "all present" gives instead (:data:`DIRECTIONAL_ALL_PRESENT`).
DIRECTIONAL = None
DIRECTIONAL_ALL_PRESENT = {c: 1 for c in CONDITIONS}


def code_score(results_described: int, evidence: bool = False, vague: bool = False) -> float:
    """Membership score of one variable for one case text, by the paper's anchors (一(三)3).

    ``results_described``: how many contents of the variable's definition (the yes/no
    questions of ``wei2026_rubric``) the text clearly reports *results* for (measures
    without results do not count); ``evidence``: the text gives specific data or clear evidence
    for them; ``vague``: the text mentions results only vaguely or in general terms.

    - 1.0: results for at least two contents, with data or clear evidence;
    - 0.501 (the crossover 0.5, moved to 0.501 by the paper): results only vague or general,
      or clear results for one content only. Our reading: two or more contents *without*
      data or clear evidence also land here (the paper does not say);
    - 0.0: the variable is not mentioned, or only measures are described.

    >>> code_score(2, evidence=True), code_score(1, evidence=True), code_score(0, vague=True)
    (1.0, 0.501, 0.501)
    >>> code_score(0)
    0.0
    """
    if isinstance(results_described, bool) or not isinstance(results_described, int) \
            or results_described < 0:
        raise QCAInputError(tr(
            "results_described must be a whole number of rubric contents (0, 1, 2 or 3), got "
            "{value}.").format(value=repr(results_described)))
    if results_described >= 2 and evidence:
        return 1.0
    if results_described >= 1 or vague:
        return CROSSOVER_RECODED
    return 0.0


def truth_table_settings(robustness: bool = False) -> dict:
    """Keyword arguments for :func:`qcakit.truth_table` with the paper's cuts.

    >>> truth_table_settings()["incl_cut"], truth_table_settings(robustness=True)["incl_cut"]
    (0.8, 0.85)
    """
    return {"outcome": OUTCOME, "conditions": list(CONDITIONS),
            "incl_cut": ROBUSTNESS_INCL_CUT if robustness else INCL_CUT,
            "pri_cut": PRI_CUT, "n_cut": N_CUT}


# ---------------------------------------------------------------------------------------------
# Table 3: necessity of single conditions, for the outcome and for its negation
# ---------------------------------------------------------------------------------------------

_T3_ROWS = ["SYS", "~SYS", "ORG", "~ORG", "SERV", "~SERV", "STAFF", "~STAFF", "INFO",
            "~INFO", "PERF", "~PERF"]
_T3_VALUES = [
    # FUSION: consistency, coverage | ~FUSION: consistency, coverage   (as printed)
    (0.603, 0.715, 0.651, 0.529),
    (0.603, 0.716, 0.649, 0.529),
    (0.728, 0.699, 0.818, 0.539),
    (0.519, 0.806, 0.542, 0.578),
    (0.708, 0.707, 0.786, 0.539),
    (0.539, 0.787, 0.573, 0.574),
    (0.769, 0.673, 0.755, 0.453),
    (0.375, 0.690, 0.455, 0.575),
    (0.844, 0.692, 0.726, 0.409),
    (0.280, 0.599, 0.453, 0.665),
    (0.572, 0.631, 0.727, 0.551),
    (0.593, 0.760, 0.513, 0.451),
]
#: Table 3 as printed: rows SYS, ~SYS, ...; columns (FUSION | ~FUSION) x (consistency, coverage).
TABLE3 = pd.DataFrame(
    _T3_VALUES, index=pd.Index(_T3_ROWS),
    columns=pd.MultiIndex.from_product([["FUSION", "~FUSION"], ["consistency", "coverage"]]),
)
#: The same, one frame per outcome, with the column names of ``qcakit.necessity(...).table``.
NECESSITY = {"FUSION": TABLE3["FUSION"].copy(), "~FUSION": TABLE3["~FUSION"].copy()}

# ---------------------------------------------------------------------------------------------
# Table 4: configurations for high-level integration
# ---------------------------------------------------------------------------------------------

#: The five configurations of Table 4 (组态1-5), read from the table's symbols.
#: Configuration 5 follows the *table* (组织管理 ●); the text of section 二(二)3 writes
#: 非组织管理 instead (see :data:`CONFIG5_TEXT`).
CONFIGURATIONS = {
    "1": "~SYS*ORG*SERV*INFO*~PERF",
    "2": "SYS*SERV*STAFF*INFO*~PERF",
    "3": "SYS*~ORG*SERV*INFO*PERF",
    "4": "SYS*~ORG*STAFF*INFO*PERF",
    "5": "SYS*ORG*~SERV*~STAFF*INFO*PERF",
}
#: Configuration 5 as the text writes it (体系整合*非组织管理*非服务供给*非人员支持*信息建设*绩效激励).
#: Together with configurations 3 and 4 it would cover all four rows of SYS*~ORG*INFO*PERF, so
#: Boolean minimization would have merged the three into that one shorter term: as a result
#: of minimization the text's version is impossible, and we follow the table. The pathway-3
#: narrative sides with the text (「这3种组态的核心特征在于,在“组织管理”……相对薄弱的情境下」),
#: so following the table means that narrative does not fit configuration 5, and it is why our
#: shared core of configurations 3-5 is SYS*INFO*PERF without ~ORG (:data:`CORE_EVIDENCE`).
CONFIG5_TEXT = "SYS*~ORG*~SERV*~STAFF*INFO*PERF"

#: Table 4 exactly as the Markdown copy prints it (● present, ⊗ absent, ○ either).
TABLE4_PRINTED = pd.DataFrame(
    {
        "组态1": ["⊗", "●", "●", "○", "●", "⊗"],
        "组态2": ["●", "○", "●", "●", "●", "⊗"],
        "组态3": ["●", "⊗", "●", "○", "●", "●"],
        "组态4": ["●", "⊗", "○", "●", "●", "●"],
        "组态5": ["●", "●", "⊗", "⊗", "●", "●"],
    },
    index=pd.Index(CONDITIONS),
)

#: Fit of each configuration (原始覆盖度, 唯一覆盖度, 一致性), as printed.
TABLE4_FIT = pd.DataFrame(
    {
        "raw_coverage": [0.373, 0.300, 0.228, 0.248, 0.134],
        "unique_coverage": [0.104, 0.011, 0.032, 0.031, 0.011],
        "consistency": [0.877, 0.878, 0.917, 0.923, 0.927],
    },
    index=pd.Index(["1", "2", "3", "4", "5"]),
)
#: Solution consistency and coverage (总体解的一致性 / 覆盖度), as printed.
SOLUTION = {"consistency": 0.897, "coverage": 0.551}

#: Our reading of which conditions are core, from the paper's text (the Markdown copy of the
#: legend uses the same glyph for core and peripheral). Each entry: configurations, the
#: sentence, and what we take from it (``reading``, in the current language: the module makes
#: :data:`CORE_EVIDENCE` afresh on each access, see ``__getattr__`` below).
_CORE_EVIDENCE = [
    {
        "configurations": ["1"],
        "sentence_zh": "核心特征在于,“体系整合”与“绩效激励”两大常见驱动要素缺位时,高度强化的"
                       "“组织管理”发挥了核心的驱动作用",
        "sentence_en": "Its core feature: when the two common drivers 'system integration' and "
                       "'performance incentives' are absent, strongly reinforced "
                       "'organizational management' plays the core driving role.",
        "reading": tr_later("~SYS, ORG and ~PERF are core."),
    },
    {
        "configurations": ["1"],
        "sentence_zh": "同时,“服务供给”和“信息建设”也发挥着支持性作用",
        "sentence_en": "At the same time, 'service delivery' and 'information construction' "
                       "play a supporting role.",
        "reading": tr_later("SERV and INFO are peripheral."),
    },
    {
        "configurations": ["2"],
        "sentence_zh": "核心特征为,在长效的绩效激励机制缺失时,通过“人员支持”这一核心条件,"
                       "辅以体系整合与信息建设,能有效推进医防融合的实现",
        "sentence_en": "Its core feature: when long-term performance incentives are missing, "
                       "the core condition 'staffing support', supplemented by system "
                       "integration and information construction, can effectively advance "
                       "integration.",
        "reading": tr_later("STAFF and ~PERF are core; SYS and INFO are peripheral; so is SERV, "
                            "which the core feature does not name (the text names it only in the "
                            "example: 「组甲制网络则是“服务供给”与“体系整合”的微观体现」)."),
    },
    {
        "configurations": ["3", "4", "5"],
        "sentence_zh": "这3种组态的核心特征在于,在“组织管理”这一传统行政核心条件相对薄弱的"
                       "情境下,通过“体系整合”与“信息建设”构成的刚性结构性支撑,协同"
                       "“绩效激励”形成闭环",
        "sentence_en": "The core feature of these three configurations: where 'organizational "
                       "management' is relatively weak, the rigid structural support of "
                       "'system integration' and 'information construction', together with "
                       "'performance incentives', closes the loop.",
        "reading": tr_later("SYS, INFO and PERF are the shared core. The sentence also names a "
                            "weak ORG, and the text writes configuration 5 with ~ORG, but the "
                            "table prints ORG present in configuration 5, so ~ORG cannot be a "
                            "core shared by all three (we follow the table, see CONFIG5_TEXT); "
                            "~ORG is peripheral in 3 and 4. The remaining conditions are "
                            "peripheral."),
    },
    {
        "configurations": ["1", "2", "3", "4", "5"],
        "sentence_zh": "信息建设在高水平医防融合实现路径中作为核心条件或边缘条件存在",
        "sentence_en": "Information construction is present in the pathways to high-level "
                       "integration as a core or as a peripheral condition.",
        "reading": tr_later("Consistent with INFO peripheral in configurations 1-2 and core in "
                            "3-5."),
    },
]


def __getattr__(name: str):
    """:data:`CORE_EVIDENCE`, made when it is read, so that its ``reading`` is in the language of
    the moment (a module constant would keep the language of the import).

    >>> from qcakit.studies import wei2026
    >>> wei2026.CORE_EVIDENCE[0]["reading"]
    '~SYS, ORG and ~PERF are core.'
    """
    if name == "CORE_EVIDENCE":
        return [{**entry, "reading": tr(entry["reading"])} for entry in _CORE_EVIDENCE]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_P, _PP, _A, _PA = "core present", "peripheral present", "core absent", "peripheral absent"
#: Table 4 as a configuration chart with the codes of ``qcakit.configuration_chart(...).table``:
#: the published presence/absence with our inferred core/peripheral status (CORE_EVIDENCE).
TABLE4_CHART = pd.DataFrame(
    {
        "1": [_A, _P, _PP, "", _PP, _A],
        "2": [_PP, "", _PP, _P, _PP, _A],
        "3": [_P, _PA, _PP, "", _P, _P],
        "4": [_P, _PA, "", _PP, _P, _P],
        "5": [_P, _PP, _PA, _PA, _P, _P],
    },
    index=pd.Index(CONDITIONS),
)

#: The three named pathways (路径) and the configurations they group. ``name_en`` is the
#: paper's own English (abstract: "administration-led", "staff-supported", "digitally-driven");
#: ``example_cases`` are keys of ``wei2026_cases`` (Table 1), the cases the text names.
PATHWAYS = pd.DataFrame(
    {
        "name_zh": ["行政主导型路径", "人员支持型路径", "数字驱动型路径"],
        "name_en": ["administration-led", "staff-supported", "digitally-driven"],
        "configurations": [["1"], ["2"], ["3", "4", "5"]],
        "example_cases": [["Huazhou (Guangdong)"], ["Gongcheng"], ["Changxing", "Dongtai"]],
        "example_cases_zh": [["化州市"], ["恭城瑶族自治县"], ["长兴县", "东台市"]],
    },
    index=pd.Index([1, 2, 3], name="pathway"),
)

# ---------------------------------------------------------------------------------------------
# The stand-in's case labels (dataset wei2026_reconstructed)
# ---------------------------------------------------------------------------------------------

#: The stand-in's row labels (dataset ``wei2026_reconstructed``): neutral, S01-S27. The paper
#: publishes no score for any case, so no row carries a county's name.
STAND_IN_LABELS = [f"S{i:02d}" for i in range(1, 28)]
#: Rows set aside for the paper's pathway examples: label -> pathway (:data:`PATHWAYS`). The text
#: (二(二)) cites one case as an example of pathway 1, one of pathway 2 and two of pathway 3
#: (``PATHWAYS["example_cases"]``). When the labels were assigned, one row per cited example was
#: taken from the rows in the outcome and in a configuration of that pathway, so that a lesson can
#: say "S24, the row we placed in configuration 1, where the paper cites 化州市 as an example".
#: That a cited case is a member of its pathway's configuration is our inference; which row was
#: taken is arbitrary; no score of these rows comes from the paper.
STAND_IN_PLACED = {"S24": 1, "S25": 2, "S26": 3, "S27": 3}


def is_stand_in_label(label: str) -> bool:
    """True for a row label of the stand-in (S01-S27).

    >>> is_stand_in_label("S07"), is_stand_in_label("S27"), is_stand_in_label("Gongcheng")
    (True, True, False)
    """
    return label in STAND_IN_LABELS


def pathway_of(configuration: str, lang: str = "en") -> str:
    """The pathway a Table 4 configuration ("1"-"5") belongs to, in English or Chinese."""
    configuration = str(configuration)
    for _, row in PATHWAYS.iterrows():
        if configuration in row["configurations"]:
            return row["name_zh" if lang == "zh" else "name_en"]
    raise QCAInputError(tr("Table 4 has configurations '1' to '5', got {value}.").format(
        value=repr(configuration)))


def label(name: str, style: str = "both") -> str:
    """Label of a condition, its negation or the outcome: ``"en"``, ``"zh"`` or ``"both"``.

    >>> label("~SYS"), label("ORG", "zh")
    ('~SYS 非体系整合 (absence of system integration)', '组织管理')
    """
    neg = name.startswith("~")
    base = name.lstrip("~")
    if base not in LABELS_ZH:
        raise QCAInputError(tr("Unknown variable {name}: use one of {names} (optionally with ~).")
                            .format(name=repr(name), names=", ".join(LABELS_ZH)))
    zh = ("非" if neg else "") + LABELS_ZH[base]
    en = (f"absence of {LABELS_EN[base]}" if neg else LABELS_EN[base])
    if style == "zh":
        return zh
    if style == "en":
        return en
    return f"{name} {zh} ({en})"


def with_labels(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` with the Chinese and English names added as the first two columns.

    >>> with_labels(NECESSITY["FUSION"].head(2)).loc["~SYS", ["zh", "en"]].tolist()
    ['非体系整合', 'absence of system integration']
    """
    out = df.copy()
    out.insert(0, "en", [label(str(i), "en") if str(i).lstrip("~") in LABELS_ZH else ""
                         for i in df.index])
    out.insert(0, "zh", [label(str(i), "zh") if str(i).lstrip("~") in LABELS_ZH else ""
                         for i in df.index])
    return out


def published_chart_symbols() -> pd.DataFrame:
    """:data:`TABLE4_CHART` with text symbols (● core, (●) peripheral, ⊗, (⊗))."""
    return TABLE4_CHART.replace(TEXT_SYMBOLS)


def match_configurations(terms: dict) -> dict:
    """Map the labels of a qcakit configuration chart to Table 4's configuration numbers.

    ``terms`` is ``ConfigurationChart.terms`` (label -> term string). Returns
    ``{paper number: our label or None}``.

    >>> match_configurations({"1": "~SYS*ORG*SERV*INFO*~PERF", "2": "SYS*ORG"})["1"]
    '1'
    """
    ours = {v: k for k, v in terms.items()}
    return {num: ours.get(expr) for num, expr in CONFIGURATIONS.items()}


# ---------------------------------------------------------------------------------------------
# XY plots for coded data (scores 0, 0.501, 1 stack many cases on few points)
# ---------------------------------------------------------------------------------------------

#: Colour (Okabe-Ito, safe for colour-blind readers) and marker of each case type.
TYPE_STYLE = {
    "typical": ("#009E73", "o"),
    "deviant consistency in degree": ("#56B4E9", "s"),
    "deviant consistency in kind": ("#D55E00", "X"),
    "deviant coverage": ("#E69F00", "^"),
    "irrelevant": ("#999999", "v"),
    "individually irrelevant": ("#0072B2", "D"),
    "on the crossover": ("#000000", "P"),
}


def _side(value: float) -> int:
    """-1 just below the crossover, +1 just above it, 0 elsewhere: stacks near 0.5 grow away
    from it, so 0.499 and 0.501 stay apart."""
    return -1 if 0.4 < value < 0.5 else (1 if 0.5 < value < 0.6 else 0)


def spread(x, y, step: float = 0.035) -> tuple:
    """Plot positions for coded memberships, so that every case gets its own dot and no dot
    changes side of the crossover lines or of the diagonal. Returns (x positions, y positions,
    group sizes), where a group is the cases that share an (x, y) point.

    - A group off the diagonal is laid out on a small square grid, in case order: centred on its
      point, except just below (above) the crossover 0.5, where it grows away from 0.5, so
      stacks at 0.499 and 0.501 stay on their own side of the 0.5 lines.
    - A group *on* the diagonal (x = y) is laid out along the diagonal (every dot keeps x = y),
      centred on its point or, next to the crossover, growing away from it.
    - A single case next to the crossover moves half a step away from it; elsewhere a single
      case stays on its point.

    >>> px, py, n = spread([0.5, 0.5, 1.0], [1.0, 1.0, 1.0], step=0.1)
    >>> px.round(2).tolist(), py.round(2).tolist(), n.tolist()
    ([0.45, 0.55, 1.0], [1.0, 1.0, 1.0], [2, 2, 1])
    >>> px, _, _ = spread([0.499, 0.499, 0.501, 0.501], [1.0] * 4, step=0.1)
    >>> px.round(3).tolist()
    [0.449, 0.349, 0.551, 0.651]
    >>> px, py, _ = spread([0.501, 0.501, 0.501], [0.501] * 3, step=0.1)
    >>> bool((px == py).all()), px.round(2).tolist()
    (True, [0.54, 0.61, 0.69])
    """
    import numpy as np

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    px, py, size = x.copy(), y.copy(), np.ones(len(x), dtype=int)
    keys = list(zip(np.round(x, 6), np.round(y, 6)))
    along = 0.75 * step                 # per coordinate: dots on the diagonal ~1.06 steps apart
    for key in dict.fromkeys(keys):
        members = [i for i, k in enumerate(keys) if k == key]
        n = len(members)
        sx, sy = _side(key[0]), _side(key[1])
        if key[0] == key[1]:
            for j, i in enumerate(members):
                if n == 1 and not sx:
                    continue
                t = sx * (j + 0.5) if sx else j - (n - 1) / 2
                px[i], py[i], size[i] = x[i] + t * along, y[i] + t * along, n
            continue
        cols = int(np.ceil(np.sqrt(n)))
        rows = int(np.ceil(n / cols))
        for j, i in enumerate(members):
            r, c = divmod(j, cols)
            in_row = min(cols, n - r * cols)
            px[i] = x[i] + (sx * (c + 0.5) if sx else c - (in_row - 1) / 2) * step
            py[i] = y[i] + (sy * (r + 0.5) if sy else (rows - 1) / 2 - r) * step
            size[i] = n
    return px, py, size


@draws
def xy_cases(x, y, *, kinds=None, label=(), ax=None, xlabel: str = "X", ylabel: str = "Y",
             title: str | None = None, step: float = 0.035):
    """XY plot of coded memberships with stacked cases spread out (:func:`spread`).

    ``x``, ``y``: Series of memberships with the case labels as index. ``kinds``: optional
    Series of case types (colour *and* marker, :data:`TYPE_STYLE`). ``label``: the cases to
    name on the plot (only those the text refers to); cases of one stack share one label. Each
    stack of more than one case shows its size. The offsets only separate the dots: every
    case's value is the stack's anchor (its centre, or its end next to 0.5). Returns the Axes.
    """
    import matplotlib.pyplot as plt
    import numpy as np

    if ax is None:
        _, ax = plt.subplots(figsize=(5.6, 4.8))
    px, py, size = spread(x.to_numpy(), y.to_numpy(), step)
    groups = {"cases": np.ones(len(x), dtype=bool)} if kinds is None else {
        k: (kinds == k).to_numpy() for k in TYPE_STYLE if (kinds == k).any()}
    for name, sel in groups.items():
        colour, marker = TYPE_STYLE.get(name, ("#0072B2", "o"))
        ax.scatter(px[sel], py[sel], c=colour, marker=marker, s=30, zorder=3,
                   edgecolors="white", linewidths=0.4, label=name)
    ax.plot([0, 1], [0, 1], color="grey", lw=0.8)
    ax.axhline(0.5, color="grey", lw=0.5, ls=":")
    ax.axvline(0.5, color="grey", lw=0.5, ls=":")
    keys = list(zip(x.round(6), y.round(6)))
    for key in dict.fromkeys(keys):
        sel = np.array([k == key for k in keys])
        if sel.sum() < 2:
            continue
        side = _side(key[0])
        if key[0] == key[1]:                      # along the diagonal: count at its outer end
            end = np.argmax(px[sel]) if side >= 0 else np.argmin(px[sel])
            ax.annotate(f"{sel.sum()}", (px[sel][end], py[sel][end]),
                        xytext=(5, -5) if side >= 0 else (-5, 5), textcoords="offset points",
                        ha="left" if side >= 0 else "right", va="center", fontsize=7,
                        color="dimgrey")
        elif side:
            at = (px[sel].min() if side < 0 else px[sel].max(), py[sel].mean())
            ax.annotate(f"{sel.sum()}", at, xytext=(6 * side, 0), textcoords="offset points",
                        ha="right" if side < 0 else "left", va="center", fontsize=7,
                        color="dimgrey")
        else:
            ax.annotate(f"{sel.sum()}", (px[sel].mean(), py[sel].min()), xytext=(0, -6),
                        textcoords="offset points", ha="center", va="top", fontsize=7,
                        color="dimgrey")
    index = list(x.index)
    named = {}                                   # one label per stack: "S20, S22"
    for case in label:
        named.setdefault(keys[index.index(case)], []).append(index.index(case))
    for k, members in enumerate(named.values()):  # labels point away from the middle of the plot
        at = (float(np.mean(px[members])), float(np.mean(py[members])))
        dx = -12 if at[0] < 0.5 or at[0] > 0.9 else 12
        dy = (14 if at[1] < 0.9 else -16) if k % 2 == 0 else (-16 if at[1] > 0.1 else 14)
        ax.annotate(", ".join(str(index[i]) for i in members), at, xytext=(dx, dy),
                    textcoords="offset points", ha="right" if dx < 0 else "left", fontsize=7,
                    arrowprops={"arrowstyle": "-", "lw": 0.5})
    ax.set_xlim(-0.2, 1.2)
    ax.set_ylim(-0.2, 1.2)
    ax.set_aspect("equal")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title((title + "\n" if title else "") + tr("(grey numbers: cases in a stack)"),
                 fontsize=9)
    if kinds is not None:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
    return ax


def _literals(term: str) -> set:
    from ..sets import parse

    expression = parse(term)
    if len(expression) != 1:
        raise QCAInputError(f"Give one term (a conjunction such as 'SYS*~ORG'), got {term!r}.")
    return set(expression[0])


def _literal_text(literals, order) -> list:
    return [("" if value else "~") + name for name, value in
            sorted(literals, key=lambda lit: order.index(lit[0]) if lit[0] in order else 99)]


def containing_terms(term: str, parsimonious_model: str) -> list:
    """The terms of ``parsimonious_model`` (an expression such as ``"A*~B + C"``) that contain
    ``term``, i.e. whose literals are all literals of ``term``. qcakit's chart takes the core
    conditions of a configuration from such a term (:func:`kit_core`).

    >>> containing_terms("SYS*~ORG*SERV*INFO*PERF", "SYS*~ORG + ~STAFF*PERF + ORG*SERV*~PERF")
    ['SYS*~ORG']
    >>> containing_terms("SYS*SERV*STAFF*INFO*~PERF", "SYS*~ORG + ~STAFF*PERF + ORG*SERV*~PERF")
    []
    """
    from ..sets import parse, term_to_string

    inside = _literals(term)
    return [term_to_string(t) for t in parse(parsimonious_model) if set(t) <= inside]


def kit_core(term: str, parsimonious_model: str) -> list:
    """Core conditions of configuration ``term`` by **qcakit's rule**
    (:func:`qcakit.configuration_chart`): the literals of the parsimonious term(s) that contain
    the whole configuration (:func:`containing_terms`). A configuration that no single
    parsimonious term contains (its rows are split across several terms) gets no core at all:
    the chart shows all its conditions as peripheral and says so in a note.

    >>> kit_core("SYS*~ORG*SERV*INFO*PERF", "SYS*~ORG + ~STAFF*PERF + ORG*SERV*~PERF")
    ['SYS', '~ORG']
    >>> kit_core("SYS*SERV*STAFF*INFO*~PERF", "SYS*~ORG + ~STAFF*PERF + ORG*SERV*~PERF")
    []
    """
    core = set().union(*(_literals(t) for t in containing_terms(term, parsimonious_model)))
    return _literal_text(core, CONDITIONS)


def solution_core(term: str, parsimonious_model: str) -> list:
    """Core conditions of configuration ``term`` by the rule **as Fiss (2011) words it**, and as
    the paper quotes it (二(二): 「将既出现在中间解也出现在简约解中的条件认定为核心条件」): a condition
    of the configuration is core when it also appears, with the same sign, in the parsimonious
    solution ``parsimonious_model``, in whichever term. Unlike :func:`kit_core` it gives a core to
    a configuration split across parsimonious terms; read over the whole solution it can also
    call core a condition that comes from a term not covering the configuration at all.

    >>> solution_core("SYS*SERV*STAFF*INFO*~PERF", "SYS*~ORG + ~STAFF*PERF + ORG*SERV*~PERF")
    ['SYS', 'SERV', '~PERF']
    """
    from ..sets import parse

    everywhere = {lit for t in parse(parsimonious_model) for lit in t}
    return _literal_text(_literals(term) & everywhere, CONDITIONS)


def core_chart(terms: dict, parsimonious_model: str, rule=kit_core) -> pd.DataFrame:
    """Chart codes (as in ``qcakit.configuration_chart(...).table``) for configurations
    ``terms`` (label -> term), with core conditions by ``rule`` (:func:`kit_core` or
    :func:`solution_core`) from one parsimonious model.

    >>> core_chart({"C2": "SYS*SERV*STAFF*INFO*~PERF"},
    ...            "SYS*~ORG + ~STAFF*PERF + ORG*SERV*~PERF", solution_core)["C2"].tolist()
    ['core present', '', 'core present', 'peripheral present', 'peripheral present', 'core absent']
    """
    columns = {}
    for label, term in terms.items():
        core = set(rule(term, parsimonious_model))
        codes = dict.fromkeys(CONDITIONS, "")
        for name, value in sorted(_literals(term)):
            literal = ("" if value else "~") + name
            codes[name] = (("core " if literal in core else "peripheral ")
                           + ("present" if value else "absent"))
        columns[label] = list(codes.values())
    return pd.DataFrame(columns, index=pd.Index(CONDITIONS))


def paper_chart(intermediate, parsimonious, model: int = 0):
    """:func:`qcakit.configuration_chart` with the configurations named as in Table 4: ``C1`` to
    ``C5`` for 组态1-5 (so no label can be mistaken for another configuration's number);
    ``"C3 (differs)"`` and ``"... (not in paper)"`` mark the others (see
    :meth:`~qcakit.chart.ConfigurationChart.renamed`)."""
    from ..chart import ConfigurationChart, configuration_chart

    chart = configuration_chart(intermediate, parsimonious, model)
    chart = chart.renamed({f"C{num}": term for num, term in CONFIGURATIONS.items()})
    order = sorted(chart.table.columns, key=lambda label: (" " in label, label))
    return ConfigurationChart(chart.table[order], chart.fit.loc[order],
                              chart.solution_consistency, chart.solution_coverage,
                              {label: chart.terms[label] for label in order}, chart.notes)
