/** Business rows, CSV and diff over the committed golden histories (no services needed). */
import { describe, expect, it } from 'vitest';
import { actionAsAt } from './as-at.js';
import { rowsToCsv } from './csv.js';
import { diffActionStates, entriesBetween } from './diff.js';
import { goldenWorkflowHistories } from './golden.js';
import { formatLondonInstant, historyRows } from './rows.js';

const golden = Object.fromEntries(goldenWorkflowHistories().map((g) => [g.file, g.history]));
const action = golden['action-extension-approved.json']!;

describe('history rows', () => {
  it('one row per event, people with name, role and reason, timers and escalations as System', () => {
    const rows = historyRows(action);
    expect(rows).toHaveLength(action.runs[0]!.history.events!.length);
    const people = rows.filter((r) => r.category === 'person');
    expect(people.map((r) => r.what)).toEqual([
      expect.stringMatching(/^Action created: “Audit of front-door decisions”/),
      expect.stringMatching(/^Progress: 40% complete/),
      expect.stringMatching(/^Extension requested/),
      expect.stringMatching(/^Extension approved: due date moved from 14 March 2029 to 13 April 2029/),
    ]);
    expect(people.every((r) => r.who.endsWith('(programme manager)') && r.why)).toBe(true);
    const escalations = rows.filter((r) => r.category === 'escalation');
    expect(escalations.some((r) => r.what.startsWith('Overdue: action turns red; workstream lead told') && r.who === 'System')).toBe(true);
    expect(rows.every((r) => (r.raw as { eventId: string }).eventId === String(r.eventId))).toBe(true);
  });

  it('machine-runner histories: every run, the late escalation and the deltas in business words', () => {
    const h = golden['action-m1-overdue-weekly-extension.json']!;
    const rows = historyRows(h);
    expect(rows).toHaveLength(h.runs.reduce((n, r) => n + r.history.events!.length, 0));
    expect(new Set(rows.map((r) => r.runId)).size).toBe(h.runs.length);
    // Entered 30 working days overdue: the highest step reached is raised once, marked late; the lower one is superseded.
    const late = rows.filter((r) => /raised late/.test(r.what));
    expect(late).toHaveLength(1);
    expect(late[0]!.category).toBe('escalation');
    expect(rows.some((r) => /^Not raised, a later step was already due/.test(r.what))).toBe(true);
    expect(rows.filter((r) => r.what.startsWith('Progress:')).length).toBeGreaterThanOrEqual(12);
    expect(rows.some((r) => r.what === 'Read model updated (PostgreSQL): the changes only')).toBe(true);
    expect(rows.filter((r) => r.what.startsWith('Continued in a new run'))).toHaveLength(h.runs.length - 1);
  });

  it('formats instants in Europe/London, across the clock change', () => {
    expect(formatLondonInstant(Date.UTC(2026, 5, 4, 8, 0))).toBe('4 June 2026, 09:00');
    expect(formatLondonInstant(Date.UTC(2026, 0, 4, 8, 0))).toBe('4 January 2026, 08:00');
  });

  it('CSV quotes commas and quotes and neutralises formulas', () => {
    const [row] = historyRows(action);
    const csv = rowsToCsv([{ ...row!, what: 'Said "yes", then =SUM(A1)', why: '=cmd' }]);
    const line = csv.split('\r\n')[1]!;
    expect(line).toContain('"Said ""yes"", then =SUM(A1)"');
    expect(line).toContain(",'=cmd,");
  });
});

describe('diff between two instants', () => {
  it('words what changed on the action and lists the lines written between', () => {
    const rows = historyRows(action);
    const approved = rows.find((r) => r.what.startsWith('Extension approved'))!;
    // Everything in this golden run happened at one workflow instant: cut by event, just before the approval.
    const before = actionAsAt(action, { eventId: approved.eventId - 1 }).state;
    const after = actionAsAt(action, { at: rows.at(-1)!.at }).state;
    expect(diffActionStates(before, after).map((c) => c.words)).toEqual(expect.arrayContaining([
      'Due date: 14 March 2029 → 13 April 2029', 'RAG: Green → Red',
    ]));
    expect(entriesBetween(before, after).map((e) => e.type)).toEqual(expect.arrayContaining(['extension_approved', 'escalation_fired']));
  });
});
