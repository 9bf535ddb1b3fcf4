#!/usr/bin/env bash
# The main job on the embedded defaults: every sample package in seeds/packages through the pipeline, records to
# data/records.jsonl and the Lucene index in data/index, then a search over them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/caseingest-env.sh   # OMP_THREAD_LIMIT: what caseingest runs with
dotnet build src/Host/CaseIngest.Host.csproj -c Release -nologo -v quiet
cli() { dotnet run --no-build -c Release --project src/Host/CaseIngest.Host.csproj -- "$@"; }
cli ingest seeds/packages --out data/records.jsonl --index data/index
cli search 供应链 --index data/index
