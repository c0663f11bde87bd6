import os
import subprocess
import sys
from pathlib import Path

import pytest

from ohmcloud.production_checks import InsecureConfiguration, production_problems, require_secure_production

GOOD_KEY = "kq3Vb9-2xZ_hT8mN4pL7wR1sY6uE0cJ5aD3fG8iK2oQ9vB7nM4xW1zA6sF0hJ"


def test_good_settings_pass():
    require_secure_production(secret_key=GOOD_KEY, debug=False, allowed_hosts=["ohm.example.org"])


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"secret_key": ""}, "SECRET_KEY is not set"),
        ({"secret_key": "short"}, "shorter than 50"),
        ({"secret_key": "change-me" * 10}, "placeholder"),
        ({"secret_key": "a" * 60}, "distinct"),
        ({"debug": True}, "DEBUG is on"),
        ({"allowed_hosts": []}, "ALLOWED_HOSTS is empty"),
        ({"allowed_hosts": ["*"]}, "contains '*'"),
    ],
)
def test_each_insecure_value_is_named(kwargs, fragment):
    settings = {"secret_key": GOOD_KEY, "debug": False, "allowed_hosts": ["ohm.example.org"], **kwargs}
    problems = production_problems(**settings)
    assert len(problems) == 1 and fragment in problems[0], problems
    with pytest.raises(InsecureConfiguration, match="OHM_ENV=production refuses to start"):
        require_secure_production(**settings)


def test_django_refuses_to_start_in_production_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS")}
    env.update(OHM_ENV="production", DEBUG="true", ALLOWED_HOSTS="*", OHM_VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "OHM_ENV=production refuses to start" in result.stderr
    for fragment in ("SECRET_KEY is not set", "DEBUG is on", "contains '*'"):
        assert fragment in result.stderr
    assert not (tmp_path / "secret_key").exists()  # production never invents a key
