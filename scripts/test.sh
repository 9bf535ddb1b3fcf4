#!/usr/bin/env bash
# Every test: installs what the tests need when missing (a broker, a browser, Tesseract, LibreOffice, OCR models),
# builds, and runs all test projects. Elasticsearch tests run too when CASEINGEST_ES_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export OMP_THREAD_LIMIT=1
dotnet build CaseIngest.sln -nologo -v quiet
dotnet test CaseIngest.sln --no-build -nologo "$@"
