/**
 * Small PDFs written by hand for the reader's tests: objects numbered from 1 in the order
 * given, a classic xref table, the first object the catalog.
 */
export type TestObject = string | { dict: string; data: Uint8Array | string };

export function buildPdf(objects: TestObject[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(at);
    let body: Buffer;
    if (typeof o === 'string') body = Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1');
    else {
      const data = typeof o.data === 'string' ? Buffer.from(o.data, 'latin1') : Buffer.from(o.data);
      const dict = o.dict.includes('/Length') ? o.dict : o.dict.replace(/>>\s*$/, ` /Length ${data.length} >>`);
      body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n${dict}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n')]);
    }
    parts.push(body);
    at += body.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A one-page document: `fonts` is the body of the /Font resource dictionary. */
export function onePage(content: string, fonts: string, extra: TestObject[] = [], xobjects = ''): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << ${fonts} >> /XObject << ${xobjects} >> >> >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    { dict: '<< >>', data: content },
    ...extra,
  ]);
}
