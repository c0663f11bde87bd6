from django.urls import path

from .views import BoardListView, BuildDetailView, BuildListView, LibraryListView

urlpatterns = [
    path("boards", BoardListView.as_view(), name="arduino-boards"),
    path("libraries", LibraryListView.as_view(), name="arduino-libraries"),
    path("builds", BuildListView.as_view(), name="arduino-build-list"),
    path("builds/<str:job_id>", BuildDetailView.as_view(), name="arduino-build-detail"),
]
