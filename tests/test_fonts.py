"""Chinese in figures without system fonts: every plotting function draws Chinese case names,
conditions and titles with no "Glyph ... missing from font(s)" warning, here and in the
kernel-only environment (the kit's wheel plus ipykernel, built by scripts/ensure-hub)."""
import ast
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from qcakit import fonts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HUB_DIR = Path(os.environ.get("QCAKIT_HUB_DIR", ROOT / ".hub"))
sys.path.insert(0, str(Path(__file__).parent))
import chinese_figures  # noqa: E402

sys.path.pop(0)


def drawing_functions():
    """Public functions and methods of the kit that draw with matplotlib (they take ``ax`` or
    use ``plt``), as qualified names, and whether each is decorated with ``@draws``."""
    out = {}
    for path in sorted((ROOT / "qcakit").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        tree = ast.parse(path.read_text())
        scopes = [(module, tree.body)] + [(f"{module}.{c.name}", c.body) for c in tree.body
                                          if isinstance(c, ast.ClassDef)]
        for prefix, body in scopes:
            for f in body:
                if not isinstance(f, ast.FunctionDef) or f.name.startswith("_"):
                    continue
                takes_ax = any(a.arg == "ax" for a in f.args.args + f.args.kwonlyargs)
                uses_plt = any(isinstance(n, ast.Name) and n.id == "plt" for n in ast.walk(f))
                if takes_ax or uses_plt:
                    out[f"{prefix}.{f.name}"] = any(
                        isinstance(d, ast.Name) and d.id == "draws" for d in f.decorator_list)
    return out


def test_every_drawing_function_sets_up_the_chinese_font_and_is_drawn_here():
    found = drawing_functions()
    assert len(found) >= 11
    assert not [n for n, decorated in found.items() if not decorated], \
        "decorate these with @qcakit.fonts.draws"
    assert set(found) == set(chinese_figures.figures()), \
        "draw every plotting function in tests/chinese_figures.py"


def test_every_figure_draws_chinese_glyphs():
    result = chinese_figures.missing_glyphs()
    assert result["drawn"] == list(chinese_figures.figures())
    assert result["missing"] == []


def test_without_the_font_chinese_glyphs_are_missing(monkeypatch):
    """The check above can fail: with matplotlib's default font alone, the warning comes."""
    monkeypatch.setattr(fonts, "use_cjk_font", lambda: None)
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        result = chinese_figures.missing_glyphs()
    assert {m.split(":")[0] for m in result["missing"]} == set(result["drawn"])


def test_use_cjk_font_keeps_your_font_first():
    with matplotlib.rc_context({"font.family": ["serif"]}):
        assert fonts.use_cjk_font() == fonts.CJK_FAMILY
        assert matplotlib.rcParams["font.family"] == ["serif", fonts.CJK_FAMILY]
        fonts.use_cjk_font()
        assert matplotlib.rcParams["font.family"] == ["serif", fonts.CJK_FAMILY]
    fig, ax = plt.subplots()
    ax.set_title("组态")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fonts.use_cjk_font()
        ax.set_xlabel("校准")
        fig.canvas.draw()
    plt.close(fig)


def _glyph_warnings_of_a_plain_figure(code):
    """Switch the kit to ``code``, then make a figure with plain matplotlib (no kit function)
    and Chinese labels, as lesson 12 does: the missing-glyph warnings its drawing emits."""
    import qcakit

    before = qcakit.get_language()
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        try:
            qcakit.set_language(code)
            fig, axes = plt.subplots(1, 2)
            axes[0].set_xlabel("SCALE（原始值）")
            axes[0].set_ylabel("SCALE 的隶属度")
            axes[1].set_title("校准")
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                fig.canvas.draw()
        finally:
            qcakit.set_language(before)
            plt.close("all")
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_set_language_zh_readies_the_font_for_axes_made_before_any_kit_figure():
    """Axes created with plain matplotlib right after ``set_language("zh")`` draw Chinese."""
    assert _glyph_warnings_of_a_plain_figure("zh") == []


def test_without_set_language_zh_plain_axes_miss_the_glyphs():
    """The check above can fail: in English the plain figure's Chinese labels have no glyphs."""
    missing = _glyph_warnings_of_a_plain_figure("en")
    assert missing and all("DejaVu Sans" in m for m in missing)


def test_the_font_file_is_the_licensed_one():
    from matplotlib import ft2font

    font = ft2font.FT2Font(str(fonts.font_file()))
    assert font.family_name == fonts.CJK_FAMILY and font.style_name == "Regular"
    assert font.get_sfnt()[(3, 1, 0x409, 13)].decode("utf-16-be") == \
        "Licensed under the Apache License, Version 2.0"
    assert all(font.get_char_index(ord(c)) for c in "校准必要条件一致性覆盖度核心边缘逻辑余项")


def test_chinese_figures_in_the_kernel_only_environment():
    """The same drawing in the venv with only the kit's wheel and ipykernel: the font comes with
    the wheel's dependencies and the compiled Chinese catalog inside the wheel."""
    python = HUB_DIR / "kernel-venv" / "bin" / "python"
    if not python.exists():
        pytest.skip(f"no kernel-only venv at {python.parent.parent}: `make test` builds it "
                    "(scripts/ensure-hub)")
    run = subprocess.run([str(python), str(Path(__file__).with_name("chinese_figures.py"))],
                         capture_output=True, text=True, timeout=300, cwd="/")
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    assert result["drawn"] == list(chinese_figures.figures())
    assert result["missing"] == []
    assert result["consistency"] == "一致性"
