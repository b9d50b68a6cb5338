/**
 * Authorities on real PostgreSQL through createCaller: an admin adds a council (ONS code checked by
 * its pattern), renames one and records a successor when councils merge, each in the audit trail
 * (and the hash chain still verifies); a predecessor's programmes stay readable under its successor;
 * the DfE status comes from intervention workflows, not from a stored column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
let northmoor = '';
beforeAll(async () => {
  t = await startRouterTest();
  // The stored column says statutory direction, as the old demo seed did; no intervention workflow exists.
  northmoor = (await t.prisma.localAuthority.update({ where: { onsCode: 'E09000099' }, data: { interventionStatus: 'statutory_direction' } })).id;
});
afterAll(() => t?.close());

const meta = (reason: string) => ({ clientRequestId: rid(), reason });

describe('authorities: the DfE status comes from the intervention workflows', () => {
  it('reads no intervention when there is no intervention workflow, whatever a stored column says', async () => {
    const { data } = await t.as('auditor').authorities.getOne({ id: northmoor });
    expect(data.interventionPhase).toBeNull();
    expect(data).not.toHaveProperty('interventionStatus');
  });

  it('reads the intervention workflow\'s phase while it is open, and nothing once it is closed', async () => {
    const row = { id: 'intervention-x', kind: 'intervention', programmeId: PROGRAMME_ID, onsCode: 'E09000099', title: 'DfE intervention', phase: 'statutory_direction', state: {}, stateVersion: 1 };
    await t.prisma.lifecycleRecord.create({ data: row });
    const list = await t.as('auditor').authorities.getList({ filter: { q: 'Northmoor' } });
    expect(list.data[0]).toMatchObject({ interventionPhase: 'statutory_direction', interventionId: 'intervention-x' });
    await t.prisma.lifecycleRecord.update({ where: { id: row.id }, data: { phase: 'closed' } });
    expect((await t.as('auditor').authorities.getOne({ id: northmoor })).data.interventionPhase).toBeNull();
  });
});

describe('authorities: admins add, rename and record successors, in the audit trail', () => {
  it('refuses an ONS code that is not an English children\'s services council\'s, naming the field', async () => {
    for (const onsCode of ['W06000001', 'E07000123', 'E0600006', 'north']) {
      const err = await failure(t.as('admin').authorities.create({ ...meta('New unitary council'), name: 'Test', onsCode, region: 'South East' }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(fieldsOf(err)).toEqual(['onsCode']);
    }
    const region = await failure(t.as('admin').authorities.create({ ...meta('New unitary council'), name: 'Test', onsCode: 'E06000901', region: 'Wessex' as never }));
    expect(fieldsOf(region)).toEqual(['region']);
  });

  it('adds a council, once per request id, and refuses a second council with the same code', async () => {
    const input = { ...meta('Reorganisation: the new unitary council goes live on 1 April 2027'), name: 'North Moorshire Council', onsCode: 'e06000901', region: 'North West' as const };
    const first = await t.as('admin').authorities.create(input);
    expect(first.data).toMatchObject({ name: 'North Moorshire Council', onsCode: 'E06000901', region: 'North West', successorId: null, predecessors: [] });
    expect((await t.as('admin').authorities.create(input)).data.id).toBe(first.data.id);
    const dup = await failure(t.as('admin').authorities.create({ ...input, clientRequestId: rid() }));
    expect(dup.code).toBe('CONFLICT');
    expect(await failure(t.as('programme_manager').authorities.create({ ...input, clientRequestId: rid() }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('renames a council and records a successor; the predecessor\'s programmes are listed under the successor; the chain verifies', async () => {
    const successor = (await t.prisma.localAuthority.findUniqueOrThrow({ where: { onsCode: 'E06000901' } })).id;
    await t.as('admin').authorities.rename({ ...meta('Name confirmed by the structural change order'), id: successor, name: 'North Moors Council' });
    const looped = await failure(t.as('admin').authorities.recordSuccessor({ ...meta('Merger'), id: northmoor, successorId: northmoor, succeededOn: '2027-04-01' }));
    expect(fieldsOf(looped)).toEqual(['successorId']);
    const missing = await failure(t.as('admin').authorities.recordSuccessor({ ...meta('Merger'), id: northmoor, successorId: 'nope', succeededOn: '2027-04-01' }));
    expect(fieldsOf(missing)).toEqual(['successorId']);

    const { data } = await t.as('admin').authorities.recordSuccessor({ ...meta('Northmoor merges into the new unitary council'), id: northmoor, successorId: successor, succeededOn: '2027-04-01' });
    expect(data).toMatchObject({ successorId: successor, succeededOn: '2027-04-01', successor: { name: 'North Moors Council' } });
    const back = await failure(t.as('admin').authorities.recordSuccessor({ ...meta('Loop'), id: successor, successorId: northmoor, succeededOn: '2027-04-01' }));
    expect(fieldsOf(back)).toEqual(['successorId']);

    const after = (await t.as('auditor').authorities.getOne({ id: successor })).data;
    expect(after.predecessors).toEqual([{ id: northmoor, name: 'Northmoor Borough Council', succeededOn: '2027-04-01', programmes: [{ id: PROGRAMME_ID, cycle: 1 }] }]);

    const trail = await t.as('auditor').auditTrail.getList({ filter: { entity: 'authority' }, sort: { field: 'id', order: 'ASC' } });
    expect(trail.data.map((r) => r.action)).toEqual(['create', 'rename', 'record_successor']);
    expect(trail.data[1]).toMatchObject({ before: expect.objectContaining({ name: 'North Moorshire Council' }), after: expect.objectContaining({ name: 'North Moors Council' }) });
    expect((await t.as('auditor').auditTrail.verify()).data).toMatchObject({ ok: true });
  });
});
