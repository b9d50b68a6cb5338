import { z } from 'zod';

/**
 * The console's build-time settings (Vite inlines `VITE_*` variables). Nothing else reads
 * import.meta.env. VITE_COUNCIL_NAME names the council whose system this is, on the sign-in page.
 */
const ZConsoleEnv = z.object({
  VITE_COUNCIL_NAME: z.string().trim().min(1).optional(),
});

export const env = ZConsoleEnv.parse({
  VITE_COUNCIL_NAME: (import.meta.env.VITE_COUNCIL_NAME as string | undefined) || undefined,
});
