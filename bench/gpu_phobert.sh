#!/usr/bin/env bash
# GPU figures for a phobert-base-sized model (fine-tune steps/s, inference posts/s).
# Prepared for a lent GPU machine: no network, its own Python with torch. About 2 minutes.
#   bash bench/gpu_phobert.sh            # writes $OUT/gpu_phobert.json (or ./gpu_phobert.json)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-.}/gpu_phobert.json"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
py="$(command -v python3 || command -v python)"
"$py" -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())'
timeout 480 "$py" bench/gpu_phobert.py --out "$out"
