"""Read a researcher's own data file: CSV in any encoding Excel writes, or an Excel workbook.

:func:`read_data` reads a table of cases (rows) and sets or raw scores (columns) the way a
researcher's file arrives, and never changes the file (it is opened for reading only):

- **CSV** (any name ending): the encoding is *detected*, never asked for. A UTF-8 or UTF-16
  byte-order mark decides; otherwise the bytes are tried as UTF-8 (what most tools write), then
  as GB18030 (the superset of GBK and GB2312, what Excel's "CSV" writes on Chinese Windows).
  UTF-8 is tried first because text in another encoding almost never happens to be valid
  UTF-8, while UTF-8 text can be valid GB18030. Bytes that are neither are refused with a clear
  error (save the file as "CSV UTF-8"). The separator is the one of ``,``, ``;`` and tab that
  occurs most often in the header line (Excel writes ``;`` where the decimal sign is a comma).
- **Decimal commas**: in a CSV separated by ``;`` or tab, a column whose every entry is a
  number written with a decimal comma (``0,9``; at least one comma, no other text) is read
  as numbers (``0.9``), as Excel writes it where the comma is the decimal sign;
  ``attrs["source"]["decimal_comma"]`` lists those columns. Anything else stays as it is
  (``qcakit.check_data`` names the cells that are not numbers).
- **Excel** ``.xlsx`` / ``.xlsm`` (recognised by their content, not their name): the first
  sheet, or ``sheet=``, read with openpyxl. The old binary ``.xls`` format is refused with the
  advice to save as ``.xlsx`` or CSV.

Rows and columns that are entirely empty (spreadsheets leave them after the data) are dropped;
nothing else is changed. Column names and case names become text, unstripped: a blank in a
name is kept, and the error messages that follow show it. ``case_column`` names
the column that becomes the index; it must name every case, once. Without it the cases are
numbered 1, 2, ... in file order (index name ``row``).

The result's ``attrs["source"]`` says what was read: ``{"file", "format", "encoding",
"sheet", "separator", "decimal_comma"}``; :func:`qcakit.narrative.data_read` turns it into a sentence.

>>> import qcakit
>>> data = read_data(qcakit.datasets.path("lipset_fuzzy"), case_column="case")
>>> data.shape, data.attrs["source"]["format"], data.attrs["source"]["encoding"]
((18, 7), 'CSV', 'UTF-8')
"""
from __future__ import annotations

import codecs
import csv
import io
import os
from pathlib import Path

import pandas as pd

from . import _checks
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import tr

#: Encodings tried, in order, when the file has no byte-order mark (see the module docstring).
ENCODINGS = ("utf-8", "gb18030")
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16",
          "gb18030": "GBK/GB18030"}
_ZIP, _OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SEPARATORS = (",", ";", "\t")
_DECIMAL_COMMA = r"^\s*[-+]?\d+(,\d+)?\s*$"


def _file_bytes(path) -> tuple[Path, bytes]:
    if not isinstance(path, (str, os.PathLike)):
        raise QCAInputError(tr(
            "read_data() takes the path of a file (text, e.g. 'my_cases.csv'), got {kind}. A "
            "DataFrame you already have needs no reading.").format(kind=type(path).__name__))
    file = Path(path)
    if file.is_dir():
        raise QCAInputError(tr("{file} is a folder, not a file. Give the path of the data file "
                               "in it, e.g. 'folder/my_cases.csv'.").format(file=repr(str(file))))
    try:
        with open(file, "rb") as handle:  # read only: the file is never changed
            return file, handle.read()
    except FileNotFoundError:
        near = sorted(p.name for p in file.parent.glob(f"*{file.suffix}"))[:5] \
            if file.parent.is_dir() else []
        where = {"file": repr(str(file)), "folder": repr(str(file.parent.resolve()))}
        raise QCAInputError(tr(
            "No file {file} (looked in {folder}). Files of that kind there: {near}. Check the "
            "name and the folder; a relative path starts from the notebook's folder.").format(
            near=", ".join(near), **where) if near else tr(
            "No file {file} (looked in {folder}). Check the name and the folder; a relative path "
            "starts from the notebook's folder.").format(**where)) from None
    except OSError as err:
        raise QCAInputError(tr("Cannot read {file}: {reason}. Check that the file exists and "
                               "that you may read it.").format(file=repr(str(file)),
                                                               reason=err.strerror)) from None


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding used) for CSV bytes; see the module docstring for the order."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise QCAInputError(tr(
                    "{name} starts as {encoding} text but byte {byte} is not {encoding}: the "
                    "file is damaged or mixes encodings. Save it again from your spreadsheet "
                    "program as \"CSV UTF-8\".").format(name=repr(name), byte=err.start,
                                                        encoding=_NAMES[encoding])) from None
    if b"\x00" in raw[:4096]:
        raise QCAInputError(tr(
            "{name} is not a table of text (it holds binary data). Save your data as CSV "
            "(UTF-8) or as an Excel workbook (.xlsx) and read that file.").format(name=repr(name)))
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise QCAInputError(tr(
        "Cannot read the text of {name}: it is neither UTF-8 nor GBK/GB18030. Open it in your "
        "spreadsheet program and save it as \"CSV UTF-8\" (or as .xlsx).").format(name=repr(name)))


def _separator(text: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: header.count(sep) for sep in _SEPARATORS}
    return max(counts, key=counts.get)


def _same_width(text: str, sep: str, name: str) -> None:
    """Refuse a line with more (non-empty) cells than the header: pandas would silently turn
    the first cells into an index and shift every column."""
    records = csv.reader(io.StringIO(text), delimiter=sep)
    header = next(records, [])
    for line, cells in enumerate(records, start=2):
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            raise QCAInputError(tr(
                "{name} is not a table that can be read: line {line} has {cells} cells but the "
                "header has {header} (separator {separator}). Look in that line for a stray "
                "separator, e.g. a decimal comma or a comma inside a name (put such a name in "
                "double quotes).").format(name=repr(name), line=line, cells=len(cells),
                                          header=len(header), separator=repr(sep)))


def _read_csv(raw: bytes, name: str) -> tuple[pd.DataFrame, dict]:
    text, encoding = _decode(raw, name)
    if not text.strip():
        raise QCAInputError(tr("{name} is empty: there is no table to read.").format(
            name=repr(name)))
    sep = _separator(text)
    _same_width(text, sep, name)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep)
    except (pd.errors.ParserError, csv.Error) as err:
        raise QCAInputError(tr(
            "{name} is not a table that can be read: {error}. Every line must have the same "
            "number of cells separated by {separator}; look for a stray separator or quote in "
            "the line named.").format(name=repr(name), error=str(err).strip(),
                                      separator=repr(sep))) from None
    return frame, {"format": "CSV", "encoding": _NAMES[encoding], "sheet": None,
                   "separator": sep}


def _read_excel(raw: bytes, name: str, sheet) -> tuple[pd.DataFrame, dict]:
    try:
        import openpyxl  # noqa: F401  (a declared dependency; imported here to name it in errors)
    except ImportError:  # pragma: no cover - openpyxl is installed with the kit
        raise QCAInputError(tr(
            "{name} is an Excel workbook, and reading it needs the package openpyxl (pip "
            "install openpyxl), or save the sheet as CSV.").format(name=repr(name))) from None
    try:
        book = pd.ExcelFile(io.BytesIO(raw), engine="openpyxl")
    except Exception as err:  # a zip that is not a workbook: openpyxl raises several kinds
        raise QCAInputError(tr(
            "{name} looks like a zip archive but is not an Excel workbook ({error}). Save your "
            "data as .xlsx or CSV.").format(name=repr(name), error=err)) from None
    sheets = list(book.sheet_names)
    if isinstance(sheet, int) and not isinstance(sheet, bool) and 0 <= sheet < len(sheets):
        chosen = sheets[sheet]
    elif isinstance(sheet, str) and sheet in sheets:
        chosen = sheet
    else:
        raise QCAInputError(tr(
            "{name} has no sheet {sheet}. Its sheets: {sheets}; give sheet= a name or a number "
            "from 0.").format(name=repr(name), sheet=repr(sheet),
                              sheets=", ".join(map(repr, sheets))))
    frame = pd.read_excel(book, sheet_name=chosen)
    return frame, {"format": "Excel workbook", "encoding": None, "sheet": chosen,
                   "separator": None}


def _tidy(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Drop entirely empty rows and columns; names as text; refuse what is not a table."""
    frame = frame.dropna(axis=0, how="all").dropna(axis=1, how="all")
    frame.columns = [str(c) for c in frame.columns]
    if frame.shape[0] == 0 or frame.shape[1] < 2:
        raise QCAInputError(tr(
            "{name} is not a table of cases: it has {rows} row(s) with data and {columns} "
            "column(s). A data file needs a header line and one line per case, with a column "
            "for the case names and one per set, separated by commas (or semicolons or "
            "tabs).").format(name=repr(name), rows=frame.shape[0], columns=frame.shape[1]))
    _checks.unique_columns(frame, name)
    return frame


def _set_cases(frame: pd.DataFrame, case_column, name: str) -> pd.DataFrame:
    if case_column is None:
        frame.index = pd.RangeIndex(1, len(frame) + 1, name="row")
        return frame
    if not isinstance(case_column, str):
        raise QCAInputError(tr("case_column must be a column name (text), got {value}.").format(
            value=repr(case_column)))
    if case_column not in frame.columns:
        close = [c for c in frame.columns if c.strip().lower() == case_column.strip().lower()]
        where = {"name": repr(name), "column": repr(case_column),
                 "columns": ", ".join(map(repr, frame.columns))}
        raise QCAInputError(tr(
            "{name} has no column {column} for the case names. Did you mean {close}? Its "
            "columns: {columns}.").format(close=repr(close[0]), **where) if close else tr(
            "{name} has no column {column} for the case names. Its columns: {columns}.").format(
            **where))
    cases = frame[case_column]
    empty = cases.isna() | (cases.astype(str).str.strip() == "")
    if empty.any():
        lines = ", ".join(str(i + 2) for i in frame.index[empty.to_numpy()][:5])
        raise QCAInputError(tr(
            "The case column {column} is empty in {n} row(s) of {name} (line(s) {lines} of the "
            "file, counting the header as line 1). Name every case.").format(
            column=repr(case_column), n=int(empty.sum()), name=repr(name), lines=lines))
    names = cases.map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer()
                      else str(v))
    dup = names[names.duplicated()].unique().tolist()
    if dup:
        raise QCAInputError(tr(
            "Case names repeat in column {column} of {name}: {names}. Give every case its own "
            "name (e.g. add the year or region), or remove the duplicate line if it is the same "
            "case twice.").format(column=repr(case_column), name=repr(name), names=", ".join(
                map(repr, dup[:5])) + (" ..." if len(dup) > 5 else "")))
    out = frame.drop(columns=case_column)
    out.index = pd.Index(names.tolist(), name=case_column)
    return out


def _decimal_commas(frame: pd.DataFrame) -> list:
    """Columns of text that are numbers written with decimal commas, converted in place."""
    converted = []
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) or not (
                values.dtype == object or pd.api.types.is_string_dtype(values)):
            continue
        text = values.dropna()
        if text.empty or not all(isinstance(v, str) for v in text):
            continue
        if text.str.match(_DECIMAL_COMMA).all() and text.str.contains(",").any():
            frame[column] = pd.to_numeric(values.str.replace(",", ".", regex=False))
            converted.append(column)
    return converted


@accepts(path=K.Path(file=True), case_column=K.Text(optional=True), sheet=K.Sheet())
def read_data(path, case_column: str | None = None, *, sheet=0) -> pd.DataFrame:
    """Read a CSV file or an Excel workbook into a DataFrame, cases as the index.

    ``path``: the file. ``case_column``: the column naming the cases (it becomes the index;
    every name present and unique); ``None`` numbers the cases 1, 2, ... ``sheet``: for a
    workbook, the sheet's name or number (default the first). Encodings, separators and what
    is dropped: see the module docstring. Raises :class:`~qcakit.QCAInputError` for a file that
    is missing or unreadable, not a table, in an unknown encoding, with an unknown case column
    or repeated case names.
    """
    file, raw = _file_bytes(path)
    name = file.name
    if raw.startswith(_OLE2):
        raise QCAInputError(tr(
            "{name} is an old-format Excel file (.xls). Open it in your spreadsheet program and "
            "save it as .xlsx (Excel workbook) or as CSV UTF-8.").format(name=repr(name)))

    if raw.startswith(_ZIP):
        frame, source = _read_excel(raw, name, sheet)
    else:
        frame, source = _read_csv(raw, name)
    frame = _set_cases(_tidy(frame, name), case_column, name)
    commas = _decimal_commas(frame) if source["separator"] in (";", "\t") else []
    frame.attrs["source"] = {"file": str(file), **source, "decimal_comma": commas}
    return frame
