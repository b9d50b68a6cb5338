/**
 * The one place the fault scenarios read their environment: how many programmes a burst uses, and
 * what the worker and API child processes inherit (PATH, node's own settings) under their own values.
 */
export const FAULT_PROGRAMMES = Number(process.env.FAULT_PROGRAMMES ?? 8);

export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/** The SMTP sink child's port and mail directory (set by the scenario that starts it). */
export function smtpSinkEnv(): { port: number; dir: string } {
  const port = Number(process.env.SMTP_SINK_PORT);
  const dir = process.env.SMTP_SINK_DIR ?? '';
  if (!Number.isInteger(port) || port <= 0 || !dir) throw new Error('SMTP_SINK_PORT and SMTP_SINK_DIR must be set');
  return { port, dir };
}
