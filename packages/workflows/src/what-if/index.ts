/**
 * "What if it slips": a workflow's future computed by the machine it runs (see ./simulate.ts).
 * Pure; the API serves it (whatIf.*). Not workflow code: nothing here is bundled into a workflow.
 */
export { simulate, type HypotheticalUpdate, type SimulatedEvent, type Simulation, type SimulateOptions } from './simulate.js';
export type { PredictedLine, PredictedStep, StepOutcome } from './steps.js';
export {
  actionWhatIf, extensionUpdates, horizonOf, simulateAction, WHAT_IF_APPROVER, WHAT_IF_REQUESTER,
  type ActionChange, type ActionScenario, type ActionWeek, type ActionWhatIf, type ActionWhatIfInput,
} from './action.js';
export { clockWhatIf, DONE_AT_LOCAL_HOUR, type ClockChange, type ClockScenario, type ClockWeek, type ClockWhatIf, type ClockWhatIfInput } from './clock.js';
