# syntax=docker/dockerfile:1
# Builds one web app of the npm workspace (web/) and, when run, publishes its
# dist/ into the volume mounted at /out, then exits. The eda-frontend and
# arduino-frontend services are this file with APP=eda and APP=arduino; nginx
# serves the volumes read-only. Build context: the repository root.
#   docker build -f deploy/web.Dockerfile --build-arg APP=eda -t ohmcloud-eda .
# deploy/web.Dockerfile.dockerignore keeps node_modules and old builds out of
# the context (BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: npm ci + vite build (the app's vite config sets base /eda/ or /arduino/) ---
FROM ${NODE_IMAGE} AS build
ARG APP
WORKDIR /web
COPY web/ ./
RUN if [ -z "${APP}" ] || [ ! -f "apps/${APP}/package.json" ]; then \
        echo "build arg APP must name a folder of web/apps (eda, arduino), got '${APP}'" >&2; \
        exit 1; \
    fi
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
RUN npm run build --workspace "apps/${APP}" \
    && test -f "apps/${APP}/dist/index.html"

# --- publish: a small run-once container that copies dist/ into /out ---
FROM ${NODE_IMAGE} AS publish
ARG APP
COPY --from=build /web/apps/${APP}/dist /opt/ohmcloud/dist
COPY deploy/web/publish.sh /opt/ohmcloud/publish.sh
# A new named volume mounted at /out takes this directory's owner, so the
# unprivileged node user can write it.
RUN chmod 0755 /opt/ohmcloud/publish.sh \
    && mkdir /out \
    && chown node:node /out
USER node
CMD ["/opt/ohmcloud/publish.sh", "/opt/ohmcloud/dist", "/out"]
