/**
 * Errors → HTTP. Every error body is `{ error: { code, message } }` with a Chinese message; a
 * GongkaiError keeps its code, and anything unexpected is logged and answered with a generic 500.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { isGongkaiError, type ErrorCode } from '../errors.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const unauthorized = () => new HttpError(401, 'UNAUTHENTICATED', '请先登录');
export const forbidden = (message = '您没有执行此操作的权限') => new HttpError(403, 'FORBIDDEN', message);

const STATUS: Record<ErrorCode, number> = {
  EMPTY: 422,
  TOO_LARGE: 413,
  BINARY: 422,
  ENCODING: 422,
  UNSUPPORTED_FORMAT: 422,
  NOT_A_REPORT: 422,
  CORRUPT: 422,
  ENCRYPTED: 422,
  MISSING_TOOL: 503,
  ARCHIVE_LIMIT: 422,
  NOT_FOUND: 404,
  USAGE: 400,
};

/** Details the store attaches to USAGE errors that are really conflicts. */
const CONFLICT_DETAILS = new Set(['version conflict', 'agency/year taken']);

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (err instanceof HttpError) return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message } });
    if (isGongkaiError(err)) {
      const status = err.detail && CONFLICT_DETAILS.has(err.detail) ? 409 : STATUS[err.code] ?? 400;
      return reply.status(status).send({ error: { code: err.code, message: err.message } });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      return reply.status(400).send({ error: { code: 'VALIDATION', message: `请求参数无效：${fe.message}` } });
    }
    if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'TOO_LARGE', message: '文件或请求体过大' } });
    }
    if (fe.statusCode === 429) return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: '尝试次数过多，请稍后再试' } });
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: fe.code ?? 'BAD_REQUEST', message: `请求无效：${fe.message}` } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
  });
}
