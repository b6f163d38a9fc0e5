/**
 * Errors that stop one input from being read. Each carries a stable code (for machines and
 * exit codes) and a Chinese message a clerk can act on. Anything else thrown is a bug.
 */
export type ErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'BINARY'
  | 'ENCODING'
  | 'UNSUPPORTED_FORMAT'
  | 'NOT_A_REPORT'
  | 'CORRUPT'
  | 'ENCRYPTED'
  | 'MISSING_TOOL'
  | 'ARCHIVE_LIMIT'
  | 'NOT_FOUND'
  | 'USAGE';

export class GongkaiError extends Error {
  readonly code: ErrorCode;
  /** English gloss, for logs read by people who do not read Chinese. */
  readonly detail: string | undefined;

  constructor(code: ErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'GongkaiError';
    this.code = code;
    this.detail = detail;
  }
}

export function isGongkaiError(e: unknown): e is GongkaiError {
  return e instanceof GongkaiError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'GongkaiError');
}
