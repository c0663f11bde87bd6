import time

import numpy as np
import pytest

from spice.decimation import decimate, select_indices


def sine(n: int, periods: float = 5) -> tuple[np.ndarray, np.ndarray]:
    scale = np.linspace(0, 1, n)
    return scale, np.sin(2 * np.pi * periods * scale)


def test_fitting_input_is_returned_unchanged():
    scale, column = sine(100)
    out_scale, (out_column,) = decimate(scale, [column], 100)
    assert out_scale is scale
    assert out_column is column
    np.testing.assert_array_equal(select_indices([column], 500), np.arange(100))


def test_a_single_spike_survives():
    scale, column = sine(100_000)
    column[31_337] = 7.0
    column[77_777] = -9.0
    out_scale, (out_column,) = decimate(scale, [column], 500)
    assert len(out_scale) <= 500
    assert out_column.max() == 7.0
    assert out_column.min() == -9.0
    assert scale[31_337] in out_scale


def test_first_and_last_points_are_kept():
    scale, column = sine(10_001)
    index = select_indices([column], 101)
    assert index[0] == 0
    assert index[-1] == 10_000
    out_scale, _ = decimate(scale, [column], 101)
    assert out_scale[0] == 0 and out_scale[-1] == 1


@pytest.mark.parametrize("points", [2, 3, 4, 5, 10, 99, 1000, 4999])
@pytest.mark.parametrize("columns", [0, 1, 3, 40])
def test_never_more_than_points_and_the_scale_stays_increasing(points, columns):
    rng = np.random.default_rng(points * 100 + columns)
    scale = np.cumsum(rng.uniform(0.1, 1, 5000))
    data = [np.cumsum(rng.standard_normal(5000)) for _ in range(columns)]
    out_scale, out_columns = decimate(scale, data, points)
    assert 2 <= len(out_scale) <= points
    assert np.all(np.diff(out_scale) > 0)
    assert out_scale[0] == scale[0] and out_scale[-1] == scale[-1]
    assert all(len(c) == len(out_scale) for c in out_columns)


def test_every_columns_extremes_survive_when_they_fit():
    rng = np.random.default_rng(7)
    columns = [np.cumsum(rng.standard_normal(20_000)) for _ in range(10)]
    index = select_indices(columns, 1000)
    assert len(index) <= 1000
    for column in columns:
        assert np.argmax(column) in index
        assert np.argmin(column) in index


def test_spikes_in_different_columns_all_survive():
    _, base = sine(50_000)
    columns = []
    for spike in (1_000, 20_000, 45_000):
        column = base.copy()
        column[spike] = 100.0
        columns.append(column)
    index = select_indices(columns, 200)
    assert {1_000, 20_000, 45_000} <= set(index.tolist())


def test_more_columns_than_the_budget_holds_falls_back_to_overall_extremes():
    rng = np.random.default_rng(3)
    columns = [rng.uniform(-1000, 1000, 3000) for _ in range(300)]
    for column in columns:
        column[1150:1350] = 0  # mid-range here, so the small signal's peak is the highest around 1234
    small = np.zeros(3000)
    small[1234] = 1e-6  # a tiny signal beside big ones: scaled to its own range, its peak still wins
    index = select_indices([*columns, small], 100)
    assert len(index) <= 100
    assert index[0] == 0 and index[-1] == 2999
    assert np.all(np.diff(index) > 0)
    assert 1234 in index


def test_complex_columns_are_chosen_by_magnitude():
    scale = np.arange(10_000.0)
    column = np.exp(1j * scale / 100)  # magnitude 1 everywhere ...
    column[4321] = 5 + 5j  # ... but here
    out_scale, (out_column,) = decimate(scale, [column], 50)
    assert out_column.dtype == complex
    assert 4321.0 in out_scale
    assert 5 + 5j in out_column


def test_nan_and_infinite_values_raise_no_warnings():
    column = np.linspace(0, 1, 1000)
    column[10], column[20], column[30] = np.nan, np.inf, -np.inf
    constant = np.full(1000, 3.0)
    all_nan = np.full(1000, np.nan)
    for columns in ([column], [column, constant, all_nan], [column, constant, all_nan] * 20):
        index = select_indices(columns, 20)
        assert len(index) <= 20
        assert index[0] == 0 and index[-1] == 999


def test_without_columns_the_scale_is_thinned_evenly():
    scale = np.linspace(0, 1, 10_001)
    out_scale, columns = decimate(scale, [], 101)
    assert columns == []
    assert len(out_scale) <= 101
    assert np.max(np.diff(out_scale)) < 0.03


def test_bad_arguments():
    with pytest.raises(ValueError, match="at least 2"):
        select_indices([np.zeros(10)], 1)
    with pytest.raises(ValueError, match="1-D with 10 points"):
        select_indices([np.zeros(10), np.zeros(9)], 5)
    with pytest.raises(ValueError, match="1-D with 10 points"):
        decimate(np.zeros(10), [np.zeros((10, 2))], 5)
    with pytest.raises(ValueError, match="at least one column"):
        select_indices([], 5)


def test_a_million_points_decimate_fast():
    scale, column = sine(1_000_000, periods=50)
    column[654_321] = 3
    started = time.perf_counter()
    out_scale, (out_column,) = decimate(scale, [column], 2000)
    elapsed = time.perf_counter() - started
    assert len(out_scale) <= 2000
    assert out_column.max() == 3
    assert elapsed < 0.2, f"took {elapsed:.3f} s"


def test_five_hundred_columns_decimate_in_well_under_a_second():
    rng = np.random.default_rng(11)
    columns = [np.cumsum(rng.standard_normal(10_000)) for _ in range(500)]
    started = time.perf_counter()
    index = select_indices(columns, 2000)
    elapsed = time.perf_counter() - started
    assert len(index) <= 2000
    assert elapsed < 0.6, f"took {elapsed:.3f} s"
