"""The one place that knows about fonts: Chinese glyphs in every figure the kit draws.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs: a Chinese case name or label
would draw as empty boxes, with a "Glyph ... missing from font(s)" warning. Every plotting
function of the kit is decorated with :func:`draws`, which first calls
:func:`use_cjk_font`: it registers a Chinese font with matplotlib and appends its family to
``rcParams["font.family"]``. matplotlib (>= 3.6) then takes each glyph from the first family
that has it: Latin letters stay in your font, Chinese ones come from the Chinese font.

The font is WenQuanYi Micro Hei (文泉驿微米黑; Apache License 2.0, as its name table says;
20,932 of the 20,992 CJK Unified Ideographs, all 6,763 hanzi of GB 2312), a regular-weight
sans serif, installed with the kit as the dependency ``paperang-p2-fonts-cjk`` (a wheel of
2.3 MB holding only the font, 5.2 MB installed), so a kernel with nothing but the kit's wheel
and ipykernel draws Chinese without system fonts or a network. Why this one: Noto Sans CJK
SC (the PyPI wheel ``manimgx-fonts-cjk``, OFL) is 19.8 MB as a wheel and a variable font,
which matplotlib draws at its default instance, Thin, with no bold.

Nothing happens at ``import qcakit`` (importing matplotlib's font manager takes about half a
second); the first figure pays about a millisecond to register the font.

``qcakit.set_language("zh")`` calls :func:`use_cjk_font` too, so axes made with plain
matplotlib after it draw Chinese labels. Your own figures with Chinese text in an English
session: call :func:`use_cjk_font` once before drawing.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> use_cjk_font()
'WenQuanYi Micro Hei'
>>> CJK_FAMILY in matplotlib.rcParams["font.family"]
True
"""
from __future__ import annotations

import functools
from importlib import resources

#: The family name of the Chinese font, as matplotlib knows it.
CJK_FAMILY = "WenQuanYi Micro Hei"


def font_file():
    """The path of the Chinese font file (inside the installed font package)."""
    return resources.files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc"


def use_cjk_font() -> str:
    """Register the Chinese font with matplotlib (once) and make it the fallback family.

    Appends :data:`CJK_FAMILY` to ``rcParams["font.family"]`` when it is not there, keeping
    the families before it (so your choice of font still draws the Latin text). Returns the
    family name, e.g. for ``ax.text(..., family=...)``.
    """
    import matplotlib
    from matplotlib import font_manager

    manager = font_manager.fontManager
    if not any(f.name == CJK_FAMILY for f in manager.ttflist):
        manager.addfont(str(font_file()))
    families = matplotlib.rcParams["font.family"]
    if CJK_FAMILY not in families:
        matplotlib.rcParams["font.family"] = [*families, CJK_FAMILY]
    return CJK_FAMILY


def draws(function):
    """Decorate a function or method that draws with matplotlib: the Chinese font is ready
    before it creates any text (matplotlib fixes a text's font when the text is made)."""

    @functools.wraps(function)
    def drawing(*args, **kwargs):
        use_cjk_font()
        return function(*args, **kwargs)

    return drawing
