#!/usr/bin/env bash
# Every test: installs what the tests need when missing (a broker, a browser, Tesseract, LibreOffice, OCR models),
# builds, and runs all test projects. Elasticsearch tests run too when CASEINGEST_ES_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/caseingest-env.sh   # the environment the product runs in
dotnet build CaseIngest.sln -nologo -v quiet
dotnet test CaseIngest.sln --no-build -nologo "$@"
