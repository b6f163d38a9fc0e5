/** Small helpers shared by the store modules. */

export const now = (): string => new Date().toISOString();

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null) return fallback;
  return JSON.parse(text) as T;
}

/** Names as printed vary in width and spacing ("鹤岗市 工农区", full-width brackets): compare after NFKC without whitespace. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}
