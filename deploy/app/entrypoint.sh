#!/bin/sh
# Entrypoint of the ohmcloud image, shared by the django and celery services.
#   web     migrate + collectstatic (under a DB lock, see migrate_locked.py),
#           then gunicorn on :8000                       (django service)
#   worker  a Celery worker                              (celery service)
#   migrate only the locked migrate + collectstatic step
#   healthcheck-web | healthcheck-worker                 (compose healthchecks)
#   anything else is executed as given, e.g. `python manage.py createsuperuser`.
# Extra arguments after web/worker are passed on to gunicorn/celery.
set -eu

DEPLOY_DIR=/opt/ohmcloud/deploy
command=${1:-web}
[ "$#" -gt 0 ] && shift

# deploy/.env.example ships "change-me" placeholders: never serve with them.
refuse_placeholders() {
    for name in SECRET_KEY DATABASE_URL; do
        value=$(printenv "$name" || true)
        case "$value" in
        *change-me*)
            echo "entrypoint: $name still holds a change-me placeholder; set a real value in deploy/.env" >&2
            exit 78
            ;;
        esac
    done
}

case "$command" in
web)
    refuse_placeholders
    # OHM_MIGRATE_ON_START=0 when migrations run as a separate release step.
    if [ "${OHM_MIGRATE_ON_START:-1}" != 0 ]; then
        python "$DEPLOY_DIR/migrate_locked.py"
    fi
    exec gunicorn --config "$DEPLOY_DIR/gunicorn.conf.py" "$@" ohmcloud.wsgi:application
    ;;
worker)
    refuse_placeholders
    # Simulations and compiles are long and uneven: take one job at a time per
    # process, and recycle processes now and then to bound memory growth.
    # Beat (periodic jobs.cleanup) is embedded unless CELERY_BEAT=0; the
    # cleanup is idempotent, so one beat per worker container is safe.
    if [ "${CELERY_BEAT:-1}" != 0 ]; then
        set -- --beat --schedule /tmp/celerybeat-schedule "$@"
    fi
    exec celery -A ohmcloud worker \
        --loglevel "${CELERY_LOGLEVEL:-INFO}" \
        --concurrency "${CELERY_CONCURRENCY:-2}" \
        --prefetch-multiplier 1 \
        --max-tasks-per-child "${CELERY_MAX_TASKS_PER_CHILD:-200}" \
        --without-gossip --without-mingle \
        "$@"
    ;;
migrate)
    exec python "$DEPLOY_DIR/migrate_locked.py" "$@"
    ;;
healthcheck-web)
    exec python "$DEPLOY_DIR/healthcheck.py" "$@"
    ;;
healthcheck-worker)
    # The worker's default node name is celery@<hostname>, as Python sees it.
    node_host=$(python -c 'import socket; print(socket.gethostname())')
    exec celery -A ohmcloud inspect ping --destination "celery@$node_host" --timeout 10
    ;;
*)
    exec "$command" "$@"
    ;;
esac
