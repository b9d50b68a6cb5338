/**
 * Every command a person can send to an action, declared once: the Temporal Update it travels as,
 * the event it becomes, the fields it adds to actor + reason (checked without zod, because this
 * file runs inside the workflow), who may send it, when the console offers it and the form it shows.
 * The declaration's shape is shared with other kinds' commands (../commands/declaration.ts).
 * Everything else is derived from this table:
 *  - the event types (./events.ts) and the zod-free check that turns a payload into its event (./commands.ts);
 *  - the Update definitions and the Update name → command map (packages/workflows/src/action/);
 *  - the API procedures, one per command, guarded by `roles` (packages/api/src/routers/action-commands.ts);
 *  - the console's buttons and dialogs (apps/console/src/actions/ActionCommands.tsx).
 * The zod half of each declaration (the same fields with their messages, the API's input and the
 * console's validation) is its entry in ZActionCommands (./schemas.ts), keyed by the same name: the
 * workflow bundle must not load zod, so it cannot live here; the compiler checks both halves have the
 * same names and payload.test.ts checks they accept the same payloads.
 *
 * To add a command: an entry here, its body in ZActionCommands, a case in the reducer (./reducer.ts,
 * which the compiler asks for) and tests. Never rename `update` or `event` of an existing command:
 * recorded histories hold them.
 */
import type { CommandDeclaration } from '../commands/declaration.js';
import type { TRole } from '../schemas/roles.js';

// The declaration's shape is kind-neutral (../commands/declaration.ts); named here too for those that import them from here.
export type { CommandEventOf, CommandForm, CommandFormField } from '../commands/declaration.js';

/** The part of an action a command's availability depends on (the read model's record has it). */
export interface ActionCommandSubject {
  status: 'open' | 'awaiting_sign_off' | 'complete' | 'cancelled';
  pendingExtension: unknown;
}

export type ActionCommandDeclaration = CommandDeclaration<ActionCommandSubject>;

const MANAGERS = ['programme_manager', 'admin'] as const satisfies readonly TRole[];
const isOpen = (a: ActionCommandSubject) => a.status === 'open';
const notClosed = (a: ActionCommandSubject) => a.status === 'open' || a.status === 'awaiting_sign_off';

/** The action's commands, in the order the console shows their buttons. */
export const ACTION_COMMANDS = {
  updateProgress: {
    update: 'updateActionProgress',
    event: 'progress_updated',
    body: { percentComplete: 'percent', note: 'text', ragAssessment: 'value?' },
    roles: MANAGERS,
    offeredWhen: isOpen,
    form: {
      label: 'Update progress', variant: 'contained', success: 'Progress updated', reasonExample: 'Monthly update from the owner',
      fields: [
        { source: 'percentComplete', label: 'Per cent complete', input: 'number', min: 0, max: 100, step: 5 },
        { source: 'note', label: 'What has been done', input: 'text', multiline: true },
        {
          source: 'ragAssessment', label: 'Owner’s RAG (optional)', input: 'select', emptyText: 'No view given',
          choices: [{ id: 'green', name: 'Green: on track' }, { id: 'amber', name: 'Amber: at risk' }, { id: 'red', name: 'Red: off track' }],
        },
      ],
      required: { percentComplete: 'Enter how far through the action is, 0 to 100', note: 'Say what has been done' },
    },
  },
  attachEvidence: {
    update: 'attachActionEvidence',
    event: 'evidence_attached',
    body: { title: 'text', url: 'value?', reference: 'text?' },
    check: (b) => (!b.url && !b.reference ? 'url: Give a link or a document reference' : null),
    roles: MANAGERS,
    offeredWhen: notClosed,
    form: {
      label: 'Attach evidence', success: 'Evidence attached', reasonExample: 'Audit of 40 case files completed',
      intro: 'Give a link, or a document reference when there is no link (a case-file audit number, a minute reference).',
      fields: [
        { source: 'title', label: 'Title', input: 'text' },
        { source: 'url', label: 'Link (optional)', input: 'text', type: 'url', helperText: 'Starting https://' },
        { source: 'reference', label: 'Document reference (optional)', input: 'text' },
      ],
      required: { title: 'Give the evidence a title' },
    },
  },
  requestSignOff: {
    update: 'requestActionSignOff',
    event: 'sign_off_requested',
    body: {},
    roles: MANAGERS,
    offeredWhen: isOpen,
    form: {
      label: 'Request sign-off', success: 'Sign-off requested', reasonExample: 'All milestones met; evidence attached',
      intro: 'The action is then rated as delivered, awaiting sign-off. Sign-off needs evidence attached.',
      fields: [],
    },
  },
  signOff: {
    update: 'signOffAction',
    // 'returned' refuses the sign-off and hands the action back to its owner.
    event: { byField: 'outcome', default: 'signed_off', events: { signed_off: 'signed_off', returned: 'sign_off_returned' } },
    // separateDuties is the programme's rule, added by the API from its settings (never by the client).
    body: { outcome: 'value?', separateDuties: 'value?' },
    roles: MANAGERS,
    offeredWhen: (a) => a.status === 'awaiting_sign_off',
    form: {
      label: 'Sign off', variant: 'contained', success: 'Sign-off recorded', reasonExample: 'Evidence reviewed at the improvement board',
      fields: [{
        source: 'outcome', label: 'Decision', input: 'select',
        choices: [{ id: 'signed_off', name: 'Signed off as complete' }, { id: 'returned', name: 'Returned to the owner: not yet done' }],
      }],
      defaultValues: { outcome: 'signed_off' },
    },
  },
  requestExtension: {
    update: 'requestActionExtension',
    event: 'extension_requested',
    body: { newDueOn: 'date', justification: 'text' },
    roles: MANAGERS,
    offeredWhen: (a) => isOpen(a) && !a.pendingExtension,
    form: {
      label: 'Request extension', success: 'Extension requested', reasonExample: 'Recruitment to the new team delayed',
      fields: [
        { source: 'newDueOn', label: 'New due date', input: 'date' },
        { source: 'justification', label: 'Why more time is needed', input: 'text', multiline: true },
      ],
      required: { newDueOn: 'Enter the new due date', justification: 'Explain why more time is needed' },
    },
  },
  approveExtension: {
    update: 'approveActionExtension',
    event: 'extension_approved',
    body: {},
    roles: MANAGERS,
    offeredWhen: (a) => notClosed(a) && !!a.pendingExtension,
    form: { label: 'Approve extension', variant: 'contained', success: 'Extension approved: the due date has moved', reasonExample: 'Agreed at the improvement board', fields: [] },
  },
  rejectExtension: {
    update: 'rejectActionExtension',
    event: 'extension_rejected',
    body: {},
    roles: MANAGERS,
    offeredWhen: (a) => notClosed(a) && !!a.pendingExtension,
    form: { label: 'Reject extension', success: 'Extension rejected', reasonExample: 'The original date still stands', fields: [] },
  },
  reassignOwner: {
    update: 'reassignActionOwner',
    event: 'owner_reassigned',
    body: { ownerName: 'text', ownerEmail: 'value?' },
    roles: MANAGERS,
    offeredWhen: notClosed,
    form: {
      label: 'Reassign owner', success: 'Owner reassigned', reasonExample: 'Sam Patel has moved to the fostering service',
      intro: 'The new owner is accountable from now on and receives the reminders; the history keeps who owned it before.',
      fields: [
        { source: 'ownerName', label: 'New owner’s name', input: 'text' },
        { source: 'ownerEmail', label: 'New owner’s email (optional)', input: 'text' },
      ],
      required: { ownerName: 'Give the new owner’s name' },
    },
  },
  cancel: {
    update: 'cancelAction',
    event: 'action_cancelled',
    body: {},
    roles: MANAGERS,
    offeredWhen: notClosed,
    form: {
      label: 'Cancel action', color: 'error', success: 'Action cancelled', reasonExample: 'Superseded by the revised plan',
      intro: 'A cancelled action stays on the record, with your reason; it is no longer rated.',
      fields: [],
    },
  },
} as const satisfies Record<string, ActionCommandDeclaration>;

export type TActionCommandName = keyof typeof ACTION_COMMANDS;
export const ACTION_COMMAND_NAMES = Object.keys(ACTION_COMMANDS) as TActionCommandName[];
