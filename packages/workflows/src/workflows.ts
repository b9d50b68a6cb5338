/** The workflow bundle's entry point: every workflow the worker runs. */
export { programmeWorkflow } from './programme/workflow.js';
export { actionWorkflow } from './action/workflow.js';
