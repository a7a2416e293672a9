"""Bundled datasets: loading, dictionaries, provenance, and the Xu 2024 sums."""
import pytest

from qcakit import QCAInputError, datasets


def test_every_dataset_loads_with_a_complete_dictionary():
    names = datasets.available()
    assert {"xu2024_county_alliance", "lipset_fuzzy", "wei2026_cases"} <= set(names)
    for name in names:
        df = datasets.load(name)
        meta = datasets.info(name)
        for key in ("title", "citation", "source", "provenance", "variables"):
            assert meta.get(key), f"{name}: {key} missing"
        described = {v["name"] for v in meta["variables"]}
        assert set(df.columns) | {df.index.name} <= described, name
        if meta.get("reconstructed"):
            assert "reconstructed" in meta["title"].lower() or "reconstructed" in name


def test_load_returns_a_fresh_copy():
    df = datasets.load("xu2024_county_alliance")
    df["SCALE"] = 0
    assert datasets.load("xu2024_county_alliance")["SCALE"].sum() > 0


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(QCAInputError, match=r"Unknown dataset 'xu2024'.*xu2024_county_alliance"):
        datasets.load("xu2024")


def test_xu2024_conditions_are_the_sums_of_their_sub_items():
    df = datasets.load("xu2024_county_alliance")
    assert len(df) == 11
    for condition in ("ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT"):
        items = [c for c in df.columns if c.startswith(condition + "_")]
        assert items, condition
        assert (df[items].sum(axis=1) == df[condition]).all(), condition
    assert df.loc[df["case_no"] == 7, "GROWTH"].item() == 32.22  # Table 2, H county


def test_dictionary_has_chinese_labels_for_the_xu_conditions():
    d = datasets.dictionary("xu2024_county_alliance")
    assert d.loc["ORG", "label_zh"] == "组织结构紧密"
    assert d.loc["GROWTH", "role"] == "outcome"
