from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .frontends import app_index
from .health import HealthView

api_patterns = [
    path("health/", HealthView.as_view(), name="health"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("accounts.urls")),
    path("", include("jobs.urls")),
    path("", include("spice.urls")),
    path("", include("schematic.urls")),
    path("", include("library.urls")),
    path("arduino/", include("arduino.urls")),
]

urlpatterns = [
    path("", TemplateView.as_view(template_name="ohmcloud/landing.html"), name="landing"),
    path("api/", include(api_patterns)),
    path("admin/", admin.site.urls),
    # Client-side routes of the web apps; their files are served by FrontendMiddleware.
    re_path(r"^(?P<app>eda|arduino)/", app_index, name="frontend"),
]

handler400 = "ohmcloud.api_errors.bad_request"
handler403 = "ohmcloud.api_errors.permission_denied"
handler404 = "ohmcloud.api_errors.not_found"
handler500 = "ohmcloud.api_errors.server_error"
