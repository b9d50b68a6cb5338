import { describe, expect, it } from 'vitest';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import { actionCommandEvent } from './commands.js';
import { ACTION_COMMAND_NAMES, ACTION_COMMANDS, type ActionCommandDeclaration } from './declarations.js';
import { ZActionCommands, ZAttachEvidenceInput, ZCreateActionInput, ZRequestExtensionInput, ZUpdateActionProgressInput } from './schemas.js';

const actor = { userId: 'u-pm', role: 'programme_manager' as const };
const meta = { clientRequestId: 'req-12345678', reason: 'Monthly return', actionId: 'action-p1-a1' };

describe('action command schemas', () => {
  it('create = command meta + the action definition, with recommendation refs defaulting to none', () => {
    const input = ZCreateActionInput.parse({
      clientRequestId: 'req-12345678', reason: 'New action from the MV letter', programmeId: 'p1', title: 'Audit the front door',
      owner: { name: 'Sam Patel' }, dueOn: '2027-04-01', ofstedLinked: false,
    });
    expect(input.recommendationRefs).toEqual([]);
    expect(ZCreateActionInput.safeParse({ ...input, dueOn: '2027-02-29' }).success).toBe(false);
  });

  it('progress is a whole percentage from 0 to 100; the owner view is green, amber or red', () => {
    expect(ZUpdateActionProgressInput.safeParse({ ...meta, percentComplete: 101, note: 'Done and more' }).success).toBe(false);
    expect(ZUpdateActionProgressInput.safeParse({ ...meta, percentComplete: 50.5, note: 'Half' }).success).toBe(false);
    expect(ZUpdateActionProgressInput.safeParse({ ...meta, percentComplete: 50, note: 'Half', ragAssessment: 'blue' }).success).toBe(false);
    expect(ZUpdateActionProgressInput.parse({ ...meta, percentComplete: 50, note: 'Half done', ragAssessment: 'amber' }).ragAssessment).toBe('amber');
  });

  it('evidence needs a link or a reference; an extension needs a justification', () => {
    const r = ZAttachEvidenceInput.safeParse({ ...meta, title: 'Audit report' });
    expect(r.success).toBe(false);
    // On both fields, so whichever the user left out is named (found by fuzzing).
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['url', 'Give a link or a document reference'], ['reference', 'Give a link or a document reference'],
    ]);
    expect(ZAttachEvidenceInput.safeParse({ ...meta, title: 'Audit report', url: 'https://northmoor.gov.uk/audit.pdf' }).success).toBe(true);
    expect(ZRequestExtensionInput.safeParse({ ...meta, newDueOn: '2027-05-13', justification: 'late' }).success).toBe(false);
  });
});

describe('actionCommandEvent', () => {
  it('turns an Update payload into its event, dropping keys the event does not carry', () => {
    const e = actionCommandEvent('updateProgress', { ...meta, actor, percentComplete: 40, note: 'Provider appointed' }, 5);
    expect(e).toEqual({ type: 'progress_updated', at: 5, actor, reason: 'Monthly return', percentComplete: 40, note: 'Provider appointed' });
  });

  it('sign-off is signed_off by default and sign_off_returned when returned', () => {
    expect(actionCommandEvent('signOff', { actor, reason: 'Checked' }, 1).type).toBe('signed_off');
    expect(actionCommandEvent('signOff', { actor, reason: 'Not enough', outcome: 'returned' }, 1)).toEqual({
      type: 'sign_off_returned', at: 1, actor, reason: 'Not enough',
    });
  });

  it('rejects a malformed payload naming the field', () => {
    const f = () => actionCommandEvent('requestExtension', { actor, reason: 'x', newDueOn: '2027-05-13', justification: 'Provider late' }, 1);
    expect(f).toThrow(LifecycleRejection);
    expect(f).toThrow(/^reason: Give a reason of at least 3 characters$/);
    expect(() => actionCommandEvent('cancel', { actor: { userId: '' }, reason: 'Merged' }, 1)).toThrow(/^actor\./);
  });
});

describe('the two halves of each command declaration agree', () => {
  it.each(ACTION_COMMAND_NAMES)('%s: the workflow checks every field zod accepts, and the form shows only fields zod knows', (name) => {
    const declared: ActionCommandDeclaration = ACTION_COMMANDS[name];
    const zodFields = Object.keys(ZActionCommands[name].body.shape);
    // The workflow may check more (fields the API adds itself, such as sign-off's separateDuties), never fewer.
    expect(Object.keys(declared.body)).toEqual(expect.arrayContaining(zodFields));
    for (const field of declared.form.fields) expect(zodFields).toContain(field.source);
    for (const field of Object.keys(declared.form.required ?? {})) expect(zodFields).toContain(field);
  });

  it('Update names and event types are unique: one command per Update, one event per command', () => {
    const updates = ACTION_COMMAND_NAMES.map((n) => ACTION_COMMANDS[n].update);
    expect(new Set(updates).size).toBe(updates.length);
    const events = ACTION_COMMAND_NAMES.flatMap((n) => {
      const e: string | { events: Record<string, string> } = ACTION_COMMANDS[n].event;
      return typeof e === 'string' ? [e] : Object.values(e.events);
    });
    expect(new Set(events).size).toBe(events.length);
  });
});
