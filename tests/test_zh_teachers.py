"""scripts/zh_teachers.py, which keeps the Chinese teachers' guide in step with the checks.

The guide itself is checked where the English one is (tests/test_exercise_answers.py: the
graded values; tests/test_exercise_wrong_answers.py: the rubrics; tests/test_nbgrader.py: the
nbgrader configuration). Here: the script's rules, on a guide edited in memory, so each kind of
drift is shown to be caught.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("zh_teachers", ROOT / "scripts" / "zh_teachers.py")
zh_teachers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(zh_teachers)


@pytest.fixture(scope="module")
def guide() -> str:
    text = zh_teachers.GUIDE.read_text(encoding="utf-8")
    assert zh_teachers.problems(text) == []
    return text


def _fingerprint(text: str, task: str) -> str:
    return next(m.group(3) for m in zh_teachers.FINGERPRINT.finditer(text)
                if f"{m.group(1)}.{m.group(2)}" == task)


def test_a_changed_number_in_the_table_is_caught_and_sync_rewrites_it(guide):
    edited = guide.replace("| `ex03.q1` | 0.9583 |", "| `ex03.q1` | 0.9584 |")
    assert edited != guide
    assert zh_teachers.problems(edited) == [
        "the table of graded values is out of step: run python scripts/zh_teachers.py"]
    assert zh_teachers.sync(edited) == guide


def test_a_mistake_without_a_chinese_name_is_named(monkeypatch):
    monkeypatch.delitem(zh_teachers.MISTAKES, "product")
    with pytest.raises(KeyError, match="'product'.*add it to MISTAKES"):
        zh_teachers.graded_values_markdown_zh()


def test_a_changed_english_rubric_is_marked_to_check(guide, monkeypatch):
    tasks = zh_teachers.self_assessed()
    model, rubric = tasks["ex13", "q7"]
    tasks["ex13", "q7"] = (model, rubric[:-1] + ("It names the cases it would compare.",))
    monkeypatch.setattr(zh_teachers, "self_assessed", lambda: tasks)
    assert zh_teachers.problems(guide) == [
        "ex13.q7: the English model answer or rubric changed since it was translated: run "
        "python scripts/zh_teachers.py, then update the translation and delete the 待核对 line"]
    synced = zh_teachers.sync(guide)
    assert zh_teachers.TO_CHECK in synced and _fingerprint(synced, "ex13.q7") == \
        zh_teachers.fingerprint(*tasks["ex13", "q7"])
    assert zh_teachers.problems(synced) == ["ex13.q7: still marked 待核对 or 待翻译"]
    assert zh_teachers.sync(synced) == synced  # marked once
    unmarked = synced.replace(zh_teachers.TO_CHECK + "\n\n", "")
    assert zh_teachers.problems(unmarked) == []


def test_a_rubric_point_too_many_or_a_task_missing_is_caught(guide):
    dropped = guide.replace("\n3. 说明了每一组比较为什么有信息量", "\n说明了每一组比较为什么有信息量")
    assert zh_teachers.problems(dropped) == [
        "ex13.q7: rubric points numbered [1, 2]; the English has 3"]
    start = guide.index("**`ex02` 任务 7")
    end = guide.index("-->", guide.index("<!-- en: ex02.q7")) + 3
    (problem,) = zh_teachers.problems(guide[:start] + guide[end:])
    assert problem.startswith("ex02.q7: no translated model answer and rubric")


def test_the_guide_must_quote_the_catalogs_translation(guide, monkeypatch):
    model, _ = zh_teachers.self_assessed()["ex14", "q7"]
    monkeypatch.setattr(zh_teachers, "catalog_translations",
                        lambda texts: {model: "目录中的另一种译法。"} if model in texts else {})
    (problem,) = zh_teachers.problems(guide)
    assert problem.startswith("ex14.q7: the catalog translates 'Under six test settings")


def test_catalog_translations_are_read_from_the_compiled_catalog():
    assert zh_teachers.catalog_translations(["Configuration chart", "no such text"]) == \
        {"Configuration chart": "组态图"}


def test_the_scripts_doctests_run():
    import doctest
    result = doctest.testmod(zh_teachers)
    assert result.attempted >= 2 and result.failed == 0
