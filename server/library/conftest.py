"""The default KiCad libraries, imported into the test database once per test module."""

import pytest

from library.importer import import_libraries


@pytest.fixture(scope="module")
def default_library(django_db_setup, django_db_blocker):
    """The default set, imported once; idempotent, so a later module finds it unchanged. The first import's report."""
    with django_db_blocker.unblock():
        return import_libraries()
