#!/usr/bin/env bash
# GPU figures for a phobert-base-sized model (random weights): one fine-tuning epoch on
# ViHSD's real ids (steps/s, samples/s, epoch time, loss curve, peak memory, dev posts/s),
# then fixed-shape steps/s and inference posts/s. Prepared for a lent GPU machine: no
# network, no ../shared, its own python3 with torch. About 3 minutes on an H200.
#
# Here, first:  python bench/gpu_pretokenize.py        # → var/gpu/vihsd_ids.npz (0.6 MiB)
# There:        bash bench/gpu_phobert.sh               # carry var/gpu/vihsd_ids.npz
# Writes $OUT/gpu_phobert.{json,png,log} (or ./ without $OUT). Arguments go to
# bench/gpu_phobert.py (e.g. --max-len 128, --tiny); PYTHON picks the interpreter, GPU_IDS
# the ids file, GPU_BENCH_TIMEOUT (seconds, default 280) bounds the whole run.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-.}"
mkdir -p "$out"
log="$out/gpu_phobert.log"
ids="${GPU_IDS:-var/gpu/vihsd_ids.npz}"
py="${PYTHON:-$(command -v python3 || command -v python)}"
{
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null \
    || echo "no nvidia-smi: CPU run"
  if [ -f "$ids" ]; then
    echo "ids: $ids ($(du -k "$ids" | cut -f1) KiB)"
  else
    echo "WARNING: no $ids (run bench/gpu_pretokenize.py here and carry it): no ViHSD epoch"
  fi
} 2>&1 | tee "$log"
PYTHONUNBUFFERED=1 timeout "${GPU_BENCH_TIMEOUT:-280}" "$py" bench/gpu_phobert.py \
  --ids "$ids" --out "$out/gpu_phobert.json" --plot "$out/gpu_phobert.png" "$@" 2>&1 | tee -a "$log"
