#!/usr/bin/env bash
# The main job on the embedded defaults: every sample package in seeds/packages through the pipeline, records to
# data/records.jsonl and the Lucene index in data/index, then a search over them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build src/Host/CaseIngest.Host.csproj -c Release -nologo -v quiet
source scripts/caseingest-env.sh   # what caseingest runs with (after the build: the compiler is no caseingest)
cli() { dotnet src/Host/bin/Release/net10.0/caseingest.dll "$@"; }
cli ingest seeds/packages --out data/records.jsonl --index data/index
cli search 供应链 --index data/index
