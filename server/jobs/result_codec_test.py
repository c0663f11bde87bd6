import json
import zlib

import numpy as np

from jobs.result_codec import decode, encode


def test_plain_documents_round_trip():
    document = {"a": [1, 2.5, None, "x"], "b": {"c": True}}
    assert decode(encode(document)) == document


def test_arrays_round_trip_bit_exact_anywhere_in_the_document():
    t = np.linspace(0, 1, 1001)
    v = np.sin(2 * np.pi * t) * 1e-7
    document = {"plots": [{"name": "tran1", "vectors": [{"name": "time", "values": t}, {"name": "v(a)", "values": v,
                                                          "imag": -v}]}]}  # fmt: skip
    back = decode(encode(document))
    vectors = back["plots"][0]["vectors"]
    assert vectors[0]["name"] == "time"
    assert np.array_equal(vectors[0]["values"], t)
    assert np.array_equal(vectors[1]["values"], v)
    assert np.array_equal(vectors[1]["imag"], -v)
    assert vectors[1]["values"].dtype == np.float64


def test_arrays_are_stored_as_bytes_not_text():
    values = np.random.default_rng(1).standard_normal(100_000)
    blob = encode({"values": values})
    assert len(blob) < len(json.dumps(values.tolist()).encode()) / 2
    assert len(blob) < 100_000 * 8 + 200


def test_legacy_json_blobs_still_decode():
    assert decode(zlib.compress(b'{"x": 1}')) == {"x": 1}
