/**
 * `npm run scenario`: one full improvement cycle on the real time-skipping Temporal server, in
 * seconds, printing the dated timeline with every reminder and escalation.
 */
import { randomUUID } from 'node:crypto';
import { formatLongDate, londonDateOf, londonOffsetMinutes } from '@ip/domain';
import { monitoringVisitStateQuery } from '../src/monitoring-visit/definitions.js';
import { createTestWorker, createTimeSkippingEnv } from '../testing/env.js';
import { fakeActivities } from '../testing/fake-activities.js';
import { runFullCycle } from '../src/scenario/full-cycle.js';

const started = performance.now();
const env = await createTimeSkippingEnv();
const fake = fakeActivities();
const taskQueue = `scenario-${randomUUID()}`;
const worker = await createTestWorker(env, fake.activities, taskQueue);

const { result, visits } = await worker.runUntil(async () => {
  const result = await runFullCycle(env, taskQueue);
  const visits = await Promise.all(result.visitIds.map((id) => env.client.workflow.getHandle(id).query(monitoringVisitStateQuery)));
  return { result, visits };
});
await env.teardown();

type Line = { at: number; who: string; text: string };
const lines: Line[] = [];
// Reminders and escalations are printed from the escalation records; the matching history lines
// ('ladder_step_fired', MV 'timer_fired') would only repeat them.
for (const h of result.final.history) {
  if (h.type === 'ladder_step_fired') continue;
  lines.push({ at: h.at, who: h.actor ? h.actor.name ?? h.actor.userId : 'system', text: h.summary + (h.reason ? ` — “${h.reason}”` : '') });
}
visits.forEach((v, i) => {
  for (const h of v.history) if (h.type !== 'timer_fired') lines.push({ at: h.at, who: h.actor ? `MV${i + 1} · ${h.actor.name ?? h.actor.userId}` : `MV${i + 1} · system`, text: h.summary });
});
for (const e of fake.escalations) {
  lines.push({ at: e.firedAt, who: e.kind === 'reminder' ? 'REMINDER' : 'ESCALATION', text: `→ ${e.level.replace(/_/g, ' ')}: ${e.label} [${e.subjectTitle}]` });
}
lines.sort((a, b) => a.at - b.at);

const when = (ms: number) => {
  const local = new Date(ms + londonOffsetMinutes(ms) * 60_000);
  const day = local.toUTCString().slice(0, 3);
  return `${day} ${formatLongDate(londonDateOf(ms)).padEnd(17)} ${local.toISOString().slice(11, 16)}`;
};
console.log(`\nNorthmoor Borough Council — one improvement cycle (times Europe/London)\n`);
for (const l of lines) console.log(`${when(l.at)}  ${l.who.padEnd(34).slice(0, 34)}  ${l.text}`);
const reminders = fake.escalations.filter((e) => e.kind === 'reminder').length;
console.log(`\nOutcome: ${result.final.phase}; grade ${result.final.grade}. ${fake.escalations.length} escalation records (${reminders} reminders), ${fake.escalationCalls} recordEscalation calls.`);
console.log(`Simulated ${Math.round((result.final.history.at(-1)!.at - result.final.history[0]!.at) / 86_400_000)} days in ${((performance.now() - started) / 1000).toFixed(1)} s on the time-skipping server.`);
