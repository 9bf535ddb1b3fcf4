#!/usr/bin/env bash
# The benchmark table in one command: builds Release, then runs bench/CaseIngest.Bench on this machine and prints the
# table (also written to bench/results/latest.md, gitignored). Arguments go to the bench:
#
#   scripts/bench.sh                       everything: e2e, ocr, worker, search (under 20 minutes; the first run also
#                                          builds the 100,000-case index under data/bench-index-100k, reused afterwards)
#   scripts/bench.sh --only search,e2e     a subset (e2e, ocr, worker, search)
#   scripts/bench.sh --quick               smaller inputs, a smoke run of every part
#   scripts/bench.sh --markdown PATH       where the markdown table goes
#
# Needs: the .NET SDK, tesseract-ocr with chi_sim, rabbitmq-server (Debian packages; the broker is started by
# scripts/start-rabbitmq.sh as user rabbitmq, so run as root or rabbitmq), the PP-OCR models (fetched below).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/fetch-ocr-models.sh >&2
for project in src/Host/CaseIngest.Host.csproj bench/OcrBench/OcrBench.csproj bench/CaseIngest.Bench/CaseIngest.Bench.csproj; do
  echo "building $project (Release)" >&2
  dotnet build -c Release -nologo -v quiet "$project" >&2
done
# After the build: the compiler is no caseingest (it starts slower without .NET's precompiled code).
source scripts/caseingest-env.sh   # what scripts/run.sh, the image and the systemd unit give caseingest (every child inherits it)
exec dotnet bench/CaseIngest.Bench/bin/Release/net10.0/CaseIngest.Bench.dll --configuration Release "$@"
