from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ohmcloud.api_errors import errors_response

from .format import SchematicInvalid
from .serializers import NetlistRequestSerializer, NetlistResponseSerializer
from .services import netlist_schematic, schematic_errors, spice_names


class NetlistView(APIView):
    """The SPICE netlist of a schematic, with its ERC findings. Public: it stores nothing."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        request=NetlistRequestSerializer,
        responses={200: NetlistResponseSerializer, 400: OpenApiResponse(description='{"errors": [...]}')},
        tags=["schematics"],
    )
    def post(self, request: Request) -> Response:
        serializer = NetlistRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            result = netlist_schematic(
                serializer.validated_data["schematic"], serializer.validated_data.get("analyses")
            )
        except SchematicInvalid as invalid:
            return errors_response(schematic_errors(invalid), status.HTTP_400_BAD_REQUEST)
        return Response(
            {"netlist": result.text, "diagnostics": [f.as_dict() for f in result.findings], **spice_names(result)}
        )
