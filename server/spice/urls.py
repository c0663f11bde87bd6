from django.urls import path

from .views import SimulationCsvView, SimulationDetailView, SimulationListView

urlpatterns = [
    path("simulations", SimulationListView.as_view(), name="simulation-list"),
    path("simulations/<str:job_id>", SimulationDetailView.as_view(), name="simulation-detail"),
    path("simulations/<str:job_id>/data.csv", SimulationCsvView.as_view(), name="simulation-csv"),
]
