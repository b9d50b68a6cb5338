import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from './index.js';

describe('workflow bundle', () => {
  it('bundles with only deterministic imports (a Node built-in or I/O import fails here)', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
    expect(code).toContain('programmeWorkflow');
    expect(code.length).toBeGreaterThan(10_000);
    // Each workflow evaluates its own copy of every module it imports: zod and the schemas stay out
    // (workflows import '@ip/domain/workflow'); this kept a worker's memory per open workflow down.
    expect(code).not.toMatch(/node_modules\/\.pnpm\/zod@/);
    expect(code).not.toContain('domain/src/schemas/common.ts');
    expect(code).toContain('domain/src/workflow.ts');
  });

  it('rejects a workflow file that imports a Node built-in', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'bad-wf-'));
    const bad = join(dir, 'workflows.ts');
    await writeFile(bad, "import { readFileSync } from 'node:fs';\nexport async function bad() { return readFileSync('/etc/hostname', 'utf8'); }\n");
    await expect(bundleWorkflowCode({ workflowsPath: bad, logger: quietLogger })).rejects.toThrow();
  });
});

const quietLogger = {
  log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {},
};
