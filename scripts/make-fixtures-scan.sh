#!/usr/bin/env bash
# Scanned-looking test documents from the corpus seeds, written to test-fixtures/scan/:
#   002 → image-only PDF at 150 dpi (a scan as it is usually published)
#   003 → one long greyscale PNG of all pages (a "long screenshot")
#   001 → multi-page greyscale TIFF at 150 dpi (all cells zero)
# Needs (Debian): chromium fonts-noto-cjk poppler-utils img2pdf, and node with pngjs installed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
shared="${GONGKAI_SHARED:-$repo/../shared}"
out="$repo/test-fixtures/scan"
dpi=150
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

render() { # seed name → $work/NAME-*.pgm
  local name="$1"
  node "$here/scan-fixtures/seed-to-html.mjs" "$shared/seeds/$name.txt" > "$work/$name.html"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
    --user-data-dir="$work/chromium-$name" \
    --print-to-pdf="$work/$name.pdf" "file://$work/$name.html" 2>/dev/null
  pdftoppm -r "$dpi" -gray "$work/$name.pdf" "$work/$name"
}

render 002_d37008fbb3c2afee
for f in "$work"/002_d37008fbb3c2afee-*.pgm; do
  node "$here/scan-fixtures/pages.mjs" png "${f%.pgm}.png" "$f"
done
img2pdf -s "${dpi}dpi" -o "$out/002_d37008fbb3c2afee.scan.pdf" "$work"/002_d37008fbb3c2afee-*.png

render 003_402b3c2303c427b2
node "$here/scan-fixtures/pages.mjs" png "$out/003_402b3c2303c427b2.scan.png" "$work"/003_402b3c2303c427b2-*.pgm

render 001_43d6c315cbc0f57d
DPI="$dpi" node "$here/scan-fixtures/pages.mjs" tiff "$out/001_43d6c315cbc0f57d.scan.tif" "$work"/001_43d6c315cbc0f57d-*.pgm

ls -l "$out"
