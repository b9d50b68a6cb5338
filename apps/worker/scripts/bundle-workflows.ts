/**
 * Bundles the workflows once, at build time, into dist/workflow-bundle.js: the built worker loads
 * it with `workflowBundle: { codePath }` instead of bundling at every start (seconds of CPU each
 * time, and the slowest part of a start). Run after build-node-app (see package.json "build").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from '@ip/workflows';

const t0 = performance.now();
const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const { code } = await bundleWorkflowCode({ workflowsPath, logger: quiet });
const out = new URL('../dist/workflow-bundle.js', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, code);
console.log(`bundle-workflows: dist/workflow-bundle.js (${(code.length / 1024).toFixed(0)} KiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
