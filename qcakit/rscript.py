"""The same analysis as an R script for the R package QCA (Dusa 2019), so a reviewer can rerun it.

:func:`r_script` writes every setting the kit used (outcome and its negation, conditions,
consistency / PRI / frequency cuts, contradictions, directional expectations, excluded rows) as
calls to ``QCA::truthTable``, ``QCA::minimize`` (with ``exclude =`` the rows an Enhanced
Standard Analysis barred) and ``QCA::pof``, to be run beside the
calibrated data the kit used (``calibrated.csv``, written by :func:`qcakit.write_report`).
Calibration is given as comments with the anchors: the memberships in the CSV are the ones to
reproduce, and R QCA's default logistic metric differs from Ragin's (``idm = 0.953`` here).
The script ends by writing the solutions R found to ``r_solutions.csv``, with qcakit's beside
them, so the two can be compared line by line.

>>> import pandas as pd, qcakit
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]})
>>> tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8, pri_cut=0.5)
>>> script = r_script(tt, [qcakit.minimize(tt, "parsimonious")])
>>> [line for line in script.splitlines() if line.startswith("tt <-")]
['tt <- truthTable(data, outcome = "Y", conditions = c("A", "B"), incl.cut = 0.8, pri.cut = 0.5, n.cut = 1, show.cases = TRUE, sort.by = c("incl", "n"))']
"""
from __future__ import annotations

from . import _kinds as K
from ._spec import accepts
from ._version import __version__
from .errors import QCAInputError
from .i18n import tr
from .methods_text import _SOLUTIONS, calibration_spec

RAGIN_IDM = 0.9525741268224334  # logistic(3): Ragin's +3 log-odds at the inclusion anchor


def _vector(names) -> str:
    return "c(" + ", ".join(f'"{n}"' for n in names) + ")"


def _num(v) -> str:
    return f"{float(v):.10g}"


def _truth_table_call(tt) -> str:
    ic1, ic0 = tt.incl_cut
    incl = _num(ic1) if ic0 == ic1 else f"c({_num(ic1)}, {_num(ic0)})"
    pri = f", pri.cut = {_num(tt.pri_cut)}" if tt.pri_cut is not None else ""
    return (f'tt <- truthTable(data, outcome = "{tt.outcome_label}", conditions = '
            f"{_vector(tt.conditions)}, incl.cut = {incl}{pri}, n.cut = {tt.n_cut}, "
            'show.cases = TRUE, sort.by = c("incl", "n"))')


def _minimize_call(sol, name: str) -> str:
    args = ["tt"]
    if sol.kind != "complex":
        args.append('include = "?"')
    if sol.kind == "intermediate":
        expect = [c if e == 1 else f"~{c}" for c, e in (sol.directional or {}).items()
                  if e != "-"]
        args.append(f'dir.exp = "{", ".join(expect)}"')
    if sol.excluded is not None and len(sol.excluded):
        args.append(f"exclude = c({', '.join(str(int(r)) for r in sol.excluded.index)})")
    args.append("details = TRUE")
    return f"{name} <- minimize({', '.join(args)})"


def _comment(text: str) -> list[str]:
    """``text`` (a translated comment, lines split where it says) as R comment lines."""
    return ["# " + line for line in text.splitlines()]


def _calibration_comments(spec: dict) -> list[str]:
    if not spec:
        return _comment(tr("qcakit calibrated nothing: calibrated.csv holds the memberships as "
                           "the data\nfile gave them."))
    lines = _comment(tr("Calibration used by qcakit (the memberships in calibrated.csv). To "
                        "recalibrate\nfrom raw data in R, the equivalent calls are:"))
    for column, e in spec.items():
        t = e["thresholds"]
        if e["method"] == "direct":
            idm = RAGIN_IDM if e["idm"] is None else e["idm"]
            lines.append(f'# data${column} <- calibrate(raw${column}, type = "fuzzy", thresholds'
                         f' = "e={_num(t[0])}, c={_num(t[1])}, i={_num(t[2])}", '
                         f"logistic = TRUE, idm = {_num(idm)})")
        elif e["method"] == "crisp":
            lines.append(f'# data${column} <- calibrate(raw${column}, type = "crisp", '
                         f"thresholds = {_num(t[0]) if len(t) == 1 else _vector(t)})")
        else:
            lines += _comment(tr("{column}: indirect calibration (thresholds {thresholds}); R "
                                 "QCA's indirect method differs, use the memberships in the "
                                 "CSV.").format(column=column,
                                                thresholds=", ".join(map(_num, t))))
    return lines


def _necessity_lines(nec) -> list[str]:
    rows = list(nec.table.index)
    columns = ", ".join(f'"{r}" = {_membership_expr(r)}' for r in rows)
    y = f"1 - data${nec.outcome}" if nec.negate_outcome else f"data${nec.outcome}"
    return _comment(tr("Necessity (qcakit: {values})").format(values="; ".join(
                f"{r} {nec.table.loc[r, 'consistency']:.3f}" for r in rows))) + [
            f"necessity <- pof(data.frame({columns}, check.names = FALSE), {y}, "
            'relation = "necessity")', "print(necessity)"]


def _membership_expr(row: str) -> str:
    name = row.lstrip("~")
    if "*" in row or "+" in row:
        raise QCAInputError(tr(
            "The R export writes single conditions and their negations; {row} is an "
            "expression. Leave it out of the necessity table you export.").format(row=repr(row)))
    return f"1 - data${name}" if row.startswith("~") else f"data${name}"


@accepts(truth_table=K.TruthTableArg(), solutions=K.Solutions("truth_table"),
         necessity=K.necessity_result(), calibration=K.Calibration(optional=True, entries=True),
         data_file=K.Path())
def r_script(truth_table, solutions, *, necessity=None, calibration=None,
             data_file: str = "calibrated.csv") -> str:
    """The analysis as an R script for the package QCA (see the module docstring).

    ``solutions`` is a list of solutions minimized from ``truth_table`` (any of complex,
    parsimonious, intermediate; empty when no row is coded 1, and then the script stops after
    the truth table); ``calibration`` as for :func:`qcakit.methods_paragraph`.
    """
    names = {"complex": "cs", "parsimonious": "ps", "intermediate": "is"}
    lines = [*_comment(tr("fsQCA analysis written by qcakit {version} for the R package "
                          "QCA.").format(version=__version__)),
             *_comment(tr("Run it in the folder that holds {file}: Rscript "
                          "analysis.R").format(file=data_file)),
             "library(QCA)",
             f'data <- read.csv("{data_file}", row.names = 1, check.names = FALSE, '
             'fileEncoding = "UTF-8")', ""]
    lines += _calibration_comments(calibration_spec(calibration)) + [""]
    if necessity is not None:
        lines += _necessity_lines(necessity) + [""]
    lines += [*_comment(tr("Truth table and minimization")), _truth_table_call(truth_table),
              "print(tt)"]
    if not solutions:
        return "\n".join(lines + _comment(tr("No row is coded 1 at these cuts: there is nothing "
                                             "to minimize."))) + "\n"
    rows = []
    for sol in solutions:
        var = names[sol.kind]
        lines += [*_comment(tr("qcakit's {kind} solution: {models}").format(
                      kind=tr(_SOLUTIONS[sol.kind]), models=" | ".join(sol.expressions))),
                  _minimize_call(sol, var), f"print({var})"]
        # an intermediate result keeps its models per (complex, parsimonious) pair in i.sol
        models = (f"unique(unlist(lapply({var}$i.sol, function(s) sapply(s$solution, paste, "
                  f'collapse = " + "))))' if sol.kind == "intermediate" else
                  f'sapply({var}$solution, paste, collapse = " + ")')
        rows.append(f'  data.frame(solution = "{sol.kind}", r = {models}, '
                    f'qcakit = "{" | ".join(sol.expressions)}")')
    lines += ["", *_comment(tr("R's solutions beside qcakit's")), "results <- rbind(",
              ",\n".join(rows), ")", 'write.csv(results, "r_solutions.csv", row.names = FALSE)']

    return "\n".join(lines) + "\n"
