"""Generate the student and solution versions of the exercises from one source each.

Each exercise has one source notebook, ``exercises/source/exNN_<topic>.ipynb``: the worked
solution, with the parts a learner must write marked (see exercises/README.md):

- in any cell, the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION`` (code cells) or
  from ``<!-- BEGIN SOLUTION -->`` to ``<!-- END SOLUTION -->`` (Markdown cells);
- the student version drops those lines, markers included (a Markdown cell gets an answer
  prompt in their place), so the stub the learner fills in (``answer = ...``) is written *above*
  the markers and is shared by both versions;
- the solution version keeps the solution and drops the markers;
- the sources also carry nbgrader's cell metadata (see exercises/TEACHERS.md, section nbgrader):
  a cell with a solution region is an nbgrader solution cell, and each check call sits in its own
  locked cell after the answer cell. This script checks that markup and leaves it out of both
  versions, which work without nbgrader; a teacher who uses nbgrader gives it the sources.

Usage (from the repository root)::

    python scripts/make_exercises.py                  # rewrite exercises/exNN_*.ipynb
    python scripts/make_exercises.py --check          # exit 1 if they are out of date
    python scripts/make_exercises.py --solutions DIR  # write the solution versions to DIR
    python scripts/make_exercises.py --students DIR   # write the student versions to DIR

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

BEGIN = ("### BEGIN SOLUTION", "<!-- BEGIN SOLUTION -->")
END = ("### END SOLUTION", "<!-- END SOLUTION -->")
ANSWER_PROMPT = "**Your answer:** *(double-click this cell and write here)*"
SOLUTION_LABEL = "# Solution:"


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


def split_cell(source: str, cell_type: str, where: str = "cell") -> tuple[str, str]:
    """The (student, solution) text of one cell."""
    lines = source.split("\n")
    regions = _regions(lines, where)
    if not regions:
        return source, source
    student, solution, pos = [], [], 0
    for begin, end in regions:
        student += lines[pos:begin]
        solution += lines[pos:begin]
        if cell_type == "markdown":
            student.append(ANSWER_PROMPT)
        else:
            solution.append(SOLUTION_LABEL)
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


def _version(nb, which: str, source_name: str):
    out = copy.deepcopy(nb)
    n_regions = 0
    for i, cell in enumerate(out.cells):
        where = f"{source_name}, cell {i + 1}"
        check_nbgrader_markup(cell, where)
        n_regions += len(_regions(cell.source.split("\n"), where))
        student, solution = split_cell(cell.source, cell.cell_type, where)
        cell.source = student if which == "student" else solution
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
        cell.metadata.pop("nbgrader", None)
    if n_regions == 0:
        raise MarkerError(f"{source_name}: no solution region; every exercise needs at least one.")
    out.metadata.pop("widgets", None)
    out.metadata["qcakit"] = {
        "generated_from": f"exercises/source/{source_name}",
        "version": which,
        "note": "Generated by scripts/make_exercises.py; edit the source, not this file.",
    }
    return out


def student_version(nb, source_name: str = "source"):
    """The notebook a learner gets: solution regions removed."""
    return _version(nb, "student", source_name)


def solution_version(nb, source_name: str = "source"):
    """The worked solution: solution regions kept, markers removed."""
    return _version(nb, "solution", source_name)


def sources() -> list[Path]:
    return sorted(SOURCE_DIR.glob("ex*.ipynb"))


def render(nb) -> str:
    """The exact text written to disk (nbformat's JSON with a final newline)."""
    return nbformat.writes(nb) + "\n"


def generate(which: str, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sources():
        nb = nbformat.read(path, as_version=4)
        version = (student_version if which == "student" else solution_version)(nb, path.name)
        target = directory / path.name
        target.write_text(render(version), encoding="utf-8")
        written.append(target)
    return written


def stale() -> list[str]:
    """Problems with the committed student versions (empty when they are up to date)."""
    problems = []
    names = set()
    for path in sources():
        names.add(path.name)
        expected = render(student_version(nbformat.read(path, as_version=4), path.name))
        target = STUDENT_DIR / path.name
        if not target.exists():
            problems.append(f"missing student version exercises/{path.name}")
        elif target.read_text(encoding="utf-8") != expected:
            problems.append(f"exercises/{path.name} differs from its source")
    for path in sorted(STUDENT_DIR.glob("ex*.ipynb")):
        if path.name not in names:
            problems.append(f"exercises/{path.name} has no source in exercises/source/")
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
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for p in problems:
            print(p)
        if problems:
            print("Run: python scripts/make_exercises.py")
        return 1 if problems else 0
    if args.solutions:
        written = generate("solution", args.solutions)
    else:
        written = generate("student", args.students or STUDENT_DIR)
    for path in written:
        print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
