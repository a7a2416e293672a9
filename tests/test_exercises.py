"""Exercises: one source per exercise, generated student versions, and kind automatic feedback.

- The committed student versions (exercises/exNN_*.ipynb) are exactly what
  scripts/make_exercises.py makes from the sources (exercises/source/), so they cannot drift.
- Every solution version passes every check; every student version runs to the end with every
  check reporting "not answered yet". (nbval also executes the committed student versions and
  the sources in a Jupyter kernel; here the cells run in-process, which is fast and lets the test
  read each check's result.)
- Checks give specific hints, never raise on an answer's shape, and never print the expected
  value. Written answers are self-assessed (status "self-assessed"), never marked.
- Every check rejects realistic wrong answers: see tests/test_exercise_wrong_answers.py.
"""
from __future__ import annotations

import importlib
import importlib.util
import itertools
import json
import math
import re
import warnings
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit.exercises import EXERCISES, _answers, _feedback, _xu, questions
from qcakit.exercises._feedback import Feedback, check
from qcakit.exercises._verdicts import decimals_text

#: Written tasks: the check shows a model answer and a rubric, never a mark.
SELF_ASSESSED = {("ex02", "q7"), ("ex08", "q7"), ("ex10", "q6"), ("ex13", "q7"),
                 ("ex14", "q7")}


def expected_status(exercise: str, question: str) -> str:
    """What the solution version's answer gets: "correct", or "self-assessed" for writing."""
    return "self-assessed" if (exercise, question) in SELF_ASSESSED else "correct"

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "exercises" / "source"
STUDENTS = ROOT / "exercises"


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_exercises",
                                                  ROOT / "scripts" / "make_exercises.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _source(exercise: str) -> Path:
    (path,) = SOURCES.glob(f"{exercise}_*.ipynb")
    return path


def _run(nb) -> tuple[list[Feedback], dict]:
    """Execute the code cells of a notebook in a fresh namespace; return the feedback given."""
    start = len(_feedback.LOG)
    namespace: dict = {"__name__": "__main__"}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(cell.source, f"<cell {i + 1}>", "exec"), namespace)
    return _feedback.LOG[start:], namespace


# --------------------------------------------------------------------------- sources and drift

def test_one_source_per_exercise_module():
    names = sorted(p.name for p in SOURCES.glob("ex*.ipynb"))
    assert names == sorted(f"{k}_{v}.ipynb" for k, v in EXERCISES.items())
    assert len(names) >= 8


def test_committed_student_versions_are_generated_from_the_sources():
    assert gen.stale() == [], "run: python scripts/make_exercises.py"


def test_stale_detects_an_edited_student_version(tmp_path, monkeypatch):
    for path in STUDENTS.glob("ex*.ipynb"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    edited = tmp_path / "ex01_memberships.ipynb"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Task 1", "Task one"),
                      encoding="utf-8")
    (tmp_path / "ex99_orphan.ipynb").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(gen, "STUDENT_DIR", tmp_path)
    assert gen.stale() == ["exercises/ex01_memberships.ipynb differs from its source",
                           "exercises/ex99_orphan.ipynb has no source in exercises/source/"]


@pytest.mark.parametrize("path", sorted(SOURCES.glob("ex*.ipynb")) +
                         sorted(STUDENTS.glob("ex*.ipynb")), ids=lambda p: p.parent.name + "/" + p.name)
def test_notebooks_are_committed_without_outputs_and_teach(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert "widgets" not in nb.metadata
    assert "Learning goals" in nb.cells[0].source
    assert "## Recap" in nb.cells[-1].source


@pytest.mark.parametrize("path", sorted(STUDENTS.glob("ex*.ipynb")), ids=lambda p: p.name)
def test_student_versions_hold_no_solution(path):
    text = path.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
    assert "Model answer" not in text


# --------------------------------------------------------------------------- running the versions

@pytest.mark.parametrize("exercise", list(EXERCISES))
def test_solution_version_passes_every_check(exercise):
    path = _source(exercise)
    solution = gen.solution_version(nbformat.read(path, as_version=4), path.name)
    results, namespace = _run(solution)
    statuses = {(fb.question, fb.status, fb.message) for fb in results
                if fb.status != expected_status(exercise, fb.question)}
    assert statuses == set()
    assert [fb.question for fb in results] == questions(exercise)
    assert all(fb.exercise == exercise for fb in results)
    if "xu_cal" in namespace:  # the notebook's explicit calibration is the checks' calibration
        ours = namespace["xu_cal"][_xu.CONDITIONS + [_xu.OUTCOME]]
        pd.testing.assert_frame_equal(ours, _xu.calibrated())
    if exercise == "ex14":  # the notebook's protocol, written out, is the checks' protocol
        from qcakit.exercises import ex14
        pd.testing.assert_frame_equal(namespace["r"].cases, ex14.protocol().cases)
        assert namespace["r"].fit == ex14.protocol().fit


@pytest.mark.parametrize("exercise", list(EXERCISES))
def test_student_version_runs_with_every_task_unanswered(exercise):
    path = STUDENTS / _source(exercise).name
    results, _ = _run(nbformat.read(path, as_version=4))
    assert [fb.question for fb in results] == questions(exercise)
    assert {fb.status for fb in results} == {"unanswered"}
    assert all("Not answered yet" in fb.message for fb in results)


@pytest.fixture(scope="module")
def solution_dir(tmp_path_factory):
    """The solution versions, written by the teachers' command (make_exercises.py --solutions)."""
    out = tmp_path_factory.mktemp("solutions")
    assert gen.main(["--solutions", str(out)]) == 0
    return out


def test_solutions_command_writes_one_solution_per_source(solution_dir):
    names = sorted(p.name for p in solution_dir.glob("*.ipynb"))
    assert names == sorted(p.name for p in SOURCES.glob("ex*.ipynb"))
    text = (solution_dir / "ex03_necessity.ipynb").read_text(encoding="utf-8")
    assert "Model answer" in text and "BEGIN SOLUTION" not in text
    assert '"version": "solution"' in text


@pytest.mark.parametrize("exercise", list(EXERCISES))
def test_solution_notebook_passes_every_check_in_a_kernel(exercise, solution_dir, tmp_path,
                                                           monkeypatch):
    """Run each solution version top to bottom in a fresh Jupyter kernel, as a teacher would.

    This replaces nbval on exercises/source/ (see exercises/conftest.py): besides executing
    without error, every check must say "correct" (written tasks: "self-assessed"), in order.
    """
    nbclient = pytest.importorskip("nbclient")
    log = tmp_path / "feedback.jsonl"
    monkeypatch.setenv(_feedback.LOG_ENV, str(log))
    nb = nbformat.read(solution_dir / _source(exercise).name, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    got = [(r["exercise"], r["question"], r["status"]) for r in records]
    assert got == [(exercise, q, expected_status(exercise, q)) for q in questions(exercise)], \
        [r["message"] for r in records if r["status"] != "correct"]


def test_nbval_runs_the_student_versions_not_the_sources():
    conftest = ROOT / "exercises" / "conftest.py"
    namespace: dict = {}
    exec(conftest.read_text(encoding="utf-8"), namespace)
    assert namespace["collect_ignore"] == ["source"]


def test_kernel_run_writes_the_feedback_log(tmp_path, monkeypatch):
    """In a real Jupyter kernel (as on a JupyterHub), checks append to QCAKIT_EXERCISES_LOG."""
    nbclient = pytest.importorskip("nbclient")
    log = tmp_path / "feedback.jsonl"
    monkeypatch.setenv(_feedback.LOG_ENV, str(log))
    nb = nbformat.read(STUDENTS / "ex01_memberships.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(r["exercise"], r["question"], r["status"]) for r in lines] == \
        [("ex01", q, "unanswered") for q in questions("ex01")]
    html = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if "text/html" in o.get("data", {})]
    assert any("qcakit-feedback" in o["data"]["text/html"] for o in html)


# --------------------------------------------------------------------------- the generator

def test_split_cell_code_and_markdown():
    src = "answer = ...  # a number\n### BEGIN SOLUTION\nanswer = 0.5\n### END SOLUTION\ncheck.q1(answer)"
    student, solution = gen.split_cell(src, "code")
    assert student == "answer = ...  # a number\ncheck.q1(answer)"
    assert solution == "answer = ...  # a number\n# Solution:\nanswer = 0.5\ncheck.q1(answer)"
    md = "Intro\n<!-- BEGIN SOLUTION -->\n**Model answer.** Yes.\n<!-- END SOLUTION -->"
    student, solution = gen.split_cell(md, "markdown")
    assert student == "Intro\n" + gen.ANSWER_PROMPT
    assert solution == "Intro\n**Model answer.** Yes."
    assert gen.split_cell("x = 1", "code") == ("x = 1", "x = 1")


@pytest.mark.parametrize("source, message", [
    ("### BEGIN SOLUTION\nx = 1", "never closed"),
    ("x = ...\n### END SOLUTION", "without a BEGIN"),
    ("x = ...\n### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "inside another"),
    ("### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "would be empty"),
])
def test_bad_markers_are_refused(source, message):
    with pytest.raises(gen.MarkerError, match=message):
        gen.split_cell(source, "code", "ex00.ipynb, cell 3")


def test_a_source_without_solution_is_refused():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    with pytest.raises(gen.MarkerError, match="no solution region"):
        gen.student_version(nb, "ex00_empty.ipynb")


def _nbgrader_meta(grade_id, **flags):
    meta = {"grade": False, "grade_id": grade_id, "locked": False, "schema_version": 3,
            "solution": False, "task": False}
    return {"nbgrader": {**meta, **flags}}


def test_generated_versions_drop_outputs():
    cell = nbformat.v4.new_code_cell("x = ...\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION\nx",
                                     metadata=_nbgrader_meta("q1", solution=True))
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "1"},
                                           execution_count=1)]
    cell.execution_count = 1
    nb = nbformat.v4.new_notebook(cells=[cell])
    for version in (gen.student_version(nb, "ex00.ipynb"), gen.solution_version(nb, "ex00.ipynb")):
        assert version.cells[0].outputs == [] and version.cells[0].execution_count is None
    assert nb.cells[0].outputs  # the source object itself is not modified


def test_generated_versions_drop_the_nbgrader_metadata():
    answer = nbformat.v4.new_code_cell("x = ...\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION",
                                       metadata=_nbgrader_meta("q1", solution=True))
    test = nbformat.v4.new_code_cell("check.q1(x)", metadata=_nbgrader_meta(
        "q1_check", grade=True, locked=True, points=1))
    nb = nbformat.v4.new_notebook(cells=[answer, test])
    for version in (gen.student_version(nb, "ex00.ipynb"), gen.solution_version(nb, "ex00.ipynb")):
        assert [c.metadata for c in version.cells] == [{}, {}]
    assert nb.cells[1].metadata.nbgrader.locked  # the source keeps it


@pytest.mark.parametrize("cells, message", [
    ([("x = ...\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION", {})],
     "cell 1: a solution region in a cell that is not an nbgrader solution cell"),
    ([("x = ...\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION",
       _nbgrader_meta("q1", solution=True)),
      ("check.q1(x)", _nbgrader_meta("q1_check", grade=True, points=1))],
     "cell 2: a check call in a cell that is not locked"),
])
def test_sources_without_nbgrader_markup_are_refused(cells, message):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(src, metadata=meta)
                                         for src, meta in cells])
    with pytest.raises(gen.MarkerError, match=f"^ex00.ipynb, {message}"):
        gen.student_version(nb, "ex00.ipynb")


# --------------------------------------------------------------------------- the feedback core

@pytest.mark.parametrize("answer", [..., None, "", "...", (..., ..., ...), {"a": ...}])
def test_unanswered_answers(answer):
    from qcakit.exercises import ex02
    assert ex02.q6(answer).status == "unanswered"


def test_partly_filled_answer_is_reported_as_such():
    from qcakit.exercises import ex02
    fb = ex02.q6((0.5, ..., 2))
    assert fb.status == "unanswered" and "Partly filled" in fb.message


def test_an_answer_of_unforeseen_shape_shows_as_an_error_not_a_verdict():
    @check(_answers.Word(["a", "b"]))
    def fragile(answer):
        return {"a": 1}[answer]

    fb = fragile("b")
    assert fb.status == "error" and "KeyError: 'b'" in fb.message
    assert "bug in the checker" in fb.hint


def test_a_bug_in_a_check_is_not_hidden_behind_a_message():
    @check(_answers.Number())
    def broken(answer):
        raise ZeroDivisionError("boom")

    with pytest.raises(ZeroDivisionError, match="boom"):
        broken(1)


def test_feedback_renders_as_html_and_text():
    fb = Feedback("ex00", "q1", "incorrect", "A < B & C", "Look at <this>", ["detail"])
    html = fb._repr_html_()
    assert "A &lt; B &amp; C" in html and "Look at &lt;this&gt;" in html
    assert "#e37400" in html and "Not yet" in html and "<li>detail</li>" in html
    assert repr(fb) == "[incorrect] ex00.q1: A < B & C\n  - detail\n  Hint: Look at <this>"
    assert not fb.ok and Feedback("ex00", "q1", "correct", "ok").ok


def test_log_file_and_progress(tmp_path, monkeypatch):
    from qcakit.exercises import ex01, progress
    log = tmp_path / "log.jsonl"
    monkeypatch.setenv(_feedback.LOG_ENV, str(log))
    ex01.q6("a")
    ex01.q6("b")
    records = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in records] == ["incorrect", "correct"]
    table = progress("ex01")
    assert table.set_index("question").loc["q6", "status"] == "correct"


def test_a_check_without_a_reader_is_refused():
    with pytest.raises(TypeError, match="needs a reader"):
        @check
        def unread(answer):
            return answer


def test_read_names_keeps_labels_with_commas():
    valid = ["Shanglin county, Nanning", "L city", "H county"]

    def read(answer, valid):
        return _answers.Names(valid).read(answer)

    assert read("Shanglin county, Nanning", valid) == {"Shanglin county, Nanning"}
    assert read("L city, Shanglin county, Nanning", valid) == {"L city",
                                                                 "Shanglin county, Nanning"}
    assert read(pd.Series([True, False, True], index=valid), valid) == {valid[0], "H county"}
    with pytest.raises(_feedback.AnswerProblem, match="Did you mean 'Shanglin county, Nanning'"):
        read(["Shanglin"], valid)
    with pytest.raises(_feedback.AnswerProblem, match="case-sensitive"):
        read(["l city"], valid)


def _all_checks():
    for exercise in EXERCISES:
        module = importlib.import_module(f"qcakit.exercises.{exercise}")
        for q in questions(exercise):
            yield pytest.param(getattr(module, q), id=f"{exercise}.{q}")


# Answers no task can accept (True is a fair answer to a yes/no task, so it is not here;
# read_number's refusal of booleans is tested in test_feedback_readers_refuse_wrong_kinds).
ODD_ANSWERS = [0.4321, -3, 1e9, "some text", [2, 7], ["nonsense"], ("a", "b", "c"),
               pd.Series([0.1, 0.2]), pd.DataFrame({"a": [1.5, 2.5]}), b"bytes", {"a": 1}, object(),
               np.array([3.0, 9.0]), float("nan"), []]


@pytest.mark.parametrize("func", list(_all_checks()))
def test_checks_answer_any_kind_of_input_kindly(func):
    exercise = func.__module__.rsplit(".", 1)[-1]
    written = (exercise, func.__name__) in SELF_ASSESSED
    for answer in ODD_ANSWERS:
        fb = func(answer)
        assert isinstance(fb, Feedback)
        allowed = ("self-assessed",) if written and isinstance(answer, str) else \
            ("incorrect", "partly")
        assert fb.status in allowed, (answer, fb)
        assert fb.message and fb.message != "False"


# --------------------------------------------------------------------------- specific feedback

HAND_VALUES = [  # (module, question, value computed by hand in the docstring, tolerance)
    # ex02: log-odds 3 * 3.79 / 7 = 1.6243 -> 0.8354; 3 * (-2.4) / 3 = -2.4 -> 0.0832
    ("ex02", "q1", 1 / (1 + math.exp(-3 * 3.79 / 7))),
    ("ex02", "q2", 1 / (1 + math.exp(2.4))),
    # ex03: min(X, Y) sums to 2.3, Y to 2.4, X to 3.3; sum(1 - X) = 1.7, sum(1 - min) = 2.7
    ("ex03", "q1", 2.3 / 2.4), ("ex03", "q2", 2.3 / 3.3), ("ex03", "q3", 1.7 / 2.7),
    # ex04: sum X 2.5, sum min(X, Y) 2.1, sum Y 2.7, sum min(X, 1-Y) 2.2, sum min(X, Y, 1-Y) 2.0
    ("ex04", "q1", 2.1 / 2.5), ("ex04", "q2", 2.1 / 2.7), ("ex04", "q3", 2.2 / 2.5),
    ("ex04", "q4", (2.1 - 2.0) / (2.5 - 2.0)),
    # ex05: case d in A*~B*C: min(0.6, 0.8, 0.7); row A*B*~C: sum min(row, Y) 2.1 / sum row 2.4
    ("ex05", "q2", 0.6), ("ex05", "q5", 2.1 / 2.4),
    # ex01: min(0.89, 1 - 0.31); max(0.03, 0.58)
    ("ex01", "q2", 0.69), ("ex01", "q3", 0.58),
    # ex11: C above 0.5 in 6 of 8 cases (e sits at 0.5); X = max(A, B): sum min(X, Y) 3.5,
    # sum Y 3.7, sum (1 - X) 3.6, sum (1 - min(X, Y)) 4.5
    ("ex11", "q1", 6 / 8), ("ex11", "q2", 3.5 / 3.7), ("ex11", "q3", 3.6 / 4.5),
    # ex14: sum min(IS, Y) 3.4, sum min(RC, Y) 2.5, sum IS 4.6, sum RC 2.9, sum max(IS, MinTS) 4.7
    ("ex14", "q1", 2.5 / 3.4), ("ex14", "q2", (3.4 / 4.6) / (2.5 / 2.9)), ("ex14", "q3", 2.9 / 4.7),
]


@pytest.mark.parametrize("exercise, question, value", HAND_VALUES,
                         ids=[f"{e}.{q}" for e, q, _ in HAND_VALUES])
def test_hand_computed_values_are_accepted_and_never_revealed(exercise, question, value):
    func = getattr(importlib.import_module(f"qcakit.exercises.{exercise}"), question)
    decimals = _feedback.TARGETS[(exercise, question)]().decimals
    assert func(value).status == "correct"
    assert func(round(value, decimals)).status == "correct"  # rounded as the task asks
    coarse = round(value, decimals - 1)
    if abs(coarse - value) > 0.5 * 10 ** -decimals:  # too coarse to tell apart from a mistake
        assert func(coarse).message.startswith(f"Give at least {decimals_text(decimals)}")
    for wrong_value in (value + 0.05, value - 0.04, 0.123, coarse):
        fb = func(wrong_value)
        assert fb.status == "incorrect" or wrong_value == coarse
        text = " ".join([fb.message, fb.hint, *fb.details])
        for shown in {f"{value:.2f}", f"{value:.3f}"}:
            assert shown not in text, (wrong_value, text)


@pytest.mark.parametrize("exercise, question, answer, expected", [
    ("ex01", "q2", 0.31, "~STB"),
    ("ex01", "q2", 0.89 * 0.69, "product"),
    ("ex01", "q3", 0.61, "not the sum"),
    ("ex01", "q4", pd.Series([0.1, 0.2]), "2 values; there are 18"),
    ("ex02", "q1", 0.978, "wrong anchor"),
    ("ex02", "q1", 1.624, "log-odds"),
    ("ex02", "q6", (1.0, 1.5, 2.0), "exactly 1.5"),
    ("ex02", "q6", (2, 1.25, 0.5), "decrease"),
    ("ex02", "q6", (0, 0.8, 2), "every case is more in"),
    ("ex03", "q1", 2.3 / 3.3, "divided by the sum of X"),
    ("ex03", "q1", pd.Series([0.1, 0.2]), "asks for a number"),
    ("ex03", "q4", ["LIT", "~STB"], "~STB has necessity consistency"),
    ("ex04", "q1", 2.1 / 2.7, "divided by the sum of Y"),
    ("ex04", "q3", 2.1 / 2.5, "consistency for Y"),
    ("ex05", "q5", 1.7 / 2.0, "only the cases counted in n"),
    ("ex05", "q1", "A*B*C", "more out than in"),
    ("ex06", "q1", "A", "remainder"),
    ("ex06", "q1", "A + B", "negative row"),
    ("ex06", "q2", "A*B + A*C", "complex solution"),
    ("ex07", "q4", "difficult", "helping condition"),
    ("ex08", "q2", "~SCALE*ORG*MGMT*~INFO*SHARE*PAY*INCENT", "sign of INCENT"),
    ("ex08", "q4", ["a", "b"], "(b) is not a problem"),
    ("ex09", "q1", "2", "as text"),
])
def test_wrong_answers_get_specific_hints(exercise, question, answer, expected):
    func = getattr(importlib.import_module(f"qcakit.exercises.{exercise}"), question)
    fb = func(answer)
    assert fb.status in ("incorrect", "partly")
    assert expected in " ".join([fb.message, fb.hint, *fb.details])


def test_exercise_8_uses_the_study_module_s_published_tables():
    """One copy of each published table: exercise 8 takes Table 4 and the abstract from xu2024."""
    from qcakit.exercises import ex08
    from qcakit.studies import xu2024
    assert ex08.TABLE4 is xu2024.TABLE4_PRINTED and ex08.TABLE4_FIT is xu2024.TABLE4_FIT
    assert ex08.ABSTRACT == xu2024.PATHS.loc["Abstract"].to_dict()
    # read by hand from the abstract (Results) of the paper: S3 lacks SHARE, S4 lacks INCENT
    assert ex08.ABSTRACT["S3"] == "~SCALE*ORG*MGMT*~INFO*~SHARE*PAY*INCENT"
    assert ex08.ABSTRACT["S4"] == "~SCALE*ORG*MGMT*~INFO*SHARE*PAY*~INCENT"
    assert ex08.table4() is not ex08.TABLE4 and ex08.table4().equals(ex08.TABLE4)


def test_no_test_or_check_reads_outside_the_repository():
    outside = "/".join(["", "work", ""])  # the machine's shared folders, not in the repository
    for path in [*(ROOT / "tests").glob("test_exercise*.py"),
                 *(ROOT / "qcakit" / "exercises").glob("*.py")]:
        assert outside not in path.read_text(encoding="utf-8"), path


def test_feedback_readers_refuse_wrong_kinds():
    with pytest.raises(_feedback.AnswerProblem, match="True or False|asks for"):
        _answers.Number().read(True)
    with pytest.raises(_feedback.AnswerProblem) as problem:
        _answers.Bool().read("yes")
    assert "without quotes" in problem.value.hint
    with pytest.raises(_feedback.AnswerProblem, match="as text"):
        _answers.Number().read("0.5")
    assert _answers.Count().read(pd.Series([3.0])) == 3


def test_model_answers_state_what_the_data_give():
    """The model answers of exercises 8 and 9 quote results; recompute them so they cannot drift.

    They rest on the lessons' calibration (qcakit.studies.xu2024); if it changes, this test says
    which sentence of which model answer to update.
    """
    import qcakit
    from qcakit.exercises import ex08, ex09
    data, out, conds = _xu.calibrated(), _xu.OUTCOME, _xu.CONDITIONS

    def table(**cuts):
        return qcakit.truth_table(data, out, conds, **cuts).table

    positive = {cut: set(table(incl_cut=cut).index[table(incl_cut=cut)["OUT"] == "1"])
                for cut in (0.8, 0.85)}
    pri = table(incl_cut=0.8, pri_cut=0.5)
    assert (len(positive[0.8]), len(positive[0.85])) == (6, 5)
    (dropped,) = positive[0.8] - positive[0.85]
    assert set(pri.index[pri["OUT"] == "1"]) == positive[0.85]
    assert table(incl_cut=0.8).loc[dropped, "cases"] == "Zherong county"
    inter = {cut: qcakit.minimize(qcakit.truth_table(data, out, conds, incl_cut=cut),
                                  "intermediate", directional={"ORG": 1}).models
             for cut in (0.8, 0.85)}
    assert [len(m) for m in inter[0.8] + inter[0.85]] == [4, 4] and inter[0.8] != inter[0.85]
    assert len(ex09._loo_changed()) == 10
    alt = _xu.calibrated(outcome_anchors=ex09.ALT_GROWTH)[out]
    assert list(data.index[(alt > 0.5) != (data[out] > 0.5)]) == ["Shanglin county, Nanning"]
    assert ex09.parsimonious(data.assign(**{out: alt}), incl_cut=0.8) != \
        ex09.parsimonious(data, incl_cut=0.8)
    for pathway in ("S3", "S4"):  # ex08: each rests on one case at the nudged crossover
        m = qcakit.membership(data, ex08.ABSTRACT[pathway])
        assert m.max() == 0.501 and (m > 0.5).sum() == 1
    text = _source("ex09").read_text(encoding="utf-8")
    for claim in ("one of the six positive rows", "four paths", "(Zherong county)",
                  "ten of the eleven", "one case (Shanglin county"):
        assert claim in text


def test_ex10_references_agree_with_hand_computation():
    """ex10's references, by hand: Ragin's log-odds for MGMT, and the ESA rows of ~ORG*~PAY."""
    from qcakit.exercises import ex10
    # MGMT at (0, 1.75, 3): score 2 -> log-odds 3 * 0.25 / 1.25 = 0.6; 1.5 -> -3 * 0.25 / 1.75
    assert ex10.q3(pd.Series({c: 1 / (1 + math.exp(-0.6 if x == 2 else 3 * 0.25 / 1.75))
                              for c, x in ex10.raw()["MGMT"].items() if x in (1.5, 2)})).status \
        == "incorrect"  # only the cases scoring 2 or 1.5: the others are missing
    ref = ex10.calibrated()["MGMT"]
    assert ref["L city"] == pytest.approx(1 / (1 + math.exp(-0.6)))
    assert ref["Deqing county"] == pytest.approx(1 / (1 + math.exp(3 * 0.25 / 1.75)))
    # rows are numbered 1 + binary ORG MGMT PAY INCENT; ORG + PAY is absent where ORG = PAY = 0:
    # 0000 -> 1, 0001 -> 2, 0100 -> 5, 0101 -> 6; 5 (Zherong) and 6 (L city, Liling) are
    # observed, so ESA bars the remainders 1 and 2
    assert ex10.q1((2 ** 4, 11)).status == "correct"
    assert ex10.q5([1, 2]).status == "correct"
    assert ex10.q5("2, 1").status == "correct"
    assert ex10.q3(ref.round(3)).status == "correct"  # hand-rounded memberships are accepted
    assert ex10.q2("b").status == "correct"


def test_ex10_task5_asks_what_the_necessity_rule_allows():
    """Task 5's model answer is right by the kit's own rule (issue 21): no single condition
    passes consistency 0.9, coverage 0.6 and RoN 0.5; INCENT is consistent but trivial; SUIN
    finds ORG + PAY, which passes. The numbers in the model answers are these, rounded."""
    from qcakit.exercises import ex10
    from qcakit.methods_text import necessity_verdicts
    sets = ex10.calibrated()
    verdicts = necessity_verdicts(qcakit.necessity(sets, "GROWTH", ex10.CONDITIONS).table)
    assert "necessary" not in set(verdicts["verdict"])
    assert list(verdicts.index[verdicts["verdict"] == "trivial"]) == [ex10.TRIVIAL] == ["INCENT"]
    assert ex10.necessary_expressions() == [ex10.NECESSARY] == ["ORG + PAY"]
    # ORG + PAY by hand: max(ORG, PAY) against GROWTH with the fit formulas of lesson 13
    x = np.maximum(sets["ORG"], sets["PAY"]).to_numpy()
    y = sets["GROWTH"].to_numpy()
    both = np.minimum(x, y)
    fit = (both.sum() / y.sum(), both.sum() / x.sum(), (1 - x).sum() / (1 - both).sum())
    assert [round(v, 2) for v in fit] == [0.92, 0.62, 0.52]
    incent = verdicts.loc["INCENT"]
    assert [round(incent[k], 2) for k in ("consistency", "coverage", "RoN")] == [0.94, 0.58, 0.41]
    # INCENT by hand: 8 counties above 0.5; 4 of them (L city, Liling city, Deqing county,
    # Shanglin county) below 0.5 in GROWTH
    inside = sets.index[sets["INCENT"] > 0.5]
    assert len(inside) == 8 and int((sets.loc[inside, "GROWTH"] < 0.5).sum()) == 4
    message = ex10.q5([1, 3, 9, 11, 13]).message  # the remainders without INCENT
    assert ("coverage (0.578) is below 0.6: INCENT is much larger than GROWTH (4 of the 8 "
            "counties in it are out of GROWTH)") in message
    assert "RoN (0.414) is below 0.5: it comes close to a set every county is in (8 of the 11)" \
        in message
    cells = nbformat.read(_source("ex10"), as_version=4).cells
    # the solution's paragraph is Python strings over several lines: join them
    solution = re.sub(r'"\s*\n\s*"', "", "\n".join(c.source for c in cells))
    for text in (ex10.MODEL_Q6, solution):
        assert "coverage 0.58" in text and "RoN 0.41" in text and "trivial" in text
        assert "(0.92, 0.62, 0.52)" in text and "2 remainders without both (~ORG*~PAY)" in text
        assert "treated as necessary" in text and "not a substantive choice" in text
    assert "Treat the expression it finds as necessary" not in solution
    assert "nearly every case is in" not in solution and "about the median" not in solution


# --------------------------------------------------------------------------- exercises 11 to 14

def test_ex11_hand_table_makes_a_suin_condition_and_a_trivial_one():
    """By hand on ex11.HAND: neither A nor B is necessary, A + B is (and relevant); C is
    necessary but its RoN is below 0.5, and ~A + ~B is consistent but every case is in it."""
    from qcakit.exercises import ex11
    h = ex11.hand_data()
    a, b, c, y = (h[k].to_numpy() for k in "ABCY")

    def nec(x):
        both = np.minimum(x, y)
        return both.sum() / y.sum(), both.sum() / x.sum(), (1 - x).sum() / (1 - both).sum()

    assert nec(a)[0] == pytest.approx(2.5 / 3.7) and nec(b)[0] == pytest.approx(2.4 / 3.7)
    assert nec(np.maximum(a, b)) == pytest.approx((3.5 / 3.7, 3.5 / 4.4, 3.6 / 4.5))
    assert nec(c) == pytest.approx((1.0, 3.7 / 5.9, 2.1 / 4.3))  # RoN 0.488: trivial
    assert (np.maximum(1 - a, 1 - b) > 0.5).all() and nec(np.maximum(1 - a, 1 - b))[0] >= 0.9
    assert ex11.q4("B + A").status == "correct" and ex11.q4("~A + ~B").status == "incorrect"
    # the written model answer: 6 of 8 above 0.5 is under the 80 % line
    assert (c > 0.5).sum() == 6 and 6 / 8 < 0.8


def test_ex11_messages_state_what_the_xu_data_give():
    from qcakit.exercises import ex11
    data = _xu.calibrated()
    assert qcakit.skewness(data).skewed == ["ORG", "MGMT", "SHARE"]  # q5: three conditions
    found = qcakit.suin(data, _xu.OUTCOME, _xu.CONDITIONS, depth=2, ron_cut=0).table
    disjunctions = found[found["kind"] == "disjunction"]
    assert len(disjunctions) == 3 and (disjunctions["RoN"] < 0.5).all()  # q6: every one
    org = data["ORG"].to_numpy()
    y = data[_xu.OUTCOME].to_numpy()
    ron = (1 - org).sum() / (1 - np.minimum(org, y)).sum()
    assert ron >= 0.5 and (org > 0.5).all()  # q7: trivial by the second part only
    assert ex11.q7("b").status == "correct"


def test_ex12_hand_rows_by_hand():
    """Rows numbered 1 + binary ABC. B + A*~C covers 010 (3), 011 (4), 110 (7), 111 (8) and
    100 (5); the remainders among them are 3, 4, 7. ~A + ~B*C covers 000-011 (1-4) and 001, 101
    (2, 6); its remainders are 2, 3, 4. Both use 3 and 4. With them barred: A*B + A*~C."""
    from qcakit.exercises import ex12
    assert ex12.q1([3, 4, 7]).status == "correct"
    assert ex12.q2([3, 4]).status == "correct"
    assert ex12.q3("A*B + A*~C").status == "correct"
    # the right message of task 1: B alone covers the three, A*~C adds none
    assert ex12.q1(["~A*B*~C", "~A*B*C", "A*B*~C"]).message.startswith(
        "Right: the remainders inside the terms of B + A*~C. B alone covers three")


def test_ex12_messages_state_what_the_lipset_data_give():
    from qcakit.exercises import ex12, ex07
    tt = ex12.lipset_tt()
    barred = qcakit.esa(tt, necessary=ex12.NECESSARY, contradictory=True)
    sol = qcakit.minimize(tt, "parsimonious", exclude=barred)
    intermediate = ex07._intermediate()
    assert len(sol.models) == len(intermediate.models) == 1
    assert sol.expressions == intermediate.expressions  # "It is the intermediate solution"
    assert list(sol.simplifying_assumptions.index) == \
        list(intermediate.easy_counterfactuals.index) and len(sol.simplifying_assumptions) == 1
    assert all({"LIT", "STB"} <= {n for n, v in term if v} for term in sol.models[0])
    xu = _xu.calibrated()
    assert (xu["ORG"] > 0.5).all()  # task 7: every alliance is in ORG


def test_ex13_hand_zones_by_hand():
    """The zones of lesson 19b, coded here from their inequalities, on S = max(T1, T2)."""
    from qcakit.exercises import ex13
    h = ex13.hand_data()
    s, y = np.maximum(h["T1"], h["T2"]), h["Y"]
    on = (s == 0.5) | (y == 0.5)
    typical = set(h.index[~on & (s > 0.5) & (y > 0.5) & (s <= y)])
    kind = set(h.index[~on & (s > 0.5) & (y < 0.5)])
    assert typical == {"a", "c", "e"} and kind == {"d", "j"}
    assert ex13.q1(sorted(typical)).status == ex13.q2(sorted(kind)).status == "correct"
    score = (2 * (y - s) + (1 - s))[sorted(typical)]
    assert score.round(3).to_dict() == {"a": 0.4, "c": 0.8, "e": 0.5}
    assert ex13.q3(score.idxmin()).status == "correct"
    assert (y - s)[sorted(typical)].idxmin() == "e"  # closest to the diagonal: not the answer


def test_ex13_solution_is_exercise_7s_and_the_model_answer_holds():
    from qcakit.exercises import ex07, ex13
    lf = qcakit.datasets.load("lipset_fuzzy")
    (model,) = ex07._intermediate().models
    assert qcakit.parse(ex13.SOLUTION) == tuple(model)
    types = qcakit.case_types(lf, ex13.SOLUTION, "SURV")
    kinds = types.types["solution"]
    assert set(kinds.index[kinds == "deviant coverage"]) == {"FR", "SE"}
    pairs = types.pairs().set_index(["term", "comparison"])
    assert tuple(pairs.loc[("solution", "deviant coverage vs typical"), ["case_1", "case_2"]]) \
        == ("SE", "IE")
    first = ex13.SOLUTION.split(" + ")[0]
    assert tuple(pairs.loc[(first, "typical vs individually irrelevant"),
                           ["case_1", "case_2"]]) == ("BE", "DE")
    de = lf.loc["DE"]
    assert (de[["DEV", "URB", "LIT", "IND"]] > 0.5).all() and de["STB"] < 0.5
    assert de["SURV"] < 0.5 and types.types.loc["BE", first] == "typical"
    # tasks 5 and 6: the one country in T*~S (Germany) did not survive; FI and IE are in ~T*S,
    # out of URB and IND, in the second path
    t = qcakit.membership(lf, ex13.THEORY)
    s = qcakit.membership(lf, ex13.SOLUTION)
    in_t_not_s = np.minimum(t, 1 - s) > 0.5
    assert list(lf.index[in_t_not_s]) == ["DE"]
    second = qcakit.membership(lf, ex13.SOLUTION.split(" + ")[1])
    for case in ("FI", "IE"):
        assert min(1 - t[case], s[case]) > 0.5 and second[case] > 0.5
        assert lf.loc[case, "URB"] < 0.5 and lf.loc[case, "IND"] < 0.5
    for text in (ex13.MODEL_Q7, _source("ex13").read_text(encoding="utf-8")):
        assert "Sweden" in text and "Ireland" in text and "Belgium" in text and "STB" in text


def test_ex14_hand_classes_by_hand():
    """SetMethods' rob.cases classes, coded here from their definitions, on ex14.HAND."""
    from qcakit.exercises import ex14
    h = ex14.hand_data()
    lo, hi = h[["TS1", "TS2"]].min(axis=1), h[["TS1", "TS2"]].max(axis=1)
    in_is, in_y = h["IS"] > 0.5, h["Y"] > 0.5
    robust_typical = set(h.index[in_is & (lo > 0.5) & in_y])
    assert robust_typical == {"a", "i"}
    assert set(h.index[in_is & (lo < 0.5) & in_y]) == {"b"}  # shaky typical
    assert set(h.index[~in_is & (hi > 0.5) & in_y]) == {"d"}  # possible typical
    assert set(h.index[~in_is & (hi < 0.5) & in_y]) == {"e"}  # extreme deviant coverage
    assert ex14.q4(sorted(robust_typical)).status == "correct"
    assert ex14.q4(["a", "b", "i"]).status == "partly"


def test_ex14_model_answer_states_what_the_protocol_gives():
    from qcakit.exercises import ex14
    r = ex14.protocol()
    assert (r.tests["models"] == 1).all()  # no test depends on the order of models
    assert len(r.tests) == 6 and ex14._same_as_initial(r) == 2
    assert (r.tests["solution"] == r.initial["solution"]).sum() == 2  # the notebook's way
    f = {k: round(v, 2) for k, v in r.fit.items()}
    assert f == {"RF_cov": 0.65, "RF_cons": 1.0, "RF_SC_minTS": 0.66, "RF_SC_maxTS": 0.73}
    classes = r.cases["class"]
    assert set(classes.index[classes == "robust typical"]) == {
        "Xiaoshan district, Hangzhou", "Dongyang county", "Shimian model (Internet+)"}
    shaky = set(classes.index[classes == "shaky typical"])
    assert shaky == {"L district, Linchang", "Shanglin county, Nanning"}
    covered = r.cases["IS"] > 0.5
    assert (r.cases.loc[covered, "IS"] == 0.501).all()  # every covered alliance at 0.501
    # q5's message: each shaky case is the only case of one path of the initial solution
    raw = qcakit.datasets.load(ex14.xu2024.DATASET)
    sets = pd.DataFrame({c: f(raw[c], 0.0) if callable(f) else None for c, f in
                         ex14.xu2024.robustness_calibration().items() if callable(f)})
    sets["INFO"] = raw["INFO"].astype(float)
    only = set()
    for term in r.initial["solution"].split(" + "):
        members = qcakit.membership(sets, term)
        if (members > 0.5).sum() == 1:
            only.add(members.idxmax())
    assert shaky <= only
    for text in (ex14.MODEL_Q7, _source("ex14").read_text(encoding="utf-8")):
        assert "RF_cov 0.65" in text and "RF_cons 1.00" in text and "0.73" in text


def test_ex11_task6_count_by_brute_force():
    """Pairs of literals of different conditions on the Xu calibration, in numpy: consistency
    >= 0.9 and coverage >= 0.6 as a disjunction, the conjunction failing, and no literal that
    passes on its own (superSubset's minimality: ORG passes, so no 'ORG + X' is reported)."""
    from qcakit.exercises import ex11
    data = _xu.calibrated()
    y = data[_xu.OUTCOME].to_numpy()
    lits = {}
    for c in _xu.CONDITIONS:
        lits[c], lits["~" + c] = data[c].to_numpy(), 1 - data[c].to_numpy()

    def passes(x, cov_cut=0.6):
        both = np.minimum(x, y)
        return both.sum() / y.sum() >= 0.9 - 1e-9 and both.sum() / x.sum() >= cov_cut - 1e-9

    alone = {name for name, x in lits.items() if passes(x)}
    assert alone == {"ORG"}
    counts = []
    for cov_cut in (0.6, 0):
        n = 0
        for (p, xp), (q, xq) in itertools.combinations(lits.items(), 2):
            if p.lstrip("~") == q.lstrip("~") or {p, q} & alone:
                continue
            if passes(np.maximum(xp, xq), cov_cut) and not passes(np.minimum(xp, xq), cov_cut):
                n += 1
        counts.append(n)
    assert counts == [3, 18]
    assert ex11.q6(3).status == "correct" and "coverage cut to 0" in ex11.q6(18).message


def test_ex12_lipset_references_agree_with_r():
    """Exercise 12's Lipset numbers against a run of R QCA 3.25.1 and SetMethods 4.0
    (tests/data/reference/esa_r_qca.json): findRows(type = 2), the simplifying assumptions of
    both parsimonious solutions, esa(nec_cond = c("LIT", "STB")) and the solutions the named
    mistakes of task 6 stand for."""
    from qcakit.exercises import ex12
    ref = json.loads((ROOT / "tests" / "data" / "reference" / "esa_r_qca.json")
                     .read_text(encoding="utf-8"))["lipset"]
    out, neg = ref["outcome"], ref["negated_outcome"]
    type2 = out["findRows"]["type2"]["rows"]
    for_y = out["parsimonious"]["simplifying_assumptions_M1"]
    for_not_y = neg["parsimonious"]["simplifying_assumptions_M1"]
    (nec,) = [e for e in out["esa"] if e["name"] == "nec_cond"]
    counts = ex12._lipset_counts()
    assert counts["contradictory"] == len(type2) == len(set(for_y) & set(for_not_y)) == 8
    assert (counts["for SURV"], counts["for ~SURV"]) == (len(for_y), len(for_not_y)) == (12, 18)
    assert counts["union"] == len(set(for_y) | set(for_not_y))
    tt = ex12.lipset_tt()
    assert qcakit.esa(tt, necessary=ex12.NECESSARY).rows == nec["rows_set_to_0"]
    assert ex12._esa_counts()["task"] == len(set(nec["rows_set_to_0"]) | set(type2)) == 21
    solutions = ex12._lipset_solutions()
    assert solutions["necessity only"].expressions == nec["parsimonious"]["solutions"]
    assert solutions["contradictory only"].expressions == \
        out["parsimonious_exclude_CSA"]["solutions"]
    assert solutions["no ESA"].expressions == out["parsimonious"]["solutions"]
    assert solutions["complex"].expressions == out["conservative"]["solutions"]
    assert solutions["task"].expressions == out["intermediate_all_present"]["solutions"]
