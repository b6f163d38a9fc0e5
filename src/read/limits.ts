/** Size limits that keep one bad file from exhausting the machine. All overridable. */
export interface ReadLimits {
  /** Largest file accepted at all. */
  maxBytes: number;
  /** Largest text or HTML file: a real report's text is well under 1 MB. */
  maxTextBytes: number;
  /** Archives: most entries, largest total uncompressed size, largest expansion ratio. */
  maxEntries: number;
  maxUnpackedBytes: number;
  maxRatio: number;
  /** PDF/images: most pages read. */
  maxPages: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxTextBytes: 16 * 1024 * 1024,
  maxEntries: 2000,
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  maxPages: 200,
};

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} 字节`;
}
