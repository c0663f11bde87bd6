# syntax=docker/dockerfile:1
# OhmCloud application image: the `django` (gunicorn) and `celery` (worker)
# services run this same image with different commands (see
# deploy/app/entrypoint.sh). Build context: the repository root.
#   docker build -f deploy/django.Dockerfile -t ohmcloud-app .
# deploy/django.Dockerfile.dockerignore keeps the context small (BuildKit reads
# <Dockerfile>.dockerignore beside the Dockerfile).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: install the locked dependencies into a venv (a compiler is there
# for any dependency that ships only an sdist) ---
FROM ${PYTHON_IMAGE} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PIP_DISABLE_PIP_VERSION_CHECK=1
COPY server/requirements.lock /tmp/requirements.lock
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --require-hashes -r /tmp/requirements.lock

# --- runtime ---
FROM ${PYTHON_IMAGE} AS runtime
# ngspice: simulations; gcc-avr/avr-libc/arduino-core-avr: sketch builds;
# kicad-symbols: component library import; bubblewrap: per-job sandbox;
# tini: PID 1 that forwards signals and reaps the jobs' orphans. (MySQL is
# reached through PyMySQL, pure Python: no client library needed.)
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ngspice gcc-avr avr-libc arduino-core-avr kicad-symbols bubblewrap \
        tini \
    && rm -rf /var/lib/apt/lists/*

# /srv/static is the mount point of the shared `static` volume: a new named
# volume takes the owner of this directory, so the non-root app can run
# collectstatic into it.
RUN groupadd --system --gid 10001 ohm \
    && useradd --system --uid 10001 --gid ohm --home-dir /home/ohm --create-home \
        --shell /usr/sbin/nologin ohm \
    && mkdir -p /srv/static \
    && chown ohm:ohm /srv/static

COPY --from=build /opt/venv /opt/venv
COPY deploy/app/ /opt/ohmcloud/deploy/
RUN chmod 0755 /opt/ohmcloud/deploy/entrypoint.sh
# Code owned by root, read-only for the app user.
COPY server/ /app/server/

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    OHM_ENV=production \
    STATIC_ROOT=/srv/static

WORKDIR /app/server
USER ohm:ohm
EXPOSE 8000
ENTRYPOINT ["/usr/bin/tini", "--", "/opt/ohmcloud/deploy/entrypoint.sh"]
CMD ["web"]
