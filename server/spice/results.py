"""Simulation results: the stored document, its API view (optionally decimated) and CSV.

Stored document (numpy arrays inside; see jobs.result_codec):
    {"plots": [{"name", "title", "kind", "scale", "dimensions", "vectors":
                 [{"name", "unit", "values": ndarray, "imag"?: ndarray}]}]}
"""

import io

import numpy as np

from .decimation import select_indices
from .raw_reader import Plot

# Plots whose points are not a curve over a scale: never decimated.
_POINTWISE_KINDS = frozenset({"op", "tf", "pz", "sens", "unknown"})


def plots_document(plots: list[Plot]) -> dict:
    """The result document to store for a list of raw-file plots."""
    return {
        "plots": [
            {
                "name": plot.name,
                "title": plot.title,
                "kind": plot.kind,
                "scale": plot.scale,
                "dimensions": list(plot.dimensions) if plot.dimensions else None,
                "vectors": [
                    {
                        "name": v.name,
                        "unit": v.unit,
                        "values": v.real,
                        **({"imag": v.imag} if v.imag is not None else {}),
                    }
                    for v in plot.vectors
                ],
            }
            for plot in plots
        ]
    }


def _json_floats(values: np.ndarray) -> list:
    """Floats for JSON: NaN and infinities (not JSON) become null."""
    if np.isfinite(values).all():
        return values.tolist()
    return [float(v) if np.isfinite(v) else None for v in values]


def _decimation_index(plot: dict, points: int | None) -> np.ndarray | None:
    vectors = plot["vectors"]
    count = len(vectors[0]["values"]) if vectors else 0
    if points is None or count <= points or plot["kind"] in _POINTWISE_KINDS or plot.get("dimensions"):
        return None
    # Choose points by each curve's shape: magnitude for complex vectors.
    columns = [np.hypot(v["values"], v["imag"]) if "imag" in v else v["values"] for v in vectors[1:]]
    return select_indices(columns or [vectors[0]["values"]], points)


class UnknownVectors(ValueError):
    pass


def _only(plot: dict, names: set[str] | None) -> dict:
    """The plot with just its scale and the vectors named (all when names is None)."""
    if names is None:
        return plot
    kept = [v for i, v in enumerate(plot["vectors"]) if i == 0 or v["name"] in names]
    return {**plot, "vectors": kept}


def result_for_api(document: dict, points: int | None = None, vectors: set[str] | None = None) -> dict:
    """The JSON-ready result; with `points`, each curve is cut to at most that many points;
    with `vectors`, each plot keeps only its scale and those vectors (UnknownVectors if one exists nowhere)."""
    if vectors is not None:
        known = {v["name"] for plot in document["plots"] for v in plot["vectors"]}
        if missing := sorted(vectors - known):
            raise UnknownVectors(f"No vector named {', '.join(missing)} in this simulation.")
    plots = []
    for plot in (_only(p, vectors) for p in document["plots"]):
        index = _decimation_index(plot, points)

        def pick(values: np.ndarray, index=index) -> list:
            return _json_floats(values if index is None else values[index])

        shown_vectors = []
        for vector in plot["vectors"]:
            shown = {"name": vector["name"], "unit": vector["unit"], "values": pick(vector["values"])}
            if "imag" in vector:
                shown["imag"] = pick(vector["imag"])
            shown_vectors.append(shown)
        body = {key: plot[key] for key in ("name", "title", "kind", "scale")}
        if plot.get("dimensions"):
            body["dimensions"] = plot["dimensions"]
        body["points"] = len(plot["vectors"][0]["values"]) if plot["vectors"] else 0
        body["vectors"] = shown_vectors
        plots.append(body)
    return {"plots": plots}


def plot_csv(document: dict, name: str) -> str | None:
    """The plot `name` as CSV (scale first; complex vectors as `name.re`, `name.im`), or None."""
    plot = next((p for p in document["plots"] if p["name"] == name), None)
    if plot is None:
        return None
    headers, columns = [], []
    for vector in plot["vectors"]:
        if "imag" in vector:
            headers += [f"{vector['name']}.re", f"{vector['name']}.im"]
            columns += [vector["values"], vector["imag"]]
        else:
            headers.append(vector["name"])
            columns.append(vector["values"])
    out = io.StringIO()
    out.write(",".join(_csv_field(h) for h in headers) + "\n")
    if columns:
        np.savetxt(out, np.column_stack(columns), fmt="%.17g", delimiter=",")
    return out.getvalue()


def _csv_field(text: str) -> str:
    return f'"{text}"' if "," in text or '"' in text else text
