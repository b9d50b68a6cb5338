/**
 * The actions router through createCaller on real PostgreSQL. Rows are written the way the worker
 * writes them (domain reducer → projectActionState); "now" is pinned, so the live RAG, flags and
 * working days left are exact. Commands run against a recording stand-in for Temporal: what
 * reaches the workflow (id, Update id, payload) and how its errors read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { projectActionState } from '@ip/activities';
import {
  ACTION_LADDER_KEY, DEFAULT_ACTION_LADDER, DEFAULT_ACTION_RULES, actionCommandEvent, defaultActionContext, londonMidnightUtcMs, reduceAction,
  ZActionDefinition, type TActionDefinitionInput, type TActionState, type TActor,
} from '@ip/domain';
import { actionWorkflowId } from '@ip/workflows/definitions';
import { appRouter } from '../root.js';
import { createCallerFactory } from '../trpc.js';
import { createContextInner } from '../context.js';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';
import { requestKey } from './workflow-support.js';
import { fakeTemporal } from './fake-temporal.js';

/** 10:00 in London on a date (GMT before 29 March 2026). */
const at = (d: string) => londonMidnightUtcMs(d) + 10 * 3_600_000;
const NOW = at('2026-03-16');
const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah' };
const admin: TActor = { userId: 'u-admin', role: 'admin', name: 'Demo Administrator' };

function action(id: string, createdOn: string, def: Partial<TActionDefinitionInput>, steps: [string, string, Record<string, unknown>, TActor?][] = []): TActionState {
  const ctx = defaultActionContext();
  const definition = ZActionDefinition.parse({ programmeId: PROGRAMME_ID, title: `Action ${id}`, owner: { name: 'Alex Owner' }, dueOn: '2026-06-30', ofstedLinked: false, ...def });
  let s = reduceAction(null, { type: 'action_created', at: at(createdOn), actor: pm, reason: 'In the plan', actionId: id, definition, ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES }, ctx);
  for (const [on, name, body, who] of steps) {
    s = reduceAction(s, actionCommandEvent(name as never, { ...body, actor: who ?? pm, reason: 'Update' }, at(on)), ctx);
  }
  return s;
}
const done = (on: string): [string, string, Record<string, unknown>][] => [
  [on, 'updateProgress', { percentComplete: 100, note: 'Delivered' }],
  [on, 'attachEvidence', { title: 'Audit report', reference: 'CFA-12' }],
  [on, 'requestSignOff', {}],
];

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
  const states = [
    action('a-green', '2026-03-02', { title: 'Audit the front door', workstream: 'Front door', owner: { name: 'Jo Bloggs', email: 'jo.bloggs@northmoor.gov.uk' }, ofstedLinked: true },
      [['2026-03-13', 'updateProgress', { percentComplete: 40, note: 'Audit tool agreed' }]]),
    action('a-amber', '2026-03-02', { title: 'Recruit six social workers', owner: { name: 'Sam Patel' }, dueOn: '2026-03-20' },
      [['2026-03-12', 'updateProgress', { percentComplete: 30, note: 'Two appointed' }]]),
    action('a-red', '2026-02-02', { title: 'Clear the assessment backlog', dueOn: '2026-03-10' },
      [['2026-03-09', 'updateProgress', { percentComplete: 70, note: 'Most cleared' }]]),
    action('a-signoff', '2026-03-02', { title: 'Publish the practice standards', dueOn: '2026-03-11' }, done('2026-03-10')),
    action('a-stale', '2025-12-01', { title: 'Refresh the sufficiency strategy', dueOn: '2026-09-30' }),
    action('a-chronic', '2025-12-01', { title: 'Reduce caseloads below 18', dueOn: '2026-12-31' },
      [['2025-12-15', 'updateProgress', { percentComplete: 20, note: 'Slow going', ragAssessment: 'amber' }]]),
    action('a-done', '2026-01-05', { title: 'Appoint a principal social worker', dueOn: '2026-02-27' },
      [...done('2026-02-20'), ['2026-02-20', 'signOff', {}, admin]]),
    action('a-other', '2026-03-02', { programmeId: 'programme-E08000099-1', title: 'Eastfield action', dueOn: '2026-04-30' }),
  ];
  for (const s of states) await projectActionState(t.prisma, s);
});
afterAll(() => t?.close());

const caller = (role: 'programme_manager' | 'auditor' | 'admin', temporal: unknown = {}) =>
  createCallerFactory(appRouter)(createContextInner({ prisma: t.prisma, temporal: temporal as never, now: () => NOW }, { user: t.users[role] }));

describe('actions: reads', () => {
  const ids = async (filter: Record<string, unknown>, sort: { field: string; order: 'ASC' | 'DESC' } = { field: 'dueOn', order: 'ASC' }) =>
    (await caller('auditor').actions.getList({ filter: { programmeId: PROGRAMME_ID, ...filter }, sort })).data.map((a) => a.id);

  it('sorts by due date and by working days left, server-side', async () => {
    const byDue = ['a-done', 'a-red', 'a-signoff', 'a-amber', 'a-green', 'a-stale', 'a-chronic'];
    expect(await ids({})).toEqual(byDue);
    expect(await ids({}, { field: 'workingDaysLeft', order: 'DESC' })).toEqual([...byDue].reverse());
    expect(await ids({}, { field: 'title', order: 'ASC' })).toEqual(['a-done', 'a-green', 'a-red', 'a-signoff', 'a-amber', 'a-chronic', 'a-stale']);
    // Most urgent first; equal RAGs by due date.
    expect(await ids({}, { field: 'rag', order: 'ASC' })).toEqual(['a-red', 'a-amber', 'a-chronic', 'a-green', 'a-stale', 'a-signoff', 'a-done']);
  });

  it('filters: overdue, RAG and flags for now (not the stored column), sign-off, Ofsted link, owner, workstream, status, text', async () => {
    expect(await ids({ overdue: true })).toEqual(['a-red']);
    expect(await ids({ overdue: 'false' })).not.toContain('a-red');
    // The row's rag column still says amber (last event 9 March); the due date has passed since.
    expect((await t.prisma.action.findUniqueOrThrow({ where: { id: 'a-red' } })).rag).toBe('amber');
    expect(await ids({ rag: 'red' })).toEqual(['a-red']);
    expect(await ids({ rag: ['amber', 'red'] })).toEqual(['a-red', 'a-amber', 'a-chronic']);
    expect(await ids({ stale: true })).toEqual(['a-stale', 'a-chronic']);
    expect(await ids({ chronicAmber: 'true' })).toEqual(['a-chronic']);
    expect(await ids({ awaitingSignOff: true })).toEqual(['a-signoff']);
    expect(await ids({ ofstedLinked: true })).toEqual(['a-green']);
    expect(await ids({ owner: 'patel' })).toEqual(['a-amber']);
    expect(await ids({ owner: 'JO.BLOGGS@' })).toEqual(['a-green']);
    expect(await ids({ workstream: 'Front door' })).toEqual(['a-green']);
    expect(await ids({ status: 'complete' })).toEqual(['a-done']);
    expect(await ids({ q: 'BACKLOG' })).toEqual(['a-red']);
    expect(await ids({ q: '%' })).toEqual([]); // taken literally, not as a wildcard
    expect(await ids({ owner: 'jo_bloggs' })).toEqual([]);
    expect(await ids({ programmeId: 'programme-E08000099-1' })).toEqual(['a-other']);
    expect(fieldsOf(await failure(caller('auditor').actions.getList({ filter: { rag: 'purple' } })))).toEqual(['filter.rag']);
  });

  it('paginates, on the SQL path and on the live path alike', async () => {
    const sql = await caller('auditor').actions.getList({ filter: { programmeId: PROGRAMME_ID }, sort: { field: 'dueOn', order: 'ASC' }, pagination: { page: 2, perPage: 3 } });
    expect([sql.total, sql.data.map((a) => a.id)]).toEqual([7, ['a-amber', 'a-green', 'a-stale']]);
    const live = await caller('auditor').actions.getList({ filter: { rag: ['amber', 'red', 'green'] }, sort: { field: 'dueOn', order: 'ASC' }, pagination: { page: 2, perPage: 2 } });
    expect([live.total, live.data.map((a) => a.id)]).toEqual([6, ['a-other', 'a-green']]);
  });

  it('getOne: live RAG with reasons, flags, working days left; closed actions count nothing down', async () => {
    const red = (await caller('auditor').actions.getOne({ id: 'a-red' })).data;
    expect(red).toMatchObject({ rag: 'red', overdue: true, status: 'open', percentComplete: 70, workingDaysLeft: -4, dueAt: '2026-03-11T00:00:00.000Z' });
    expect(red.ragReasons).toEqual(['Past its due date of 10 March 2026 and not complete']);
    const amber = (await caller('auditor').actions.getOne({ id: 'a-amber' })).data;
    expect(amber).toMatchObject({ rag: 'amber', workingDaysLeft: 4, ownerName: 'Sam Patel', ownerEmail: null, stale: false });
    const chronic = (await caller('auditor').actions.getOne({ id: 'a-chronic' })).data;
    expect(chronic).toMatchObject({ rag: 'amber', flags: ['stale', 'chronic_amber'], stale: true, chronicAmber: true, amberCycles: 3 });
    const signoff = (await caller('auditor').actions.getOne({ id: 'a-signoff' })).data;
    expect(signoff).toMatchObject({ rag: 'awaiting_sign_off', awaitingSignOff: true, overdue: false, evidence: [{ title: 'Audit report', reference: 'CFA-12' }] });
    const complete = (await caller('auditor').actions.getOne({ id: 'a-done' })).data;
    expect(complete).toMatchObject({ rag: 'complete', workingDaysLeft: null, nextSteps: [], closedBy: { userId: 'u-admin' } });
    expect((await caller('auditor').actions.getOne({ id: 'a-green' })).data.nextSteps[0]).toMatchObject({ kind: 'reminder', fireAt: expect.any(String) });
    expect((await failure(caller('auditor').actions.getOne({ id: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('list rows carry what lists show, as getOne computes it, without the history, evidence items or schedule', async () => {
    for (const filter of [{ programmeId: PROGRAMME_ID }, { programmeId: PROGRAMME_ID, rag: ['red', 'amber', 'green', 'awaiting_sign_off', 'complete'] }]) {
      const rows = (await caller('auditor').actions.getList({ filter, pagination: { page: 1, perPage: 100 } })).data;
      expect(rows).toHaveLength(7);
      for (const row of rows) {
        const { history, nextSteps, evidence, description, pendingExtension, extensions, signOffRequestedBy, closedBy, ...shown } = (await caller('auditor').actions.getOne({ id: row.id })).data;
        expect(row).toEqual(shown);
        expect(row.evidenceCount).toBe(evidence.length);
        expect(Object.keys(row)).not.toContain('history');
        expect(history.length).toBeGreaterThan(0);
        expect(Array.isArray(nextSteps)).toBe(true);
      }
      expect(rows.find((r) => r.id === 'a-signoff')?.evidenceCount).toBe(1);
    }
  });

  it('getMany and getManyReference', async () => {
    expect((await caller('auditor').actions.getMany({ ids: ['a-red', 'a-other', 'nope'] })).data.map((a) => a.id).sort()).toEqual(['a-other', 'a-red']);
    const ref = await caller('auditor').actions.getManyReference({ target: 'workstream', id: 'Front door' });
    expect(ref.data.map((a) => a.id)).toEqual(['a-green']);
  });
});

describe('actions: commands reach the workflow as Updates keyed by the client request id', () => {
  it('updateProgress: the action workflow, `updateActionProgress:<request id>`, the payload with the actor', async () => {
    const temporal = fakeTemporal();
    const clientRequestId = rid();
    const res = await caller('programme_manager', temporal.client).actions.updateProgress({
      actionId: 'a-green', clientRequestId, reason: 'Monthly return', percentComplete: 50, note: 'Half the teams audited', ragAssessment: 'amber',
    });
    expect(temporal.updates).toEqual([{
      workflowId: 'a-green', update: 'updateActionProgress', updateId: `updateActionProgress:${clientRequestId}`,
      args: [{ reason: 'Monthly return', percentComplete: 50, note: 'Half the teams audited', ragAssessment: 'amber',
        actor: { userId: t.users.programme_manager.id, role: 'programme_manager', name: 'programme_manager' } }],
    }]);
    expect(res.data.id).toBe('a-green');
  });

  it('signOff carries the programme\'s separation-of-duties rule: on by default, off once an admin turns it off (audited)', async () => {
    const signOff = async () => {
      const temporal = fakeTemporal();
      await caller('programme_manager', temporal.client).actions.signOff({ actionId: 'a-signoff', clientRequestId: rid(), reason: 'Evidence reviewed', outcome: 'signed_off' });
      return temporal.updates[0]!.args[0] as { separateDuties?: boolean };
    };
    expect((await caller('auditor').programmeSettings.get({ programmeId: PROGRAMME_ID })).data.signOffSeparation).toBe(true);
    expect((await signOff()).separateDuties).toBe(true);
    expect(await failure(caller('programme_manager').programmeSettings.update({ programmeId: PROGRAMME_ID, signOffSeparation: false, clientRequestId: rid(), reason: 'Small team' })))
      .toMatchObject({ code: 'FORBIDDEN' });
    await caller('admin').programmeSettings.update({ programmeId: PROGRAMME_ID, signOffSeparation: false, clientRequestId: rid(), reason: 'One manager covers the whole plan' });
    expect((await signOff()).separateDuties).toBe(false);
    const trail = await caller('auditor').auditTrail.getList({ filter: { entity: 'programme_settings' } });
    expect(trail.data[0]).toMatchObject({ action: 'update', before: { signOffSeparation: true }, after: { signOffSeparation: false } });
    await caller('admin').programmeSettings.update({ programmeId: PROGRAMME_ID, signOffSeparation: true, clientRequestId: rid(), reason: 'Back to four eyes' });
  });

  it('a finished workflow reads as a closed action; a refused command carries the reason; a missing one is NOT_FOUND', async () => {
    const closed = fakeTemporal(() => { throw new WorkflowNotFoundError('workflow execution already completed', 'a-done', undefined); });
    const err = await failure(caller('programme_manager', closed.client).actions.cancel({ actionId: 'a-done', clientRequestId: rid(), reason: 'No longer needed' }));
    expect([err.code, err.message]).toEqual(['PRECONDITION_FAILED', 'This action is closed (signed off or cancelled)']);

    const refused = fakeTemporal(() => { throw new WorkflowUpdateFailedError('Workflow Update failed', new Error('An extension cannot be approved by the person who asked for it')); });
    const err2 = await failure(caller('admin', refused.client).actions.approveExtension({ actionId: 'a-green', clientRequestId: rid(), reason: 'Agreed' }));
    expect([err2.code, err2.message]).toEqual(['PRECONDITION_FAILED', 'An extension cannot be approved by the person who asked for it']);

    const missing = fakeTemporal(() => { throw new WorkflowNotFoundError('workflow not found for ID: x', 'x', undefined); });
    const err3 = await failure(caller('programme_manager', missing.client).actions.requestSignOff({ actionId: 'x', clientRequestId: rid(), reason: 'Done' }));
    expect([err3.code, err3.message]).toEqual(['NOT_FOUND', 'No action with id x']);
  });

  it('create: checks the programme, starts actionWorkflow once per request id, returns the projected record', async () => {
    expect(fieldsOf(await failure(caller('programme_manager').actions.create({
      clientRequestId: rid(), reason: 'New action', programmeId: 'programme-nope', title: 'A title', owner: { name: 'Jo' }, dueOn: '2026-05-01', ofstedLinked: false,
    })))).toEqual(['programmeId']);

    // The stand-in "worker" projects the new workflow's first state, as the real one does.
    const temporal = fakeTemporal(undefined, async (start) => {
      const args = start.args[0] as { definition: TActionDefinitionInput };
      await projectActionState(t.prisma, action(start.workflowId, '2026-03-16', args.definition));
    });
    const clientRequestId = rid();
    const input = { clientRequestId, reason: 'From the MV2 letter', programmeId: PROGRAMME_ID, title: 'Audit supervision records', owner: { name: 'Jo' }, dueOn: '2026-05-01', ofstedLinked: true };
    const first = await caller('programme_manager', temporal.client).actions.create(input);
    const again = await caller('programme_manager', temporal.client).actions.create(input);
    expect(first.data.id).toBe(actionWorkflowId(PROGRAMME_ID, requestKey(clientRequestId)));
    expect(again).toEqual(first);
    expect(temporal.starts).toHaveLength(1);
    expect(temporal.starts[0]).toMatchObject({ workflowType: 'actionWorkflow', workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [{ reason: 'From the MV2 letter', definition: { title: 'Audit supervision records' } }] });
    expect(first.data).toMatchObject({ title: 'Audit supervision records', rag: 'green', ofstedLinked: true, status: 'open' });
  });

  it('create: a new action runs the ladder and calendar its programme’s admin configured', async () => {
    const ladder = { id: 'northmoor-actions', name: 'Northmoor action ladder', steps: [
      { id: 'remind-3', offsetWorkingDays: -3, kind: 'reminder', level: 'owner', label: 'Due in 3 working days' },
      { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', setsRed: true, label: 'Overdue: DCS told' },
    ] };
    const calendarOverrides = { add: [{ date: '2026-05-26', title: 'Council closure day' }], remove: [] };
    await t.prisma.programme.update({ where: { id: PROGRAMME_ID }, data: { state: { config: { ladders: { [ACTION_LADDER_KEY]: ladder }, calendarOverrides } } } });
    const temporal = fakeTemporal(undefined, async (start) => {
      const args = start.args[0] as { definition: TActionDefinitionInput };
      await projectActionState(t.prisma, action(start.workflowId, '2026-03-16', args.definition));
    });
    try {
      await caller('programme_manager', temporal.client).actions.create({
        clientRequestId: rid(), reason: 'Board asked for it', programmeId: PROGRAMME_ID, title: 'Publish the QA framework', owner: { name: 'Jo' }, dueOn: '2026-06-01', ofstedLinked: false,
      });
    } finally {
      await t.prisma.programme.update({ where: { id: PROGRAMME_ID }, data: { state: {} } });
    }
    expect(temporal.starts[0]?.args[0]).toMatchObject({ ladder: { id: 'northmoor-actions', steps: [{ id: 'remind-3' }, { id: 'due-0' }] }, calendarOverrides });
  });

  it('create: an id already taken in Temporal by a workflow this database never saw is a CONFLICT saying so', async () => {
    const temporal = fakeTemporal(undefined, async (start) => {
      throw new WorkflowExecutionAlreadyStartedError('Workflow execution already started', start.workflowId, start.workflowType);
    });
    const err = await failure(caller('programme_manager', temporal.client).actions.create({
      clientRequestId: rid(), reason: 'Restored database', programmeId: PROGRAMME_ID, title: 'A title', owner: { name: 'Jo' }, dueOn: '2026-06-01', ofstedLinked: false,
    }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/already exists in Temporal but not in this database.*projections\.rebuild/);
  }, 20_000);
});
