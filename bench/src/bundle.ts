/**
 * Figure 7: the console's JavaScript as shipped (vite production build, gzip of every emitted .js
 * summed) against a minimal react-admin app with one resource (bench/minimal-admin) built in the
 * same run with the same vite / plugin-react / react-admin versions. `bundleRatio` = ours / minimal.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { round } from './start.js';
import { ROOT } from './stack.js';

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

async function measure(root: string, configFile: string | false): Promise<{ files: number; rawKiB: number; gzipKiB: number; largestGzipKiB: number; buildSeconds: number }> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  const t = performance.now();
  try {
    await build({ root, configFile, logLevel: 'warn', plugins: configFile ? [] : [react()], build: { outDir, emptyOutDir: true, sourcemap: false } });
    const files = jsFiles(outDir);
    const gz = files.map((f) => gzipSync(readFileSync(f), { level: 9 }).length);
    const raw = files.reduce((s, f) => s + statSync(f).size, 0);
    return { files: files.length, rawKiB: round(raw / 1024), gzipKiB: round(gz.reduce((a, b) => a + b, 0) / 1024), largestGzipKiB: round(Math.max(...gz) / 1024), buildSeconds: round((performance.now() - t) / 1000) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function benchBundle(opts: { log: (m: string) => void }) {
  opts.log('building the console with vite...');
  const console_ = await measure(join(ROOT, 'apps/console'), join(ROOT, 'apps/console/vite.config.ts'));
  opts.log('building the minimal react-admin app with vite...');
  const minimal = await measure(join(ROOT, 'bench/minimal-admin'), false);
  return { console: console_, minimalReactAdmin: minimal, bundleRatio: round(console_.gzipKiB / minimal.gzipKiB) };
}
