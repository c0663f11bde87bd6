"""Cut curves to a point budget for plotting while keeping every curve's peaks (min/max buckets).

The interior of the index range (all but the first and last point) is split into
equal buckets; in each bucket the indices of the minimum and the maximum of each
column are kept, in index order, so a one-sample spike in any curve survives.
The first and last points are always kept.

How `len(result) <= points` is guaranteed for any number of columns: the
interior gets `budget = points - 2` indices. It starts with `budget // 2`
buckets, which is exactly enough for one column (a min and a max per bucket).
Columns often share their extremes, but when the union over all columns is over
budget, neighbouring buckets are merged k at a time, with the smallest k whose
union fits (bisection; merging buckets keeps the extremes of the merged range).
If even a single bucket spanning everything cannot hold every column's min and
max (more than `budget / 2` columns with distinct extremes), each of the
`budget // 2` buckets keeps only the lowest and the highest value across all
columns, each column first scaled to its own range so a small signal is not
drowned by a large one.

Everything is vectorised: one pass of argmin/argmax over the data, then the
bisection works on the per-bucket extremes only.
"""

from collections.abc import Sequence

import numpy as np


def decimate(scale: np.ndarray, columns: list[np.ndarray], points: int) -> tuple[np.ndarray, list[np.ndarray]]:
    """`scale` and `columns` cut to at most `points` shared indices; unchanged when they already fit.

    Complex columns are judged by their magnitude; with no columns the scale itself is used.
    """
    if len(scale) <= points:
        return scale, list(columns)
    _check_lengths(columns, len(scale))
    index = select_indices(columns or [scale], points)
    return scale[index], [column[index] for column in columns]


def select_indices(columns: Sequence[np.ndarray], points: int) -> np.ndarray:
    """Sorted, unique indices (at most `points`, first and last included) that keep each column's extremes."""
    if points < 2:
        raise ValueError(f"points must be at least 2, not {points}")
    if not len(columns):
        raise ValueError("select_indices needs at least one column")
    count = len(columns[0])
    _check_lengths(columns, count)
    if count <= points:
        return np.arange(count)
    budget = points - 2
    buckets = budget // 2
    if buckets == 0:
        return np.array([0, count - 1])
    interior = np.stack([np.abs(c) if np.iscomplexobj(c) else np.asarray(c, dtype=np.float64) for c in columns])
    interior = interior[:, 1:-1]
    extremes = _BucketExtremes(interior, -(-interior.shape[1] // buckets))

    chosen = extremes.merged(1)
    if len(chosen) <= budget:
        return _with_ends(chosen, count)
    widest = extremes.buckets  # one bucket over the whole interior
    chosen = extremes.merged(widest)
    if len(chosen) > budget:
        return _with_ends(_overall_extremes(interior, buckets), count)
    too_narrow = 1
    while widest - too_narrow > 1:
        middle = (too_narrow + widest) // 2
        candidate = extremes.merged(middle)
        if len(candidate) <= budget:
            widest, chosen = middle, candidate
        else:
            too_narrow = middle
    return _with_ends(chosen, count)


def _check_lengths(columns: Sequence[np.ndarray], count: int) -> None:
    for column in columns:
        if np.ndim(column) != 1 or len(column) != count:
            raise ValueError(f"every column must be 1-D with {count} points, one has shape {np.shape(column)}")


class _BucketExtremes:
    """Each column's min and max (value and index) in consecutive buckets of `size` points."""

    def __init__(self, interior: np.ndarray, size: int):
        full = interior.shape[1] // size
        parts = [interior[:, : full * size].reshape(interior.shape[0], full, size)]
        if interior.shape[1] > full * size:
            parts.append(interior[:, full * size :][:, None, :])  # a shorter last bucket
        lows, low_at, highs, high_at = [], [], [], []
        start = 0
        for part in parts:
            offsets = start + np.arange(part.shape[1])[None, :] * part.shape[2]
            low, high = part.argmin(axis=2), part.argmax(axis=2)
            lows.append(np.take_along_axis(part, low[:, :, None], axis=2)[:, :, 0])
            highs.append(np.take_along_axis(part, high[:, :, None], axis=2)[:, :, 0])
            low_at.append(low + offsets)
            high_at.append(high + offsets)
            start += part.shape[1] * part.shape[2]
        self.low, self.high = np.concatenate(lows, axis=1), np.concatenate(highs, axis=1)
        self.low_at, self.high_at = np.concatenate(low_at, axis=1), np.concatenate(high_at, axis=1)
        self.buckets = self.low.shape[1]
        self.length = interior.shape[1]

    def merged(self, k: int) -> np.ndarray:
        """Sorted unique indices of every column's min and max in buckets made of k neighbouring buckets."""
        kept = np.zeros(self.length, dtype=bool)  # a mask, not np.unique: no sort
        kept[_pick(self.low, self.low_at, k, np.inf, np.argmin)] = True
        kept[_pick(self.high, self.high_at, k, -np.inf, np.argmax)] = True
        return np.flatnonzero(kept)


def _pick(values: np.ndarray, at: np.ndarray, k: int, filler: float, arg) -> np.ndarray:
    """Indices of the winners among each k neighbouring buckets (ties: the earliest, as argmin does)."""
    columns, buckets = values.shape
    groups = -(-buckets // k)
    padded_values = np.full((columns, groups * k), filler)
    padded_values[:, :buckets] = values
    padded_at = np.zeros((columns, groups * k), dtype=at.dtype)
    padded_at[:, :buckets] = at
    winners = arg(padded_values.reshape(columns, groups, k), axis=2)
    return np.take_along_axis(padded_at.reshape(columns, groups, k), winners[:, :, None], axis=2).ravel()


def _overall_extremes(interior: np.ndarray, buckets: int) -> np.ndarray:
    """Per bucket, the position of the lowest and of the highest value over all columns scaled to [0, 1]."""
    low = np.fmin.reduce(interior, axis=1, keepdims=True)  # fmin/fmax skip NaN without warnings
    span = np.fmax.reduce(interior, axis=1, keepdims=True) - low
    span[~(span > 0) | ~np.isfinite(span)] = 1  # constant, infinite or all-NaN columns
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = (interior - low) / span
    overall = _BucketExtremes(
        np.stack([np.fmin.reduce(scaled, axis=0), np.fmax.reduce(scaled, axis=0)]), -(-interior.shape[1] // buckets)
    )
    return np.unique(np.concatenate([overall.low_at[0], overall.high_at[1]]))


def _with_ends(interior_indices: np.ndarray, count: int) -> np.ndarray:
    return np.concatenate([[0], interior_indices + 1, [count - 1]])
