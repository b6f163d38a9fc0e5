/**
 * The HTTP API and the web UI on one port. Routes live in routes/*; this file wires plugins,
 * sessions, errors, the OpenAPI document and the static UI.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/db.js';
import { installAuth } from './auth.js';
import { installErrorHandler } from './http-error.js';
import { agencyRoutes } from './routes/agencies.js';
import { analysisRoutes } from './routes/analysis.js';
import { authRoutes } from './routes/auth.js';
import { exportRoutes } from './routes/exports.js';
import { reportRoutes } from './routes/reports.js';
import { ErrorBody, ReportSummary } from './schemas.js';

export interface ServerOptions {
  store: Store;
  /** Built web UI; defaults to web/dist when it exists. */
  webDist?: string | null;
  /** Honour X-Forwarded-* from a reverse proxy (for https detection and client addresses). */
  trustProxy?: boolean;
  /** Largest upload, bytes (default 64 MB, the reader's own limit). */
  maxUploadBytes?: number;
  /** Login attempts per client address per minute (default 10). */
  loginPerMinute?: number;
  logger?: boolean;
}

export const DEFAULT_MAX_UPLOAD = 64 * 1024 * 1024;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // JSON bodies are small (corrections, roll-ups of thousands of ids); files go through multipart.
    bodyLimit: 4 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
  });
  installErrorHandler(app);
  app.addSchema(ErrorBody);
  app.addSchema(ReportSummary);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'gongkai 公开 — 政府信息公开工作年度报告审核 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gongkai_session' }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' } } },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD, files: 1, fields: 10 } });
  // Only routes that opt in (login) are limited.
  await app.register(rateLimit, { global: false });
  installAuth(app, store);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  authRoutes(app, store, { loginPerMinute: options.loginPerMinute ?? 10 });
  reportRoutes(app, store);
  analysisRoutes(app, store);
  exportRoutes(app, store);
  agencyRoutes(app, store);

  const dist = options.webDist === undefined ? path.resolve('web', 'dist') : options.webDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(dist), wildcard: false });
    app.get('/*', async (request, reply) => {
      const rel = decodeURIComponent(request.url.split('?')[0]!).replace(/^\/+/, '');
      if (rel === 'api' || rel.startsWith('api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `没有这个地址：GET /${rel}` } });
      const file = path.resolve(dist, rel);
      // Files under dist are served as they are; any other path is a client-side route of the UI.
      if (rel && file.startsWith(path.resolve(dist) + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
      return reply.sendFile('index.html');
    });
  }
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: `没有这个地址：${request.method} ${request.url.split('?')[0]}` } }));
  return app;
}
