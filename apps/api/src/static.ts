import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The encodings the console's build writes beside each file (scripts/precompress.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Vite's content-hashed output (`assets/index-B1aZ3x_q.js`): the name changes whenever the bytes do,
 * so browsers may keep it for a year without asking again.
 */
const HASHED = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * The encodings a client accepts (RFC 9110 §12.5.3): `br;q=0` and `identity` are honoured, `*` stands
 * for any encoding not named.
 */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const named = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    named.set(token, Number.isFinite(weight) ? weight : 0);
  }
  const star = named.get('*');
  const ok = new Set<string>();
  for (const { name } of ENCODINGS) {
    const w = named.get(name) ?? star;
    if (w !== undefined && w > 0) ok.add(name);
  }
  return ok;
}

/**
 * Serves the built console; unknown paths fall back to index.html (client-side routing).
 * Precompressed siblings written at build time (`x.js.br`, `x.js.gz`) are sent when the client
 * accepts them, brotli first: no compression work per request. Hashed assets are immutable for a
 * year; everything else (index.html above all) is revalidated on each load, with an ETag.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed.');
    return;
  }
  const base = resolve(root);
  const url = new URL(req.url ?? '/', 'http://x');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    // Not valid percent-encoding: the caller's mistake, not a 500.
    res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: the path is not valid percent-encoding.');
    return;
  }
  const rel = normalize(path).replace(/^([/\\])+/, '');
  let file = join(base, rel);
  // `..` that climbs out of the console's folder (or a NUL byte) is answered with the app, never the file.
  if ((!file.startsWith(base + sep) && file !== base) || file.includes('\0')) file = join(base, 'index.html');
  let info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) {
    file = join(base, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The console has not been built (pnpm --filter @ip/console build).');
    return;
  }

  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let body = file;
  let size = info.size;
  let encoding: string | null = null;
  for (const e of ENCODINGS) {
    if (!accepted.has(e.name)) continue;
    const sibling = await stat(file + e.suffix).catch(() => null);
    if (sibling?.isFile()) {
      body = file + e.suffix;
      size = sibling.size;
      encoding = e.name;
      break;
    }
  }

  const relative = file.slice(base.length + 1).split(sep).join('/');
  const immutable = HASHED.test(relative);
  // One ETag per representation: the gzip and brotli bodies differ, so must their validators.
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
  const headers: Record<string, string | number> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    // Caches must key on Accept-Encoding, even for the identity body, or a gzip-less client could be
    // handed brotli by a shared cache.
    vary: 'Accept-Encoding',
    etag,
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
  };
  if (encoding) headers['content-encoding'] = encoding;
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['content-length'] = size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(body).on('error', () => res.destroy()).pipe(res);
}

