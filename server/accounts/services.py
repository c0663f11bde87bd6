"""Account services: registration and API tokens."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from rest_framework.authtoken.models import Token

User = get_user_model()


class UsernameTaken(Exception):
    pass


def register_user(username: str, password: str, email: str = "") -> User:
    """Create an ordinary (non-staff) user with a hashed password."""
    try:
        with transaction.atomic():
            return User.objects.create_user(username=username, password=password, email=email)
    except IntegrityError as exc:  # lost a race with another registration of the same name
        raise UsernameTaken(username) from exc


def api_token_for(user) -> str:
    """The user's API token for `Authorization: Token <key>`, created on first request."""
    token, _ = Token.objects.get_or_create(user=user)
    return token.key
