"""The kit's own words in the learner's language: gettext catalogs behind one switch.

``qcakit.set_language("zh")`` makes what the package says (table headers, chart legends, figure
labels, ...) Simplified Chinese; ``"en"`` (the default) English. The environment variable
``QCAKIT_LANG`` sets the language a kernel starts in (``make lab KIT_LANG=zh`` sets it for you).

A string a learner reads is written in English in the code and wrapped where it is used::

    tr("Configuration chart")                                  # a sentence
    tr("Necessity for {outcome}").format(outcome=label)        # named placeholders
    trn("{n} row", "{n} rows", n).format(n=n)                  # plural forms (English needs them)
    LABELS = (tr_later("consistency"), ...)                    # marked at import, translated
    tr(LABELS[0])                                              #   where it is shown

``tr`` looks the English text up in the catalog of the current language when it is called,
so nothing is translated at import time and a language switch takes effect on the next display.
The catalogs are GNU gettext files in ``qcakit/locale/<lang>/LC_MESSAGES/qcakit.po``
(the translations, edited by people) and ``qcakit.mo`` (compiled from the ``.po`` by
``make catalogs``, read here with the standard library's :mod:`gettext`). Both are committed:
the wheel and an editable install then carry a ready ``.mo``, with no build step, no Babel and
no network on a read-only JupyterHub; ``tests/test_i18n.py`` fails when a ``.mo`` is not the
compilation of its ``.po``, when the ``.po`` misses a string the code marks, and when a string
has no Chinese translation. ``docs/translating.md`` is the developer's guide.

A string missing from the Chinese catalog is shown in English with a
:class:`MissingTranslationWarning` (once per string), never an error and never an empty text.

>>> from qcakit import i18n
>>> with i18n.language("zh"):
...     i18n.tr("Configuration chart")
'组态图'
>>> i18n.tr("Configuration chart")
'Configuration chart'
"""
from __future__ import annotations

import gettext
import os
import warnings
from contextlib import contextmanager
from pathlib import Path

from .errors import QCAInputError

#: The gettext domain (file name of the catalogs).
DOMAIN = "qcakit"
#: Where the catalogs are: ``<lang>/LC_MESSAGES/qcakit.mo`` under this folder.
LOCALE_DIR = Path(__file__).with_name("locale")
#: Supported language codes and their names.
LANGUAGES = {"en": "English", "zh": "简体中文 (Simplified Chinese)"}
#: Other spellings accepted for a supported code (compared in lower case, '-' or '_').
ALIASES = {"zh_cn": "zh", "zh_hans": "zh", "zh_hans_cn": "zh", "en_us": "en", "en_gb": "en"}
#: The environment variable read when the package is imported.
ENVIRONMENT_VARIABLE = "QCAKIT_LANG"


class MissingTranslationWarning(UserWarning):
    """A string has no translation in the current language's catalog; it is shown in English."""


class _EnglishFallback(gettext.NullTranslations):
    """The end of the lookup chain: the English text, with a warning once per string."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.warned: set = set()

    def _missing(self, message: str) -> None:
        if message not in self.warned:
            self.warned.add(message)
            warnings.warn(f"No {LANGUAGES[self.language]} translation for {message!r} yet; "
                          "shown in English.", MissingTranslationWarning, stacklevel=5)

    def gettext(self, message):
        self._missing(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        self._missing(msgid1)
        return msgid1 if n == 1 else msgid2


_catalogs: dict = {}


def _catalog(code: str) -> gettext.NullTranslations:
    """The translations of ``code``, read once (English needs none)."""
    if code not in _catalogs:
        with open(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as f:
            catalog = gettext.GNUTranslations(f)
        catalog.add_fallback(_EnglishFallback(code))
        _catalogs[code] = catalog
    return _catalogs[code]


def supported(code) -> str:
    """The supported language code for ``code`` (``"zh-CN"`` -> ``"zh"``), or a clear error.

    >>> supported("zh-CN"), supported("EN")
    ('zh', 'en')
    >>> supported("fr")
    Traceback (most recent call last):
    ...
    qcakit.errors.QCAInputError: Unknown language 'fr': qcakit speaks en (English), zh (简体中文 (Simplified Chinese)).
    """
    key = str(code).strip().lower().replace("-", "_") if isinstance(code, str) else None
    key = ALIASES.get(key, key)
    if key not in LANGUAGES:
        names = ", ".join(f"{c} ({name})" for c, name in LANGUAGES.items())
        raise QCAInputError(f"Unknown language {code!r}: qcakit speaks {names}.")
    return key


def _from_environment() -> str:
    """The language named by ``QCAKIT_LANG`` (English when unset; a warning when unknown)."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if not value:
        return "en"
    try:
        return supported(value.split(".")[0])  # 'zh_CN.UTF-8' as in LANG is fine too
    except QCAInputError as err:
        from .errors import QCAWarning

        warnings.warn(f"{ENVIRONMENT_VARIABLE}={value!r} ignored, English used. {err}",
                      QCAWarning, stacklevel=2)
        return "en"


_current = _from_environment()


def get_language() -> str:
    """The current language code (``"en"`` or ``"zh"``)."""
    return _current


@contextmanager
def language(code: str):
    """Speak ``code`` inside a ``with`` block, then return to the language before it."""
    global _current
    before, _current = _current, supported(code)
    try:
        yield
    finally:
        _current = before


def tr(message: str) -> str:
    """``message`` (English) in the current language. Mark it in the code as a literal,
    ``tr("...")``, so that ``make catalogs`` finds it; fill placeholders after translating:
    ``tr("{n} cases").format(n=3)``."""
    if _current == "en":
        return message
    return _catalog(_current).gettext(message)


def trn(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for the count ``n``, in the current language.

    >>> trn("{n} row", "{n} rows", 2).format(n=2)
    '2 rows'
    """
    if _current == "en":
        return singular if n == 1 else plural
    return _catalog(_current).ngettext(singular, plural, n)


def sentences(*parts: str) -> str:
    """Sentences (already translated) joined as the current language writes them: with a space
    in English, without one in Chinese (whose full stop needs none); empty parts are left out.

    >>> sentences("One.", "", "Two.")
    'One. Two.'
    """
    return ("" if _current == "zh" else " ").join(p for p in parts if p)


def tr_later(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (for module constants,
    which are made once, at import); translate it where it is shown with ``tr(constant)``."""
    return message


# The switch checks its argument as every public function does. Its kind is imported here, at
# the end: the kinds' own messages use tr() above, and whichever of the two modules is imported
# first, the other then finds what it needs.
from ._kinds.texts import Text  # noqa: E402
from ._spec import accepts  # noqa: E402


class LanguageCode(Text):
    """A language code the kit speaks (aliases such as ``zh-CN`` read as ``zh``)."""

    rule = "a language code: 'en' or 'zh' (also 'zh-CN', 'zh_CN', 'zh-Hans')"

    def check(self, value, arg):
        return supported(value)


@accepts(code=LanguageCode())
def set_language(code: str) -> None:
    """Speak ``code`` from now on: ``"zh"`` (Simplified Chinese) or ``"en"`` (English, the default).

    Applies to everything the package says afterwards, including the next display of a
    result computed before. The start value comes from the environment variable
    ``QCAKIT_LANG``.

    ``"zh"`` also registers the kit's Chinese font with matplotlib at once
    (:func:`qcakit.fonts.use_cjk_font`), so axes you create yourself afterwards, before any
    of the kit's plotting functions runs, draw Chinese labels too (matplotlib fixes a text's
    font when the text is made). The environment variable alone does not: it is read at
    ``import qcakit``, which does not import matplotlib.

    >>> import qcakit
    >>> qcakit.set_language("zh"); qcakit.get_language()
    'zh'
    >>> qcakit.set_language("en")
    """
    global _current
    _current = supported(code)
    if _current != "en":
        from .fonts import use_cjk_font

        use_cjk_font()
