/**
 * Every command a person can send to an information request, declared once (the shape is
 * ../commands/declaration.ts, shared with the action's commands): the Temporal Update it travels as,
 * the event it becomes, the fields it adds to actor + reason (checked without zod, because this file
 * runs inside the workflow), who may send it, when the console offers it and the form it shows.
 * Everything else is derived from this table:
 *  - the event types (./events.ts) and the zod-free check that turns a payload into its event (./commands.ts);
 *  - the Update definitions and the Update name → event map (packages/workflows/src/information-request/);
 *  - the API procedures informationRequests.<name>, guarded by `roles` (packages/api/src/routers/information-requests.ts);
 *  - the console's buttons and dialogs (apps/console/src/information-requests/commands.tsx).
 * The zod half of each declaration is its entry in ZInformationRequestCommands (./schemas.ts), keyed
 * by the same name; payload.test.ts checks both halves accept the same payloads.
 *
 * To add a command: an entry here, its body in ZInformationRequestCommands, a case in the reducer
 * (./reducer.ts, which the compiler asks for) and tests. Never rename `update` or `event` of an
 * existing command: recorded histories hold them ('answer', 'extendDueDate', 'withdraw').
 */
import type { CommandDeclaration } from '../commands/declaration.js';
import type { TRole } from '../schemas/roles.js';

/** The part of an information request a command's availability depends on (the read model's record has it). */
export interface InformationRequestCommandSubject {
  phase: 'open' | 'answered' | 'withdrawn';
}

export type InformationRequestCommandDeclaration = CommandDeclaration<InformationRequestCommandSubject>;

const MANAGERS = ['programme_manager', 'admin'] as const satisfies readonly TRole[];
const isOpen = (r: InformationRequestCommandSubject) => r.phase === 'open';

/** The information request's commands, in the order the console shows their buttons. */
export const INFORMATION_REQUEST_COMMANDS = {
  answer: {
    update: 'answer',
    event: 'answered',
    body: { answeredOn: 'date', summary: 'text' },
    roles: MANAGERS,
    offeredWhen: isOpen,
    form: {
      label: 'Record the answer', submitLabel: 'Record answer', variant: 'contained', success: 'Answer recorded',
      reasonExample: 'Briefing note sent to the committee clerk',
      fields: [
        { source: 'answeredOn', label: 'Answer sent', input: 'date' },
        { source: 'summary', label: 'Summary of the answer', input: 'text', multiline: true },
      ],
      required: {
        answeredOn: 'Enter the date the answer was sent', summary: 'Summarise the answer',
        reason: 'Give a reason, for example how the answer was sent',
      },
    },
  },
  /** The requester agreed a later date: the ladder re-arms for it. */
  extendDueDate: {
    update: 'extendDueDate',
    event: 'due_date_extended',
    body: { newDueOn: 'date' },
    roles: MANAGERS,
    offeredWhen: isOpen,
    form: {
      label: 'Agree a later date', title: 'Agree a later date for the answer', submitLabel: 'Change due date', success: 'Due date changed',
      reasonExample: 'Chair agreed by email to wait for the quarter’s figures',
      fields: [{ source: 'newDueOn', label: 'New due date', input: 'date', helperText: 'Reminders and escalations start again for this date' }],
      required: { newDueOn: 'Enter the new date agreed', reason: 'Give a reason, for example who agreed the new date' },
    },
  },
  withdraw: {
    update: 'withdraw',
    event: 'withdrawn',
    body: {},
    roles: MANAGERS,
    offeredWhen: isOpen,
    form: {
      label: 'Withdraw', title: 'Withdraw the request', submitLabel: 'Withdraw request', success: 'Request withdrawn',
      reasonExample: 'The committee no longer needs it: covered by the June report', reasonLabel: 'Why it is withdrawn',
      fields: [],
      required: { reason: 'Give a reason, for example who withdrew the request' },
    },
  },
} as const satisfies Record<string, InformationRequestCommandDeclaration>;

export type TInformationRequestCommandName = keyof typeof INFORMATION_REQUEST_COMMANDS;
export const INFORMATION_REQUEST_COMMAND_NAMES = Object.keys(INFORMATION_REQUEST_COMMANDS) as TInformationRequestCommandName[];
