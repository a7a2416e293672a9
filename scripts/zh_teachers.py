"""Keep the Chinese teachers' guide, exercises/zh/TEACHERS.md, in step with the checks.

Two parts of the English guide (exercises/TEACHERS.md) come from the code, and tests keep them in
step: the table of graded values (``qcakit.exercises.graded_values_markdown()``) and the model
answers and rubrics of the self-assessed tasks (``MODEL_QN`` and ``RUBRIC_QN`` in
``qcakit/exercises/exNN.py``). The Chinese guide carries the same two parts:

- **The graded values**: the same table, generated from ``graded_values()`` with Chinese headers
  and the named mistakes in Chinese (:data:`MISTAKES`). The numbers are those of the English
  table, character for character. This script rewrites the table between the guide's markers.
- **The model answers and rubrics**: translated by hand. Each task's block ends with a
  fingerprint of the English it translates, ``<!-- en: ex13.q7 1a2b3c4d5e6f -->``. When the
  English changes, this script records the new fingerprint and marks the block 待核对 (to
  check); delete the marker once the translation says what the English says. Where the kit's
  message catalog already translates a model answer or a rubric point (the text a Chinese
  learner sees in the check's box), the guide must quote that translation word for word.

``tests/test_exercise_answers.py``, ``tests/test_exercise_wrong_answers.py`` and
``tests/test_nbgrader.py`` check the Chinese guide as they check the English one.

Usage (from the repository root)::

    python scripts/zh_teachers.py           # rewrite the table; mark changed rubrics 待核对
    python scripts/zh_teachers.py --check   # list what is out of step; exit 1 if anything is
"""
from __future__ import annotations

import argparse
import gettext
import hashlib
import importlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "exercises" / "zh" / "TEACHERS.md"
CATALOG = ROOT / "qcakit" / "locale" / "zh" / "LC_MESSAGES" / "qcakit.mo"
#: The table of graded values, between its markers (as in the English guide).
TABLE = re.compile(r"<!-- graded values: begin -->\n(.*?)\n?<!-- graded values: end -->", re.S)
HEADER = ("| 任务 | 参考值 | 小数位数（容差） | 最接近的已命名错误（距离） | 已命名错误数 |\n"
          "|---|---|---|---|---|")
#: The checks' names of the mistakes nearest to a reference (graded_values()), in Chinese.
MISTAKES = {
    "0.5 nudged to 0.501": "把 0.5 微调为 0.501",
    "R's idm=0.95": "R 的 idm=0.95",
    "T + ~S (maximum)": "取最大值的 T + ~S",
    "consistency of the core alone": "只算稳健核心的一致性",
    "coverage of the IS alone": "只算初始解的覆盖度",
    "denominator sum(1 - Y)": "分母用 sum(1 - Y)",
    "for Y": "按 Y 计算",
    "maximum of the raw scores": "原始分数的最大值",
    "mean membership": "隶属度的平均值",
    "mean of per-case ratios": "逐案例比值的平均值",
    "only the cases counted in n": "只算计入 n 的案例",
    "probabilistic OR": "概率“或”",
    "product": "乘积",
    "summed over the condition's cases only (X > 0.5)": "只对 X > 0.5 的案例求和",
    "summed over the outcome's cases only": "只对属于结果的案例求和",
    "the PRI for not-SURV": "not-SURV 的 PRI",
    "the consistency for SURV": "SURV 的一致性",
}
#: A self-assessed task's fingerprint line: exercise, question, hash of the English.
FINGERPRINT = re.compile(r"<!-- en: (ex\d\d)\.(q\d+) ([0-9a-f]{12}) -->")
#: Marks a block whose English model answer or rubric changed since it was translated.
TO_CHECK = ("> **待核对**（to check）：英文的参考答案或评分要点已修改，请对照更新译文，"
            "然后删除这一行。")


def graded_values_markdown_zh() -> str:
    """The table of graded values of the Chinese guide: ``graded_values()`` with Chinese words.

    >>> graded_values_markdown_zh().splitlines()[0]
    '| 任务 | 参考值 | 小数位数（容差） | 最接近的已命名错误（距离） | 已命名错误数 |'
    """
    from qcakit.exercises import graded_values

    lines = [HEADER]
    for (exercise, question), row in graded_values().iterrows():
        if row.nearest_mistake not in MISTAKES:
            raise KeyError(f"The mistake {row.nearest_mistake!r} (nearest to {exercise}."
                           f"{question}) has no Chinese name: add it to MISTAKES in "
                           "scripts/zh_teachers.py.")
        count = re.fullmatch(r"(\d+) memberships", row.reference)
        reference = f"{count.group(1)} 个隶属度" if count else row.reference
        lines.append(f"| `{exercise}.{question}` | {reference} | {row.decimals}"
                     f"（{row.tolerance:g}） | {MISTAKES[row.nearest_mistake]}"
                     f"（{row.distance:g}） | {row.mistakes} |")
    return "\n".join(lines)


def self_assessed() -> dict:
    """(exercise, question) -> (model answer, rubric) of every written task, in English."""
    from qcakit.exercises import EXERCISES

    tasks = {}
    for exercise in EXERCISES:
        module = importlib.import_module(f"qcakit.exercises.{exercise}")
        for name in dir(module):
            if name.startswith("MODEL_Q"):
                question = name[len("MODEL_"):].lower()
                tasks[exercise, question] = (getattr(module, name),
                                             tuple(getattr(module, f"RUBRIC_{question.upper()}")))
    return tasks


def fingerprint(model: str, rubric) -> str:
    """A short hash of a model answer and its rubric; re-wrapping lines does not change it.

    >>> fingerprint("Right.", ["One point."]) == fingerprint("Right. ", ["One  point."])
    True
    """
    text = " ".join("\n".join([model, *rubric]).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def catalog_translations(texts) -> dict:
    """The Chinese the kit's catalog gives for each of ``texts`` that it translates."""
    with open(CATALOG, "rb") as f:
        catalog = gettext.GNUTranslations(f)  # no fallback: an untranslated text comes back
    return {t: catalog.gettext(t) for t in texts if catalog.gettext(t) != t}


def blocks(text: str) -> dict:
    """(exercise, question) -> (fingerprint, the block of the guide it closes)."""
    found = {}
    for match in FINGERPRINT.finditer(text):
        exercise, question, recorded = match.groups()
        start = text.rfind(f"\n**`{exercise}` 任务 {question[1:]}", 0, match.start())
        found[exercise, question] = (recorded, text[start + 1:match.start()] if start >= 0 else "")
    return found


def problems(text: str) -> list[str]:
    """What is out of step in the Chinese guide ``text``; empty when nothing is."""
    out = []
    table = TABLE.search(text)
    if not table:
        out.append("the graded values' markers are missing")
    elif table.group(1) != graded_values_markdown_zh():
        out.append("the table of graded values is out of step: run python scripts/zh_teachers.py")
    tasks, found = self_assessed(), blocks(text)
    for key in sorted(set(found) - set(tasks)):
        out.append(f"{'.'.join(key)} is not a self-assessed task, but the guide has its rubric")
    for key, (model, rubric) in sorted(tasks.items()):
        name = ".".join(key)
        if key not in found:
            out.append(f"{name}: no translated model answer and rubric (a block ending with "
                       f"<!-- en: {name} {fingerprint(model, rubric)} -->)")
            continue
        recorded, block = found[key]
        if not block:
            out.append(f"{name}: its fingerprint follows no block starting **`{key[0]}` 任务 "
                       f"{key[1][1:]}")
            continue
        if recorded != fingerprint(model, rubric):
            out.append(f"{name}: the English model answer or rubric changed since it was "
                       "translated: run python scripts/zh_teachers.py, then update the "
                       "translation and delete the 待核对 line")
        if "待核对" in block or "待翻译" in block:
            out.append(f"{name}: still marked 待核对 or 待翻译")
        if "参考答案：" not in block:
            out.append(f"{name}: no 参考答案：")
        numbers = [int(n) for n in re.findall(r"^(\d+)\. ", block, re.M)]
        if numbers != list(range(1, len(rubric) + 1)):
            out.append(f"{name}: rubric points numbered {numbers}; the English has "
                       f"{len(rubric)}")
        for english, chinese in catalog_translations([model, *rubric]).items():
            if chinese not in block:
                out.append(f"{name}: the catalog translates {english[:40]!r}... as "
                           f"{chinese[:40]!r}...; the guide must quote that translation")
    return out


def sync(text: str) -> str:
    """``text`` with the table regenerated and each changed rubric's block marked 待核对."""
    table = ("<!-- graded values: begin -->\n" + graded_values_markdown_zh()
             + "\n<!-- graded values: end -->")
    text = TABLE.sub(lambda _: table, text, count=1)
    tasks = self_assessed()

    def renew(match):
        key = match.group(1), match.group(2)
        if key not in tasks or match.group(3) == fingerprint(*tasks[key]):
            return match.group(0)
        line = f"<!-- en: {key[0]}.{key[1]} {fingerprint(*tasks[key])} -->"
        marked = match.string[:match.start()].rstrip().endswith(TO_CHECK)
        return line if marked else f"{TO_CHECK}\n\n{line}"

    return FINGERPRINT.sub(renew, text)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="list what is out of step; exit 1 if anything is")
    args = parser.parse_args(argv)
    text = GUIDE.read_text(encoding="utf-8")
    if not args.check:
        new = sync(text)
        if new != text:
            GUIDE.write_text(new, encoding="utf-8")
            print("wrote", GUIDE.relative_to(ROOT))
        text = new
    found = problems(text)
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
