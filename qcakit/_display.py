"""Shared rendering of result objects: a title, the table, and short notes, in HTML and text.

Column and row labels that are the kit's own words (``consistency``, ``raw_coverage``,
``solution``, ...; :data:`HEADERS`) are shown in the current language
(:func:`qcakit.set_language`); the tables themselves keep their English keys, so code that
reads ``table["consistency"]`` works in every language. Names of conditions, terms and cases
are shown as they are.

>>> import pandas as pd
>>> from qcakit.i18n import language
>>> t = pd.DataFrame({"consistency": [0.91], "coverage": [0.5]}, index=["A"])
>>> with language("zh"):
...     print(render_text("必要性", t))
必要性
  一致性 覆盖度
A  0.910  0.500
"""
from __future__ import annotations

import html

import pandas as pd

from .i18n import tr, tr_later

DIGITS = 3

#: Labels of the kit's tables that are words, translated when shown (keys stay English).
HEADERS = frozenset((
    # parameters of fit
    tr_later("consistency"), tr_later("coverage"), tr_later("raw_coverage"),
    tr_later("unique_coverage"), tr_later("incl"), tr_later("solution consistency"),
    tr_later("solution coverage"),
    # truth tables and cases
    tr_later("n"), tr_later("cases"), tr_later("n_cases"), tr_later("case"), tr_later("row"),
    tr_later("deviant_cases"), tr_later("membership"), tr_later("raw"), tr_later("inconsistent"),
    # solutions
    tr_later("solution"), tr_later("complex"), tr_later("intermediate"),
    tr_later("parsimonious"), tr_later("expression"), tr_later("models"), tr_later("terms"),
    tr_later("core"),
    # necessity and skewness
    tr_later("trivial"), tr_later("above_0.5"), tr_later("at_0.5"), tr_later("share_above"),
    # checks, counterfactuals, reports
    tr_later("check"), tr_later("status"), tr_later("found"), tr_later("what to do"),
    tr_later("reason"), tr_later("warning"), tr_later("kind"), tr_later("contents"),
    tr_later("file"), tr_later("setting"),
    # theory evaluation and clusters
    tr_later("n_Y"), tr_later("n_not_Y"), tr_later("cases_Y"), tr_later("cases_not_Y"),
    tr_later("reading_Y"), tr_later("reading_not_Y"), tr_later("level"), tr_later("group"),
    tr_later("class"), tr_later("empty_in_kind"),
    # robustness and the explorers' comparisons
    tr_later("type (IS)"), tr_later("type changes"), tr_later("reference"),
    tr_later("current"),
    # data checks (the checks are the rows)
    tr_later("unique case names"), tr_later("numbers only"), tr_later("no missing values"),
    tr_later("no constant condition"), tr_later("outcome has cases in and out"),
    tr_later("memberships or raw scores"), tr_later("conditions within exact minimization"),
    tr_later("diversity"),
    # Haesebrouck's consistency; smmr's cases and pairs (SetMethods' names; FC, CC, W stay)
    tr_later("consistency_H"), tr_later("FC_value"), tr_later("CC_min"), tr_later("term"),
    tr_later("rank"), tr_later("clean"), tr_later("uniquely_covered"), tr_later("best"),
    tr_later("case_1"), tr_later("case_2"), tr_later("pair_rank"),
    tr_later("uniquely_covered_1"), tr_later("uniquely_covered_2"), tr_later("distance"),
    tr_later("typical"), tr_later("iir"), tr_later("FC<=Y_typical"), tr_later("FC<=Y_iir"),
    tr_later("globally_uncovered"), tr_later("most_typical_FC"),
    tr_later("most_typical_term"), tr_later("deviant_coverage"),
    # robustness ranges and fit (the bounds are the rows)
    tr_later("value"), tr_later("next"), tr_later("stops because"), tr_later("closed"),
    tr_later("lower bound"), tr_later("upper bound"), tr_later("lower shift"),
    tr_later("upper shift"), tr_later("robustness fit"),
    # case_types(...).ranked() and .pairs()
    tr_later("score"), tr_later("comparison"), tr_later("aim"),
    # the explorers' reference setting as the lessons name it
    tr_later("paper"),
))


#: Cells of the kit's tables that are words (kinds, case types, readings), translated when shown;
#: the table keeps them in English, so code that selects ``table["kind"] == "disjunction"`` works
#: in every language.
VALUES = frozenset((
    # suin
    tr_later("conjunction"), tr_later("disjunction"),
    # case types
    tr_later("typical"), tr_later("deviant consistency in degree"),
    tr_later("deviant consistency in kind"), tr_later("deviant coverage"),
    tr_later("irrelevant"), tr_later("individually irrelevant"), tr_later("on the crossover"),
    # theory evaluation
    tr_later("covered, most likely"), tr_later("inconsistent, most likely"),
    tr_later("uncovered, most likely"), tr_later("consistent, most likely"),
    tr_later("covered, least likely"), tr_later("inconsistent, least likely"),
    tr_later("uncovered, least likely"), tr_later("consistent, least likely"),
    tr_later("(empty in kind)"),
    # cluster diagnostics
    tr_later("pooled"), tr_later("between"), tr_later("within"), tr_later("all"),
    # robustness
    tr_later("robust typical"), tr_later("robust deviant"), tr_later("shaky typical"),
    tr_later("shaky deviant"), tr_later("possible typical"), tr_later("possible deviant"),
    tr_later("extreme deviant coverage"), tr_later("(none)"),
    # data checks
    tr_later("ok"), tr_later("problem"),
    # the explorers' sweep
    tr_later("(no solution)"),
    # the comparisons of case_types(...).pairs()
    tr_later("typical vs deviant consistency in kind"),
    tr_later("typical vs individually irrelevant"), tr_later("deviant coverage vs typical"),
))


def shown_value(cell):
    """A cell as shown: the kit's words (:data:`VALUES`) translated, others unchanged."""
    return tr(cell) if isinstance(cell, str) and cell in VALUES else cell


def label(value):
    """A table label as shown: the kit's words (:data:`HEADERS`) translated, others unchanged.

    >>> label("raw_coverage"), label("SCALE")
    ('raw_coverage', 'SCALE')
    """
    return tr(value) if isinstance(value, str) and value in HEADERS else value


def shown_labels(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its column and row labels (and their names) as :func:`label` shows them, and
    its word cells and row labels (e.g. case types as rows) as :func:`shown_value` shows them."""
    out = df.rename(columns=label, index=lambda v: shown_value(label(v)))
    for j in range(out.shape[1]):
        if out.dtypes.iloc[j] == object and out.iloc[:, j].isin(VALUES).any():
            out.iloc[:, j] = out.iloc[:, j].map(shown_value)
    out.columns.names = [label(n) for n in df.columns.names]
    out.index.names = [label(n) for n in df.index.names]
    return out


class Table(pd.DataFrame):
    """A table the kit returns as a plain DataFrame (e.g. smmr's pairs), shown with its word
    labels and cells in the current language (:func:`shown_labels`); any operation on it gives
    a DataFrame, and its keys stay English.

    >>> from qcakit.i18n import language
    >>> t = Table({"distance": [0.5]})
    >>> with language("zh"):
    ...     print(t)
       距离
    0   0.5
    >>> type(t * 2).__name__
    'DataFrame'
    """

    @property
    def _constructor(self):
        return pd.DataFrame

    def _shown(self) -> pd.DataFrame:
        return pd.DataFrame(shown_labels(self))

    def _repr_html_(self):
        return self._shown()._repr_html_()

    def __repr__(self):
        with pd.option_context("display.unicode.east_asian_width", True):
            return repr(self._shown())


def fmt_table(df: pd.DataFrame, digits: int = DIGITS) -> pd.DataFrame:
    """Round float columns for display (the stored values are never rounded)."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}f}")
    return out


def render_html(title: str, table: pd.DataFrame | None, notes=(), styler=None) -> str:
    parts = [f"<div class='qcakit'><p><b>{html.escape(title)}</b></p>"]
    if styler is not None:
        parts.append(styler.format_index(label, axis="columns")
                     .format_index(label, axis="index").to_html())
    elif table is not None:
        parts.append(shown_labels(fmt_table(table)).to_html(escape=True).replace(
            "<table ", "<table style='font-size:14px' ", 1))
    for note in notes:
        parts.append(f"<p style='margin:2px 0;font-size:14px'>{html.escape(note)}</p>")
    parts.append("</div>")
    return "\n".join(parts)


def render_text(title: str, table: pd.DataFrame | None, notes=()) -> str:
    lines = [title]
    if table is not None:
        with pd.option_context("display.unicode.east_asian_width", True):  # Chinese is 2 wide
            lines.append(shown_labels(fmt_table(table)).to_string())
    lines.extend(notes)
    return "\n".join(lines)
