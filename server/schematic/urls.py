from django.urls import path

from .views import NetlistView

urlpatterns = [path("netlist", NetlistView.as_view(), name="netlist")]
