import type { PrismaClient } from '@ip/db';
import type { TProgrammeState } from '@ip/domain';
import { projectProgrammeState } from './projection/programme.js';

export interface ActivityDeps {
  prisma: PrismaClient;
}

/** Builds the activities with their I/O clients injected (the worker and tests pass the same shape). */
export function createActivities(deps: ActivityDeps) {
  return {
    async projectProgramme(state: TProgrammeState): Promise<void> {
      await projectProgrammeState(deps.prisma, state);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
