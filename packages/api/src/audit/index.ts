/**
 * Audit: workflow histories in business words, and the state "as at" any instant or event, rebuilt
 * from history through the workflows' own decisions and the domain reducers. Stable API for other
 * modules (archive, board packs): HistorySource, the as-at functions and the row mapping.
 */
export { TemporalHistorySource, MemoryHistorySource, runHeader, type HistorySource, type WorkflowHistory, type WorkflowRun, type RawHistory, type RawEvent } from './history-source.js';
export { programmeAsAt, actionAsAt, lifecycleAsAt, workflowKindOf, type AsAt, type WorkflowKind } from './as-at.js';
export { foldMachineRuns, isMachineRun, runState } from './machine-fold.js';
export { foldProgramme, type ProgrammeFold } from './programme-fold.js';
export { foldAction, type ActionFold } from './action-fold.js';
export type { AsAtPoint, AppliedEvent, FoldOptions } from './fold.js';
export { activationsOf, type Activation } from './activations.js';
export { decodePayloads, eventIdOf, eventKind, eventTimeMs } from './raw.js';
export { loadHistoryJson } from './golden.js';
