"""Serializers that refuse what they do not know, instead of silently ignoring it."""

from rest_framework import serializers


class StrictSerializer(serializers.Serializer):
    """A Serializer whose input must be a JSON object with only the declared fields."""

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError({"non_field_errors": ["Expected a JSON object."]})
        unknown = sorted(set(data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)
