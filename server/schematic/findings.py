"""What ERC and the netlister report: one finding per problem, saying what to highlight."""

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str  # "error" (the schematic cannot be simulated) or "warning"
    code: str  # "no-ground", "pin-unconnected" ... (docs/formats/schematic.md lists them)
    message: str
    component: str | None = None  # component id
    reference: str | None = None
    pin: str | None = None  # pin number
    wire: str | None = None  # wire id
    net: str | None = None  # net name
    label: str | None = None  # label id
    field: str | None = None  # where in the request, as a JSON path: "analyses[1].stop"

    def as_dict(self) -> dict:
        """The finding as JSON, without the fields that do not apply."""
        return {key: value for key, value in asdict(self).items() if value is not None}


def error(code: str, message: str, **where: str | None) -> Finding:
    return Finding("error", code, message, **where)


def warning(code: str, message: str, **where: str | None) -> Finding:
    return Finding("warning", code, message, **where)


def has_errors(findings: "list[Finding] | tuple[Finding, ...]") -> bool:
    return any(finding.severity == "error" for finding in findings)
