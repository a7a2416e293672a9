"""LaTeX tables for reports, written by hand (pandas' ``to_latex`` would need jinja2).

Tables use ``booktabs`` rules; the configuration chart uses ``\\CIRCLE`` (package ``wasysym``)
for presence and ``\\otimes`` for absence, large for core and small for peripheral conditions,
the notation of Ragin & Fiss (2008) and Fiss (2011).

>>> import pandas as pd
>>> print(table(pd.DataFrame({"incl": [0.9123]}, index=["A*B"]), "Fit"))
\\begin{table}[ht]
\\centering
\\caption{Fit}
\\begin{tabular}{lr}
\\toprule
 & incl \\\\
\\midrule
A*B & 0.912 \\\\
\\bottomrule
\\end{tabular}
\\end{table}
"""
from __future__ import annotations

import pandas as pd

_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
            "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}"}

#: LaTeX for the four cell codes of a configuration chart.
CHART_SYMBOLS = {
    "core present": r"{\Large$\CIRCLE$}",
    "peripheral present": r"{\scriptsize$\CIRCLE$}",
    "core absent": r"{\Large$\otimes$}",
    "peripheral absent": r"{\scriptsize$\otimes$}",
    "": "",
}


def escape(text) -> str:
    """Escape LaTeX's special characters in ``text``."""
    return "".join(_SPECIAL.get(ch, ch) for ch in str(text))


def _cell(value, digits: int) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:.{digits}f}"
    return escape(value)


def _environment(header: list[str], rows: list[list[str]], align: str, caption: str) -> str:
    lines = [r"\begin{table}[ht]", r"\centering", rf"\caption{{{escape(caption)}}}",
             rf"\begin{{tabular}}{{{align}}}", r"\toprule", " & ".join(header) + r" \\",
             r"\midrule"]
    lines += [" & ".join(row) + r" \\" for row in rows]
    lines += [r"\bottomrule", r"\end{tabular}", r"\end{table}"]
    return "\n".join(lines)


def table(df: pd.DataFrame, caption: str, digits: int = 3) -> str:
    """A DataFrame as a booktabs table; floats rounded to ``digits``, index in the first column."""
    header = [""] + [escape(c) for c in df.columns]
    rows = [[escape(idx)] + [_cell(v, digits) for v in row]
            for idx, row in zip(df.index, df.itertuples(index=False))]
    align = "l" + "".join("r" if pd.api.types.is_numeric_dtype(df[c]) else "l"
                          for c in df.columns)
    return _environment(header, rows, align, caption)


def chart(chart, caption: str = "Configurations sufficient for the outcome") -> str:
    """A :class:`~qcakit.chart.ConfigurationChart` in the notation of published papers."""
    cols = list(chart.table.columns)
    header = [""] + [escape(c) for c in cols]
    rows = [[escape(cond)] + [CHART_SYMBOLS[v] for v in chart.table.loc[cond]]
            for cond in chart.table.index]
    for label, key in (("Consistency", "consistency"), ("Raw coverage", "raw_coverage"),
                       ("Unique coverage", "unique_coverage")):
        rows.append([label] + [f"{float(chart.fit.loc[c, key]):.3f}" for c in cols])
    span = len(cols)
    rows.append(["Solution consistency", rf"\multicolumn{{{span}}}{{c}}"
                 rf"{{{chart.solution_consistency:.3f}}}"])
    rows.append(["Solution coverage", rf"\multicolumn{{{span}}}{{c}}"
                 rf"{{{chart.solution_coverage:.3f}}}"])
    legend = (r"\par\footnotesize Large $\CIRCLE$: core condition present; small $\CIRCLE$: "
              r"peripheral condition present; large $\otimes$: core condition absent; small "
              r"$\otimes$: peripheral condition absent; blank: present or absent.")
    body = _environment(header, rows, "l" + "c" * span, caption)
    return ("% needs \\usepackage{booktabs,wasysym}\n"
            + body.replace(r"\end{table}", legend + "\n" + r"\end{table}"))
