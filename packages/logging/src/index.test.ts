import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, temporalLogger } from './index.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('temporalLogger', () => {
  it('writes each Temporal level at pino’s level, the SDK’s attributes as fields, an error through pino’s serialiser', async () => {
    const { lines, destination } = capture();
    const log = temporalLogger(createLogger({ level: 'trace', service: 'worker', destination }));
    log.trace('t', { workflowId: 'w-1' });
    log.debug('d', { workflowId: 'w-1', runId: 'r-1' });
    log.info('i');
    log.warn('Activity failed', { activityId: '1', workflowRunId: 'r-1', error: new Error('SMTP refused') });
    log.error('e', { sdkComponent: 'worker' });
    log.log('INFO', 'via log', { updateId: 'u-1' });
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.level, l.msg, l.service])).toEqual([
      [10, 't', 'worker'], [20, 'd', 'worker'], [30, 'i', 'worker'], [40, 'Activity failed', 'worker'], [50, 'e', 'worker'], [30, 'via log', 'worker'],
    ]);
    expect(lines[1]).toMatchObject({ workflowId: 'w-1', runId: 'r-1' });
    expect(lines[3]).toMatchObject({ activityId: '1', workflowRunId: 'r-1', err: { type: 'Error', message: 'SMTP refused', stack: expect.stringContaining('SMTP refused') } });
    expect(lines[3]).not.toHaveProperty('error');
    expect(lines[5]).toMatchObject({ updateId: 'u-1' });
  });

  it('drops lines below the logger’s level', async () => {
    const { lines, destination } = capture();
    const log = temporalLogger(createLogger({ level: 'warn', service: 'worker', destination }));
    log.debug('Workflow started', { workflowId: 'w' });
    log.info('polling');
    log.warn('kept');
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual(['kept']);
  });
});
