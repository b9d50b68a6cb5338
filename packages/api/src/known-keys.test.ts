/**
 * Unknown keys are refused by name (known-keys.ts): the walk over zod's JSON Schema, shape by
 * shape, then through the router on real PostgreSQL, then generated from the router: every
 * procedure that takes an object refuses a key it does not know.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from './root.js';
import { inputJsonSchema, knownKeys, unknownKeys } from './known-keys.js';
import { issueFields } from './errors.js';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from './test-support.js';

const names = (schema: z.ZodType, value: unknown) => unknownKeys(inputJsonSchema(schema), value).map(({ path, key }) => [...path, key].join('.'));

describe('the walk, shape by shape', () => {
  const Owner = z.object({ name: z.string(), role: z.string().optional() });
  const Node: z.ZodType = z.object({ title: z.string(), get children() { return z.array(Node).optional(); } });
  const Step = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('letter'), sentOn: z.string() }),
    z.object({ kind: z.literal('meeting'), heldOn: z.string(), attendees: z.array(Owner) }),
  ]);

  it('a plain (stripping) object: each unknown key named where it is, at any depth, in arrays too', () => {
    const S = z.object({ reason: z.string(), owner: Owner, owners: z.array(Owner) });
    expect(names(S, { reason: 'r', owner: { name: 'A' }, owners: [{ name: 'B' }] })).toEqual([]);
    expect(names(S, { reason: 'r', reasn: 'r', owner: { name: 'A', colour: 1 }, owners: [{ name: 'B' }, { nme: 'C' }] })).toEqual(['reasn', 'owner.colour', 'owners.1.nme']);
  });

  it('records and loose objects take any key; strict objects are left to zod, which names them itself', () => {
    const S = z.object({ counts: z.record(z.string(), z.object({ n: z.number() })), extra: z.looseObject({}), fixed: z.strictObject({ a: z.string() }) });
    expect(names(S, { counts: { anything: { n: 1 }, other: { n: 2, m: 3 } }, extra: { free: 1 }, fixed: { a: 'x', b: 'y' } })).toEqual(['counts.other.m']);
  });

  it('a union: the branch the value fits, so a key of another branch is unknown here', () => {
    expect(names(Step, { kind: 'letter', sentOn: '2026-01-01' })).toEqual([]);
    expect(names(Step, { kind: 'meeting', heldOn: '2026-01-01', attendees: [{ name: 'A', colour: 1 }] })).toEqual(['attendees.0.colour']);
    expect(names(z.object({ step: Step }), { step: { kind: 'letter', sentOn: 'x', colour: 1 } })).toEqual(['step.colour']);
  });

  it('a recursive schema and an intersection', () => {
    expect(names(Node, { title: 'a', children: [{ title: 'b', children: [{ title: 'c', colour: 1 }] }] })).toEqual(['children.0.children.0.colour']);
    const Both = z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() }));
    expect(names(Both, { a: 'x', b: 'y' })).toEqual([]);
    expect(names(Both, { a: 'x', b: 'y', c: 'z' })).toEqual(['c']);
  });

  it('wrong types are not its business (zod names them): nothing reported, nothing thrown', () => {
    const S = z.object({ owner: Owner, owners: z.array(Owner) });
    for (const v of [null, 'text', 42, [], { owner: 'A', owners: { name: 'B' } }]) expect(names(S, v)).toEqual([]);
  });
});

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
}, 120_000);
afterAll(() => t?.close());

const risk = { ref: 'R-K1', title: 'Risk', owner: 'Head of Workforce', threshold: 12, mitigation: 'Recruitment', beforeMitigation: { likelihood: 5, impact: 4 }, afterMitigation: { likelihood: 2, impact: 3 } };

describe('through the router', () => {
  it('a command with an unknown key is a BAD_REQUEST naming it, and has no effect; without it, it succeeds', async () => {
    const pm = t.as('programme_manager');
    const base = { programmeId: PROGRAMME_ID, reason: 'Raised at the improvement board' };
    const top = await failure(pm.risks.create({ ...base, clientRequestId: rid(), risk, colour: 'red' } as never));
    expect([top.code, fieldsOf(top)]).toEqual(['BAD_REQUEST', ['colour']]);
    const nested = await failure(pm.risks.create({ ...base, clientRequestId: rid(), risk: { ...risk, afterMitigation: { likelihood: 2, impact: 3, impcat: 1 } } } as never));
    expect([nested.code, fieldsOf(nested)]).toEqual(['BAD_REQUEST', ['risk.afterMitigation.impcat']]);
    expect(nested.message).toContain('risk.afterMitigation.impcat');
    expect(await t.prisma.risk.count({ where: { ref: 'R-K1' } })).toBe(0);
    await pm.risks.create({ ...base, clientRequestId: rid(), risk });
    expect(await t.prisma.risk.count({ where: { ref: 'R-K1' } })).toBe(1);
  });

  it('a misspelt required field is named twice: unknown under its wrong name, missing under its right one', async () => {
    const err = await failure(t.as('programme_manager').risks.create({ programmeId: PROGRAMME_ID, reasn: 'x', clientRequestId: rid(), risk } as never));
    expect([err.code, fieldsOf(err).sort()]).toEqual(['BAD_REQUEST', ['reasn', 'reason']]);
  });

  it('an update whose data carries the record id (as a form built from the record would) names data.id', async () => {
    const user = await t.prisma.user.create({ data: { email: `k-${rid()}@northmoor.gov.uk`.toLowerCase(), name: 'K', role: 'auditor', passwordHash: 'x' } });
    const err = await failure(t.as('admin').users.update({ id: user.id, data: { id: user.id, name: 'K2', role: 'auditor', reason: 'Changed name', clientRequestId: rid() } } as never));
    expect([err.code, fieldsOf(err)]).toEqual(['BAD_REQUEST', ['data.id']]);
  });

  it('authorization is decided first: an auditor sending an unknown key is FORBIDDEN, not told about the key', async () => {
    const err = await failure(t.as('auditor').risks.create({ programmeId: PROGRAMME_ID, reason: 'x', clientRequestId: rid(), risk, colour: 'red' } as never));
    expect(err.code).toBe('FORBIDDEN');
  });
});

describe('every procedure, from the router', () => {
  const all = Object.entries(appRouter._def.procedures) as unknown as [string, { _def: { inputs: z.ZodType[] } }][];

  it('every procedure is registered, and every one taking an object refuses a key it does not know, by name', () => {
    const open: string[] = [];
    let objects = 0;
    for (const [path, p] of all) {
      expect(knownKeys.has(path), path).toBe(true);
      const json = p._def.inputs[0] ? inputJsonSchema(p._def.inputs[0]) : null;
      const takesObject = json && (json.properties || json.anyOf || json.oneOf);
      if (!takesObject) continue;
      objects++;
      try {
        knownKeys.assertKnown(path, { colour: 'red' });
      } catch (err) {
        expect(fieldsOf(err as never), path).toContain('colour');
        continue;
      }
      // Not this check's to refuse: then the schema itself is strict, and zod names the key.
      const issues = p._def.inputs[0]!.safeParse({ colour: 'red' }).error?.issues ?? [];
      if (!issues.some((i) => i.code === 'unrecognized_keys' && issueFields(i).includes('colour'))) open.push(path);
    }
    expect(open).toEqual([]);
    expect(objects).toBeGreaterThan(100);
  });
});
