/**
 * Unpack a ZIP of reports in the browser so each report is uploaded, checked and matched on its
 * own, with its own progress. Chinese ZIPs made on Windows store names in GBK without the UTF-8
 * flag; fflate then hands them over as Latin-1, which is undone here.
 */
export async function unzipReports(file: Blob): Promise<{ name: string; blob: Blob }[]> {
  const { unzip } = await import('fflate');
  const data = new Uint8Array(await file.arrayBuffer());
  const entries = await new Promise<Record<string, Uint8Array>>((resolve, reject) =>
    unzip(data, { filter: (f) => !f.name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(f.name) }, (err, out) => (err ? reject(err) : resolve(out))),
  );
  return Object.entries(entries).map(([name, bytes]) => ({ name: baseName(fixName(name)), blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) }));
}

function fixName(name: string): string {
  if (![...name].every((c) => c.charCodeAt(0) < 256) || !/[\x80-\xff]/.test(name)) return name;
  const bytes = Uint8Array.from([...name].map((c) => c.charCodeAt(0)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function baseName(p: string): string {
  return p.split('/').pop() ?? p;
}

export function isZip(file: File): boolean {
  return /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';
}
