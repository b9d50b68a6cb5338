import type { Context } from './context.js';

/**
 * Runs a command once per client request id. A retry (double-click, network retry, a proxy replaying
 * the request) gets the stored result of the first run instead of a second effect.
 */
export async function withReceipt<T>(
  ctx: Context & { user: { id: string } },
  procedure: string,
  clientRequestId: string,
  run: () => Promise<T>,
): Promise<T> {
  const existing = await ctx.prisma.commandReceipt.findUnique({ where: { clientRequestId } });
  if (existing) return existing.resultJson as T;
  const result = await run();
  await ctx.prisma.commandReceipt.upsert({
    where: { clientRequestId },
    update: {},
    create: { clientRequestId, userId: ctx.user.id, procedure, resultJson: result as object },
  });
  return result;
}
