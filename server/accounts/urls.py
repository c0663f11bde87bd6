from django.urls import path

from .views import LoginView, LogoutView, MeView, RegisterView, TokenView

urlpatterns = [
    path("auth/register", RegisterView.as_view(), name="auth-register"),
    path("auth/login", LoginView.as_view(), name="auth-login"),
    path("auth/logout", LogoutView.as_view(), name="auth-logout"),
    path("auth/me", MeView.as_view(), name="auth-me"),
    path("auth/tokens", TokenView.as_view(), name="auth-tokens"),
]
