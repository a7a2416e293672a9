"""qcakit.read_data: a researcher's own file, in the encodings and formats it arrives in.

Every file is written here byte by byte (not with the reader's counterpart), so a test fails
if the reader guesses the encoding or the separator wrongly; every error names the problem; and
the file is never changed, whether it was read or refused.
"""
from __future__ import annotations

import codecs
import os

import pandas as pd
import pytest

import qcakit
from qcakit import QCAInputError, read_data

TEXT = "县区,组织,增长\n甲子县,1.5,3.2\n乙丑县,2,0.5\n东城区·北片,0.5,7\n"
NAMES = ["甲子县", "乙丑县", "东城区·北片"]


def write(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def unchanged(path):
    """The file's bytes and modification time, to compare after reading."""
    return path.read_bytes(), os.stat(path).st_mtime_ns


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 with BOM"), ("gbk", "GBK/GB18030"),
    ("gb18030", "GBK/GB18030"), ("utf-16", "UTF-16")])
def test_encodings_are_detected(tmp_path, encoding, expected):
    path = write(tmp_path, "cases.csv", TEXT.encode(encoding))
    before = unchanged(path)
    data = read_data(path, case_column="县区")
    assert list(data.index) == NAMES and list(data.columns) == ["组织", "增长"]
    assert data["组织"].tolist() == [1.5, 2.0, 0.5] and data["增长"].tolist() == [3.2, 0.5, 7.0]
    assert data.attrs["source"]["encoding"] == expected
    assert unchanged(path) == before


def test_gbk_bytes_are_not_valid_utf8_so_detection_is_needed():
    with pytest.raises(UnicodeDecodeError):
        TEXT.encode("gbk").decode("utf-8")


@pytest.mark.parametrize("sep", [";", "\t"])
def test_the_separator_is_read_from_the_header(tmp_path, sep):
    path = write(tmp_path, "cases.txt", TEXT.replace(",", sep).encode("utf-8"))
    data = read_data(path, "县区")
    assert data.shape == (3, 2) and data.attrs["source"]["separator"] == sep


def test_an_excel_workbook_is_read_by_content_with_its_sheets(tmp_path):
    path = tmp_path / "cases.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        pd.DataFrame({"x": [1]}).to_excel(book, sheet_name="notes", index=False)
        pd.DataFrame({"county": NAMES, "ORG": [1.5, 2, 0.5], "Y": [3.2, 0.5, 7]}).to_excel(
            book, sheet_name="cases", index=False)
    before = unchanged(path)
    data = read_data(path, "county", sheet="cases")
    assert list(data.index) == NAMES and data["Y"].tolist() == [3.2, 0.5, 7.0]
    assert data.attrs["source"] == {"file": str(path), "format": "Excel workbook",
                                    "encoding": None, "sheet": "cases", "separator": None,
                                    "decimal_comma": []}
    assert read_data(path, "county", sheet=1).equals(data)
    renamed = write(tmp_path, "cases.dat", path.read_bytes())  # the name does not matter
    assert read_data(renamed, "county", sheet="cases").equals(data)
    with pytest.raises(QCAInputError, match="no sheet 'Sheet1'. Its sheets: 'notes', 'cases'"):
        read_data(path, "county", sheet="Sheet1")
    assert unchanged(path) == before


def test_without_a_case_column_cases_are_numbered_and_names_become_text(tmp_path):
    path = write(tmp_path, "cases.csv", b"id,A,Y\n101,1,2\n102,3,4\n")
    data = read_data(path)
    assert list(data.index) == [1, 2] and data.index.name == "row"
    assert list(read_data(path, "id").index) == ["101", "102"]


def test_empty_rows_and_columns_a_spreadsheet_leaves_are_dropped(tmp_path):
    path = write(tmp_path, "cases.csv", b"case,A,Y,,\np,1,2,,\n,,,,\nq,3,4,,\n")
    data = read_data(path, "case")
    assert list(data.index) == ["p", "q"] and list(data.columns) == ["A", "Y"]


@pytest.mark.parametrize("name, content, case_column, message", [
    ("empty.csv", b"", None, "is empty"),
    ("blank.csv", b"\n\n  \n", None, "is empty"),
    ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "not a table of text"),
    ("one.csv", b"A\n1\n2\n", None, "not a table of cases: it has 2 row"),
    ("ragged.csv", b"case,A\np,1\nq,1,5\n", "case", "line 3 has 3 cells but the header has 2"),
    ("latin1.csv", "case,A\nMüller é,1\n".encode("latin-1"), "case",
     "neither UTF-8 nor GBK/GB18030"),
    ("damaged.csv", codecs.BOM_UTF8 + b"case,A\n\xff\xfe,1\n", "case",
     "starts as UTF-8 with BOM text but byte"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, None, "old-format Excel"),
    ("fake.xlsx", b"PK\x03\x04 not really a workbook", None, "is not an Excel workbook"),
    ("cases.csv", b"Case,A\np,1\n", "case", "no column 'case' for the case names. Did you "
                                            "mean 'Case'?"),
    ("cases.csv", b"case,A\np,1\nq,2\np,3\n", "case", "Case names repeat in column 'case'"),
    ("cases.csv", b"case,A\np,1\n,2\n", "case", r"empty in 1 row\(s\).*line\(s\) 3"),
])
def test_each_unreadable_file_gets_a_clear_error_and_is_left_alone(tmp_path, name, content,
                                                                   case_column, message):
    path = write(tmp_path, name, content)
    before = unchanged(path)
    with pytest.raises(QCAInputError, match=message):
        read_data(path, case_column)
    assert unchanged(path) == before


def test_a_missing_file_a_folder_and_a_non_path(tmp_path):
    write(tmp_path, "cases.csv", b"case,A\np,1\n")
    with pytest.raises(QCAInputError, match=r"No file '.*case.csv' \(looked in.*Files of that kind there: "
                                            "cases.csv"):
        read_data(tmp_path / "case.csv")
    with pytest.raises(QCAInputError, match="is a folder, not a file"):
        read_data(tmp_path)
    with pytest.raises(QCAInputError, match="takes the path of a file"):
        read_data(pd.DataFrame({"A": [1]}))


def test_the_bundled_file_reads_as_the_loader_gives_it():
    data = read_data(qcakit.datasets.path("xu2024_county_alliance"), "case")
    expected = pd.read_csv(qcakit.datasets.path("xu2024_county_alliance")).set_index("case")
    pd.testing.assert_frame_equal(data, expected, check_dtype=False)


def test_decimal_commas_are_read_where_the_separator_is_a_semicolon(tmp_path):
    """Excel writes '0,9' and ';' where the comma is the decimal sign. A column of such
    numbers is read as numbers; a column with any other text (a name with a comma, a typo)
    stays text, for check_data to report; the case column is never touched."""
    content = ("village;A;Y;note;mixed\n甲村;0,9;1;a,b;0,5\n乙村;0,25;0;c;x\n"
               "丙村;1;0,5;d;0,7\n").encode("utf-8")
    path = write(tmp_path, "villages.csv", content)
    before = unchanged(path)
    data = read_data(path, case_column="village")
    assert data["A"].tolist() == [0.9, 0.25, 1.0] and data["Y"].tolist() == [1.0, 0.0, 0.5]
    assert data["note"].tolist() == ["a,b", "c", "d"]
    assert data["mixed"].tolist() == ["0,5", "x", "0,7"]
    assert data.attrs["source"]["decimal_comma"] == ["A", "Y"]
    assert unchanged(path) == before
    points = write(tmp_path, "points.csv", b"case,A\np,0.9\nq,0.25\n")
    assert read_data(points, case_column="case").attrs["source"]["decimal_comma"] == []
