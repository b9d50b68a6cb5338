/**
 * The one place the cluster suite reads its environment: how many programmes a burst uses, how many
 * idle consoles the live-updates check connects, and what the child processes inherit.
 */
export const CLUSTER_PROGRAMMES = Number(process.env.CLUSTER_PROGRAMMES ?? 8);
export const IDLE_CONSOLES = Number(process.env.CLUSTER_IDLE_CONSOLES ?? 500);

export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
