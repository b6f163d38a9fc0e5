#!/usr/bin/env bash
# Renders the shared corpus into Office fixtures under test-fixtures/office/:
#   seeds (text copied out of Word) → HTML with real tables (scripts/office-fixture-html.mjs)
#   seeds and shanghai-2019.html → DOCX, DOC (Writer) and XLSX (Calc); two of them → XLS
#   batch.zip: a GBK-named entry, a nested zip, macOS/dot-file clutter (scripts/office-fixture-zip.py)
#   encrypted.docx: 000's DOCX with the password 123456 (ECMA-376 agile encryption, as Word does
#   it), made with the npm package officecrypto-tool installed into a temporary directory: the
#   soffice 7.4 command line cannot set a password
# LibreOffice cannot write Kingsoft WPS files (tests read a DOC under a .wps name, which is what
# WPS Office's own .wps files are inside). Zip bombs are made by the tests at run time, never
# committed.
# Needs: node (and a build in dist/), npm, python3, soffice (Debian libreoffice-writer-nogui,
# libreoffice-calc-nogui, fonts-noto-cjk).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${GONGKAI_SHARED:-$repo/../shared}"
out="$repo/test-fixtures/office"
command -v soffice >/dev/null || { echo "需要 LibreOffice（soffice）：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk" >&2; exit 1; }
[ -d "$shared/seeds" ] || { echo "找不到共享语料 $shared（可用 GONGKAI_SHARED 指定）" >&2; exit 1; }

work="$(mktemp -d /tmp/gongkai-fixtures-XXXXXX)"
trap 'rm -rf "$work"' EXIT
lo() { soffice --headless --norestore "-env:UserInstallation=file://$work/profile" "$@" >/dev/null 2>&1; }

[ -f "$repo/dist/read/text.js" ] || (cd "$repo" && npx tsc -p tsconfig.build.json >/dev/null || true)
mkdir -p "$out" "$work/html" "$work/writer" "$work/calc"
for seed in "$shared"/seeds/*.txt; do
  name="$(basename "$seed" .txt)"
  node "$repo/scripts/office-fixture-html.mjs" "$seed" > "$work/html/$name.html"
done
cp "$shared/corpus/docs/shanghai-2019.html" "$work/html/"

lo --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$work/writer" "$work"/html/*.html
lo --infilter="HTML (StarWriter)" --convert-to 'doc:MS Word 97' --outdir "$work/writer" "$work"/html/*.html
lo --infilter="HTML (StarCalc)" --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/calc" "$work"/html/*.html
lo --infilter="HTML (StarCalc)" --convert-to 'xls:MS Excel 97' --outdir "$work/calc" "$work/html/shanghai-2019.html" "$work/html/003_402b3c2303c427b2.html"

# 004's seed marks no rows (one pipe-ended cell a line), so its tables are single rows of up to
# 258 cells: Word 97's binary format holds at most 63 columns and scrambles them. No DOC of it.
rm -f "$work/writer/004_f3aa8371343c721c.doc"
cp "$work"/writer/*.docx "$work"/writer/*.doc "$work"/calc/*.xlsx "$work"/calc/*.xls "$out/"
python3 "$repo/scripts/office-fixture-zip.py" "$out"
npm install --silent --no-save --prefix "$work/crypto" officecrypto-tool@0.0.19 >/dev/null
NODE_PATH="$work/crypto/node_modules" node "$repo/scripts/office-fixture-encrypt.cjs" \
  "$out/000_daa3a425bc8b9220.docx" "$out/encrypted.docx" 123456
ls -l "$out"
