"""Remove outputs and execution counts from every notebook in the repository.

Run with ``make strip``; ``tests/test_repository.py`` refuses notebooks that still have outputs,
so diffs of lessons stay readable.
"""
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]


def strip(path: Path) -> bool:
    """Strip one notebook in place; return True when it changed."""
    nb = nbformat.read(path, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type == "code":
            if cell.outputs or cell.execution_count is not None:
                changed = True
            cell.outputs = []
            cell.execution_count = None
    for key in ("widgets",):
        if key in nb.metadata:
            del nb.metadata[key]
            changed = True
    if changed:
        nbformat.write(nb, path)
    return changed


def notebooks():
    skip = {".venv", ".ipynb_checkpoints", "build"}
    return [p for p in ROOT.rglob("*.ipynb") if not skip & set(p.relative_to(ROOT).parts)]


if __name__ == "__main__":
    for path in notebooks():
        if strip(path):
            print("stripped", path.relative_to(ROOT))
