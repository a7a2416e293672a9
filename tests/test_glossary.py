"""docs/glossary.md: one bilingual vocabulary for the kit, checked against its three users.

The glossary is Markdown tables (English | 中文 | Note | 说明 | Source), one per topic. In the
English cell, synonyms follow ``;`` and the first form may carry an alternative in parentheses
(an abbreviation or the long form); the Chinese cell may carry the matching alternative in full-
width parentheses: ``relevance of necessity (RoN)`` / ``必要性相关性（RoN）``.

The tests check
- every row: all five cells filled, notes in their language, no term listed twice;
- the term table of docs/translating.md: each (English, 中文) pair is a glossary row;
- the catalog qcakit.po: a glossary term that is also a msgid is translated the same way;
- the Chinese lessons and exercises (whatever twins exist in notebooks/zh/ and
  exercises/zh/source/): each first-use gloss of a QCA term has the glossary's pairing.

Extraction rule for the glosses. In each Markdown cell (with the emphasis marks ``*`` and the
quotes “”「」 removed), a gloss is a CJK character followed by a parenthesis, full-width or ASCII,
whose content's first segment (up to ，,；;：:) is the English. A gloss is checked when that
English is one of the glossary's English forms (case-insensitive; a plural "s" dropped; "a / b c"
expanded to "a c", "b c"); its Chinese is the text just before the parenthesis, which must end
with the glossary's Chinese term, or hold it within its last few characters (偏向隶属于它（more in
than out）), ignoring the particles 的, 地 and 于 (平凡的必要条件 = 平凡必要条件). Glosses of terms
the glossary keeps in English (MinTS, RF_cov) are not checked, nor is a gloss that is only an
abbreviation (反事实（ESA）: a topic tagged with its acronym, like the capitals below).
Head nouns. Any gloss may end on the glossary term without the head noun 案例 or 式 (DROPPED_HEADS):
a case-type label stands for the case (覆盖度偏差（deviant coverage） for 覆盖度偏差案例), and
合取式 / 合取 name the same expression. The text must then END with the rest of the term, so a
different word (偏差（deviant coverage）) still fails. A single-word gloss of an adjective may stand
on the term without its head noun (HEADS: 典型（typical） for 典型案例, 清晰（crisp） for 清晰集).
"a / b c" glosses may share the Chinese head the same way (核心/边缘条件（core / peripheral
condition）). A lesson word on KNOWN_DIVERGENCES counts as a Chinese form of its term.
Terms of the Wei paper's own subject (pathway and programme names) that are not in the glossary
are checked against datasets/wei2026_glossary.csv (term_en without its parenthesis -> term_zh).
An English segment made only of lowercase words that is in neither file fails, unless it is on
NOT_QCA below; segments with capitals, digits or other signs (case and place names, condition
codes, citations, formulas) are not term glosses and are ignored.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
TRANSLATING = ROOT / "docs" / "translating.md"
WEI_TERMS = ROOT / "datasets" / "wei2026_glossary.csv"
CATALOG = ROOT / "qcakit" / "locale" / "zh" / "LC_MESSAGES" / "qcakit.po"
HEADER = ["English", "中文", "Note", "说明", "Source"]
CJK = re.compile(r"[\u3400-\u9fff]")

# Lowercase English glosses in the Chinese lessons that are not QCA terms (data labels, paper
# vocabulary, programming words); the Wei paper's own terms are in datasets/wei2026_glossary.csv.
NOT_QCA = {
    "alliance", "county medical alliance", "county-level medical alliance",  # Xu's cases
    "developed", "industrialized", "literate", "politically stable", "urbanized",  # Lipset data
    "survival of democracy", "not-survival",
    "data dictionary", "docstring", "assert", "recipe", "what-if", "widget",  # kit and Python
    "convention",  # lesson 25: "the convention (for core conditions)", a plain word
    "on the crossover",  # a case-type label built on the glossary term "crossover"
    "problem", "status", "papermill",  # check_data's words and a tool (lesson 30, ex10)
    "consistent with the original path combinations",  # lesson 17: a quote of the Xu paper
}
# Lessons that use another Chinese word than the glossary (the paper's word, or the catalog's).
# Each entry: English gloss -> the lesson's word. Fix the lesson, then delete the entry.
KNOWN_DIVERGENCES = {
    "literal": "条件",  # lessons 24, 25, 29a and the catalog: a literal is a (present or absent) condition
    "membership score": "隶属分数",          # lesson 21 (the Wei paper's word); catalog: 隶属度
    "pri cut": "PRI 一致性阈值",             # lesson 24, the Wei paper's word (二(二)); catalog: PRI 阈值
}
# The term may be followed by a short object before the gloss: 偏向隶属于它（more in than out）.
WINDOW = 4
# Head nouns an adjective gloss may leave out (典型（typical） for 典型案例).
HEADS = ("案例", "反事实", "简化假设", "必要条件", "条件", "集")
# Head nouns any gloss may leave out, the rest of the term ending the text (覆盖度偏差 for 覆盖度偏差案例).
DROPPED_HEADS = ("案例", "式")
ABBREVIATION = re.compile(r"[A-Z][A-Za-z]*[A-Z]")
# Catalog msgids whose translation is a display label, not the glossary term.
CATALOG_LABELS = {"solution": "整体解"}  # column header: the solution as a whole, next to its terms


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def glossary_rows() -> list[dict]:
    rows, header = [], None
    for number, line in enumerate(GLOSSARY.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("|"):
            header = None
            continue
        cells = _cells(line)
        if cells[:2] == HEADER[:2]:
            assert cells == HEADER, f"line {number}: header {cells}, expected {HEADER}"
            header = cells
        elif header and not set(cells[0]) <= set("-: "):
            assert len(cells) == len(HEADER), f"line {number}: {len(cells)} cells: {line}"
            rows.append(dict(zip(HEADER, cells), line=number))
    return rows


def _split_alt(text: str, open_: str, close: str) -> list[str]:
    match = re.fullmatch(rf"(.+?)\s*{re.escape(open_)}(.+){re.escape(close)}", text)
    return [match.group(1), match.group(2)] if match else [text]


def english_forms(row) -> list[str]:
    first, *synonyms = [part.strip() for part in row["English"].split(";")]
    return [form.lower() for form in _split_alt(first, "(", ")") + synonyms]


def chinese_forms(row) -> list[str]:
    return _split_alt(row["中文"], "（", "）")


def _norm(text: str) -> str:
    return re.sub(r"[的地于]", "", text)


@pytest.fixture(scope="module")
def rows():
    return glossary_rows()


@pytest.fixture(scope="module")
def by_english(rows):
    return {form: row for row in rows for form in english_forms(row)}


def test_every_row_has_both_terms_and_both_notes(rows):
    assert len(rows) >= 80, f"only {len(rows)} rows read from {GLOSSARY.name}"
    for row in rows:
        empty = [key for key in HEADER if not row[key]]
        assert not empty, f"line {row['line']}: empty {empty}"
        assert CJK.search(row["中文"]) or row["中文"] == row["English"], row
        assert CJK.search(row["说明"]), f"line {row['line']}: the Chinese note has no Chinese"
        assert not CJK.search(row["English"]), f"line {row['line']}: CJK in the English term"
        assert re.search("[A-Za-z]{3}", row["Note"]), f"line {row['line']}: no English note"


def test_no_term_is_listed_twice(rows):
    seen: dict[str, int] = {}
    for row in rows:
        for key in english_forms(row) + [f"zh:{chinese_forms(row)[0]}"]:
            assert key not in seen, f"{key} on lines {seen[key]} and {row['line']}"
            seen[key] = row["line"]


def term_table_pairs() -> list[tuple[str, str]]:
    text = TRANSLATING.read_text(encoding="utf-8").split("## Chinese terms", 1)[1]
    text = text.split("\n## ", 1)[0]
    pairs = []
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        cells = _cells(line)
        if cells[0] == "English" or set(cells[0]) <= set("-: "):
            continue
        for english, chinese in zip(cells[0::2], cells[1::2]):
            if english:
                pairs.append((english, chinese))
    return pairs


def _expand(english: str) -> list[list[str]]:
    """'raw / unique coverage' -> [['raw', 'raw coverage', ...], ['unique coverage', ...]]."""
    parts = [part.strip() for part in re.split(r"\s*[/,]\s*", english)]
    tail = " ".join(parts[-1].split()[1:])
    head = " ".join(parts[0].split()[:-1])
    return [[part, f"{part} {tail}".strip(), f"{head} {part}".strip()] for part in parts]


def test_term_table_is_in_the_glossary(by_english):
    pairs = term_table_pairs()
    assert len(pairs) >= 30, pairs
    problems = []
    for english, chinese in pairs:
        english = re.sub(r"\s*\([^)]*\)", "", english).lower()  # remarks: (a condition), (RoN)
        chinese = re.sub(r"\s*\([^)]*\)", "", chinese)          # (kept)
        zh_parts = [part.strip() for part in re.split(r"\s*[/,]\s*", chinese)]
        en_parts = _expand(english)
        if len(zh_parts) != len(en_parts):
            problems.append(f"cannot pair {english!r} with {chinese!r}")
            continue
        for candidates, zh in zip(en_parts, zh_parts):
            found = [c for c in candidates if c in by_english]  # the longest reading wins
            row = by_english[max(found, key=len)] if found else None
            if row is None:
                problems.append(f"{candidates[0]!r} ({zh}) is not in the glossary")
            elif zh not in chinese_forms(row):
                problems.append(f"{candidates[0]!r}: term table {zh}, glossary {row['中文']}")
    assert not problems, "\n".join(problems)


def test_the_catalog_translates_glossary_terms_the_same_way(rows):
    catalog = {m.id.lower(): m.string for m in read_po(CATALOG.open("rb"))
               if isinstance(m.id, str) and m.id and m.string}
    checked, problems = 0, []
    for row in rows:
        english = english_forms(row)[0]
        if english in catalog:
            checked += 1
            expected = CATALOG_LABELS.get(english, chinese_forms(row)[0])
            if catalog[english] != expected:
                problems.append(f"{english}: catalog {catalog[english]}, glossary {row['中文']}")
    assert checked >= 8, f"only {checked} glossary terms found as catalog msgids"
    assert not problems, "\n".join(problems)


GLOSS = re.compile(r"([\u3400-\u9fff])[（(]([^（）()\n]+)[）)]")
LOWERCASE_TERM = re.compile(r"[a-z][a-z\- /]*[a-z]")
CHINESE_NOTEBOOKS = sorted([*ROOT.glob("notebooks/zh/*.ipynb"),
                            *ROOT.glob("exercises/zh/source/*.ipynb")])


def glosses(path: Path):
    """(English first segment, text before the parenthesis) of every gloss in the Markdown."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = re.sub(r"[*“”「」]", "", "".join(cell["source"]))
        for match in GLOSS.finditer(text):
            english = re.split(r"[，,；;：:]", match.group(2))[0].strip()
            yield re.sub(r"\s*/\s*", " / ", english), text[max(0, match.end(1) - 40):match.end(1)]


def _lookup(english: str, by_english):
    english = english.lower()
    if english in by_english:
        return by_english[english]
    if english.endswith("s") and english[:-1] in by_english:
        return by_english[english[:-1]]
    return None


def _stems(chinese: str, heads) -> list[str]:
    """The term without one of the head nouns: 覆盖度偏差案例 -> [覆盖度偏差]."""
    return [chinese[:-len(h)] for h in heads if chinese.endswith(h) and len(chinese) > len(h)]


def _attached(before: str, english: str, row) -> bool:
    before = _norm(before)
    forms = chinese_forms(row) + ([KNOWN_DIVERGENCES[english]] if english in KNOWN_DIVERGENCES else [])
    for chinese in map(_norm, forms):
        if chinese in before[-len(chinese) - WINDOW:]:
            return True
        heads = DROPPED_HEADS + (HEADS if " " not in english else ())
        if any(before.endswith(stem) for stem in _stems(chinese, heads)):
            return True
    return False


def _named_before(before: str, chinese: str, last: str) -> bool:
    """In "a / b" glosses the first term is in the text, in full or sharing the last one's head
    noun: 核心/边缘条件 names 核心条件."""
    before, chinese, last = re.sub(r"\s", "", _norm(before)), _norm(chinese), _norm(last)
    if chinese in before:
        return True
    shared = 0  # length of the common ending: 条件 in 核心条件, 边缘条件
    while shared < min(len(chinese), len(last)) and chinese[-shared - 1] == last[-shared - 1]:
        shared += 1
    return 0 < shared < len(chinese) and any(chinese[:-shared] + sep in before for sep in "/、")


def wei_terms() -> dict[str, str]:
    with WEI_TERMS.open(encoding="utf-8") as file:
        return {re.sub(r"\s*\([^)]*\)", "", row["term_en"]).lower(): row["term_zh"]
                for row in csv.DictReader(file)}


def check_glosses(path: Path, by_english) -> tuple[int, list[str]]:
    checked, problems, wei = 0, [], wei_terms()
    for english, before in glosses(path):
        if ABBREVIATION.fullmatch(english):
            continue  # 反事实（ESA）: an acronym tags the topic, it is not a term gloss
        if english.lower() in wei and not _lookup(english, by_english):
            checked += 1
            if _norm(wei[english.lower()]) not in _norm(before)[-len(wei[english.lower()]) - WINDOW:]:
                problems.append(f"{english!r} glosses …{before[-12:]}, {WEI_TERMS.name}: "
                                f"{wei[english.lower()]}")
            continue
        parts = [english] if " / " not in english else [max(
            (c for c in cands if _lookup(c, by_english)), key=len, default=cands[0])
            for cands in _expand(english)]
        found = [_lookup(part, by_english) for part in parts]
        if all(found) and not CJK.search(found[-1]["中文"].split("（")[0]):
            continue  # a term kept in English (MinTS): the text names or explains it
        if all(found):
            checked += 1
            # "a / b": the text ends with the last term, the first ones come just before it
            last = chinese_forms(found[-1])[0]
            if not _attached(before, parts[-1].lower(), found[-1]) or not all(
                    any(_named_before(before, c, last) for c in chinese_forms(row))
                    for row in found[:-1]):
                terms = " / ".join(row["中文"] for row in found)
                problems.append(f"{english!r} glosses …{before[-12:]}, glossary: {terms}")
        elif LOWERCASE_TERM.fullmatch(english) and english not in NOT_QCA:
            problems.append(f"{english!r} (…{before[-12:]}) is neither in docs/glossary.md "
                            "nor in NOT_QCA of tests/test_glossary.py")
    return checked, problems


@pytest.mark.parametrize("path", CHINESE_NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_chinese_glosses_agree_with_the_glossary(path, by_english):
    checked, problems = check_glosses(path, by_english)
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


def test_the_gloss_extraction_finds_the_glosses(by_english):
    assert CHINESE_NOTEBOOKS, "no Chinese notebooks found"
    total = sum(check_glosses(path, by_english)[0] for path in CHINESE_NOTEBOOKS)
    assert total >= 100, f"only {total} glosses of glossary terms found: is the rule broken?"


def test_the_gloss_check_can_fail(by_english, tmp_path):
    cell = {"cell_type": "markdown", "metadata": {}, "source": [
        "简约解（complex solution）与一致性（consistency）；偏差（typical）；覆盖度（covrage）"
        "；偏差（deviant coverage）；一致性偏差（deviant coverage）；覆盖度偏差（deviant coverage）"
        "；人员支持型（administration-led）；行政主导型（administration-led）"
        "；核心/边缘条件（core / peripheral condition）；简约/边缘条件（core / peripheral condition）"]}
    path = tmp_path / "zh.ipynb"
    path.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    checked, problems = check_glosses(path, by_english)
    assert checked == 10 and len(problems) == 7, problems
    assert "complex solution" in problems[0] and "typical" in problems[1]
    assert "covrage" in problems[2]
    # a dropped head noun (案例) is accepted only when the rest of the term ends the text
    assert "；偏差, " in problems[3] and "；一致性偏差, " in problems[4]
    assert "人员支持型" in problems[5] and "简约/边缘条件" in problems[6]
