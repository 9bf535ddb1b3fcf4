#!/usr/bin/env bash
# Every test: installs what the tests need when missing (a broker, a browser, Tesseract, LibreOffice, OCR models),
# builds, and runs all test projects. Elasticsearch tests run too when CASEINGEST_ES_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
dotnet build CaseIngest.sln -nologo -v quiet
source scripts/caseingest-env.sh   # the environment the product runs in (after the build: the compiler is no caseingest)
# Except the JIT setting, which is about speed alone: test processes start by the hundred, and each would pay its
# start-up (a clean-clone run took 15 minutes with it, a build running beside it, against 11 without).
unset DOTNET_ReadyToRun
dotnet test CaseIngest.sln --no-build -nologo "$@"
