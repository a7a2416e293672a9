"""Generate the student and solution versions of the exercises from one source each.

Each exercise has one source notebook, ``exercises/source/exNN_<topic>.ipynb``: the worked
solution, with the parts a learner must write marked (see exercises/README.md):

- in any cell, the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION`` (code cells) or
  from ``<!-- BEGIN SOLUTION -->`` to ``<!-- END SOLUTION -->`` (Markdown cells);
- the student version drops those lines, markers included (a Markdown cell gets an answer
  prompt in their place, in the notebook's language), so the stub the learner fills in (``answer = ...``) is written *above*
  the markers and is shared by both versions;
- the solution version keeps the solution and drops the markers;
- the sources also carry nbgrader's cell metadata (see exercises/TEACHERS.md, section nbgrader):
  a cell with a solution region is an nbgrader solution cell, and each check call sits in its own
  locked cell after the answer cell. This script checks that markup and leaves it out of both
  versions, which work without nbgrader; a teacher who uses nbgrader gives it the sources.

The Chinese edition follows the same rules: its sources are ``exercises/zh/source/exNN_*.ipynb``
(translations kept in step with the English ones by tests/test_zh_in_step.py and
scripts/zh_sync.py), its student versions ``exercises/zh/exNN_*.ipynb``, with a Chinese answer
prompt.

Usage (from the repository root)::

    python scripts/make_exercises.py                  # rewrite exercises/exNN_*.ipynb and
                                                      #   exercises/zh/exNN_*.ipynb
    python scripts/make_exercises.py --check          # exit 1 if any (either language) is out
                                                      #   of date
    python scripts/make_exercises.py --solutions DIR  # write the solution versions to DIR
    python scripts/make_exercises.py --students DIR   # write the student versions to DIR
    python scripts/make_exercises.py --solutions DIR --lang zh   # the Chinese ones

Generated notebooks never have outputs, and are byte-for-byte reproducible, so
``tests/test_exercises.py`` can check that the committed student versions are exactly what this
script makes from the sources: edit the source, never the generated file.
"""
from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "exercises" / "source"
STUDENT_DIR = ROOT / "exercises"
ZH_SOURCE_DIR = ROOT / "exercises" / "zh" / "source"
ZH_STUDENT_DIR = ROOT / "exercises" / "zh"
#: The languages of the exercises, and how their folders are named in messages.
LANGUAGES = {"en": ("exercises/source", "exercises"), "zh": ("exercises/zh/source", "exercises/zh")}

BEGIN = ("### BEGIN SOLUTION", "<!-- BEGIN SOLUTION -->")
END = ("### END SOLUTION", "<!-- END SOLUTION -->")
ANSWER_PROMPTS = {"en": "**Your answer:** *(double-click this cell and write here)*",
                  "zh": "**你的答案：** *（双击此单元格，在这里写下你的答案）*"}
SOLUTION_LABELS = {"en": "# Solution:", "zh": "# 参考解答："}
ANSWER_PROMPT, SOLUTION_LABEL = ANSWER_PROMPTS["en"], SOLUTION_LABELS["en"]
#: Cell metadata of the sources that generated versions leave out (zh_sync: scripts/zh_sync.py).
SOURCE_ONLY_METADATA = ("execution", "nbgrader", "zh_sync")


class MarkerError(ValueError):
    """A source notebook whose solution markers are unbalanced or misplaced."""


CHECK_CALL = re.compile(r"^check\.q\d+\(", re.MULTILINE)


def check_nbgrader_markup(cell, where: str) -> None:
    """Refuse a cell whose nbgrader metadata does not match its solution region or check call."""
    meta = cell.metadata.get("nbgrader", {})
    if _regions(cell.source.split("\n"), where) and not meta.get("solution"):
        raise MarkerError(f"{where}: a solution region in a cell that is not an nbgrader solution "
                          "cell. Give it the metadata {\"nbgrader\": {\"solution\": true, ...}} "
                          "(see exercises/TEACHERS.md).")
    if cell.cell_type == "code" and CHECK_CALL.search(cell.source) and not meta.get("locked"):
        raise MarkerError(f"{where}: a check call in a cell that is not locked. Put the check in "
                          "its own cell after the answer, with nbgrader metadata \"locked\": true "
                          "(see exercises/TEACHERS.md).")


def _regions(lines: list[str], where: str) -> list[tuple[int, int]]:
    """(begin, end) line indices of every solution region; checks the markers pair up."""
    regions, start = [], None
    for i, line in enumerate(lines):
        text = line.strip()
        if text in BEGIN:
            if start is not None:
                raise MarkerError(f"{where}: BEGIN SOLUTION on line {i + 1} inside another "
                                  f"solution region (opened on line {start + 1}).")
            start = i
        elif text in END:
            if start is None:
                raise MarkerError(f"{where}: END SOLUTION on line {i + 1} without a BEGIN.")
            regions.append((start, i))
            start = None
    if start is not None:
        raise MarkerError(f"{where}: BEGIN SOLUTION on line {start + 1} is never closed.")
    return regions


def folders(lang: str = "en") -> tuple[Path, Path]:
    """(sources, student versions) of one language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return (SOURCE_DIR, STUDENT_DIR) if lang == "en" else (ZH_SOURCE_DIR, ZH_STUDENT_DIR)


def split_cell(source: str, cell_type: str, where: str = "cell",
               lang: str = "en") -> tuple[str, str]:
    """The (student, solution) text of one cell, with the answer prompt of the language."""
    lines = source.split("\n")
    regions = _regions(lines, where)
    if not regions:
        return source, source
    student, solution, pos = [], [], 0
    for begin, end in regions:
        student += lines[pos:begin]
        solution += lines[pos:begin]
        if cell_type == "markdown":
            student.append(ANSWER_PROMPTS[lang])
        else:
            solution.append(SOLUTION_LABELS[lang])
        solution += lines[begin + 1:end]
        pos = end + 1
    student += lines[pos:]
    solution += lines[pos:]
    student_text = "\n".join(student).strip("\n")
    if cell_type == "code" and not student_text.strip():
        raise MarkerError(
            f"{where}: the student version of this code cell would be empty. Write the stub the "
            "learner completes (e.g. `answer = ...  # your answer`) above ### BEGIN SOLUTION."
        )
    return student_text, "\n".join(solution).strip("\n")


def _version(nb, which: str, source_name: str, lang: str = "en"):
    out = copy.deepcopy(nb)
    n_regions = 0
    for i, cell in enumerate(out.cells):
        where = f"{source_name}, cell {i + 1}"
        check_nbgrader_markup(cell, where)
        n_regions += len(_regions(cell.source.split("\n"), where))
        student, solution = split_cell(cell.source, cell.cell_type, where, lang)
        cell.source = student if which == "student" else solution
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in SOURCE_ONLY_METADATA:
            cell.metadata.pop(key, None)
    if n_regions == 0:
        raise MarkerError(f"{source_name}: no solution region; every exercise needs at least one.")
    out.metadata.pop("widgets", None)
    out.metadata["qcakit"] = {
        "generated_from": f"{LANGUAGES[lang][0]}/{source_name}",
        "version": which,
        "note": "Generated by scripts/make_exercises.py; edit the source, not this file.",
    }
    return out


def student_version(nb, source_name: str = "source", lang: str = "en"):
    """The notebook a learner gets: solution regions removed."""
    return _version(nb, "student", source_name, lang)


def solution_version(nb, source_name: str = "source", lang: str = "en"):
    """The worked solution: solution regions kept, markers removed."""
    return _version(nb, "solution", source_name, lang)


def sources(lang: str = "en") -> list[Path]:
    return sorted(folders(lang)[0].glob("ex*.ipynb"))


def render(nb) -> str:
    """The exact text written to disk (nbformat's JSON with a final newline)."""
    return nbformat.writes(nb) + "\n"


def generate(which: str, directory: Path, lang: str = "en") -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sources(lang):
        nb = nbformat.read(path, as_version=4)
        version = (student_version if which == "student" else solution_version)(nb, path.name,
                                                                               lang)
        target = directory / path.name
        target.write_text(render(version), encoding="utf-8")
        written.append(target)
    return written


def stale() -> list[str]:
    """Problems with the committed student versions of both languages (empty when up to date)."""
    problems = []
    for lang, (source_label, student_label) in LANGUAGES.items():
        student_dir = folders(lang)[1]
        names = set()
        for path in sources(lang):
            names.add(path.name)
            expected = render(student_version(nbformat.read(path, as_version=4), path.name, lang))
            target = student_dir / path.name
            if not target.exists():
                problems.append(f"missing student version {student_label}/{path.name}")
            elif target.read_text(encoding="utf-8") != expected:
                problems.append(f"{student_label}/{path.name} differs from its source")
        for path in sorted(student_dir.glob("ex*.ipynb")):
            if path.name not in names:
                problems.append(f"{student_label}/{path.name} has no source in {source_label}/")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true",
                       help="exit 1 if the committed student versions are out of date")
    group.add_argument("--solutions", metavar="DIR", type=Path,
                       help="write the solution versions to DIR")
    group.add_argument("--students", metavar="DIR", type=Path,
                       help="write the student versions to DIR instead of exercises/")
    parser.add_argument("--lang", choices=list(LANGUAGES),
                        help="with --solutions or --students: the language (default en)")
    args = parser.parse_args(argv)
    if args.lang and not (args.solutions or args.students):
        parser.error("--lang goes with --solutions DIR or --students DIR; without them both "
                     "languages are written, and --check checks both")
    if args.check:
        problems = stale()
        for p in problems:
            print(p)
        if problems:
            print("Run: python scripts/make_exercises.py")
        return 1 if problems else 0
    if args.solutions:
        written = generate("solution", args.solutions, args.lang or "en")
    elif args.students:
        written = generate("student", args.students, args.lang or "en")
    else:
        written = [path for lang in LANGUAGES
                   for path in generate("student", folders(lang)[1], lang)]
    for path in written:
        print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
