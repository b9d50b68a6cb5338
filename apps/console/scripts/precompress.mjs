/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the built console,
 * once, at build time, at the highest levels: the API server (apps/api/src/static.ts) sends whichever
 * the browser accepts and does no compression work per request. A copy that would not be smaller
 * is not written (the server then sends the file as it is).
 *
 *   node scripts/precompress.mjs [dist]      # run by `pnpm --filter @ip/console build`
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Text formats. Images and fonts (png, woff2) are compressed already; source maps are fetched only by
// developer tools, and brotli at its highest level would spend seconds on them at every build.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.ico']);

const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let raw = 0;
let br = 0;
let gz = 0;
let count = 0;
// A copy left by an earlier build of a file that has changed would be served instead of it.
for (const file of [...files(dist)]) if (file.endsWith('.br') || file.endsWith('.gz')) rmSync(file);
for (const file of [...files(dist)]) {
  if (!COMPRESSIBLE.has(extname(file))) continue;
  const bytes = readFileSync(file);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  if (brotli.length < bytes.length) writeFileSync(`${file}.br`, brotli);
  if (gzip.length < bytes.length) writeFileSync(`${file}.gz`, gzip);
  count += 1;
  raw += bytes.length;
  br += Math.min(brotli.length, bytes.length);
  gz += Math.min(gzip.length, bytes.length);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`precompress: ${count} files in ${dist}: ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);
