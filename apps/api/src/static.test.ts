/**
 * The console's static files over real HTTP: a console folder built the way `pnpm --filter
 * @ip/console build` leaves it (the real precompress step), served by serveStatic on a real socket,
 * read with node:http so the bytes on the wire are what is checked (fetch would decode them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, serveStatic } from './static.js';

const precompress = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'console', 'scripts', 'precompress.mjs');
const HASHED_JS = 'assets/index-B1aZ3x_q.js';

let top: string;
let root: string;
let server: Server;
let port: number;
const original: Record<string, Buffer> = {};

interface Reply { status: number; headers: IncomingHttpHeaders; body: Buffer }

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  top = mkdtempSync(join(tmpdir(), 'static-'));
  root = join(top, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  original['index.html'] = Buffer.from(`<!doctype html><html><head><script type="module" src="/${HASHED_JS}"></script></head><body><div id="root"></div></body></html>\n`.repeat(4));
  original[HASHED_JS] = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const value${i} = "console code ${i % 7}";`).join('\n'));
  original['logo.png'] = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
  for (const [name, bytes] of Object.entries(original)) writeFileSync(join(root, name), bytes);
  // Outside the console's folder: no request may read it.
  writeFileSync(join(top, 'secret.txt'), 'not for the browser');
  execFileSync(process.execPath, [precompress, root]);
  server = createServer((req, res) => void serveStatic(root, req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  if (top) rmSync(top, { recursive: true, force: true });
});

describe('the console’s static files', () => {
  it('the build wrote a smaller brotli and gzip copy beside each text file, and none beside a png', () => {
    for (const name of ['index.html', HASHED_JS]) {
      const raw = statSync(join(root, name)).size;
      expect(brotliDecompressSync(readFileSync(join(root, `${name}.br`)))).toEqual(original[name]);
      expect(gunzipSync(readFileSync(join(root, `${name}.gz`)))).toEqual(original[name]);
      expect(statSync(join(root, `${name}.br`)).size).toBeLessThan(raw);
    }
    expect(() => statSync(join(root, 'logo.png.br'))).toThrow();
  });

  it('sends brotli when accepted, else gzip, else the file as it is; each with its own length and Vary', async () => {
    const cases = [
      { accept: 'gzip, deflate, br, zstd', encoding: 'br', decode: brotliDecompressSync },
      { accept: 'gzip', encoding: 'gzip', decode: gunzipSync },
      { accept: 'br;q=0, gzip;q=0.8', encoding: 'gzip', decode: gunzipSync },
      { accept: '*', encoding: 'br', decode: brotliDecompressSync },
      { accept: 'identity', encoding: undefined, decode: (b: Buffer) => b },
      { accept: '*;q=0, identity', encoding: undefined, decode: (b: Buffer) => b },
    ];
    for (const c of cases) {
      const r = await get(`/${HASHED_JS}`, { 'accept-encoding': c.accept });
      expect(r.status, c.accept).toBe(200);
      expect(r.headers['content-encoding'], c.accept).toBe(c.encoding);
      expect(Number(r.headers['content-length']), c.accept).toBe(r.body.length);
      expect(c.decode(r.body), c.accept).toEqual(original[HASHED_JS]);
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    }
    const none = await get(`/${HASHED_JS}`);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toEqual(original[HASHED_JS]);
    const br = await get(`/${HASHED_JS}`, { 'accept-encoding': 'br' });
    expect(br.body.length).toBeLessThan(none.body.length / 3);
  });

  it('hashed assets are immutable for a year; index.html is revalidated every load and answers 304 to its ETag', async () => {
    const asset = await get(`/${HASHED_JS}`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const page = await get('/', { 'accept-encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body)).toEqual(original['index.html']);
    const again = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // The brotli body is a different representation: the gzip ETag does not validate it.
    const other = await get('/', { 'accept-encoding': 'br', 'if-none-match': String(page.headers.etag) });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('br');

    // A client-side route is the app; so is a directory.
    const route = await get('/programmes/abc/show', { 'accept-encoding': 'identity' });
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.body).toEqual(original['index.html']);
    expect((await get('/assets/')).body).toEqual(original['index.html']);
  });

  it('a file without compressed copies is sent as it is, with its type; HEAD has the headers and no body; other methods are refused', async () => {
    const png = await get('/logo.png', { 'accept-encoding': 'br, gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body).toEqual(original['logo.png']);

    const head = await get(`/${HASHED_JS}`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(statSync(join(root, `${HASHED_JS}.br`)).size);
    expect(head.body.length).toBe(0);

    const post = await get('/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('no path reaches a file outside the console’s folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e%2f%2e%2e%2fsecret.txt', '/secret.txt%00.js']) {
      const r = await get(path, { 'accept-encoding': 'identity' });
      expect(r.body.toString(), path).not.toContain('not for the browser');
      expect(r.status, path).toBe(200);
      expect(r.body, path).toEqual(original['index.html']);
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('reads Accept-Encoding as RFC 9110 says: q=0 refuses, * stands for the rest', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('br;q=0, *')]).toEqual(['gzip']);
    expect([...acceptedEncodings('BR;Q=0.5')]).toEqual(['br']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
    expect([...acceptedEncodings('identity')]).toEqual([]);
  });
});
