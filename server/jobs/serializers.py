from rest_framework import serializers

from ohmcloud.strict_serializer import StrictSerializer

from .kinds import UnknownJobKind, get_kind
from .models import Job


class JobSubmitSerializer(StrictSerializer):
    kind = serializers.CharField(help_text="A trial job kind, e.g. `sleep`.")
    input = serializers.JSONField(help_text='The kind\'s input, e.g. `{"seconds": 0.5}` for `sleep`.')

    def validate_kind(self, name: str) -> str:
        try:
            kind = get_kind(name)
        except UnknownJobKind:
            kind = None
        if kind is None or not kind.generic_api:
            raise serializers.ValidationError(f"Unknown job kind {name!r}.")
        return name

    def validate(self, attrs):
        input_serializer = get_kind(attrs["kind"]).input_serializer(data=attrs["input"])
        if not input_serializer.is_valid():
            raise serializers.ValidationError({"input": input_serializer.errors})
        return {**attrs, "input": input_serializer.validated_data}


class JobAcceptedSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()
    url = serializers.URLField()


class DiagnosticSerializer(serializers.Serializer):
    severity = serializers.ChoiceField(choices=["error", "warning", "info"])
    message = serializers.CharField()
    line = serializers.IntegerField(required=False)


class JobSerializer(serializers.ModelSerializer):
    diagnostics = DiagnosticSerializer(many=True)
    result = serializers.SerializerMethodField()
    timings = serializers.DictField(child=serializers.FloatField())

    class Meta:
        model = Job
        fields = [
            "id",
            "kind",
            "status",
            "input",
            "diagnostics",
            "result",
            "timings",
            "created_at",
            "started_at",
            "finished_at",
            "expires_at",
        ]

    def get_result(self, job) -> dict | None:
        return self.context.get("result")
