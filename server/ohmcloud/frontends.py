"""Serve the built single-page apps (/eda/, /arduino/) in the embedded mode.

WhiteNoise serves each app's `dist/` files under its prefix; any other path below
the prefix gets the app's index.html (client-side routing). In production nginx
does the same from the same build output and this code is never reached.
"""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponse
from whitenoise.middleware import WhiteNoiseMiddleware


class FrontendMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise for static files plus every built web app under /<app>/."""

    def __init__(self, get_response=None):
        super().__init__(get_response)
        self.add_headers_function = _no_cache_for_html
        for name, dist in settings.FRONTEND_APPS.items():
            if dist.is_dir():
                self.add_files(str(dist), prefix=f"{name}/")


def _no_cache_for_html(headers, path: str, url: str) -> None:
    # index.html names the current hashed bundles: revalidate it on every load.
    if path.endswith(".html"):
        headers["Cache-Control"] = "no-cache"


def app_index(request, app: str):
    """The app's index.html for client-side routes, or a clear page if it is not built."""
    index: Path = settings.FRONTEND_APPS[app] / "index.html"
    if not index.is_file():
        return HttpResponse(
            f"The {app} web app is not built. Run ./run (it builds web/) and reload.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
