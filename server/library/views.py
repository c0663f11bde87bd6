"""The component library API: public, read-only, the same for everyone, so answers are cached everywhere."""

from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors
from .serializers import (
    MAX_PAGE_SIZE,
    CategorySerializer,
    ComponentDetailSerializer,
    ComponentPageSerializer,
    ComponentQuerySerializer,
    LibrarySerializer,
)

ERRORS = OpenApiResponse(description='{"errors": [{"message", "field"?}]}')
BROWSER_CACHE_SECONDS = 300


class ComponentPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE


class PublicLibraryView(APIView):
    """Base of the library views: anyone may read (no session or token is looked at, so no `Vary: Cookie`)."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method == "GET" and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
        return response


class ComponentListView(PublicLibraryView):
    """Search and filter the components, best match first (public: the library is the same for everyone)."""

    @extend_schema(
        operation_id="library_components_list",
        parameters=[ComponentQuerySerializer],
        responses={200: ComponentPageSerializer, 400: ERRORS, 404: ERRORS},
        tags=["library"],
    )
    def get(self, request: Request) -> Response:
        query = ComponentQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        params = query.validated_data

        def page() -> dict:
            rows = selectors.search_components(
                params.get("search", ""),
                library=params.get("library"),
                category=params.get("category"),
                simulatable=params.get("simulatable"),
            )
            paginator = ComponentPagination()
            results = paginator.paginate_queryset(rows, request, view=self)
            return paginator.get_paginated_response(results).data

        return Response(selectors.cached_answer(("components", request.build_absolute_uri()), page))


class ComponentDetailView(PublicLibraryView):
    """One component with its drawing, pins, properties and SPICE mapping (public)."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "key", str, OpenApiParameter.PATH, description='The numeric id, or the symbol id such as "Device:R".'
            )
        ],
        responses={200: ComponentDetailSerializer, 404: ERRORS},
        tags=["library"],
    )
    def get(self, request: Request, key: str) -> Response:
        detail = selectors.cached_answer(("component", key), lambda: selectors.component_detail(key))
        if detail is None:
            raise NotFound(f"No component {key!r} in the library.")
        return Response(detail)


class LibraryListView(PublicLibraryView):
    """The imported KiCad libraries with their categories and symbol counts (public)."""

    @extend_schema(responses=LibrarySerializer(many=True), tags=["library"])
    def get(self, request: Request) -> Response:
        return Response(selectors.cached_answer(("libraries",), selectors.libraries))


class CategoryListView(PublicLibraryView):
    """The palette categories that have components, in palette order (public)."""

    @extend_schema(responses=CategorySerializer(many=True), tags=["library"])
    def get(self, request: Request) -> Response:
        return Response(selectors.cached_answer(("categories",), selectors.categories))
