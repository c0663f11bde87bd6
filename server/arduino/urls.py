from django.urls import path

from .run_views import RunDetailView, RunListView, RunTraceView
from .views import BoardListView, BuildDetailView, BuildListView, LibraryListView

urlpatterns = [
    path("boards", BoardListView.as_view(), name="arduino-boards"),
    path("libraries", LibraryListView.as_view(), name="arduino-libraries"),
    path("builds", BuildListView.as_view(), name="arduino-build-list"),
    path("builds/<str:job_id>", BuildDetailView.as_view(), name="arduino-build-detail"),
    path("runs", RunListView.as_view(), name="arduino-run-list"),
    path("runs/<str:job_id>", RunDetailView.as_view(), name="arduino-run-detail"),
    path("runs/<str:job_id>/trace.vcd", RunTraceView.as_view(), name="arduino-run-trace"),
]
