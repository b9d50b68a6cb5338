/**
 * The product's one structured logger: pino, JSON lines on stdout, for the API, the worker and the
 * embedded dev process alike. The worker installs it as the Temporal Runtime's logger
 * (`temporalLogger`), so the SDK's own lines and every workflow's and activity's `log` come out in
 * the same format, each with the SDK's attributes (workflowId, runId, activityId, ...).
 */
import pino, { type DestinationStream, type Level, type Logger as PinoLogger } from 'pino';
import type { Logger as TemporalLogger, LogLevel as TemporalLevel, LogMetadata } from '@temporalio/common';

export type { PinoLogger as Logger };
export type LogLevelName = Level | 'silent';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface CreateLoggerOptions {
  level: LogLevelName;
  /** Which process wrote the line (`api`, `worker`, `dev`): one field to filter a shared log store by. */
  service: string;
  /** Tests capture lines here; stdout otherwise. */
  destination?: DestinationStream;
}

export function createLogger(opts: CreateLoggerOptions): PinoLogger {
  return pino({ level: opts.level, base: { service: opts.service } }, opts.destination);
}

const LEVELS: Record<TemporalLevel, Level> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/**
 * Temporal's Logger interface over a pino logger, for `Runtime.install({ logger })`. The SDK's log
 * attributes arrive as `meta` and become fields of the line; an `error` in them is serialised by
 * pino's error serialiser (stack included).
 */
export function temporalLogger(log: PinoLogger): TemporalLogger {
  const write = (level: TemporalLevel, message: string, meta?: LogMetadata) => {
    const pinoLevel = LEVELS[level] ?? 'info';
    if (!log.isLevelEnabled(pinoLevel)) return;
    const { error, ...fields } = (meta ?? {}) as LogMetadata & { error?: unknown };
    log[pinoLevel](error === undefined ? fields : { ...fields, err: error }, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

