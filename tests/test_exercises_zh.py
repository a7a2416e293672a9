"""The Chinese exercises (exercises/zh/): generated like the English ones, and every check says so.

- The sources are exercises/zh/source/exNN_*.ipynb (translations, kept in step with the English
  sources by tests/test_zh_in_step.py); the student versions exercises/zh/exNN_*.ipynb are what
  scripts/make_exercises.py makes from them (tests/test_exercises.py checks both languages with
  ``gen.stale()``), with a Chinese answer prompt.
- Every solution version passes every check ("correct"; a written task graded by hand:
  "self-assessed"), in process and top to bottom in a Jupyter kernel, with the same verdicts as
  the English solution; every student version runs with every task "not answered yet".
- The checks' feedback is still English (a later pass translates it); the verdicts are the same.
"""
from __future__ import annotations

import importlib.util
import json
import warnings
from pathlib import Path

import nbformat
import pytest

from qcakit.exercises import _feedback, questions

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "exercises" / "zh" / "source"
STUDENTS = ROOT / "exercises" / "zh"
ZH_SOURCES = sorted(SOURCES.glob("ex*.ipynb"))


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_exercises",
                                                  ROOT / "scripts" / "make_exercises.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _exercise(path: Path) -> str:
    return path.name[:4]


def expected_statuses(source: Path) -> list[tuple[str, str]]:
    """(question, status) the worked solution must get, read from the nbgrader markup: a code
    answer graded by hand (a written task) is "self-assessed", every other one "correct"."""
    by_hand = {c.metadata.nbgrader["grade_id"] for c in nbformat.read(source, as_version=4).cells
               if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")
               and c.metadata.nbgrader.get("solution")}
    return [(q, "self-assessed" if q in by_hand else "correct")
            for q in questions(_exercise(source))]


def _run(nb) -> list:
    """Execute the code cells in a fresh namespace; return the feedback given."""
    start = len(_feedback.LOG)
    namespace: dict = {"__name__": "__main__"}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                exec(compile(cell.source, f"<cell {i + 1}>", "exec"), namespace)
    return _feedback.LOG[start:]


def test_the_chinese_exercises_translated_so_far():
    """The exercises of this pass; the others come with their translators (the strict list of
    what is missing is tests/test_zh_in_step.py::test_every_notebook_has_a_chinese_twin)."""
    names = {_exercise(p) for p in ZH_SOURCES}
    assert {"ex01", "ex03", "ex04", "ex05", "ex06", "ex07", "ex11", "ex12", "ex13", "ex14"} <= names
    assert sorted(p.name for p in STUDENTS.glob("ex*.ipynb")) == [p.name for p in ZH_SOURCES]


@pytest.mark.parametrize("path", ZH_SOURCES + sorted(STUDENTS.glob("ex*.ipynb")),
                         ids=lambda p: str(p.relative_to(STUDENTS)))
def test_notebooks_are_committed_without_outputs_and_teach_in_chinese(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert "widgets" not in nb.metadata
    assert nb.cells[0].source.startswith("# 练习 ") and "**学习目标。**" in nb.cells[0].source
    assert nb.cells[-1].source.startswith("## 小结")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for english in ("Learning goals", "## Task", "## Recap", "Your answer", "Model answer"):
        assert english not in markdown


@pytest.mark.parametrize("source", ZH_SOURCES, ids=lambda p: p.name)
def test_student_versions_hold_no_solution_and_prompt_in_chinese(source):
    text = (STUDENTS / source.name).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
    # the label of a model answer (prose may name one: "the check shows a 参考答案")
    assert "**参考答案" not in text and "Model answer" not in text
    written = sum(c.source.count("<!-- BEGIN SOLUTION -->")
                  for c in nbformat.read(source, as_version=4).cells if c.cell_type == "markdown")
    student = nbformat.read(STUDENTS / source.name, as_version=4)
    prompts = [c for c in student.cells if c.cell_type == "markdown"
               and gen.ANSWER_PROMPTS["zh"] in c.source]
    assert len(prompts) == written
    assert student.metadata["qcakit"]["generated_from"] == f"exercises/zh/source/{source.name}"
    assert all("zh_sync" not in c.metadata for c in student.cells)


@pytest.mark.parametrize("source", ZH_SOURCES, ids=lambda p: p.name)
def test_solution_version_passes_every_check_as_the_english_does(source):
    zh = gen.solution_version(nbformat.read(source, as_version=4), source.name, "zh")
    english_source = ROOT / "exercises" / "source" / source.name
    en = gen.solution_version(nbformat.read(english_source, as_version=4), source.name)
    got = [(fb.question, fb.status) for fb in _run(zh)]
    assert got == expected_statuses(source)
    assert got == [(fb.question, fb.status) for fb in _run(en)]


@pytest.mark.parametrize("source", ZH_SOURCES, ids=lambda p: p.name)
def test_student_version_runs_with_every_task_unanswered(source):
    results = _run(nbformat.read(STUDENTS / source.name, as_version=4))
    assert [fb.question for fb in results] == questions(_exercise(source))
    assert {fb.status for fb in results} == {"unanswered"}


@pytest.fixture(scope="module")
def solution_dir(tmp_path_factory):
    """The Chinese solution versions, as a teacher writes them."""
    out = tmp_path_factory.mktemp("solutions_zh")
    assert gen.main(["--solutions", str(out), "--lang", "zh"]) == 0
    return out


def test_solutions_command_writes_the_chinese_solutions(solution_dir):
    assert sorted(p.name for p in solution_dir.glob("*.ipynb")) == [p.name for p in ZH_SOURCES]
    text = (solution_dir / "ex03_necessity.ipynb").read_text(encoding="utf-8")
    assert "参考答案" in text and "BEGIN SOLUTION" not in text and "# 参考解答：" in text
    assert '"version": "solution"' in text and "exercises/zh/source/ex03" in text


@pytest.mark.parametrize("source", ZH_SOURCES, ids=lambda p: p.name)
def test_solution_notebook_passes_every_check_in_a_kernel(source, solution_dir, tmp_path,
                                                           monkeypatch):
    """Top to bottom in a fresh Jupyter kernel, as a teacher would: every check "correct", and
    no word of the kit left without its Chinese translation."""
    nbclient = pytest.importorskip("nbclient")
    log = tmp_path / "feedback.jsonl"
    monkeypatch.setenv(_feedback.LOG_ENV, str(log))
    nb = nbformat.read(solution_dir / source.name, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    got = [(r["exercise"], r["question"], r["status"]) for r in records]
    assert got == [(_exercise(source), q, s) for q, s in expected_statuses(source)], \
        [r["message"] for r in records if r["status"] != "correct"]
    stderr = [o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.get("name") == "stderr"]
    assert not any("MissingTranslationWarning" in text for text in stderr), stderr


def test_nbval_runs_the_chinese_student_versions_not_the_sources():
    namespace: dict = {}
    exec((STUDENTS / "conftest.py").read_text(encoding="utf-8"), namespace)
    assert namespace["collect_ignore"] == ["source"]


# --------------------------------------------------------------------------- the generator

def test_split_cell_prompts_in_the_notebook_s_language():
    md = "问题\n<!-- BEGIN SOLUTION -->\n**参考答案。** 是。\n<!-- END SOLUTION -->"
    assert gen.split_cell(md, "markdown", lang="zh") == (
        "问题\n**你的答案：** *（双击此单元格，在这里写下你的答案）*", "问题\n**参考答案。** 是。")
    code = "answer = ...  # 一个数\n### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION"
    assert gen.split_cell(code, "code", lang="zh")[1] == \
        "answer = ...  # 一个数\n# 参考解答：\nanswer = 1"
    assert gen.split_cell(md, "markdown")[0].endswith(gen.ANSWER_PROMPTS["en"])


def test_stale_checks_the_chinese_student_versions(tmp_path, monkeypatch):
    for path in STUDENTS.glob("ex*.ipynb"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    edited = tmp_path / "ex01_memberships.ipynb"
    edited.write_text(edited.read_text(encoding="utf-8").replace("任务 1", "任务一"),
                      encoding="utf-8")
    (tmp_path / "ex04_sufficiency_pri.ipynb").unlink()
    (tmp_path / "ex99_orphan.ipynb").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(gen, "ZH_STUDENT_DIR", tmp_path)
    assert gen.stale() == ["exercises/zh/ex01_memberships.ipynb differs from its source",
                           "missing student version exercises/zh/ex04_sufficiency_pri.ipynb",
                           "exercises/zh/ex99_orphan.ipynb has no source in exercises/zh/source/"]


def test_a_language_without_a_folder_is_refused(capsys):
    with pytest.raises(SystemExit):
        gen.main(["--lang", "zh"])
    assert "--lang goes with --solutions DIR or --students DIR" in capsys.readouterr().err
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        gen.folders("fr")


def test_students_command_writes_the_chinese_student_versions(tmp_path):
    assert gen.main(["--students", str(tmp_path), "--lang", "zh"]) == 0
    for path in tmp_path.glob("*.ipynb"):
        assert path.read_bytes() == (STUDENTS / path.name).read_bytes()
    assert len(list(tmp_path.glob("*.ipynb"))) == len(ZH_SOURCES)
