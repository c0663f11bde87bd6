from rest_framework import serializers

from jobs.serializers import DiagnosticSerializer, JobAcceptedSerializer
from ohmcloud.strict_serializer import StrictSerializer
from schematic.serializers import FindingSerializer


class SimulationRequestSerializer(StrictSerializer):
    """Either a netlist, or a schematic with its analyses."""

    netlist = serializers.CharField(
        required=False,
        trim_whitespace=False,
        help_text="A SPICE netlist (first line is the title). `.control` blocks, `shell` and file paths are refused.",
    )
    schematic = serializers.JSONField(required=False, help_text="A schematic in format v1 (docs/formats/schematic.md).")
    analyses = serializers.ListField(
        child=serializers.JSONField(),
        required=False,
        min_length=1,
        help_text='With a schematic: e.g. [{"type": "tran", "step": "1u", "stop": "1m"}].',
    )

    def validate(self, attrs):
        if ("netlist" in attrs) == ("schematic" in attrs):
            raise serializers.ValidationError('Send either "netlist" or "schematic" (with "analyses").')
        if "schematic" in attrs and "analyses" not in attrs:
            raise serializers.ValidationError({"analyses": "A schematic needs at least one analysis."})
        if "netlist" in attrs and "analyses" in attrs:
            raise serializers.ValidationError({"analyses": "Analyses go inside a netlist as dot cards (.tran ...)."})
        return attrs


class SpiceNamesSerializer(serializers.Serializer):
    """What a schematic's netlist named its nets and parts (as POST /api/netlist answers them)."""

    nodes = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        help_text='With a schematic: net name -> SPICE node ({"GND": "0", "out": "out"}); voltages are `v(<node>)`.',
    )
    elements = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        help_text='With a schematic: component id -> SPICE element ({"c1": "V1"}); currents are `i(<element>)`.',
    )


class SimulationAcceptedSerializer(JobAcceptedSerializer, SpiceNamesSerializer):
    """The 202 answer: the job, and with a schematic its netlist, warnings and SPICE names."""

    netlist = serializers.CharField(required=False, help_text="With a schematic: the netlist it became.")
    diagnostics = FindingSerializer(
        many=True, required=False, help_text="With a schematic: the ERC warnings that did not block it."
    )


class VectorSerializer(serializers.Serializer):
    name = serializers.CharField(help_text='ngspice\'s name, e.g. "time", "v(out)", "i(v1)".')
    unit = serializers.CharField(help_text='"s", "Hz", "V", "A", ... or "" when ngspice gives no type.')
    values = serializers.ListField(
        child=serializers.FloatField(), help_text="Real parts (or the values), one per point."
    )
    imag = serializers.ListField(
        child=serializers.FloatField(),
        required=False,
        help_text="Imaginary parts, for complex vectors only (AC, noise, pz).",
    )


class PlotSerializer(serializers.Serializer):
    name = serializers.CharField(
        help_text='The plot\'s id, numbered per kind as ngspice does: "op1", "tran1", "ac1"...'
    )
    title = serializers.CharField(help_text="The netlist's title line.")
    kind = serializers.ChoiceField(
        ["op", "dc", "ac", "tran", "tf", "noise", "pz", "sens", "disto", "sp", "unknown"], help_text="The analysis."
    )
    scale = serializers.CharField(
        help_text="The name of the vector the others are plotted against (time, frequency...)."
    )
    dimensions = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="Sizes of a nested sweep, outermost first."
    )
    points = serializers.IntegerField(help_text="Points in this plot before decimation.")
    vectors = VectorSerializer(many=True)


class SimulationResultSerializer(serializers.Serializer):
    plots = PlotSerializer(many=True)


class SimulationSerializer(SpiceNamesSerializer):
    """A simulation's state and results; with a schematic, the SPICE names of its nets and parts."""

    id = serializers.UUIDField()
    status = serializers.ChoiceField(["queued", "running", "succeeded", "failed", "cancelled"])
    diagnostics = DiagnosticSerializer(many=True, help_text="ngspice's errors and warnings, with netlist lines.")
    result = SimulationResultSerializer(allow_null=True, help_text="Present once the simulation succeeded.")
    timings = serializers.DictField(child=serializers.FloatField(), help_text="Seconds spent per stage.")
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class SimulationSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()
    title = serializers.CharField(help_text="The netlist's first line.")
    url = serializers.CharField()
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
