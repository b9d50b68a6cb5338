/**
 * What a declared command is, whatever it is sent to (an action, an information request): the
 * Temporal Update it travels as, the event it becomes, its fields as the workflow checks them (no
 * zod: this file runs inside workflows), who may send it, when the console offers it and the form
 * it shows. Each kind's table of them is its `declarations.ts` (action/, information-request/); the
 * zod half of each entry is in the kind's `schemas.ts`, keyed by the same names.
 */
import type { FieldCheck } from '../lifecycle/payload.js';
import type { TRole } from '../schemas/roles.js';

/** One input of a command's form in the console (labels as the user reads them). */
export type CommandFormField =
  | { source: string; label: string; input: 'text'; multiline?: boolean; rows?: number; type?: 'url'; helperText?: string }
  /** A list typed one item a line (inspectors, a letter's findings): the command gets the non-blank lines, trimmed. */
  | { source: string; label: string; input: 'lines'; rows?: number; helperText?: string }
  | { source: string; label: string; input: 'number'; min?: number; max?: number; step?: number }
  | { source: string; label: string; input: 'date'; helperText?: string }
  | { source: string; label: string; input: 'select'; choices: ReadonlyArray<{ id: string; name: string }>; emptyText?: string };

/** What the console shows for a command: the button, the dialog's inputs, and what it says on success. */
export interface CommandForm {
  /** The button's words, and the dialog's title unless `title` says otherwise. */
  label: string;
  title?: string;
  /** Words on the submit button; `label` by default. */
  submitLabel?: string;
  success: string;
  /** An example reason for the reason's hint (auditors read the reason). */
  reasonExample: string;
  /** The reason's label when not "Reason for this change". */
  reasonLabel?: string;
  intro?: string;
  variant?: 'contained';
  color?: 'error';
  fields: readonly CommandFormField[];
  /** GOV.UK-style messages for a missing answer, by field (`reason` too, to say more than "Give a reason for this change"). */
  required?: Readonly<Record<string, string>>;
  defaultValues?: Readonly<Record<string, unknown>>;
}

/** A command's event: one type, or one chosen by a field of the payload (the field is not kept). */
export type CommandEventOf = string | { readonly byField: string; readonly default: string; readonly events: Readonly<Record<string, string>> };

/**
 * One command, declared once. `Subject` is what the console's `offeredWhen` looks at: the part of
 * the read model's record a command's availability depends on.
 */
export interface CommandDeclaration<Subject> {
  /** The Temporal Update's name. Never rename one that has run: recorded histories hold it. */
  update: string;
  event: CommandEventOf;
  /** The fields the command adds to actor + reason, as the workflow checks them (zod checks more at the API). */
  body: Readonly<Record<string, FieldCheck>>;
  /** A rule over several fields, as "field: message", or null when it holds (the reducer re-checks what matters). */
  check?: (body: Record<string, unknown>) => string | null;
  /** Who may send it: the API refuses everyone else and the console shows the button only to these. */
  roles: readonly TRole[];
  /** When the console offers it; the reducer is what refuses a command that does not fit. */
  offeredWhen: (subject: Subject) => boolean;
  form: CommandForm;
}
