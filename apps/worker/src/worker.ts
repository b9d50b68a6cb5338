import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type DeliveryDeps } from '@ip/activities';
import type { PrismaClient } from '@ip/db';
import { TASK_QUEUE, workflowsPath } from '@ip/workflows';

export interface CreateWorkerOptions {
  temporalAddress: string;
  namespace: string;
  prisma: PrismaClient;
  taskQueue?: string;
  /** Pass a prebuilt bundle (tests) to skip bundling at start-up. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  maxCachedWorkflows?: number;
  maxConcurrentActivityTaskExecutions?: number;
  maxConcurrentWorkflowTaskExecutions?: number;
  /** The SMTP client and settings the delivery activities send with (absent: they refuse to run). */
  delivery?: DeliveryDeps;
  /** SDK log level; installed once per process, the first time a worker is created. */
  logLevel?: LogLevel;
}

let runtimeInstalled = false;

/**
 * Creates the Temporal worker that runs every workflow and activity of the product. The caller
 * owns the Prisma client (so the embedded dev process can share one PGlite database with the API).
 */
export async function createWorker(opts: CreateWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  if (!runtimeInstalled) {
    runtimeInstalled = true;
    Runtime.install({ logger: new DefaultLogger(opts.logLevel ?? 'WARN') });
  }
  const connection = await NativeConnection.connect({ address: opts.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue ?? TASK_QUEUE,
    activities: createActivities({ prisma: opts.prisma, replayCode: opts.workflowBundle ?? { workflowsPath }, ...(opts.delivery ? { delivery: opts.delivery } : {}) }),
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath }),
    ...(opts.maxCachedWorkflows ? { maxCachedWorkflows: opts.maxCachedWorkflows } : {}),
    ...(opts.maxConcurrentActivityTaskExecutions ? { maxConcurrentActivityTaskExecutions: opts.maxConcurrentActivityTaskExecutions } : {}),
    ...(opts.maxConcurrentWorkflowTaskExecutions ? { maxConcurrentWorkflowTaskExecutions: opts.maxConcurrentWorkflowTaskExecutions } : {}),
  });
  return { worker, connection };
}
