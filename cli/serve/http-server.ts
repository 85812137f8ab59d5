/**
 * The browser-mode host: the built UI and the Gloss API over HTTP on 127.0.0.1.
 *   GET  /...                  static UI files (Host checked)
 *   POST /api/op/<operation>   JSON input → { ok, result } or { ok: false, error }  (token, Host, Origin checked)
 *   GET  /api/events?token=…   server-sent events (EventSource cannot send headers)
 * No CORS headers are ever sent, so other sites cannot read replies.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { dispatch } from '../../core/api/dispatch.js';
import { HTTP_STATUS, type ErrorPayload } from '../../core/errors.js';
import { failure, settle, type Reply } from '../../core/api/reply.js';
import type { GlossService } from '../../core/api/service.js';
import { currentPolicy } from '../../core/security/content-security-policy.js';
import { hostAllowed, MAX_REQUEST_BYTES, originAllowed, tokenMatches } from './http-guard.js';
import { readStatic } from './static-files.js';

export interface ServeOptions {
  service: GlossService;
  token: string;
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TOKEN_HEADER = 'x-gloss-token';

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { service, token, staticDir } = options;
  let port = 0;
  const openStreams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => sendJson(res, 500, failure(err)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res, currentPolicy(service.ctx));
    if (!hostAllowed(req.headers.host, port)) return sendText(res, 421, 'Unknown host.');
    if (!originAllowed(req.headers.origin, port))
      return sendText(res, 403, 'Cross-origin requests are refused.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!tokenMatches(url.searchParams.get('token'), token))
          return sendText(res, 401, 'Missing or wrong token.');
        return openEventStream(res);
      }
      const header = req.headers[TOKEN_HEADER];
      if (!tokenMatches(typeof header === 'string' ? header : undefined, token)) {
        return sendError(res, 401, { code: 'unauthorized', message: 'Missing or wrong token.' });
      }
      const match = /^\/api\/op\/([A-Za-z]{1,64})$/.exec(url.pathname);
      if (!match || req.method !== 'POST')
        return sendError(res, 404, { code: 'not-found', message: 'No such endpoint.' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, 415, { code: 'invalid-input', message: 'Send JSON.' });
      }
      const body = await readBody(req);
      if (body === null) {
        // The rest of the upload is never read: a kept-alive connection would be left half-read
        // and the client's next request on it would hang, then fail. Close it.
        res.setHeader('Connection', 'close');
        return sendError(res, 413, { code: 'invalid-input', message: 'Request too large.' });
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendError(res, 400, { code: 'invalid-input', message: 'Malformed JSON.' });
      }
      const reply = await settle(() => dispatch(service.handlers, match[1]!, input));
      return sendJson(res, reply.ok ? 200 : HTTP_STATUS[reply.error.code], reply, req);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    const file = (await readStatic(staticDir, url.pathname)) ?? (await readStatic(staticDir, '/index.html'));
    if (!file) return sendText(res, 404, 'The UI is not built. Run: npm run build');
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    openStreams.add(res);
    const unsubscribe = service.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    res.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      openStreams.delete(res);
    });
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        openStreams.forEach((res) => res.end());
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

function setCommonHeaders(res: ServerResponse, policy: string): void {
  res.setHeader('Content-Security-Policy', policy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

/** Replies at least this big are compressed when the browser accepts gzip. */
const GZIP_FROM_BYTES = 32 * 1024;

/**
 * A JSON reply, sized (Content-Length; Chromium takes in a chunked one later). Large ones (a
 * 10,000-article list, an article's thousand highlights at ~255 KB) are gzipped at level 1: a few
 * ms to shrink them several-fold, against the browser taking in the bytes even over loopback.
 */
function sendJson(res: ServerResponse, status: number, body: Reply, req?: IncomingMessage): void {
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  if (
    req &&
    text.length >= GZIP_FROM_BYTES &&
    /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  ) {
    const zipped = gzipSync(text, { level: 1 });
    res.writeHead(status, {
      ...headers,
      'Content-Encoding': 'gzip',
      'Content-Length': zipped.length,
      Vary: 'Accept-Encoding',
    });
    res.end(zipped);
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Length': text.length });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: ErrorPayload): void {
  sendJson(res, status, { ok: false, error });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
