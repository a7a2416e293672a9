"""The Chinese edition runs the same analysis as the English one (issue 25).

Every notebook in ``notebooks/``, ``exercises/`` (student versions) and ``exercises/source/`` has
a twin: ``notebooks/zh/<same name>``, ``exercises/zh/<same name>``, ``exercises/zh/source/<same
name>``. A twin is a translation, kept in step by this test:

- **Same code.** Its code cells are the English ones, cell by cell, once comments (written in
  Chinese) and the language switch are left out. The switch is ``qcakit.set_language("zh")`` once
  in the first code cell, after ``import qcakit`` (lesson 30, which has a ``LANGUAGE`` setting,
  sets ``LANGUAGE = "zh"`` instead). So every assert of an English notebook guards its twin too.
- **Same sections.** The same cells in the same order: the Markdown cells are one-for-one
  translations, with the same heading levels and, in exercise sources, the same solution markers
  and nbgrader metadata. A translator cannot drop or merge a section, and a cell of one edition
  always has its counterpart in the other (so scripts/zh_sync.py can carry code changes over).
- **Translated and current.** No cell still marked 待翻译 (to translate) or 待核对 (to check), and
  no Markdown whose English changed since it was translated (each Chinese Markdown cell records a
  fingerprint of the English it translates).
- **Complete.** Every English notebook has its twin, and no twin lacks an original. This is
  strict: while the translation is under way, the first test fails and lists what is missing,
  with the command that starts each twin. The Chinese edition is merged when the list is empty.

The comparison rules live in scripts/zh_sync.py (which also creates and updates twins); the unit
tests at the end check them on small notebooks written here.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]


def _load_sync():
    spec = importlib.util.spec_from_file_location("zh_sync", ROOT / "scripts" / "zh_sync.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sync = _load_sync()
def _twins():
    for en, zh in sync.pairs():
        if zh.exists():
            yield pytest.param(en, zh, id=str(zh.relative_to(ROOT)))


TWINS = list(_twins())
IDS = None  # the params carry their ids


def _read(path: Path):
    return nbformat.read(path, as_version=4)


# --------------------------------------------------------------------------- the edition

def test_every_notebook_has_a_chinese_twin():
    missing = sync.missing()
    assert not missing, (
        f"{len(missing)} of {len(sync.pairs())} English notebooks have no Chinese twin yet "
        "(docs/translating.md, section Notebooks):\n  " + "\n  ".join(missing))


def test_every_chinese_notebook_has_an_english_original():
    assert sync.orphans() == [], "rename or remove them: a twin has its original's file name"


@pytest.mark.parametrize("en, zh", TWINS)
def test_twin_has_the_same_code_and_sections(en, zh):
    problems = sync.problems(_read(en), _read(zh), str(zh.relative_to(ROOT)))
    assert not problems, "\n".join(problems) + \
        f"\nFix the translation, or run: python scripts/zh_sync.py {zh.relative_to(ROOT)}"


@pytest.mark.parametrize("en, zh", TWINS, ids=IDS)
def test_twin_switches_the_language_once_in_its_first_code_cell(en, zh):
    assert sync.switch_problems(_read(zh), str(zh.relative_to(ROOT))) == []


@pytest.mark.parametrize("en, zh", TWINS, ids=IDS)
def test_twin_is_translated_and_current(en, zh):
    english, chinese = _read(en), _read(zh)
    assert sync.untranslated(chinese) == [], "cells still marked 待翻译/待核对"
    assert sync.changed_english(english, chinese) == [], (
        "the English of these Markdown cells changed since they were translated: run "
        f"python scripts/zh_sync.py {zh.relative_to(ROOT)} (marks them 待核对), then update them")


@pytest.mark.parametrize("en", [en for en, _ in sync.pairs()],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_english_notebooks_do_not_switch_to_chinese(en):
    for cell in sync.code_cells(_read(en)):
        assert sync.SWITCH not in sync.switches(cell.source)
        assert 'LANGUAGE = "zh"' not in sync.switches(cell.source)


# --------------------------------------------------------------------------- the rules, on small notebooks

def _nb(*cells):
    return new_notebook(cells=[new_code_cell(c[5:]) if c.startswith("code:") else
                               new_markdown_cell(c) for c in cells])


EN = _nb("# Title\n\nIntro.", "code:import qcakit\nx = qcakit.datasets.load('lipset_fuzzy')",
         "## Task 1", "code:answer = ...  # a number\n### BEGIN SOLUTION\nanswer = 0.5\n"
         "### END SOLUTION", "code:print('# not a comment')")
ZH = _nb("# 标题\n\n引言。", "code:import qcakit\nqcakit.set_language(\"zh\")  # 中文\n"
         "x = qcakit.datasets.load('lipset_fuzzy')", "## 任务 1",
         "code:answer = ...  # 一个数\n### BEGIN SOLUTION\nanswer = 0.5  # 参考\n### END SOLUTION",
         "code:print('# not a comment')  # 注释")


def _changed(nb, index, source):
    out = nbformat.reads(nbformat.writes(nb), as_version=4)
    out.cells[index].source = source
    return out


def test_chinese_comments_and_the_switch_are_allowed():
    assert sync.problems(EN, ZH) == []
    assert sync.switch_problems(ZH) == []


@pytest.mark.parametrize("index, source, expected", [
    (4, "print('# 不是注释')", "code cell 3 differs"),              # a string is code
    (3, "answer = ...\nanswer = 0.5", "code cell 2 differs"),       # solution markers count
    (1, 'import qcakit\nqcakit.set_language("zh")\nx = 1', "code cell 1 differs"),
    (0, "标题\n\n引言。", "heading levels [], the English has [1]"),
    (2, "### 任务 1", "heading levels [3], the English has [2]"),
])
def test_a_change_to_the_code_or_the_sections_is_found(index, source, expected):
    found = "\n".join(sync.problems(EN, _changed(ZH, index, source)))
    assert expected in found


def test_a_dropped_or_added_cell_is_found():
    dropped = _nb("# 标题", *[c.source if c.cell_type == "markdown" else "code:" + c.source
                              for c in ZH.cells[1:2] + ZH.cells[3:]])
    assert "not the English ones in the same order" in "\n".join(sync.problems(EN, dropped))
    added = nbformat.reads(nbformat.writes(ZH), as_version=4)
    added.cells.append(new_markdown_cell("多出来的说明。"))
    assert "Chinese 3 code + 3 Markdown" in "\n".join(sync.problems(EN, added))


def test_solution_markers_and_nbgrader_metadata_must_match():
    en = _nb("Why?\n<!-- BEGIN SOLUTION -->\nBecause.\n<!-- END SOLUTION -->")
    zh = _nb("为什么？\n因为。")
    assert "solution markers [], the English has" in sync.problems(en, zh)[0]
    en.cells[0].metadata["nbgrader"] = {"grade_id": "q1_written", "points": 1}
    zh.cells[0].source = "为什么？\n<!-- BEGIN SOLUTION -->\n因为。\n<!-- END SOLUTION -->"
    assert sync.problems(en, zh) == ["twin, cell 1: nbgrader metadata or tags differ from the "
                                     "English"]


@pytest.mark.parametrize("first, expected", [
    ("import qcakit\nx = 1", "it has none"),
    ('qcakit.set_language("zh")\nimport qcakit', "comes before import qcakit"),
    ('import qcakit\nqcakit.set_language("zh")\nqcakit.set_language("zh")', "once"),
    ('import qcakit\nqcakit.set_language("en")', "it has none"),
])
def test_the_switch_is_checked(first, expected):
    assert expected in "\n".join(sync.switch_problems(_nb("code:" + first)))


def test_a_language_setting_is_a_switch_too():
    en = _nb('code:LANGUAGE = "en"  # the kit\'s language\nDATA = None')
    zh = _nb('code:LANGUAGE = "zh"  # 工具包的语言\nDATA = None')
    assert sync.problems(en, zh) == [] and sync.switch_problems(zh) == []
    assert sync.add_switch(en.cells[0].source).startswith('LANGUAGE = "zh"')


def test_later_switches_are_refused():
    zh = _nb("code:import qcakit\nqcakit.set_language('zh')", "code:qcakit.set_language('zh')")
    assert sync.switch_problems(zh) == ["twin: code cell 2 switches the language again"]


# --------------------------------------------------------------------------- zh_sync

def test_the_examples_in_zh_sync_hold():
    import doctest
    result = doctest.testmod(sync)
    assert result.attempted >= 4 and result.failed == 0


def test_a_skeleton_is_in_step_and_marked_to_translate():
    zh = sync.skeleton(EN)
    assert sync.problems(EN, zh) == [] and sync.switch_problems(zh) == []
    assert sync.untranslated(zh) == [1, 3]
    assert zh.cells[0].source.startswith(sync.TO_TRANSLATE) and "# Title" in zh.cells[0].source
    assert 'import qcakit\nqcakit.set_language("zh")' in zh.cells[1].source


def test_skeleton_adds_the_import_a_first_cell_lacks():
    en = _nb("code:from qcakit import datasets\n\ndata = datasets.load('lipset_fuzzy')")
    zh = sync.skeleton(en)
    assert zh.cells[0].source.startswith("from qcakit import datasets\nimport qcakit\n"
                                         'qcakit.set_language("zh")')
    assert sync.problems(en, zh) == [] and sync.switch_problems(zh) == []


def test_sync_carries_a_code_change_over_and_keeps_the_rest():
    zh = sync.skeleton(EN)
    for i in (0, 2):
        zh.cells[i].source = ZH.cells[i].source  # translated
    zh.cells[4].source = ZH.cells[4].source      # with a Chinese comment
    en = _changed(EN, 3, "answer = ...  # a number\n### BEGIN SOLUTION\nanswer = 0.25\n"
                         "### END SOLUTION")
    new, notes = sync.sync(en, zh)
    assert notes == ["cell 4: code replaced by the English (redo its comments)"]
    assert new.cells[3].source == en.cells[3].source
    assert new.cells[4].source == ZH.cells[4].source and new.cells[0].source == "# 标题\n\n引言。"
    assert sync.problems(en, new) == [] and sync.untranslated(new) == []


def test_sync_marks_translations_whose_english_changed():
    zh = sync.skeleton(EN)
    zh.cells[0].source, zh.cells[2].source = "# 标题\n\n引言。", "## 任务 1"
    en = _changed(EN, 2, "## Task 1: the first task")
    assert sync.changed_english(en, zh) == [3]
    new, notes = sync.sync(en, zh)
    assert notes == ["cell 3: the English text changed, marked 待核对"]
    assert sync.untranslated(new) == [3] and sync.changed_english(en, new) == []
    assert new.cells[2].source == sync.TO_CHECK + "\n\n## 任务 1"
    rewrapped = _changed(EN, 0, "# Title\n\nIntro.\n")  # new lines only: not a change
    assert sync.changed_english(rewrapped, zh) == []


def test_sync_follows_added_and_removed_cells():
    zh = sync.skeleton(EN)
    zh.cells[2].source = "## 任务 1"
    en = nbformat.reads(nbformat.writes(EN), as_version=4)
    en.cells.insert(2, new_code_cell("y = x.mean()"))
    del en.cells[4]  # the answer cell
    new, notes = sync.sync(en, zh)
    assert [c.cell_type for c in new.cells] == [c.cell_type for c in en.cells]
    assert new.cells[2].source == "y = x.mean()" and new.cells[3].source == "## 任务 1"
    assert notes == ["removed cell 4 (code): the English no longer has it",
                     "cell 3: new code cell copied from the English"]
    assert sync.problems(en, new) == []


def test_check_lists_nothing_for_a_complete_pair_of_files(tmp_path, monkeypatch):
    (tmp_path / "notebooks" / "zh").mkdir(parents=True)
    zh = nbformat.reads(nbformat.writes(ZH), as_version=4)
    for cell in zh.cells:
        if cell.cell_type == "markdown":
            cell.metadata["zh_sync"] = {"en": "0" * 12}  # translated from an older English
    nbformat.write(EN, tmp_path / "notebooks" / "a.ipynb")
    nbformat.write(zh, tmp_path / "notebooks" / "zh" / "a.ipynb")
    nbformat.write(EN, tmp_path / "notebooks" / "b.ipynb")
    monkeypatch.setattr(sync, "ROOT", tmp_path)
    monkeypatch.setattr(sync, "TRANSLATED", (("notebooks", "notebooks/zh"),))
    monkeypatch.setattr(sync, "GENERATED", ())
    assert sync.check() == [
        "missing: notebooks/zh/b.ipynb (translation of notebooks/b.ipynb; start with: "
        "python scripts/zh_sync.py --new notebooks/b.ipynb)",
        "notebooks/zh/a.ipynb: the English of Markdown cells 1, 3 changed since translation "
        "(run python scripts/zh_sync.py to mark them 待核对)"]
    assert sync.main(["--check"]) == 1
