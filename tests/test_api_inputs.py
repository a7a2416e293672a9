"""Every public callable, every parameter, the bad values of its kind (issue 22).

Generated from the public API, not from a list of cases: the callables are enumerated from
``qcakit.__all__`` (and its modules), ``qcakit.counterfactuals``, ``qcakit.plot``,
``qcakit.explore.__all__``, ``qcakit.widgets.__all__`` and the public methods of every result
object they return. Each must carry a parameter spec (``qcakit._spec.accepts``); a public
function without one fails :func:`test_every_public_callable_has_a_spec`. For every parameter
the kind declared in the spec names the values it must refuse (text, None, a wrong container,
another of the kit's objects, out of range, a percentage, empty, ...) and the forms it reads the
same (a tuple for a list, ``2.0`` for 2, ``np.True_``): each refused value must end in a
:class:`~qcakit.QCAInputError` (nothing else escapes), each "same" form must give the same
result as the good call (no silent change).

What this file holds by hand is one good call per callable (``GOOD``): a callable without one
fails :func:`test_every_public_callable_has_a_good_call`. ``docs/input_rules.md`` is checked
against the specs at the end (``python tests/test_api_inputs.py`` rewrites its generated part).
"""
from __future__ import annotations

import inspect
import sys
import tempfile
import warnings
from pathlib import Path
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import qcakit  # noqa: E402
from qcakit import QCAInputError, QCAWarning, _kinds, _spec, counterfactuals, explore  # noqa: E402
from qcakit import plot, widgets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------------------------
# The samples every good call uses

CONDS = ["DEV", "URB", "LIT"]
D = pd.DataFrame({
    "DEV": [0.9, 0.8, 0.7, 0.2, 0.1, 0.85, 0.3, 0.6],
    "URB": [0.8, 0.7, 0.2, 0.9, 0.1, 0.75, 0.4, 0.3],
    "LIT": [0.9, 0.3, 0.8, 0.7, 0.2, 0.65, 0.1, 0.8],
    "Y": [0.9, 0.7, 0.6, 0.3, 0.1, 0.8, 0.2, 0.7]},
    index=[f"c{i}" for i in range(8)])
CLUSTERED = D.assign(year=[2000, 2000, 2000, 2000, 2010, 2010, 2010, 2010],
                     country=["a", "b", "c", "d", "a", "b", "c", "d"])
RAW = pd.DataFrame({"P": [1.0, 3.0, 4.0, 6.0, 7.0, 9.0, 2.0, 8.0],
                    "Q": [2.0, 8.0, 3.0, 7.0, 1.0, 9.0, 4.0, 6.5],
                    "OUT": [1.5, 7.5, 3.0, 8.0, 1.0, 9.0, 2.5, 8.5]}, index=D.index)
CALIBRATION = {"P": (2, 5, 8), "Q": (2.5, 5.5, 8), "OUT": (2, 5.5, 8)}
DIRECTIONAL = {"DEV": 1, "URB": 1, "LIT": 1}


def _quiet(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        return fn()


TT = _quiet(lambda: qcakit.truth_table(D, "Y", CONDS, incl_cut=0.8))
TT2 = _quiet(lambda: qcakit.truth_table(D, "Y", CONDS, incl_cut=0.75))
SOL = {k: _quiet(lambda k=k: qcakit.minimize(TT, k, DIRECTIONAL if k == "intermediate" else None))
       for k in ("complex", "parsimonious", "intermediate")}
SOL2 = {k: _quiet(lambda k=k: qcakit.minimize(TT2, k, DIRECTIONAL if k == "intermediate" else None))
        for k in ("complex", "parsimonious", "intermediate")}
NEC = qcakit.necessity(D, "Y", CONDS)
ANALYSIS = _quiet(lambda: explore.analyse(D, "Y", CONDS, 0.8, solution="complex"))
ANALYSIS2 = _quiet(lambda: explore.analyse(D, "Y", CONDS, 0.9, solution="complex"))
SWEEP = _quiet(lambda: explore.sweep(D, "Y", CONDS, [0.75, 0.8, 0.9], "complex"))
TYPES = _quiet(lambda: qcakit.case_types(D, "DEV*URB + LIT", "Y"))
FOLDER = tempfile.mkdtemp(prefix="qcakit-api-")
DATA_FILE = Path(FOLDER) / "cases.csv"
D.rename_axis("case").to_csv(DATA_FILE)

SAMPLES = SimpleNamespace(frame=D, conditions=CONDS, tt=TT, solution=SOL["parsimonious"],
                          solutions=SOL, other_solutions=SOL2, necessity=NEC)


def _axes():
    return plt.subplots()[1]


# One good call per public callable: name -> () -> (args, kwargs). Methods: the instance is the
# first argument.
GOOD = {
    "qcakit.calibrate": lambda: ((RAW["P"], (2, 5, 8)), {}),
    "qcakit.percentile_anchors": lambda: ((RAW["P"],), {}),
    "qcakit.necessity": lambda: ((D, "Y", ["DEV", "URB"]), {}),
    "qcakit.truth_table": lambda: ((D, "Y", CONDS), {"incl_cut": 0.8}),
    "qcakit.minimize": lambda: ((TT, "intermediate", DIRECTIONAL), {}),
    "qcakit.evaluate": lambda: ((D, "DEV*URB", "Y"), {}),
    "qcakit.configuration_chart": lambda: ((SOL["intermediate"], SOL["parsimonious"]), {}),
    "qcakit.check_data": lambda: ((D, "Y", CONDS), {}),
    "qcakit.methods_paragraph": lambda: ((TT, SOL["intermediate"], SOL["parsimonious"]),
                                         {"necessity": NEC, "calibration": {"DEV": (1, 5, 9)}}),
    "qcakit.write_report": lambda: ((FOLDER, TT, SOL["intermediate"], SOL["parsimonious"]),
                                    {"complex_solution": SOL["complex"], "necessity": NEC}),
    "qcakit.r_script": lambda: ((TT, [SOL["parsimonious"]]), {}),
    "qcakit.membership": lambda: ((D, "DEV*~URB"), {}),
    "qcakit.parse": lambda: (("URB*~DEV + LIT",), {"order": CONDS}),
    "qcakit.suin": lambda: ((D, "Y", CONDS), {"depth": 2, "cov_cut": 0.5}),
    "qcakit.skewness": lambda: ((D, CONDS), {}),
    "qcakit.theory_evaluation": lambda: ((D, "DEV*URB", "DEV + LIT", "Y"), {}),
    "qcakit.cluster_diagnostics": lambda: ((CLUSTERED, "DEV*URB", "Y", "year"),
                                           {"unit": "country"}),
    "qcakit.case_types": lambda: ((D, "DEV*URB + LIT", "Y"), {}),
    "qcakit.robustness": lambda: ((RAW, CALIBRATION, "OUT", ["P", "Q"]),
                                  {"incl_cuts": [0.75, 0.8], "n_cuts": [1, 2],
                                   "anchor_shifts": {"P": [-1, 0, 1]},
                                   "calibrate_options": {"nudge_half": True},
                                   "esa": {"necessary": ["P"], "contradictory": True}}),
    "qcakit.esa": lambda: ((TT,), {"necessary": ["DEV"], "impossible": "~DEV*URB",
                                   "contradictory": True}),
    "qcakit.simultaneous_subset_rows": lambda: ((TT,), {}),
    "qcakit.outcome_and_negation": lambda: ((TT, DIRECTIONAL), {}),
    "qcakit.datasets.available": lambda: ((), {}),
    "qcakit.datasets.dictionary": lambda: (("lipset_fuzzy",), {}),
    "qcakit.datasets.info": lambda: (("lipset_fuzzy",), {}),
    "qcakit.datasets.load": lambda: (("lipset_fuzzy",), {}),
    "qcakit.datasets.path": lambda: (("lipset_fuzzy",), {}),
    "qcakit.untenable_rows": lambda: ((TT, "~DEV*URB"), {}),
    "qcakit.incoherent_rows": lambda: ((TT, ["DEV"]), {}),
    "qcakit.counterfactuals.negated": lambda: ((TT,), {}),
    "qcakit.contradictory_assumptions": lambda: ((TT,), {}),
    "qcakit.find_rows": lambda: ((TT, "~DEV*URB"), {}),
    "qcakit.parse_directional": lambda: ((["DEV", "~URB"], CONDS), {}),
    "qcakit.parse_exclude": lambda: (("~DEV*URB", TT), {}),
    "qcakit.expressions_searched": lambda: ((3, 2), {}),
    "qcakit.robustness_fit": lambda: (([0.8, 0.2, 0.6], [[0.6, 0.9], [0.1, 0.3], [0.7, 0.4]],
                                       [0.9, 0.1, 0.7]), {}),
    "qcakit.case_robustness": lambda: (([0.9, 0.9, 0.2, 0.1], [0.8, 0.3, 0.1, 0.0],
                                        [0.9, 0.9, 0.7, 0.2], [0.8, 0.2, 0.9, 0.7]), {}),
    "qcakit.case_ratios": lambda: (([0.9, 0.9, 0.2, 0.8], [0.8, 0.3, 0.1, 0.7],
                                    [0.9, 0.9, 0.7, 0.9], [0.8, 0.7, 0.9, 0.2]), {}),
    "qcakit.robustness_from_solutions": lambda: ((SOL["parsimonious"],
                                                  [SOL2["parsimonious"]]), {}),
    "qcakit.incl_cut_range": lambda: ((D, "Y", CONDS), {"max_steps": 5}),
    "qcakit.n_cut_range": lambda: ((D, "Y", CONDS), {"max_steps": 3}),
    "qcakit.anchor_range": lambda: ((RAW, CALIBRATION, "OUT", ["P", "Q"], "P"),
                                    {"step": 0.5, "max_steps": 3,
                                     "calibrate_options": {"nudge_half": True}}),
    "qcakit.consistency_h": lambda: ((D, ["DEV*URB", "~LIT"], "Y"), {}),
    "qcakit.haesebrouck": lambda: (([[0.9, 0.2], [0.6, 0.7], [0.2, 0.1]], [0.8, 0.7, 0.1]),
                                   {}),
    "qcakit.sufficient_conjunctions": lambda: ((D, "Y", CONDS), {"depth": 2}),
    "qcakit.typical_by_conjunct": lambda: ((TYPES, "DEV*URB"), {"max_cases": 2}),
    "qcakit.typical_typical_pairs": lambda: ((TYPES, "DEV*URB"), {"max_pairs": 2}),
    "qcakit.typical_iir_pairs": lambda: ((TYPES, "DEV*URB"), {"max_pairs": 2}),
    "qcakit.deviant_coverage_iir_pairs": lambda: ((TYPES,), {"max_pairs": 2}),
    "qcakit.plot.calibration_curve": lambda: ((RAW["P"], (2, 5, 8)), {}),
    "qcakit.plot.necessity_bars": lambda: ((NEC,), {}),
    "qcakit.plot.threshold_sweep": lambda: ((SWEEP,), {"reference": 0.8}),
    "qcakit.plot.truth_table_rows": lambda: ((TT,), {}),
    "qcakit.plot.unit_square": lambda: ((_axes(),), {}),
    "qcakit.plot.xy_plot": lambda: ((D, "DEV*URB", "Y"), {}),
    "qcakit.plot.label_points": lambda: ((_axes(), [0.2, 0.2, 0.7], [0.6, 0.6, 0.3],
                                          ["a", "b", "c"]), {"fontsize": 8}),
    "qcakit.plot.mark_multiples": lambda: ((_axes(), [0.2, 0.2, 0.7], [0.6, 0.6, 0.3]),
                                           {"skip": [False, False, True]}),
    "qcakit.plot.calibration_curves": lambda: ((RAW, CALIBRATION), {"ncols": 2}),
    "qcakit.read_data": lambda: ((DATA_FILE,), {"case_column": "case"}),
    "qcakit.set_language": lambda: (("en",), {}),
    "qcakit.explore.analyse": lambda: ((D, "Y", CONDS, 0.8), {"solution": "complex"}),
    "qcakit.explore.settings_text": lambda: ((ANALYSIS.settings,), {}),
    "qcakit.explore.calibrate_half": lambda: ((RAW["P"], (2, 5, 8)), {}),
    "qcakit.explore.calibration_state": lambda: (
        (RAW["P"], (2, 5, 8)), {"sets": D, "outcome": "Y", "conditions": ["DEV", "URB"],
                                "set_name": "DEV"}),
    "qcakit.explore.compare_analyses": lambda: ((ANALYSIS, ANALYSIS2), {}),
    "qcakit.explore.compare_settings": lambda: ((TT, SOL["complex"], TT2, SOL2["complex"]), {}),
    "qcakit.explore.threshold_update": lambda: (
        (D, "Y", CONDS, 0.9, None, 1, "complex", None, ANALYSIS), {}),
    "qcakit.explore.solution_html": lambda: ((ANALYSIS,), {}),
    "qcakit.explore.truth_table_html": lambda: ((TT, TT2), {}),
    "qcakit.explore.sweep": lambda: ((D, "Y", CONDS, [0.8, 0.9], "complex"), {}),
    "qcakit.explore.sweep_ranges": lambda: ((SWEEP,), {}),
    "qcakit.explore.sweep_ranges_html": lambda: ((SWEEP, 0.8), {}),
    "qcakit.widgets.anchor_value": lambda: ((24.759999999999998,), {}),
    "qcakit.widgets.threshold_explorer": lambda: (
        (D, "Y", CONDS), {"solution": "complex", "prefetch": False}),
    "qcakit.widgets.calibration_explorer": lambda: (
        (RAW["P"], (2, 5, 8)), {"sets": D, "outcome": "Y", "conditions": ["DEV", "URB"],
                                "set_name": "DEV"}),
    "qcakit.widgets.robustness_sweep": lambda: ((D, "Y", CONDS), {"cuts": (0.75, 0.9),
                                                                   "solution": "complex"}),
    # methods of the results: the instance first
    "TruthTable.codes": lambda: ((TT, "1"), {}),
    "NecessityTable.necessary": lambda: ((NEC, 0.8), {}),
    "Solution.parameters": lambda: ((SOL["intermediate"], 0), {}),
    "ConfigurationChart.plot": lambda: ((RESULTS["ConfigurationChart"],), {}),
    "ConfigurationChart.renamed": lambda: ((RESULTS["ConfigurationChart"], {"S1": "DEV*URB"}),
                                           {}),
    "CaseTypes.ranked": lambda: ((RESULTS["CaseTypes"], "typical"), {}),
    "CaseTypes.most": lambda: ((RESULTS["CaseTypes"], "typical"), {}),
    "CaseTypes.plot": lambda: ((RESULTS["CaseTypes"], "solution"), {}),
    "CaseTypes.plot_all": lambda: ((RESULTS["CaseTypes"],), {"ncols": 2}),
    "Robustness.plot": lambda: ((RESULTS["Robustness"],), {}),
    "Explorer.set": lambda: ((RESULTS["Explorer"],), {"incl_cut": 0.85}),
}


def _functions(module, names=None):
    names = names if names is not None else [
        n for n, f in vars(module).items() if inspect.isfunction(f)
        and f.__module__ == module.__name__ and not n.startswith("_")]
    return {f"{module.__name__}.{n}": getattr(module, n) for n in names
            if inspect.isfunction(getattr(module, n))}


def public_functions() -> dict:
    """Every public function: the package's __all__ (and its modules), counterfactuals, plot,
    explore and widgets."""
    out = {}
    for name in qcakit.__all__:
        obj = getattr(qcakit, name)
        if inspect.isfunction(obj):
            out[f"qcakit.{name}"] = obj
        elif inspect.ismodule(obj):
            out.update(_functions(obj))
    out.update(_functions(counterfactuals))
    out.update(_functions(plot))
    out.update(_functions(explore, explore.__all__))
    out.update(_functions(widgets, widgets.__all__))
    # a function exported twice (qcakit.esa is qcakit.counterfactuals.esa) is tested once
    seen, unique = set(), {}
    for name, f in out.items():
        if f not in seen:
            seen.add(f)
            unique[name] = f
    return unique


FUNCTIONS = public_functions()


def _call(name, args, kwargs):
    """Call a public function or method by name (a method's instance is args[0])."""
    if name in FUNCTIONS:
        return FUNCTIONS[name](*args, **kwargs)
    cls, method = name.split(".")
    return getattr(args[0], method)(*args[1:], **kwargs)


def _collect_results() -> dict:
    """One instance of every result class the public functions return, by class name."""
    found = {}
    for name in FUNCTIONS:
        if name not in GOOD:
            continue
        args, kwargs = GOOD[name]()
        result = _quiet(lambda: _call(name, args, kwargs))
        for value in (result, *(getattr(result, "__dict__", {}) or {}).values()):
            cls = type(value)
            if cls.__module__.startswith("qcakit") and cls.__name__ not in found:
                found[cls.__name__] = value
        plt.close("all")
    # the threshold explorer (sliders) for Explorer.set, whichever explorer came first
    found["Explorer"] = widgets.threshold_explorer(D, "Y", CONDS, solution="complex",
                                                   prefetch=False)
    return found


RESULTS = _collect_results()


def public_methods() -> dict:
    """Every public method (with parameters) of the result classes: 'Class.method' -> function."""
    out = {}
    for cls_name, obj in sorted(RESULTS.items()):
        for name, f in vars(type(obj)).items():
            if name.startswith("_") or not callable(f) or isinstance(f, (property, type)):
                continue
            params = [p for p in inspect.signature(f).parameters if p != "self"]
            if params:
                out[f"{cls_name}.{name}"] = f
    return out


METHODS = public_methods()
ALL = {**FUNCTIONS, **METHODS}


# ---------------------------------------------------------------------------------------------
# Every public callable has a spec and a good call


def test_every_public_callable_has_a_spec():
    missing = [name for name, f in ALL.items()
               if [p for p in inspect.signature(f).parameters if p != "self"]
               and _spec.spec_of(f) is None]
    assert not missing, f"public callables without a parameter spec (@accepts): {missing}"


def test_every_public_callable_has_a_good_call():
    missing = [name for name, f in ALL.items()
               if [p for p in inspect.signature(f).parameters if p != "self"]
               and name not in GOOD]
    assert not missing, f"add a good call to GOOD for: {missing}"


def test_every_spec_is_exercised():
    """Every function declared with @accepts is reached by the enumeration above (so its
    parameters get their generated cases)."""
    reached = {id(f) for f in ALL.values()}
    missed = [name for name, f in _spec.REGISTRY.items() if id(f) not in reached
              and not name.startswith("qcakit._spec.")]  # the example in _spec's docstring
    assert not missed, f"declared but not enumerated as public: {missed}"


def test_the_enumeration_reaches_the_api():
    """The API enumerated is the one the lessons use (a floor, so the test cannot go empty)."""
    assert {"qcakit.truth_table", "qcakit.suin", "qcakit.write_report",
            "qcakit.widgets.threshold_explorer", "qcakit.explore.sweep"} <= set(FUNCTIONS)
    assert {"NecessityTable.necessary", "Explorer.set", "Solution.parameters"} <= set(METHODS)


# ---------------------------------------------------------------------------------------------
# The generated cases


def _bound(name):
    """(callable, good args, good kwargs, bound arguments by name) of a good call."""
    args, kwargs = GOOD[name]()
    f = ALL[name]
    sig = inspect.signature(f)
    bound = sig.bind(*args, **kwargs)
    bound.apply_defaults()
    return f, args, kwargs, bound


class _Foreign:
    """An object no kind knows: every parameter must refuse it with a QCAInputError."""

    def __repr__(self):
        return "<foreign object>"


def _cases(which):
    out = []
    for name, f in sorted(ALL.items()):
        spec = _spec.spec_of(f)
        if not spec or name not in GOOD:
            continue
        _, _, _, bound = _bound(name)
        params = tuple(p for p in inspect.signature(f).parameters if p != "self")
        for param, kind in spec.items():
            arg = _spec.Arg(param, name, dict(bound.arguments), params)
            values = (kind.refused(arg, SAMPLES) + [("a foreign object", _Foreign())]
                      if which == "refused" else kind.same(bound.arguments[param], arg, SAMPLES))
            var_keyword = inspect.signature(f).parameters[param].kind is \
                inspect.Parameter.VAR_KEYWORD
            for label, value in values:
                if var_keyword and not isinstance(value, dict):
                    continue  # Python itself only passes a dict as **options
                out.append(pytest.param(name, param, value, id=f"{name}-{param}-{label}"))
    return out


def _with(name, param, value):
    """The good call of ``name`` with ``param`` replaced by ``value``."""
    _, _, _, bound = _bound(name)
    bound.arguments[param] = value
    return list(bound.args), dict(bound.kwargs)


REFUSED = _cases("refused")
SAME = _cases("same")


def test_case_counts():
    """The generated set's size, as the report quotes it (a floor against an empty set)."""
    print(f"{len(ALL)} public callables, {len(REFUSED)} refused values, {len(SAME)} same forms")
    assert len(REFUSED) >= 1000 and len(SAME) >= 90


@pytest.mark.parametrize("name, param, value", REFUSED)
def test_refused_values_get_a_named_error(name, param, value):
    args, kwargs = _with(name, param, value)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing but QCAWarning may be emitted
        warnings.simplefilter("ignore", QCAWarning)
        try:
            result = _call(name, args, kwargs)
        except QCAInputError as err:
            assert str(err).strip()
            return
        finally:
            plt.close("all")
    pytest.fail(f"{name}({param}={value!r}) was accepted: {type(result).__name__}")


def _fingerprint(result):
    """What must not change when an argument is given in an equivalent form."""
    if hasattr(result, "get_title"):
        return result.get_title()
    if isinstance(result, (pd.DataFrame, pd.Series)):
        return result.to_json()
    if isinstance(result, np.ndarray):
        return result.tolist()
    return repr(result)


@pytest.mark.parametrize("name, param, value", SAME)
def test_equivalent_forms_give_the_same_result(name, param, value):
    good_args, good_kwargs = GOOD[name]()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        want = _fingerprint(_call(name, good_args, good_kwargs))
        args, kwargs = _with(name, param, value)
        got = _fingerprint(_call(name, args, kwargs))
    plt.close("all")
    assert got == want


# ---------------------------------------------------------------------------------------------
# docs/input_rules.md is checked against the specs

BEGIN = "<!-- generated from the parameter specs: python tests/test_api_inputs.py -->"
END = "<!-- end of the generated part -->"


def rules_markdown() -> str:
    """The generated part of docs/input_rules.md: each kind (what it accepts, a value it
    refuses and the message), then each public callable and the kind of each parameter."""
    lines = ["| Kind | Accepts | Refused, e.g. | What the kit says |", "|---|---|---|---|"]
    seen = {}
    for name in sorted(ALL):
        spec = _spec.spec_of(ALL[name])
        if not spec or name not in GOOD:
            continue
        _, _, _, bound = _bound(name)
        params = tuple(p for p in inspect.signature(ALL[name]).parameters if p != "self")
        for param, kind in spec.items():
            if kind.title in seen:
                continue
            arg = _spec.Arg(param, name, dict(bound.arguments), params)
            refused = [v for v in kind.refused(arg, SAMPLES) if v[0] != "None"]
            if not refused:
                continue
            label, value = refused[0]
            args, kwargs = _with(name, param, value)
            try:
                _quiet(lambda: _call(name, args, kwargs))
                message = "(accepted)"
            except QCAInputError as err:
                message = str(err)
            shown = _kinds.shown(value)
            seen[kind.title] = (f"| {kind.title} | {kind.rule} | "
                                f"{name.removeprefix('qcakit.')}({param}={shown}) | {message} |")
    lines += [seen[t] for t in sorted(seen)]
    lines += ["", "| Function | Parameters: kind |", "|---|---|"]
    for name in sorted(ALL):
        spec = _spec.spec_of(ALL[name])
        if spec:
            parts = "; ".join(f"`{p}`: {k.title.lower()}" for p, k in spec.items())
            lines.append(f"| `{name}` | {parts} |")
    return "\n".join(line.replace("\n", " ") for line in lines) + "\n"


def _docs_with(generated: str) -> str:
    text = (ROOT / "docs" / "input_rules.md").read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n\n{generated}\n{END}{tail}"


def test_input_rules_doc_matches_the_specs():
    text = (ROOT / "docs" / "input_rules.md").read_text(encoding="utf-8")
    assert text == _docs_with(rules_markdown()), (
        "docs/input_rules.md is out of date with the parameter specs: run "
        "python tests/test_api_inputs.py")
    plt.close("all")


if __name__ == "__main__":
    (ROOT / "docs" / "input_rules.md").write_text(_docs_with(rules_markdown()), encoding="utf-8")
    print("docs/input_rules.md rewritten", file=sys.stderr)
