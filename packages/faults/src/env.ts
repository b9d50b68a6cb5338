/**
 * The one place the fault scenarios read their environment: how many programmes a burst uses, and
 * what the worker and API child processes inherit (PATH, node's own settings) under their own values.
 */
export const FAULT_PROGRAMMES = Number(process.env.FAULT_PROGRAMMES ?? 8);

export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
