# vimod service image, two variants:
#   docker build -t vimod .                           full: torch + transformers + onnxruntime,
#                                                     serves every model kind (PhoBERT included)
#   docker build --target slim -t vimod:slim .         slim: no torch; serves the CPU baselines
#                                                     (the default models), ~1/3 of the size
# Run with PostgreSQL: see README ("Docker"); several replicas: deploy/compose.yaml.

# Settings, user, data folder and health check: inherited by both variants.
FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    VIMOD_HOST=0.0.0.0 \
    VIMOD_PORT=8000 \
    VIMOD_REGISTRY_DIR=/data/registry \
    VIMOD_SECRETS_DIR=/data \
    VIMOD_DATABASE_URL=sqlite:////data/vimod.db
WORKDIR /app
RUN useradd --create-home --uid 10001 vimod && mkdir -p /data && chown vimod /data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz').status != 200)"
# Migrates the store, builds the default models on an empty registry, then serves.
CMD ["vimod", "serve"]

# Without the phobert extra: torch, transformers and onnxruntime are imported only when a
# transformer model is loaded (models/kinds.py), so the baselines serve without them. A
# registry whose active version is a PhoBERT model reports it in /readyz as not loadable.
FROM runtime AS slim
COPY constraints.txt pyproject.toml README.md ./
COPY models ./models
COPY service ./service
COPY training ./training
COPY cli ./cli
RUN pip install -c constraints.txt . && python -c "import importlib.util as u, sys; sys.exit(u.find_spec('torch') is not None)"
USER vimod

# The default target (last stage).
FROM runtime AS full
# torch first, CPU build, pinned: the phobert extra would otherwise pull CUDA wheels.
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
RUN pip install --index-url "$TORCH_INDEX" torch==2.13.0
# every other package at the version pinned by `make lock`
COPY constraints.txt pyproject.toml README.md ./
COPY models ./models
COPY service ./service
COPY training ./training
COPY cli ./cli
RUN pip install -c constraints.txt ".[phobert]"
USER vimod
