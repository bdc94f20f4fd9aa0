# epnbot — image de déploiement (DESIGN §7). Construite par docker-compose.yml (service `bot`).
#
# Deux étapes : la première construit la roue du paquet (sources, pip, setuptools), la seconde
# n'installe que cette roue et ses dépendances, pour une image sans sources ni outils de build.
# psycopg[binary], rapidfuzz et opening-hours-py publient des roues manylinux : pas de compilateur.

FROM python:3.11-slim AS build
WORKDIR /src
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY knowledge ./knowledge
RUN pip wheel --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    EPNBOT_HEALTH_PORT=8080
COPY --from=build /wheels /wheels
# `pip install .` de l'étape précédente, sous forme de roues.
RUN pip install /wheels/*.whl && rm -rf /wheels
# Utilisateur sans privilèges ; /data reçoit l'état local (store Matrix, fichier SQLite éventuel).
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin epnbot \
    && mkdir -p /data && chown epnbot:epnbot /data
USER epnbot
WORKDIR /home/epnbot
ENV XDG_DATA_HOME=/data MATRIX_STORE_PATH=/data/matrix
EXPOSE 3000 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('EPNBOT_HEALTH_PORT', '8080'), timeout=4)"
# La commande `serve` arrive avec le ticket Slack (DESIGN §7) ; docker-compose.yml la répète.
CMD ["epnbot", "serve", "slack", "--http", "--port", "3000"]
