import { publicProcedure, router } from './trpc.js';
import { authRouter } from './routers/auth.js';
import { authoritiesRouter } from './routers/authorities.js';
import { programmesRouter } from './routers/programmes.js';

async function probe(fn: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 3000))]);
    return 'up';
  } catch {
    return 'down';
  }
}

export const appRouter = router({
  health: publicProcedure().query(async ({ ctx }) => {
    const [database, temporal] = await Promise.all([
      probe(() => ctx.prisma.$queryRaw`SELECT 1`),
      probe(() => ctx.temporal.workflowService.getSystemInfo({})),
    ]);
    return { ok: database === 'up' && temporal === 'up', database, temporal };
  }),
  auth: authRouter,
  authorities: authoritiesRouter,
  programmes: programmesRouter,
});

export type AppRouter = typeof appRouter;
