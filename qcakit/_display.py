"""Shared rendering of result objects: a title, the table, and short notes, in HTML and text."""
from __future__ import annotations

import html

import pandas as pd

DIGITS = 3


def fmt_table(df: pd.DataFrame, digits: int = DIGITS) -> pd.DataFrame:
    """Round float columns for display (the stored values are never rounded)."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}f}")
    return out


def render_html(title: str, table: pd.DataFrame | None, notes=(), styler=None) -> str:
    parts = [f"<div class='qcakit'><p><b>{html.escape(title)}</b></p>"]
    if styler is not None:
        parts.append(styler.to_html())
    elif table is not None:
        parts.append(fmt_table(table).to_html(escape=True).replace(
            "<table ", "<table style='font-size:14px' ", 1))
    for note in notes:
        parts.append(f"<p style='margin:2px 0;font-size:14px'>{html.escape(note)}</p>")
    parts.append("</div>")
    return "\n".join(parts)


def render_text(title: str, table: pd.DataFrame | None, notes=()) -> str:
    lines = [title]
    if table is not None:
        lines.append(fmt_table(table).to_string())
    lines.extend(notes)
    return "\n".join(lines)
