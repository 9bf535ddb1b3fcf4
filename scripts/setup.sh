#!/usr/bin/env bash
# Makes a fresh Debian 12 machine ready to build, run and test CaseIngest: the Debian packages it needs (only those
# missing), the OCR models (npm, checksums pinned), and a build. Safe to run again; quiet when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
want() { dpkg -s "$1" >/dev/null 2>&1 || need+=("$1"); }
# Runtime: OCR (Tesseract + Chinese data), OpenCV's GUI dependency, PDF rasterising, the Chinese font for drawn pages.
for p in tesseract-ocr tesseract-ocr-chi-sim libtesseract5 libgtk-3-0 poppler-utils fonts-wqy-zenhei; do want "$p"; done
if [ "${1:-}" = "--test" ]; then
  # Tests only: a real broker, a real browser, a real word processor for PDF exports of forms.
  for p in rabbitmq-server chromium libreoffice-writer-nogui; do want "$p"; done
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -x scripts/fetch-ocr-models.sh ] || [ -f scripts/fetch-ocr-models.sh ]; then
  bash scripts/fetch-ocr-models.sh
fi
