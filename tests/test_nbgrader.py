"""The exercises under nbgrader: generate the student version, autograde right and wrong answers.

A temporary course directory gets the nbgrader configuration printed in exercises/TEACHERS.md
and two exercise sources as one assignment: once in English, and once in Chinese (a second
course, from exercises/zh/source/, configured as exercises/zh/TEACHERS.md prints it: with the
Chinese answer prompt).
``nbgrader generate_assignment`` must produce the same student notebooks as
scripts/make_exercises.py, without solutions and with locked check cells. Two submissions are then autograded by ``nbgrader autograde``: the worked solutions must
score every automatic point, and a copy with some answers changed must lose exactly the points
of the questions changed, with the kit's feedback in the autograded notebook. The written
answers are left to the teacher (manually graded). The checks' own switch to raising under
nbgrader is tested at the end, in-process.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import nbformat
import pytest

from qcakit.exercises import _feedback, questions

nbgrader_api = pytest.importorskip("nbgrader.api")

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "week1"
#: Each language's course: where its sources and the kit's student versions are.
LANGUAGES = {"en": (ROOT / "exercises" / "source", ROOT / "exercises"),
             "zh": (ROOT / "exercises" / "zh" / "source", ROOT / "exercises" / "zh")}
NOTEBOOKS = ("ex01_memberships", "ex05_truth_table")
#: Answers changed in the wrong submission (answer cell grade_id -> new cell source).
WRONG = {
    "ex01_memberships": {"q2": "answer = 0.31", "q6": 'answer = "c"'},
    "ex05_truth_table": {"q3": "answer = 2", "q7": 'answer = ["FR"]'},  # q7: half the cases
}
#: The manually graded written answers of each notebook.
WRITTEN = {"ex01_memberships": {"q5_written"}, "ex05_truth_table": set()}


def _generator():
    spec = importlib.util.spec_from_file_location("make_exercises",
                                                  ROOT / "scripts" / "make_exercises.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _generator()


#: Each course's teachers' guide, which prints its nbgrader configuration.
GUIDES = {"en": ROOT / "exercises" / "TEACHERS.md", "zh": ROOT / "exercises" / "zh" / "TEACHERS.md"}


def _text_stub(lang: str) -> str:
    """The line of nbgrader_config.py that sets the language's answer prompt."""
    return f"c.ClearSolutions.text_stub = {gen.ANSWER_PROMPTS[lang]!r}".replace("'", '"')


def teachers_config(lang: str = "en") -> str:
    """The nbgrader_config.py printed in the teachers' guide of the course's language
    (exercises/TEACHERS.md, exercises/zh/TEACHERS.md: the block naming ClearSolutions), which
    sets that language's answer prompt as nbgrader's text stub."""
    text = GUIDES[lang].read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "ClearSolutions" in b]
    assert _text_stub(lang) in block
    return block


def test_the_chinese_course_is_configured_as_the_english_one_but_for_the_prompt():
    chinese = teachers_config("zh")
    assert chinese != teachers_config("en")
    assert chinese.replace(_text_stub("zh"), _text_stub("en")) == teachers_config("en")


def _nbgrader(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != _feedback.NBGRADER_ENV}
    # nbgrader runs the `alembic` script of its environment, which need not be on PATH
    env["PATH"] = os.pathsep.join([sysconfig.get_path("scripts"), env.get("PATH", "")])
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _submission(release, source, wrong: dict):
    """The release notebook with every answer cell filled in: the solution, or a wrong answer."""
    solutions = {_grade_id(c): gen.split_cell(c.source, c.cell_type)[1] for c in source.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    nb = nbformat.from_dict(release)
    for cell in nb.cells:
        gid = _grade_id(cell)
        if gid in solutions:
            cell.source = wrong.get(gid, solutions[gid])
    return nb


@pytest.fixture(scope="module", params=list(LANGUAGES))
def course(request, tmp_path_factory):
    """(language, course directory) after generate_assignment and autograde of two students."""
    lang = request.param
    root = tmp_path_factory.mktemp(f"course_{lang}")
    (root / "nbgrader_config.py").write_text(
        teachers_config(lang) + f"\nc.CourseDirectory.root = {str(root)!r}\n", encoding="utf-8")
    (root / "source" / ASSIGNMENT).mkdir(parents=True)
    for name in NOTEBOOKS:
        shutil.copy(LANGUAGES[lang][0] / f"{name}.ipynb",
                    root / "source" / ASSIGNMENT / f"{name}.ipynb")
    (root / "students.csv").write_text("id,first_name,last_name\ngood,All,Right\n"
                                       "bad,Some,Wrong\n", encoding="utf-8")
    _nbgrader(root, "db", "student", "import", "students.csv")
    _nbgrader(root, "generate_assignment", ASSIGNMENT)
    for student in ("good", "bad"):
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        for name in NOTEBOOKS:
            release = nbformat.read(root / "release" / ASSIGNMENT / f"{name}.ipynb", as_version=4)
            source = nbformat.read(root / "source" / ASSIGNMENT / f"{name}.ipynb", as_version=4)
            wrong = WRONG[name] if student == "bad" else {}
            nbformat.write(_submission(release, source, wrong), folder / f"{name}.ipynb")
    _nbgrader(root, "autograde", ASSIGNMENT)
    return lang, root


def _scores(root: Path, student: str, notebook: str) -> dict:
    """grade_id -> (automatic score, maximum) of one autograded notebook, from the gradebook."""
    with nbgrader_api.Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(notebook, ASSIGNMENT, student)
        return {g.name: (g.auto_score, g.max_score) for g in nb.grades}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_release_is_the_kits_student_version_with_locked_checks(course, name):
    lang, course = course
    release = nbformat.read(course / "release" / ASSIGNMENT / f"{name}.ipynb", as_version=4)
    ours = nbformat.read(LANGUAGES[lang][1] / f"{name}.ipynb", as_version=4)
    text = nbformat.writes(release)
    assert "BEGIN SOLUTION" not in text and "Model answer" not in text and "**参考答案" not in text
    assert "lf.index[lf" not in text  # a line of a worked solution (ex01 q1, ex05 q7 use it)
    assert [(c.cell_type, c.source.rstrip()) for c in release.cells] == \
        [(c.cell_type, c.source) for c in ours.cells]
    checks = [c for c in release.cells if c.cell_type == "code" and "check.q" in c.source]
    assert [c.source for c in checks] == [f"check.{q}({v})" for q, v in
                                          re.findall(r"check\.(q\d+)\((\w+)\)", text)]
    assert len(checks) == len(questions(name[:4]))
    assert all(c.metadata.nbgrader["locked"] and c.metadata.get("editable") is False
               for c in checks)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_correct_submission_scores_every_automatic_point(course, name):
    scores = _scores(course[1], "good", name)
    checks = {g: s for g, s in scores.items() if g.endswith("_check")}
    assert sorted(checks) == sorted(f"{q}_check" for q in questions(name[:4]))
    assert all(score == top == 1 for score, top in checks.values()), checks
    written = {g: s for g, s in scores.items() if not g.endswith("_check")}
    assert set(written) == WRITTEN[name]
    assert all(score is None for score, _ in written.values())  # left to the teacher


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_wrong_submission_loses_exactly_the_changed_questions(course, name):
    lang, course = course
    scores = _scores(course, "bad", name)
    lost = {g for g, (score, top) in scores.items() if g.endswith("_check") and score != top}
    assert lost == {f"{q}_check" for q in WRONG[name]}
    assert all(scores[g][0] == 0 for g in lost)
    graded = nbformat.read(course / "autograded" / "bad" / ASSIGNMENT / f"{name}.ipynb",
                           as_version=4)
    errors = [o for c in graded.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert [o.ename for o in errors] == ["AssertionError"] * len(WRONG[name])
    ex = name[:4]
    assert [re.match(r"\[(\w+)\] (ex\d\d\.q\d+):", o.evalue).group(2) for o in errors] == \
        [f"{ex}.{q}" for q in WRONG[name]]


def test_checks_raise_under_nbgrader_only_when_not_right(monkeypatch):
    from qcakit.exercises import ex01, ex02
    assert ex01.q6("c").status == "incorrect"  # self-study: feedback, no exception
    monkeypatch.setenv(_feedback.NBGRADER_ENV, "autograde")
    with pytest.raises(AssertionError, match=r"^\[incorrect\] ex01\.q6: "):
        ex01.q6("c")
    with pytest.raises(AssertionError, match=r"\[unanswered\] ex01\.q6: Not answered yet"):
        ex01.q6(...)
    assert ex01.q6("b") is None  # correct: the box is displayed, nothing returned
    assert ex02.q7("Full inclusion at 2 because both items are met.") is None  # self-assessed
    assert [fb.status for fb in _feedback.LOG[-4:]] == ["incorrect", "unanswered", "correct",
                                                        "self-assessed"]


#: Written tasks whose answer is a code cell graded by hand (one point per rubric item).
SELF_ASSESSED = {("ex02", "q7"), ("ex08", "q7"), ("ex10", "q6"), ("ex13", "q7"),
                 ("ex14", "q7")}


@pytest.mark.parametrize("path", sorted((ROOT / "exercises" / "source").glob("ex*.ipynb")),
                         ids=lambda p: p.name)
def test_every_source_pairs_each_answer_with_a_locked_check(path):
    """Every source, not only the two run above: answer cell qN, then test cell qN_check."""
    exercise = path.name[:4]
    cells = nbformat.read(path, as_version=4).cells
    marked = [(c.cell_type, c.metadata.nbgrader, c.source) for c in cells
              if "nbgrader" in c.metadata]
    assert marked[0][1]["grade_id"] == "setup" and marked[0][1]["locked"]
    pairs = [(a, b) for a, b in zip(marked, marked[1:]) if b[2].startswith("check.q")]
    assert [b[1]["grade_id"] for _, b in pairs] == [f"{q}_check" for q in questions(exercise)]
    for (kind, answer, _), (_, test, source) in pairs:
        q = test["grade_id"][:-len("_check")]
        assert kind == "code" and answer["grade_id"] == q and answer["solution"]
        assert re.fullmatch(rf"check\.{q}\(\w+\)", source) and test["locked"]
        if (exercise, q) in SELF_ASSESSED:  # graded by hand: the answer, not the check
            rubric = getattr(importlib.import_module(f"qcakit.exercises.{exercise}"),
                             f"RUBRIC_{q.upper()}")
            assert answer["grade"] and answer["points"] == len(rubric) and not test["grade"]
        else:
            assert not answer["grade"] and test["grade"] and test["points"] == 1
    written = [m for kind, m, _ in marked if kind == "markdown"]
    assert all(m["solution"] and m["grade"] and m["points"] == 1 for m in written)
    assert len({m["grade_id"] for _, m, _ in marked}) == len(marked)


@pytest.mark.parametrize("path", sorted(LANGUAGES["zh"][0].glob("ex*.ipynb")),
                         ids=lambda p: p.name)
def test_every_chinese_source_pairs_each_answer_with_a_locked_check(path):
    """The Chinese sources carry the same nbgrader markup (tests/test_zh_in_step.py also
    compares it cell by cell with the English)."""
    test_every_source_pairs_each_answer_with_a_locked_check(path)
