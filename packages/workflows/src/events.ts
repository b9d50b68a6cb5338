/**
 * The workflows' decisions as pure functions (no workflow code runs on import): what each Update,
 * timer and child result becomes in the domain. The audit replay folds histories through these.
 */
export * from './programme/steps.js';
export * from './action/steps.js';
