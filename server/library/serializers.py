from rest_framework import serializers

from ohmcloud.strict_serializer import StrictSerializer

MAX_PAGE_SIZE = 200


class ComponentQuerySerializer(StrictSerializer):
    """The query string of GET /api/library/components."""

    search = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text='Words that must all match: inside the name, or the start of a keyword or description word ("res").',
    )
    library = serializers.CharField(required=False, max_length=100, help_text='Only this KiCad library, e.g. "Device".')
    category = serializers.CharField(
        required=False, max_length=64, help_text='Only this category, e.g. "Transistors" (see /api/library/categories).'
    )
    simulatable = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="true: only parts with a SPICE mapping; false: only those without.",
    )
    page = serializers.IntegerField(required=False, min_value=1, help_text="1-based page number.")
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        help_text=f"Results per page (default 50, at most {MAX_PAGE_SIZE}).",
    )


class ComponentSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    symbol_id = serializers.CharField(help_text='"Library:Name", e.g. "Device:R"; what a schematic stores.')
    library = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    keywords = serializers.CharField()
    category = serializers.CharField()
    reference = serializers.CharField(help_text='The reference designator\'s prefix: "R", "Q", "U", "#PWR".')
    simulatable = serializers.BooleanField(help_text="Whether the netlister can turn it into SPICE.")
    unit_count = serializers.IntegerField(help_text="Units (gates, op-amp channels) in one package.")
    pin_count = serializers.IntegerField()


class ComponentPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = ComponentSummarySerializer(many=True)


class PinSerializer(serializers.Serializer):
    number = serializers.CharField()
    name = serializers.CharField(help_text='"~" when unnamed.')
    electrical_type = serializers.CharField(help_text="KiCad's: input, output, passive, power_in ...")
    graphic_style = serializers.CharField(help_text="line, inverted, clock ...")
    x = serializers.IntegerField(help_text="The connection point, mils, y up.")
    y = serializers.IntegerField()
    orientation = serializers.IntegerField(help_text="Degrees, from the connection point towards the body.")
    length = serializers.IntegerField(help_text="Mils.")
    hidden = serializers.BooleanField()
    unit = serializers.IntegerField(help_text="0: on every unit.")
    body_style = serializers.IntegerField(help_text="0: both body styles, 1: normal.")


class ComponentDetailSerializer(ComponentSummarySerializer):
    value = serializers.CharField()
    datasheet = serializers.CharField()
    footprint = serializers.CharField()
    is_power = serializers.BooleanField(help_text="A power symbol: its Value names the net it connects to.")
    properties = serializers.DictField(child=serializers.CharField(), help_text="Every KiCad property.")
    pins = PinSerializer(many=True, help_text="Every pin once (De Morgan duplicates left out).")
    geometry = serializers.JSONField(help_text="The drawing: units, graphics, pins, field positions (see docs).")
    spice = serializers.JSONField(
        allow_null=True, help_text="How it becomes a SPICE element (schematic.symbol_info.SpiceMapping); null if not."
    )


class LibrarySerializer(serializers.Serializer):
    name = serializers.CharField()
    category = serializers.CharField()
    symbol_count = serializers.IntegerField()


class CategorySerializer(serializers.Serializer):
    name = serializers.CharField()
    libraries = serializers.IntegerField()
    components = serializers.IntegerField()
