/**
 * The bench's Stack on the production engine: the cluster `pnpm test:cluster` runs (packages/cluster)
 * — its own PostgreSQL, the Temporal server split into frontend, history, matching and worker
 * processes with the Helm values' 512 shards, and our workers and APIs from the built output — so the
 * existing figures (start, getList, seed) run unchanged against it, with their bare baselines on the
 * same cluster.
 */
import { NAMESPACE, startCluster, type Cluster } from '@ip/cluster/cluster';
import type { Stack } from './stack.js';

export interface ClusterStack extends Stack {
  cluster: Cluster;
}

export async function startClusterStack(opts: { workers: number; apis: number; log: (m: string) => void }): Promise<ClusterStack> {
  const t0 = performance.now();
  const cluster = await startCluster({ workers: opts.workers, apis: opts.apis, step: (what) => opts.log(`  cluster: ${what} at ${((performance.now() - t0) / 1000).toFixed(1)} s`) });
  const proc = (p: { stop(): Promise<void> }) => ({ child: undefined as never, stop: () => p.stop() });
  return {
    cluster,
    apiUrls: cluster.apiUrls,
    databaseUrl: cluster.databaseUrl,
    namespace: NAMESPACE,
    address: cluster.temporalCluster.address,
    prisma: cluster.prisma,
    workers: cluster.workers.map(proc),
    apis: cluster.apis.map(proc),
    close: () => cluster.close(),
  };
}

export async function withClusterStack<T>(opts: { workers: number; apis: number; log: (m: string) => void }, fn: (s: ClusterStack) => Promise<T>): Promise<T> {
  const stack = await startClusterStack(opts);
  try {
    return await fn(stack);
  } finally {
    await stack.close();
  }
}
