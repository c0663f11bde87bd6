from django.urls import path

from .views import CategoryListView, ComponentDetailView, ComponentListView, LibraryListView

urlpatterns = [
    path("library/components", ComponentListView.as_view(), name="library-component-list"),
    path("library/components/<str:key>", ComponentDetailView.as_view(), name="library-component-detail"),
    path("library/libraries", LibraryListView.as_view(), name="library-libraries"),
    path("library/categories", CategoryListView.as_view(), name="library-categories"),
]
