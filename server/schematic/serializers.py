from rest_framework import serializers

from ohmcloud.strict_serializer import StrictSerializer


class NetlistRequestSerializer(StrictSerializer):
    schematic = serializers.JSONField(help_text="A schematic in format v1 (docs/formats/schematic.md).")
    analyses = serializers.ListField(
        child=serializers.JSONField(),
        required=False,
        help_text='Analyses, e.g. [{"type": "op"}, {"type": "tran", "step": "1u", "stop": "1m"}].',
    )


class FindingSerializer(serializers.Serializer):
    severity = serializers.ChoiceField(["error", "warning"])
    code = serializers.CharField(help_text='What kind of problem: "no-ground", "pin-unconnected", ...')
    message = serializers.CharField()
    component = serializers.CharField(required=False, help_text="The component's id, to highlight it.")
    reference = serializers.CharField(required=False)
    pin = serializers.CharField(required=False, help_text="The pin number.")
    wire = serializers.CharField(required=False)
    net = serializers.CharField(required=False)
    label = serializers.CharField(required=False)
    field = serializers.CharField(required=False, help_text='Where in the request: "analyses[1].stop".')


class NetlistResponseSerializer(serializers.Serializer):
    netlist = serializers.CharField()
    diagnostics = FindingSerializer(many=True, help_text="ERC and analysis findings; errors block simulation.")
    nodes = serializers.DictField(
        child=serializers.CharField(),
        help_text='Net name -> SPICE node: {"GND": "0", "out": "out", "+5V": "_5V"}. Voltages are `v(<node>)`.',
    )
    elements = serializers.DictField(
        child=serializers.CharField(),
        help_text='Component id -> SPICE element: {"c1": "V1", "c7": "XU1"}. Branch currents are `i(<element>)`.',
    )
