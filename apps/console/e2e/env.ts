import { z } from 'zod';

const ZE2eEnv = z.object({
  /** Debian's Chromium unless told otherwise (infra/chromium.sh prints the path). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
});

/** The browser tests' configuration: the only place they read process.env. */
export function loadE2eEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof ZE2eEnv> {
  return ZE2eEnv.parse({ CHROMIUM_PATH: source.CHROMIUM_PATH || undefined });
}
