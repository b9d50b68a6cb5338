export * from './definitions.js';

/** Absolute path of the workflow bundle entry, for Worker.create({ workflowsPath }). */
export const workflowsPath = new URL('./workflows.ts', import.meta.url).pathname;
