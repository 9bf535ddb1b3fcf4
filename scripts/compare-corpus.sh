#!/usr/bin/env bash
# Behaviour unchanged on the corpus? Ingests the sample corpora (tests/corpus, tests/corpus-extra) with the host built
# from a base revision and with the host built from this working tree, then diffs the two sets of records with
# scripts/compare-records.py (processedAt and timings aside). Exit code 1 when any record differs.
#
#   scripts/compare-corpus.sh              base: main
#   scripts/compare-corpus.sh HEAD~3       any revision git knows
#   KEEP=1 scripts/compare-corpus.sh       keeps the work folder (records, logs) and prints where it is
#
# Both hosts read the same packages (this tree's) and the same OCR models (.models, scripts/fetch-ocr-models.sh), one
# package at a time so the order of the records does not depend on timing. Needs the .NET SDK and tesseract-ocr.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
base=${1:-main}
work=$(mktemp -d -t caseingest-compare-XXXXXX)
cleanup() { if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT

models=$(readlink -f .models 2>/dev/null || true)
if [[ -z "$models" || ! -d "$models" ]]; then
  bash scripts/fetch-ocr-models.sh >&2
  models=$(readlink -f .models)
fi
export OMP_THREAD_LIMIT=1   # one OCR engine thread per package, as scripts/run.sh does

echo "base: $(git rev-parse --short "$base") ($base); after: this working tree" >&2
mkdir -p "$work/base"
git archive "$base" | tar -x -C "$work/base"

ingest() { # name, source tree
  local name=$1 tree=$2
  echo "building the host of $name (Release)" >&2
  dotnet build "$tree/src/Host/CaseIngest.Host.csproj" -c Release -nologo -v quiet >"$work/$name-build.log" 2>&1 \
    || { cat "$work/$name-build.log" >&2; exit 2; }
  echo "ingesting the corpora with $name" >&2
  dotnet "$tree/src/Host/bin/Release/net10.0/caseingest.dll" ingest "$repo/tests/corpus/packages" "$repo/tests/corpus-extra/packages" \
    --out "$work/$name.jsonl" --index "$work/$name-index" --store "$work/$name-store" --parallelism 1 \
    --set "Plugins:OcrStamps:ModelPath=$models" >"$work/$name.log" 2>&1 || { tail -20 "$work/$name.log" >&2; exit 2; }
}

ingest base "$work/base"
ingest after "$repo"
python3 scripts/compare-records.py "$work/base.jsonl" "$work/after.jsonl"
