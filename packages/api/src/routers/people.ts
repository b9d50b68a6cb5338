/**
 * The people on a programme by role (issue 15): who each ladder level's emails go to. Everyone
 * signed in reads them (the escalation pages say who was told); admins add, change and remove
 * them, each change in the audit trail with its reason. Each person's delivery preference (by
 * email address) comes with them.
 */
import { z } from 'zod';
import type { DeliveryPreference, ProgrammePerson } from '@ip/db';
import { RECIPIENT_ROLE_LABELS, ZAddProgrammePersonInput, ZProgrammePersonRole, ZRemoveProgrammePersonInput, ZUpdateProgrammePersonInput, type TProgrammePerson } from '@ip/domain';
import { recordAudit, snapshot, type Tx } from '../audit.js';
import type { Context } from '../context.js';
import { conflictOnDuplicate } from '../errors.js';
import { procedure, router } from '../trpc.js';
import { orderBy, page, parseFilter, type TListParams } from './list-params.js';
import { auditedCreate, auditedUpdate, notFound, registerCommand, rethrow, searchAny } from './register-support.js';
import { resourceReads } from './resource-reads.js';

export const ADMINS = ['admin'] as const;

const SORTABLE = { id: 'name', name: 'name', email: 'email', role: 'role', workstream: 'workstream', createdAt: 'createdAt' } as const;

const ZPeopleFilter = z
  .object({ programmeId: z.string().max(200).optional(), role: ZProgrammePersonRole.optional(), email: z.string().max(254).optional(), q: z.string().max(200).optional() })
;

function columns(p: TProgrammePerson) {
  return { role: p.role, name: p.name, email: p.email, workstream: p.workstream };
}

export function toPersonRecord(row: ProgrammePerson, pref?: DeliveryPreference | null) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    role: row.role,
    roleLabel: RECIPIENT_ROLE_LABELS[row.role as keyof typeof RECIPIENT_ROLE_LABELS] ?? row.role,
    name: row.name,
    email: row.email,
    workstream: row.workstream,
    /** How this person takes reminders and escalations (null: never chosen, so immediate). */
    preference: pref ? { reminders: pref.reminders, escalations: pref.escalations } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PersonRecord = ReturnType<typeof toPersonRecord>;

async function records(db: Pick<Tx, 'deliveryPreference'>, rows: ProgrammePerson[]): Promise<PersonRecord[]> {
  const prefs = rows.length ? await db.deliveryPreference.findMany({ where: { email: { in: [...new Set(rows.map((r) => r.email))] } } }) : [];
  const byEmail = new Map(prefs.map((p) => [p.email, p]));
  return rows.map((r) => toPersonRecord(r, byEmail.get(r.email)));
}

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZPeopleFilter, input.filter);
  const where = {
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.email ? { email: f.email.trim().toLowerCase() } : {}),
    ...searchAny(['name', 'email', 'workstream'] as const, f.q),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.programmePerson.findMany({ where, orderBy: [orderBy(input.sort, SORTABLE, 'name'), { id: 'asc' }], ...page(input.pagination) }),
    ctx.prisma.programmePerson.count({ where }),
  ]);
  return { data: await records(ctx.prisma, rows), total };
}

const duplicate = (path: string, p: TProgrammePerson) =>
  conflictOnDuplicate(`${path}: ${p.email} is already recorded as ${RECIPIENT_ROLE_LABELS[p.role].toLowerCase()}${p.workstream ? ` of ${p.workstream}` : ''} on this programme`);

export const peopleRouter = router({
  ...resourceReads({
    filter: ZPeopleFilter,
    noun: 'person',
    targets: ['programmeId'],
    list,
    byIds: async (ctx, ids) => records(ctx.prisma, await ctx.prisma.programmePerson.findMany({ where: { id: { in: ids } } })),
  }),
  create: procedure(ADMINS)
    .input(ZAddProgrammePersonInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicate('person.email', input.person), async (tx) => {
        const row = await auditedCreate(tx, ctx.user, {
          entity: 'programme_person', programmeId: input.programmeId, reason: input.reason,
          create: () => tx.programmePerson.create({ data: { programmeId: input.programmeId, ...columns(input.person) } }),
        });
        return { data: (await records(tx, [row]))[0]! };
      }),
    ),
  update: procedure(ADMINS)
    .input(ZUpdateProgrammePersonInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicate('data.person.email', input.data.person), async (tx) => {
        const row = await auditedUpdate(tx, ctx.user, {
          entity: 'programme_person', noun: 'person', id: input.id, reason: input.data.reason,
          find: () => tx.programmePerson.findUnique({ where: { id: input.id } }),
          update: (before) => tx.programmePerson.update({ where: { id: before.id }, data: columns(input.data.person) }),
        });
        return { data: (await records(tx, [row]))[0]! };
      }),
    ),
  /** Takes someone off the programme; emails already planned for them stay as they are. */
  remove: procedure(ADMINS)
    .input(ZRemoveProgrammePersonInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, rethrow, async (tx) => {
        const before = await tx.programmePerson.findUnique({ where: { id: input.id } });
        if (!before) throw notFound('person', input.id);
        await tx.programmePerson.delete({ where: { id: before.id } });
        await recordAudit(tx, ctx.user, { entity: 'programme_person', entityId: before.id, action: 'delete', reason: input.reason, before: snapshot(before) });
        return { data: toPersonRecord(before) };
      }),
    ),
});
