import type { Context } from './context.js';

type SignedIn = Context & { user: { id: string } };

/**
 * Runs a command once per client request id. A retry (double-click, network retry, a proxy replaying
 * the request) gets the stored result of the first run instead of a second effect.
 */
export async function withReceipt<T>(ctx: SignedIn, procedure: string, clientRequestId: string, run: () => Promise<T>): Promise<T> {
  const existing = await findReceipt<T>(ctx, clientRequestId);
  if (existing) return existing;
  const result = await run();
  await storeReceipt(ctx, procedure, clientRequestId, result);
  return result;
}

/** The stored result of a command that has run before with this client request id, or null. */
export async function findReceipt<T>(ctx: Context, clientRequestId: string): Promise<T | null> {
  const existing = await ctx.prisma.commandReceipt.findUnique({ where: { clientRequestId } });
  return existing ? (existing.resultJson as T) : null;
}

/**
 * Stores a command's result for its retries; if a concurrent retry stored one first, that one stays.
 * One INSERT … ON CONFLICT DO NOTHING (an upsert took several round trips on every command).
 */
export async function storeReceipt(ctx: SignedIn, procedure: string, clientRequestId: string, result: unknown): Promise<void> {
  await ctx.prisma.commandReceipt.createMany({
    data: [{ clientRequestId, userId: ctx.user.id, procedure, resultJson: result as object }],
    skipDuplicates: true,
  });
}
