# vimod service image. Build: docker build -t vimod .
# Run with PostgreSQL: see README ("Docker").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    VIMOD_HOST=0.0.0.0 \
    VIMOD_PORT=8000 \
    VIMOD_REGISTRY_DIR=/data/registry \
    VIMOD_SECRETS_DIR=/data \
    VIMOD_DATABASE_URL=sqlite:////data/vimod.db

WORKDIR /app
# torch first, CPU build, pinned: the phobert extra would otherwise pull CUDA wheels.
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
RUN pip install --index-url "$TORCH_INDEX" torch==2.13.0

# every other package at the version pinned by `make lock`
COPY constraints.txt pyproject.toml README.md ./
COPY models ./models
COPY service ./service
COPY training ./training
COPY cli ./cli
RUN pip install -c constraints.txt ".[phobert]" && useradd --create-home --uid 10001 vimod \
    && mkdir -p /data && chown vimod /data

USER vimod
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz').status != 200)"
# Migrates the store, builds the default models on an empty registry, then serves.
CMD ["vimod", "serve"]
