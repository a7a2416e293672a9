"""Keep the kit's message catalogs in step with its code (``make catalogs`` runs this).

1. Extract every string the code marks (``tr("...")``, ``trn("...", "...", n)``,
   ``tr_later("...")``; see ``docs/translating.md``) from ``qcakit/`` with Babel.
2. Merge them into each language's ``qcakit/locale/<lang>/LC_MESSAGES/qcakit.po``: new strings
   arrive with an empty translation (Babel pre-fills a near match, flagged ``fuzzy``, when the
   English was only edited), strings gone from the code leave the file.
3. Compile each ``.po`` to its ``.mo``, which the package reads at run time (untranslated and
   fuzzy entries are left out, so the English shows, with a warning).
4. List what still needs a translation. ``tests/test_i18n.py`` fails until that list is empty.

Usage::

    python scripts/catalogs.py           # update the .po files and compile the .mo files
    python scripts/catalogs.py --check   # change nothing; exit 1 if a catalog is out of step
    python scripts/catalogs.py --init fr # start a catalog for a new language, then update it

Babel is a tool of the developers and the tests only (installed by the ``test`` extra); the
package reads ``.mo`` files with the standard library.
"""
from __future__ import annotations

import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qcakit"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "qcakit"
#: The wrapping functions of qcakit.i18n, as Babel keywords (trn: singular, plural).
KEYWORDS = {"tr": None, "tr_later": None, "trn": (1, 2)}
#: Comments above a marked string starting with this go to the translators.
COMMENT_TAG = "Translators:"
#: Fixed header dates, so that running the tool changes a file only when a message changes.
HEADER_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _package_folder(path) -> bool:
    """Every folder of the package but caches (Babel's default also skips ``_kinds``)."""
    return not Path(path).name.startswith((".", "__"))


def extract() -> Catalog:
    """A catalog (template) of every string the package marks, with the files it comes from."""
    template = Catalog(domain=DOMAIN, project="qcakit", creation_date=HEADER_DATE,
                       fuzzy=False)
    for filename, _, message, comments, context in extract_from_dir(
            PACKAGE, keywords=KEYWORDS, comment_tags=[COMMENT_TAG], strip_comment_tags=True,
            directory_filter=_package_folder):
        template.add(message, locations=[(f"qcakit/{filename}", None)],
                     auto_comments=comments, context=context)
    return template


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """The languages that have a catalog (every supported language but English)."""
    return sorted(p.name for p in LOCALE_DIR.iterdir() if po_path(p.name).exists())


def read(lang: str) -> Catalog:
    with open(po_path(lang), "rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def merged(lang: str, template: Catalog) -> Catalog:
    """The language's catalog updated to the template (new strings empty, old ones dropped)."""
    catalog = read(lang)
    catalog.update(template, update_creation_date=False)
    catalog.revision_date = HEADER_DATE
    catalog.obsolete.clear()
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=True, include_lineno=False,
             ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """The msgids with no translation (empty or fuzzy) in ``catalog``."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def init(lang: str) -> None:
    """Start an empty catalog for a new language (then add it to qcakit.i18n.LANGUAGES)."""
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(po_bytes(Catalog(locale=lang, domain=DOMAIN, project="qcakit",
                                      creation_date=HEADER_DATE, revision_date=HEADER_DATE,
                                      fuzzy=False)))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    if "--init" in argv:
        init(argv[argv.index("--init") + 1])
    template = extract()
    stale = []
    for lang in languages():
        catalog = merged(lang, template)
        files = {po_path(lang): po_bytes(catalog),
                 po_path(lang).with_suffix(".mo"): mo_bytes(catalog)}
        for path, content in files.items():
            if not path.exists() or path.read_bytes() != content:
                stale.append(path.relative_to(ROOT))
                if not check:
                    path.write_bytes(content)
        missing = untranslated(catalog)
        print(f"{lang}: {len(template)} strings, {len(missing)} without a translation"
              + "".join(f"\n    {m!r}" for m in missing))
    if stale:
        print(("Out of step (run `make catalogs`): " if check else "Updated: ")
              + ", ".join(map(str, stale)))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
