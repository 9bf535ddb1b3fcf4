#!/usr/bin/env bash
# The chaos run, by hand (never in CI; it costs a lot of CPU): N packages (300 by default) through 2 `caseingest worker`
# processes on a throwaway rabbitmq-server while worker 1 is SIGKILLed three times and the broker is restarted once;
# then every worker index is read: every submission indexed once, every decision and score kept, empty folders rejected.
#
#   bench/chaos.sh                          300 packages, Release build
#   bench/chaos.sh --chaos-packages 60      a smaller run
#   bench/chaos.sh --configuration Debug    use the Debug build already there (no Release build)
#
# Run as root (or as rabbitmq): scripts/start-rabbitmq.sh runs the broker as user rabbitmq. The figures go to stdout and
# bench/results/latest.md; copy them into docs/RELIABILITY.md with the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=Release
for ((i = 1; i <= $#; i++)); do
  if [ "${!i}" = "--configuration" ]; then j=$((i + 1)); configuration=${!j}; fi
done

bash scripts/fetch-ocr-models.sh >&2
for project in src/Host/CaseIngest.Host.csproj bench/CaseIngest.Bench/CaseIngest.Bench.csproj; do
  echo "building $project ($configuration)" >&2
  dotnet build -c "$configuration" -nologo -v quiet "$project" >&2
done
args=("$@")
if [[ " ${args[*]} " != *" --configuration "* ]]; then args+=(--configuration "$configuration"); fi
exec dotnet "bench/CaseIngest.Bench/bin/$configuration/net10.0/CaseIngest.Bench.dll" --only chaos "${args[@]}"
