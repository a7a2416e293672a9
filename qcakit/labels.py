"""Point labels that do not overlap: a small, deterministic placement (no extra dependency).

:func:`place_labels` works in display units (pixels, y pointing up). For each label in turn it
tries candidate positions around its point, nearest ring first and, within a ring, the eight
directions in a fixed order (upper right first, as matplotlib's usual ``xytext=(3, 3)``). It
keeps the first candidate that overlaps no label placed before it, no point marker and stays
inside the bounds; if every candidate collides, the one with the least overlap. The same input
always gives the same output, and a label is never placed on top of another one while a free
position exists within the outer ring. :func:`qcakit.plot.label_points` applies it to a
matplotlib Axes (and draws a thin leader line to labels pushed off the first ring).

>>> offsets = place_labels([(0, 0), (1, 0)], [(30, 8), (30, 8)], bounds=(-100, -100, 100, 100))
>>> offsets[0], offsets[1]
((3.0, 3.0), (3.0, -11.0))
"""
from __future__ import annotations

from collections.abc import Sequence

#: Directions tried on each ring, in order: upper right, lower right, upper left, lower left,
#: right, above, left, below.
DIRECTIONS = ((1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (0, 1), (-1, 0), (0, -1))


def _box(point, size, direction, radius):
    """(x0, y0, x1, y1) of a label of ``size`` put ``radius`` away from ``point``."""
    (px, py), (w, h), (ux, uy) = point, size, direction
    x0 = px + radius if ux > 0 else px - radius - w if ux < 0 else px - w / 2
    y0 = py + radius if uy > 0 else py - radius - h if uy < 0 else py - h / 2
    return (x0, y0, x0 + w, y0 + h)


def _overlap(a, b) -> float:
    """Area shared by two boxes (x0, y0, x1, y1)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _outside(box, bounds) -> float:
    """Area of ``box`` outside ``bounds``."""
    area = (box[2] - box[0]) * (box[3] - box[1])
    return area - _overlap(box, bounds)


def place_labels(points: Sequence, sizes: Sequence, bounds: Sequence | None = None, *,
                 radii: Sequence[float] = (3, 9, 16, 26, 38), marker: float = 3.0):
    """Offsets (dx, dy) of each label's lower-left corner from its point, in display units.

    ``points``: (x, y) of each point; ``sizes``: (width, height) of each label; ``bounds``:
    (x0, y0, x1, y1) labels should stay inside (e.g. the Axes' box), or ``None``; ``radii``:
    the rings tried, nearest first; ``marker``: half the size of a point's marker, which labels
    avoid as well.

    >>> place_labels([(0, 0)], [(10, 4)])
    [(3.0, 3.0)]
    >>> crowd = place_labels([(0, 0)] * 3, [(20, 6)] * 3)
    >>> crowd  # three labels on one point: upper right, lower right, upper left
    [(3.0, 3.0), (3.0, -9.0), (-23.0, 3.0)]
    """
    points = [(float(x), float(y)) for x, y in points]
    sizes = [(float(w), float(h)) for w, h in sizes]
    if len(points) != len(sizes):
        raise ValueError(f"{len(points)} points but {len(sizes)} label sizes.")
    markers = [(x - marker, y - marker, x + marker, y + marker) for x, y in points]
    placed: list = []
    offsets = []
    for point, size in zip(points, sizes):
        best, best_cost = None, None
        for radius in radii:
            for direction in DIRECTIONS:
                box = _box(point, size, direction, radius)
                cost = (sum(_overlap(box, other) for other in placed)
                        + sum(_overlap(box, m) for m in markers)
                        + (_outside(box, bounds) if bounds is not None else 0.0))
                if best_cost is None or cost < best_cost - 1e-9:
                    best, best_cost = box, cost
                if cost <= 1e-9:
                    break
            if best_cost is not None and best_cost <= 1e-9:
                break
        placed.append(best)
        offsets.append((best[0] - point[0], best[1] - point[1]))
    return offsets


def label_gap(offset, size) -> float:
    """How far a label placed at ``offset`` (lower-left corner) with ``size`` stands from its
    point: the larger of the horizontal and vertical gaps (0 when it covers the point).

    >>> label_gap((3, 3), (10, 4)), label_gap((-13, -2), (10, 4)), label_gap((3, -20), (5, 4))
    (3.0, 3.0, 16.0)
    """
    (dx, dy), (w, h) = offset, size
    return float(max(dx, -(dx + w), 0.0, dy, -(dy + h)))


def group_coincident(xs, ys, labels, *, digits: int = 9):
    """Points at the same place share one label ("a, b"), in first-seen order.

    >>> group_coincident([0.5, 0.2, 0.5], [0.5, 0.1, 0.5], ["a", "b", "c"])
    [(0.5, 0.5, 'a, c'), (0.2, 0.1, 'b')]
    """
    groups: dict = {}
    for x, y, label in zip(xs, ys, labels):
        key = (round(float(x), digits), round(float(y), digits))
        groups.setdefault(key, (float(x), float(y), []))[2].append(str(label))
    return [(x, y, ", ".join(names)) for x, y, names in groups.values()]
