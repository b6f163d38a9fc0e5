#!/bin/sh
# Renders corpus documents into the PDF test fixtures under test-fixtures/pdf/.
# Needs (Debian): chromium libreoffice-writer-nogui python3-reportlab qpdf poppler-utils
#                 fonts-wqy-microhei; and a built dist/ (npx tsc -p tsconfig.build.json).
# Corpus: ../shared relative to the repo, or $GONGKAI_SHARED.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${GONGKAI_SHARED:-$repo/../shared}
out=$repo/test-fixtures/pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
html() { node "$repo/scripts/pdf-fixtures/to-html.mjs" "$@"; }
chrome() { # chrome <in.html> <out.pdf> [extra flags]
  src=$1 dst=$2
  shift 2
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run "$@" --print-to-pdf="$dst" "file://$src" >/dev/null 2>&1
}
lo() { # lo <in.html> <out.pdf>
  soffice --headless "-env:UserInstallation=file://$tmp/lo-profile" --convert-to pdf --outdir "$tmp/lo" "$1" >/dev/null 2>&1
  mv "$tmp/lo/$(basename "${1%.html}").pdf" "$2"
}
seed() { ls "$shared/seeds/$1"_*.txt; }

# Chromium with its own header and footer (date, title, URL, "1/3"), letter-spaced labels;
# 表三 runs over a page break.
html "$(seed 000)" "$tmp/seed-000.html" --letter-space
chrome "$tmp/seed-000.html" "$out/000_daa3a425bc8b9220.chromium.pdf"

# Chinese font not embedded: STSong-Light with the UniGB-UCS2-H CMap (reportlab).
html "$(seed 001)" "$tmp/seed-001.html"
/usr/bin/python3 "$repo/scripts/pdf-fixtures/stsong.py" "$tmp/seed-001.html" "$out/001_43d6c315cbc0f57d.stsong.pdf"

# Large print: the tables span several pages; "- N -" page numbers in the footer.
html "$(seed 002)" "$tmp/seed-002.html" --font-size=15 --page-footer --letter-space
chrome "$tmp/seed-002.html" "$out/002_d37008fbb3c2afee.bigfont.pdf" --no-pdf-header-footer

# LibreOffice Writer's PDF export (stroked borders, a table row split by a page break).
html "$(seed 003)" "$tmp/seed-003.html"
sed -i 's/<table>/<table border="1" cellspacing="0">/' "$tmp/seed-003.html"
lo "$tmp/seed-003.html" "$out/003_402b3c2303c427b2.libreoffice.pdf"

# A published web page with rowspan/colspan and blank cells.
html "$shared/corpus/docs/shanghai-2019.html" "$tmp/shanghai-2019.html"
chrome "$tmp/shanghai-2019.html" "$out/shanghai-2019.chromium.pdf" --no-pdf-header-footer

# The same page with no ruling lines at all (as WPS/Word exports often print tables): blank
# cells, labels wrapped beside their numbers, header words stacked in narrow columns, and 表三
# running on to the next page with no header repeated.
html "$shared/corpus/docs/shanghai-2019.html" "$tmp/shanghai-2019-borderless.html" --borderless
chrome "$tmp/shanghai-2019-borderless.html" "$out/shanghai-2019.borderless.pdf" --no-pdf-header-footer

# A crawler's text dump printed as it is: no tables, digit runs wrapped at line ends.
html "$shared/corpus/docs/pingtan-2021.txt" "$tmp/pingtan-2021.html"
chrome "$tmp/pingtan-2021.html" "$out/pingtan-2021.chromium.pdf" --no-pdf-header-footer

# Password-protected (user password "gongkai").
qpdf --encrypt gongkai owner 256 -- "$out/001_43d6c315cbc0f57d.stsong.pdf" "$out/encrypted.pdf"

# A scan: page images only, no text layer.
pdftoppm -r 40 -gray -png -f 1 -l 2 "$out/001_43d6c315cbc0f57d.stsong.pdf" "$tmp/scan"
printf '<!doctype html><style>@page{size:A4;margin:0}img{width:100%%;display:block;break-after:page}</style>' >"$tmp/scan.html"
for p in "$tmp"/scan-*.png; do printf '<img src="%s">' "$(basename "$p")" >>"$tmp/scan.html"; done
chrome "$tmp/scan.html" "$out/scanned.pdf" --no-pdf-header-footer

ls -l "$out"
