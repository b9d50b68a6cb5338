/**
 * The authorization matrix, generated from the router itself: every procedure × every role
 * (and anonymous). A new procedure is covered the moment it is added, and cannot be added without
 * declaring its access (publicProcedure() or procedure(roles)).
 */
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { TRole } from '@ip/domain';
import { appRouter } from './root.js';
import { createCallerFactory, type Meta } from './trpc.js';
import { createContextInner, type ContextDeps } from './context.js';

// Dependencies that fail loudly if touched: a denied call must be refused before any I/O.
const untouchable = new Proxy({}, { get: () => { throw new Error('dependency touched'); } });
const deps = { prisma: untouchable, temporal: untouchable } as unknown as ContextDeps;

const roles: (TRole | 'anonymous')[] = ['anonymous', 'programme_manager', 'auditor', 'admin'];
const procedures = Object.entries(appRouter._def.procedures) as [string, { _def: { meta?: Meta; type: string } }][];
const createCaller = createCallerFactory(appRouter);

function callerFor(role: TRole | 'anonymous') {
  const user = role === 'anonymous' ? null : { id: `u-${role}`, email: `${role}@x.gov.uk`, name: role, role };
  return createCaller(createContextInner(deps, { user }));
}

async function outcome(role: TRole | 'anonymous', path: string): Promise<'denied' | 'granted'> {
  const caller = callerFor(role) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
  try {
    // Deliberately bogus input: an allowed caller gets as far as validation or the (untouchable) deps.
    await fn({ __matrix_probe: true });
    return 'granted';
  } catch (err) {
    if (err instanceof TRPCError && (err.code === 'UNAUTHORIZED' || err.code === 'FORBIDDEN')) {
      // Sign-in itself answers UNAUTHORIZED for bad credentials; it is public, so it is not "denied".
      return path === 'auth.login' ? 'granted' : 'denied';
    }
    return 'granted';
  }
}

describe('authorization matrix (generated from the router)', () => {
  it('every procedure declares its access', () => {
    expect(procedures.length).toBeGreaterThan(5);
    for (const [path, p] of procedures) {
      expect(p._def.meta?.access, `${path} has no declared access`).toBeDefined();
    }
  });

  /**
   * Account self-service: changing your own password touches only your own credentials (audited),
   * never programme data; choosing how your own emails reach you (immediate or a daily digest) only
   * changes the delivery of your own mail (audited). "Verify histories" replays stored histories and
   * writes only its own job row (a mutation because it starts work, so it is Origin-checked like every
   * command). Every other mutation must exclude auditors. Adding to this list is a decision to justify
   * in review.
   */
  const SELF_SERVICE = new Set(['auth.changePassword', 'deliveryPreferences.setMine', 'historyVerification.run']);

  it('auditors are in no mutation’s access list (bar account self-service)', () => {
    expect([...SELF_SERVICE].every((p) => procedures.some(([path]) => path === p))).toBe(true);
    for (const [path, p] of procedures) {
      const access = p._def.meta?.access;
      if (p._def.type === 'mutation' && access !== 'public' && !SELF_SERVICE.has(path)) {
        expect(access, path).not.toContain('auditor');
      }
    }
  });

  for (const [path, p] of procedures) {
    for (const role of roles) {
      const access = p._def.meta?.access;
      const expected = access === 'public' || (role !== 'anonymous' && access?.includes(role)) ? 'granted' : 'denied';
      it(`${path} × ${role} → ${expected}`, async () => {
        expect(await outcome(role, path)).toBe(expected);
      });
    }
  }
});
