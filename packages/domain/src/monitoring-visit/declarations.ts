/**
 * Every command a person can send to a monitoring visit, declared once (the shape is
 * ../commands/declaration.ts, shared with the action's and the information request's commands): the
 * Temporal Update it travels as, the event it becomes, the fields it adds to actor + reason (checked
 * without zod, because this file runs inside the workflow), who may send it, when the console offers
 * it and the form it shows. Everything else is derived from this table:
 *  - the event types (./events.ts) and the zod-free check that turns a payload into its event (./commands.ts);
 *  - the Update definitions and the Update name → event map (packages/workflows/src/monitoring-visit/);
 *  - the API procedures monitoringVisits.<name>, guarded by `roles` (packages/api/src/routers/monitoring-visits.ts);
 *  - the console's buttons and dialogs (apps/console/src/monitoring-visits/VisitCommands.tsx).
 * The zod half of each declaration is its entry in ZMonitoringVisitCommands (./schemas.ts), keyed by
 * the same name; payload.test.ts checks both halves accept the same payloads.
 *
 * To add a command: an entry here, its body in ZMonitoringVisitCommands, a case in the reducer
 * (./reducer.ts, which the compiler asks for) and tests. Never rename `update` or `event` of an
 * existing command: recorded histories hold them.
 */
import type { CommandDeclaration } from '../commands/declaration.js';
import type { TRole } from '../schemas/roles.js';

/** The part of a visit a command's availability depends on (the read model's record has it). */
export interface MonitoringVisitCommandSubject {
  phase: 'scheduled' | 'fieldwork' | 'letter_draft' | 'published' | 'response' | 'closed' | 'cancelled';
}

export type MonitoringVisitCommandDeclaration = CommandDeclaration<MonitoringVisitCommandSubject>;

const MANAGERS = ['programme_manager', 'admin'] as const satisfies readonly TRole[];
const inPhase = (...phases: MonitoringVisitCommandSubject['phase'][]) => (v: MonitoringVisitCommandSubject) => phases.includes(v.phase);

/** The visit's commands, in the order the console shows their buttons. */
export const MONITORING_VISIT_COMMANDS = {
  recordFieldwork: {
    update: 'recordFieldwork',
    event: 'fieldwork_recorded',
    // The reducer refuses fieldwork that ends before it starts (ZMonitoringVisitCommands says so at the API).
    body: { startedOn: 'date', endedOn: 'date', inspectors: 'value' },
    roles: MANAGERS,
    offeredWhen: inPhase('scheduled'),
    form: {
      label: 'Record fieldwork', variant: 'contained', success: 'Fieldwork recorded',
      reasonExample: 'Inspectors on site this week',
      fields: [
        { source: 'startedOn', label: 'First day of fieldwork', input: 'date' },
        { source: 'endedOn', label: 'Last day of fieldwork', input: 'date' },
        { source: 'inspectors', label: 'Inspectors', input: 'lines', rows: 2 },
      ],
      required: { startedOn: 'Enter the first day of fieldwork', endedOn: 'Enter the last day of fieldwork', inspectors: 'Name at least one inspector' },
    },
  },
  recordDraftLetter: {
    update: 'recordDraftLetter',
    event: 'draft_letter_received',
    body: { receivedOn: 'date' },
    roles: MANAGERS,
    offeredWhen: inPhase('fieldwork'),
    form: {
      label: 'Record draft letter', variant: 'contained', success: 'Draft letter recorded',
      reasonExample: 'Draft letter received for the factual accuracy check',
      fields: [{ source: 'receivedOn', label: 'Draft letter received on', input: 'date' }],
      required: { receivedOn: 'Enter the date the draft letter arrived' },
    },
  },
  submitAccuracyCorrections: {
    update: 'submitAccuracyCorrections',
    event: 'accuracy_corrections_sent',
    body: { sentOn: 'date', note: 'text' },
    roles: MANAGERS,
    offeredWhen: inPhase('letter_draft'),
    form: {
      label: 'Send accuracy corrections', success: 'Accuracy corrections recorded',
      reasonExample: 'Two factual corrections agreed with the DCS',
      fields: [
        { source: 'sentOn', label: 'Sent to Ofsted on', input: 'date' },
        { source: 'note', label: 'What was corrected', input: 'text', multiline: true, rows: 2 },
      ],
      required: { sentOn: 'Enter the date the corrections were sent', note: 'Summarise the corrections sent' },
    },
  },
  publishLetter: {
    update: 'publishLetter',
    event: 'letter_published',
    body: { publishedOn: 'date', findings: 'value' },
    roles: MANAGERS,
    offeredWhen: inPhase('letter_draft'),
    form: {
      label: 'Record published letter', variant: 'contained', success: 'Published letter recorded: new actions are due in the plan',
      reasonExample: 'Letter published on the Ofsted website',
      intro: 'Copy the letter’s findings, one a line. Each area for improvement can then become an action in the plan.',
      fields: [
        { source: 'publishedOn', label: 'Published on', input: 'date' },
        { source: 'findings.areasOfProgress', label: 'Areas of progress', input: 'lines', rows: 3 },
        { source: 'findings.areasForImprovement', label: 'Areas for improvement', input: 'lines', rows: 3 },
      ],
      required: { publishedOn: 'Enter the date Ofsted published the letter' },
    },
  },
  /**
   * The plan's actions made from the letter's findings. The console's own dialog creates those
   * actions and then sends this (monitoring-visits/CreateActionsFromFindings.tsx); this form is what
   * a client without that dialog would show.
   */
  confirmNewActionsCreated: {
    update: 'confirmNewActionsCreated',
    event: 'new_actions_confirmed',
    body: { actionRefs: 'value' },
    roles: MANAGERS,
    offeredWhen: inPhase('published', 'response'),
    form: {
      label: 'Create actions from findings', variant: 'contained', success: 'New actions confirmed',
      reasonExample: 'Findings of the published monitoring letter',
      fields: [{ source: 'actionRefs', label: 'Plan actions created from the letter', input: 'lines' }],
      required: { actionRefs: 'List the plan actions created from the letter' },
    },
  },
  cancelVisit: {
    update: 'cancelVisit',
    event: 'visit_cancelled',
    body: {},
    roles: MANAGERS,
    offeredWhen: inPhase('scheduled', 'fieldwork'),
    form: {
      label: 'Cancel visit', color: 'error', success: 'Visit cancelled',
      reasonExample: 'Ofsted postponed the visit',
      fields: [],
    },
  },
} as const satisfies Record<string, MonitoringVisitCommandDeclaration>;

export type TMonitoringVisitCommandName = keyof typeof MONITORING_VISIT_COMMANDS;
export const MONITORING_VISIT_COMMAND_NAMES = Object.keys(MONITORING_VISIT_COMMANDS) as TMonitoringVisitCommandName[];
