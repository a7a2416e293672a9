"""Exercise feedback in Chinese: under ``qcakit.set_language("zh")`` a learner reads Chinese.

Every check of every exercise is run under "zh" with the answers the
other exercise tests use: the reference answer of the solution notebook, every generated and
hand-picked wrong answer, and the value of every named mistake of a graded task. Each feedback
must give the same verdict as in English (the language changes words, never a grade), and its
message, hint and details must be Chinese: Chinese characters present, and no English left once
the data (names of cases and conditions), code and quoted answers are taken out (see
:func:`english_left`). A message without a translation fails the run too (pytest turns the
``MissingTranslationWarning`` into an error). The English feedback is tested, unchanged, by
tests/test_exercise_answers.py, test_exercise_wrong_answers.py and test_exercises.py.
"""
from __future__ import annotations

import importlib
import re

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit.exercises import EXERCISES, _answers, _feedback, progress, questions
from qcakit.exercises._verdicts import _length_note
from qcakit.i18n import language

from test_exercise_wrong_answers import SELF_ASSESSED, references, wrong_answers

#: Exercises whose words are translated: all of them.
TRANSLATED = list(EXERCISES)
ALL = [(e, q) for e in TRANSLATED for q in questions(e)]

CJK = re.compile(r"[\u4e00-\u9fff]")
#: Latin words a Chinese text keeps: names of software, functions and objects, abbreviations
#: of the methods, Python's values, and the logical operators as the lessons write them.
KEPT = {"pandas", "numpy", "Series", "DataFrame", "Index", "Python", "Excel", "QUARTILE.INC",
        "QUARTILE.EXC", "True", "False", "NaN", "None", "PRI", "RoN", "SUIN", "ESA", "QCA",
        "fsQCA", "SetMethods", "R", "AND", "OR", "NOT", "nbgrader", "idm", "log", "odds"}


def _data_names() -> list:
    """Labels of the cases and columns of the bundled data the exercises use (data, never
    translated), longest first."""
    names = set()
    for dataset in ("lipset_fuzzy", "xu2024_county_alliance"):
        data = qcakit.datasets.load(dataset)
        names |= {str(i) for i in data.index} | {str(c) for c in data.columns}
    return sorted(names, key=len, reverse=True)


DATA_NAMES = _data_names()


def english_left(text: str) -> list:
    """The English words left in a Chinese ``text``: runs of two or more lowercase Latin words
    once quoted text ('...', "...", `...`), code (a word with brackets, dots, operators or
    digits), names from the data and the words of :data:`KEPT` are taken out.

    >>> english_left("你给出的是文本 'abc'，但本题要求一个数。")
    []
    >>> english_left("正确：Shanglin county, Nanning 的隶属度是 sum(min(X, Y)) / sum(X)。")
    []
    >>> english_left("还不完全对：you summed only over the cases with Y above 0.5.")
    ['you summed only over the cases with']
    """
    for name in DATA_NAMES:
        text = text.replace(name, " ")
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", " ", text)
    words = [w for w in re.split(r"[\s,;:!?，。；：！？、（）“”]+", text) if w]
    runs, run = [], []
    for word in words + [""]:
        if re.fullmatch(r"[a-z][a-z\-']+", word) and word not in KEPT:
            run.append(word)
            continue
        if len(run) >= 2:
            runs.append(" ".join(run))
        run = []
    return runs


def assert_chinese(fb, context) -> None:
    for part in [fb.message, fb.hint, *fb.details]:
        if not part:
            continue
        if fb.status == "error":  # Python's own exception text, quoted as it is
            part = re.sub(r"（\w+: .*）", "（…）", part)
        assert CJK.search(part), (context, part)
        assert not english_left(part), (context, part, english_left(part))


def _answers_of(exercise: str, question: str) -> list:
    """The reference answer, the wrong answers and the named mistakes' values of a question."""
    refs = references(exercise)
    answers = [refs[question]] if question in refs else []
    answers += list(wrong_answers(exercise, question))
    make = _feedback.TARGETS.get((exercise, question))
    if make is not None:
        answers += [m.value for m in make().mistakes]
    return answers + [..., ["...", 1], "x", 1.5]


def _check(exercise, question):
    return getattr(importlib.import_module(f"qcakit.exercises.{exercise}"), question)


@pytest.mark.parametrize("exercise, question", ALL, ids=[f"{e}.{q}" for e, q in ALL])
def test_every_feedback_is_chinese_with_the_english_verdict(exercise, question):
    check = _check(exercise, question)
    for answer in _answers_of(exercise, question):
        english = check(answer)
        with language("zh"):
            chinese = check(answer)
        assert chinese.status == english.status, (answer, english, chinese)
        assert_chinese(chinese, (exercise, question, english.message))
        assert len(chinese.details) == len(english.details)
        assert bool(chinese.hint) == bool(english.hint), (english, chinese)


@pytest.mark.parametrize("exercise, question", ALL, ids=[f"{e}.{q}" for e, q in ALL])
def test_the_form_every_task_expects_is_said_in_chinese(exercise, question):
    reader = _check(exercise, question).reader
    english = reader.expects
    with language("zh"):
        chinese = reader.expects
    assert CJK.search(chinese) or isinstance(reader, _answers.Word), chinese
    assert not english_left(chinese), chinese
    assert reader.expects == english  # and English again after the block


def test_the_box_the_learner_sees_is_chinese():
    from qcakit.exercises import ex01, ex03

    with language("zh"):
        wrong, right = ex01.q2(0.31), ex03.q6("a")
        html, text = wrong._repr_html_(), repr(wrong)
    assert "尚未答对" in html and "<i>提示：</i>" in html and "Not yet" not in html
    assert text.startswith("[尚未答对] ex01.q2: ") and "\n  提示：" in text
    assert right.status == "correct" and right.message.startswith("正确")
    assert wrong.status == "incorrect"  # the code's value stays English
    english = ex01.q2(0.31)
    assert repr(english).startswith("[incorrect] ex01.q2: ") and "Not yet" in \
        english._repr_html_()


def test_an_unanswered_task_and_a_half_filled_one_in_chinese():
    from qcakit.exercises import ex02

    with language("zh"):
        assert ex02.q1(...).message.startswith("尚未作答")
        half = ex02.q6((0.5, ..., 1.8))
    assert half.status == "unanswered" and "只填了一部分" in half.message


def test_progress_shows_chinese_headers_and_status_words_and_keeps_the_log_english():
    from qcakit.exercises import ex01

    ex01.q6("b")
    ex01.q3(0.03)
    with language("zh"):
        table = progress("ex01")
    assert list(table.columns) == ["练习", "题目", "状态"]
    shown = dict(zip(table["题目"], table["状态"]))
    assert shown["q6"] == "正确" and shown["q3"] == "尚未答对"
    assert list(progress("ex01").columns) == ["exercise", "question", "status"]
    assert dict(zip(progress("ex01")["question"], progress("ex01")["status"]))["q3"] == \
        "incorrect"
    assert {fb.status for fb in _feedback.LOG} <= set(_feedback.STATUSES)


@pytest.mark.parametrize("exercise, question", sorted(SELF_ASSESSED))
def test_a_written_answer_gets_the_model_answer_and_rubric_in_chinese(exercise, question):
    module = importlib.import_module(f"qcakit.exercises.{exercise}")
    rubric = getattr(module, f"RUBRIC_{question.upper()}")
    with language("zh"):
        fb = getattr(module, question)("太短。")
    assert fb.status == "self-assessed"
    assert fb.details[0].startswith("参考答案：")
    assert [d.split("：")[0] for d in fb.details[1:]] == \
        [f"评分要点 {i}" for i in range(1, len(rubric) + 1)]
    assert_chinese(fb, (exercise, question))
    assert re.search(r"请修改。你的答案有 2 个字；本题要求至少约 \d+ 个字。$", fb.message), fb.message


def test_a_chinese_text_is_measured_in_characters():
    """Chinese has no spaces: 40 characters are about 20 English words, not one."""
    text = "校准" * 20
    assert len(text) == 40 and len(text.split()) == 1
    assert _length_note(text, 20) == ""
    assert _length_note(text, 25).endswith("has 40 characters; the task asks for at least "
                                           "about 50.")
    mixed = "交叉点 1.25 位于 1.0 和 1.5 之间"  # 8 characters and 3 numbers: 14 characters' worth
    assert _length_note(mixed, 7) == ""
    assert _length_note(mixed, 8).endswith("has 14 characters; the task asks for at least about 16.")
    assert _length_note("one two three", 4) == \
        " Your text has 3 words; the task asks for at least about 4."


def test_the_checker_stumbling_is_said_in_chinese():
    @_feedback.check(_answers.Word(["a", "b"]))
    def fragile(answer):
        return {"a": 1}[answer]

    with language("zh"):
        fb = fragile("b")
    assert fb.status == "error" and "KeyError: 'b'" in fb.message
    assert fb.message.startswith("这个答案中的某些内容使检查程序出错") and "检查程序的缺陷" in fb.hint


def test_english_left_finds_a_forgotten_sentence_but_not_names_or_code():
    assert english_left("这是 Shimian model (Internet+) 的值。") == []
    assert english_left("请写成 ['A', 'B'] 的形式，例如 list(df.index)。") == []
    assert english_left("这是 pandas Series，不是 numpy 数组。") == []
    assert english_left("Not quite：你的值不对。") == []  # one lowercase word: not a sentence
    assert english_left("提示：read the RoN column") == ["read the"]
    assert english_left("提示：在 RoN column of the table 中读取") == ["column of the table"]
