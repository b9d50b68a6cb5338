import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * How the production build splits the console (vite.config.ts): the sign-in page's static imports
 * carry no page code, every lazy page lands in the dashboard or the pages chunk (not one small
 * chunk each: 85 of them cost 33 KiB more gzip), and what only pages use stays out of the vendor
 * chunk the sign-in page loads. Builds the real config into a temporary folder (a few seconds).
 */
type TChunk = { fileName: string; name: string; moduleIds: string[]; imports: string[]; isEntry: boolean };

const root = join(import.meta.dirname, '..');
let outDir: string;
let chunks: TChunk[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'console-chunks-'));
  const recorded: TChunk[] = [];
  // A production build, as shipped (vitest sets NODE_ENV=test, which would build React's development code).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
    plugins: [{ name: 'record-chunks', generateBundle: (_options, bundle) => void recorded.push(...Object.values(bundle).filter((c) => c.type === 'chunk')) }],
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
  chunks = recorded;
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Chunks the browser fetches before any lazy import: the entry and its static imports, transitively. */
function signInChunks(): Set<TChunk> {
  const seen = new Set<TChunk>();
  const visit = (chunk: TChunk) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const f of chunk.imports) visit(chunks.find((c) => c.fileName === f)!);
  };
  visit(chunks.find((c) => c.isEntry)!);
  return seen;
}

const chunkOf = (file: string) => chunks.find((c) => c.moduleIds.some((id) => id.endsWith(`/apps/console/src/${file}`)))!;

describe('console chunks', () => {
  it('loads no page code before sign-in', () => {
    const initial = [...signInChunks()];
    expect(initial.map((c) => c.name)).toContain('vendor');
    expect(initial).toContain(chunkOf('LoginPage.tsx'));
    expect(initial.map((c) => c.name)).not.toContain('pages');
    expect(initial.map((c) => c.name)).not.toContain('dashboard');
  });

  it('puts all the rest of the console in the dashboard chunk or the one pages chunk', () => {
    expect(chunkOf('dashboard/Dashboard.tsx').name).toBe('dashboard');
    expect(chunkOf('kpis/KpiShow.tsx').name).toBe('pages');
    expect(chunkOf('audit/HistoryPage.tsx').name).toBe('pages');
    const initial = signInChunks();
    const lazy = chunks.filter((c) => !initial.has(c) && c.moduleIds.some((id) => id.includes('/apps/console/src/')));
    expect(lazy.map((c) => c.name).sort()).toEqual(['dashboard', 'pages']);
  });

  it('keeps page-only libraries out of the vendor chunk', () => {
    // The as-at slider (audit), the switches and tables are only on pages; the sign-in form has buttons.
    const vendor = readdirSync(join(outDir, 'assets')).find((f) => f.startsWith('vendor-') && f.endsWith('.js'))!;
    const code = readFileSync(join(outDir, 'assets', vendor), 'utf8');
    expect(code).toContain('`MuiButton`');
    expect(code).not.toContain('`MuiSlider`');
    expect(code).not.toContain('`MuiSwitch`');
    expect(code).not.toContain('`MuiTable`');
  });
});
