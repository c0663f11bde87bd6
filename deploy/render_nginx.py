"""Render OhmCloud's nginx templates for a local run of the production topology.

The same ``deploy/nginx/ohmcloud.conf.template`` that the nginx image fills in
with envsubst is filled in here with ``string.Template.safe_substitute``, so a
test can run Debian's ``/usr/sbin/nginx`` in front of local app servers and
exercise exactly the routing that ships. Stdlib only.

    python deploy/render_nginx.py OUT_DIR --listen 127.0.0.1:18080 \\
        --django 127.0.0.1:18001 --django 127.0.0.1:18002 \\
        --eda-root web/apps/eda/dist --arduino-root web/apps/arduino/dist \\
        --static-root /tmp/static [--run]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import string
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

NGINX_DIR = Path(__file__).resolve().parent / "nginx"
SITE_TEMPLATE = NGINX_DIR / "ohmcloud.conf.template"
LOCAL_TEMPLATE = NGINX_DIR / "nginx-local.conf.template"
SECURITY_HEADERS = NGINX_DIR / "security-headers.conf"
NGINX_BINARY = "/usr/sbin/nginx"

PLACEHOLDERS = (
    "OHM_LISTEN",
    "OHM_DJANGO_SERVERS",
    "OHM_EDA_ROOT",
    "OHM_ARDUINO_ROOT",
    "OHM_STATIC_ROOT",
    "OHM_NGINX_CONF_DIR",
    "OHM_NGINX_TMP",
)

# Characters that would end or split an unquoted nginx directive argument.
_UNSAFE_IN_VALUE = re.compile(r"[\s;{}\"'$#\\]")
_LEFTOVER_PLACEHOLDER = re.compile(r"\$\{?OHM_[A-Z_]+\}?")


def render_template(text: str, values: Mapping[str, str]) -> str:
    """Fill ``${OHM_*}`` placeholders, leaving nginx's own ``$variables`` alone."""
    unknown = set(values) - set(PLACEHOLDERS)
    if unknown:
        raise ValueError(f"not an OhmCloud nginx placeholder: {sorted(unknown)}")
    rendered = string.Template(text).safe_substitute(values)
    leftover = _LEFTOVER_PLACEHOLDER.search(rendered)
    if leftover:
        raise ValueError(f"placeholder left unfilled: {leftover.group(0)}")
    return rendered


def _directive_value(name: str, value: str) -> str:
    if not value or _UNSAFE_IN_VALUE.search(value):
        raise ValueError(f"{name} must be a non-empty token without spaces or quotes: {value!r}")
    return value


def _directory(name: str, path: str | os.PathLike[str]) -> str:
    return _directive_value(name, str(Path(path).resolve()))


def upstream_servers(django_servers: Sequence[str]) -> str:
    """``["a:1", "b:2"]`` -> ``"server a:1; server b:2;"``: the template's one line."""
    if not django_servers:
        raise ValueError("at least one django server is needed")
    return " ".join(f"server {_directive_value('django server', address)};" for address in django_servers)


def render_local_config(  # noqa: PLR0917 - positional order is the documented API
    out_dir: str | os.PathLike[str],
    listen: str,
    django_servers: list[str],
    eda_root: str | os.PathLike[str],
    arduino_root: str | os.PathLike[str],
    static_root: str | os.PathLike[str],
    *,
    worker_user: str | None = None,
) -> Path:
    """Write nginx.conf, ohmcloud.conf and security-headers.conf into out_dir.

    out_dir doubles as nginx's scratch directory (pid, access log, temp paths).
    Returns the path of the top-level nginx.conf, to be run as
    ``nginx -e stderr -p OUT_DIR -c OUT_DIR/nginx.conf``.

    When nginx starts as root its workers switch to ``worker_user``, which
    defaults to root in that case (a test harness bound to a local port), so
    roots under private temp dirs (mode 0700, e.g. pytest's tmp_path) stay
    readable. As a normal user nginx keeps its own uid and no user line is written.
    """
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    if worker_user is None and hasattr(os, "geteuid") and os.geteuid() == 0:
        worker_user = "root"

    values = {
        "OHM_LISTEN": _directive_value("listen", listen),
        "OHM_DJANGO_SERVERS": upstream_servers(django_servers),
        "OHM_EDA_ROOT": _directory("eda_root", eda_root),
        "OHM_ARDUINO_ROOT": _directory("arduino_root", arduino_root),
        "OHM_STATIC_ROOT": _directory("static_root", static_root),
        "OHM_NGINX_CONF_DIR": _directory("out_dir", out),
        "OHM_NGINX_TMP": _directory("out_dir", out),
    }
    site_values = {k: v for k, v in values.items() if k != "OHM_NGINX_TMP"}
    local_values = {"OHM_NGINX_TMP": values["OHM_NGINX_TMP"]}

    (out / "ohmcloud.conf").write_text(render_template(SITE_TEMPLATE.read_text(), site_values), encoding="utf-8")
    shutil.copyfile(SECURITY_HEADERS, out / "security-headers.conf")
    top_level = render_template(LOCAL_TEMPLATE.read_text(), local_values)
    if worker_user:
        top_level = f"user {_directive_value('worker_user', worker_user)};\n" + top_level
    config = out / "nginx.conf"
    config.write_text(top_level, encoding="utf-8")
    return config


def nginx_command(config: Path, *, test_only: bool = False) -> list[str]:
    """The argv that runs (or with test_only, checks) a rendered local config."""
    argv = [NGINX_BINARY, "-e", "stderr", "-p", str(config.parent), "-c", str(config)]
    return [*argv, "-t"] if test_only else argv


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", help="directory for the rendered config and nginx's scratch files")
    parser.add_argument(
        "--listen",
        default="127.0.0.1:18080",
        help="nginx listen address (default %(default)s)",
    )
    parser.add_argument(
        "--django",
        action="append",
        required=True,
        metavar="HOST:PORT",
        help="an app server for the upstream; repeat for several",
    )
    parser.add_argument("--eda-root", required=True, help="built EDA app (index.html, assets/)")
    parser.add_argument("--arduino-root", required=True, help="built Arduino app (index.html, assets/)")
    parser.add_argument("--static-root", required=True, help="Django collectstatic output")
    parser.add_argument("--worker-user", default=None, help="nginx `user` when started as root")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="run `nginx -t` on the result")
    action.add_argument("--run", action="store_true", help="exec nginx in the foreground")
    args = parser.parse_args(argv)

    config = render_local_config(
        args.out_dir,
        args.listen,
        args.django,
        args.eda_root,
        args.arduino_root,
        args.static_root,
        worker_user=args.worker_user,
    )
    if args.check or args.run:
        command = nginx_command(config, test_only=args.check)
        if args.run:
            # Fixed binary, arguments are paths we just wrote.
            os.execv(command[0], command)  # noqa: S606
        return subprocess.run(command, check=False).returncode  # noqa: S603
    print(config)
    print(" ".join(nginx_command(config)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
