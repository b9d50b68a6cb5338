import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../lifecycle/context.js';
import { DEFAULT_ACTION_LADDER, londonLocalTimeUtcMs, scheduleLadder } from '../escalation/ladder.js';
import { endOfLondonDayUtcMs, londonDateOf, londonOffsetMinutes } from '../calendar/london-time.js';
import {
  ALWAYS_IMMEDIATE_LEVELS, deliveryModeFor, digestEmail, escalationEmail, formatLondonInstant, nextDigestSlot, recipientsFor,
  ZAddProgrammePersonInput, ZProgrammePerson, type EscalationForEmail, type ProgrammePersonLike,
} from './index.js';
import { ESCALATION_LEVELS } from '../escalation/ladder.js';

const cal = defaultCalendar();
const people: ProgrammePersonLike[] = [
  { role: 'programme_manager', name: 'Priya Shah', email: 'Priya.Shah@northmoor.gov.uk', workstream: '' },
  { role: 'workstream_lead', name: 'Lee Front', email: 'lee@northmoor.gov.uk', workstream: 'front-door' },
  { role: 'workstream_lead', name: 'Gen Lead', email: 'gen@northmoor.gov.uk', workstream: '' },
  { role: 'director', name: 'Dana Director', email: 'dcs@northmoor.gov.uk', workstream: '' },
  { role: 'board_chair', name: 'Chris Chair', email: 'chair@example.org', workstream: '' },
  { role: 'dfe_adviser', name: 'Alex Adviser', email: 'alex.adviser@education.gov.uk', workstream: '' },
  { role: 'dfe_adviser', name: 'Sam Second', email: 'chair@example.org', workstream: '' },
];

describe('who is told at each level', () => {
  it('every ladder level names at least one role', () => {
    for (const level of ESCALATION_LEVELS) expect(recipientsFor(level, { people: [] }).gaps.length, level).toBeGreaterThan(0);
  });

  it('the owner from the action; without an email address, the programme manager with a note', () => {
    const withEmail = recipientsFor('owner', { owner: { name: 'Sam Patel', email: 'Sam.Patel@northmoor.gov.uk' }, people });
    expect(withEmail).toEqual({ recipients: [{ role: 'owner', name: 'Sam Patel', email: 'sam.patel@northmoor.gov.uk' }], gaps: [] });
    const without = recipientsFor('owner', { owner: { name: 'Sam Patel' }, people });
    expect(without.recipients).toEqual([{ role: 'owner', name: 'Priya Shah', email: 'priya.shah@northmoor.gov.uk', note: 'Sam Patel (the owner) has no email address recorded; sent to the programme manager instead' }]);
    expect(recipientsFor('owner', { owner: { name: 'Sam Patel' }, people: [] }).gaps[0]?.reason).toMatch(/nobody is recorded as programme manager/);
  });

  it("the workstream's own lead, else the register's lead, else a lead of every workstream", () => {
    expect(recipientsFor('workstream_lead', { workstream: 'front-door', people }).recipients.map((r) => r.name)).toEqual(['Lee Front']);
    const reg = recipientsFor('workstream_lead', { workstream: 'care-leavers', workstreamRegisterLead: { name: 'Reg Lead', email: 'reg@northmoor.gov.uk' }, people });
    expect(reg.recipients).toEqual([{ role: 'workstream_lead', name: 'Reg Lead', email: 'reg@northmoor.gov.uk', note: 'lead recorded on the workstream register' }]);
    expect(recipientsFor('workstream_lead', { workstream: 'care-leavers', people }).recipients.map((r) => r.name)).toEqual(['Gen Lead']);
  });

  it('the DfE step goes to the board chair and the DfE advisers, one email per address', () => {
    const { recipients, gaps } = recipientsFor('dfe', { people });
    expect(recipients.map((r) => [r.role, r.email])).toEqual([
      ['board_chair', 'chair@example.org'],
      ['dfe_adviser', 'alex.adviser@education.gov.uk'],
    ]);
    expect(gaps).toEqual([]);
    expect(recipientsFor('chief_executive', { people }).gaps).toEqual([{ role: 'chief_executive', reason: 'nobody is recorded as chief executive on this programme' }]);
  });
});

describe('immediate or digest', () => {
  it('follows the choice per kind, except escalations from the director up, which go at once', () => {
    const digestAll = { reminders: 'digest', escalations: 'digest' } as const;
    expect(deliveryModeFor('reminder', 'owner', digestAll).mode).toBe('digest');
    expect(deliveryModeFor('escalation', 'programme_manager', digestAll).mode).toBe('digest');
    expect(deliveryModeFor('escalation', 'programme_manager', { reminders: 'digest', escalations: 'immediate' }).mode).toBe('immediate');
    for (const level of ALWAYS_IMMEDIATE_LEVELS) {
      expect(deliveryModeFor('escalation', level, digestAll)).toEqual({ mode: 'immediate', why: 'escalations at director level and above are always sent at once' });
    }
    expect(deliveryModeFor('reminder', 'owner', null)).toEqual({ mode: 'immediate', why: 'default: immediate' });
  });

  it('the next digest is at the local time on the next working day, skipping weekends and bank holidays', () => {
    const utc = (s: string) => Date.parse(s);
    // Christmas Eve 2025 after 08:00: Christmas, Boxing Day and the weekend pass; Monday 29 December (GMT).
    expect(new Date(nextDigestSlot(utc('2025-12-24T17:00:00Z'), '08:00', cal)).toISOString()).toBe('2025-12-29T08:00:00.000Z');
    // Friday 1 May 2026 after 08:00 BST: Monday 4 May is the early May bank holiday; Tuesday 08:00 BST.
    expect(new Date(nextDigestSlot(utc('2026-05-01T08:30:00Z'), '08:00', cal)).toISOString()).toBe('2026-05-05T07:00:00.000Z');
    // Before the time on a working day: the same day. Exactly at it: the next working day.
    expect(new Date(nextDigestSlot(utc('2026-06-02T06:00:00Z'), '08:00', cal)).toISOString()).toBe('2026-06-02T07:00:00.000Z');
    expect(new Date(nextDigestSlot(utc('2026-06-02T07:00:00Z'), '08:00', cal)).toISOString()).toBe('2026-06-03T07:00:00.000Z');
    expect(() => nextDigestSlot(0, '8am', cal)).toThrow(/HH:MM/);
  });

  it('every slot over two years is a working day at the local time, and none is skipped', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    let slots = 0;
    for (;;) {
      const next = nextDigestSlot(t, '07:45', cal);
      if (next >= Date.parse('2028-01-01T00:00:00Z')) break;
      const day = londonDateOf(next);
      expect(cal.isWorkingDay(day)).toBe(true);
      const local = new Date(next + londonOffsetMinutes(next) * 60_000);
      expect([local.getUTCHours(), local.getUTCMinutes()]).toEqual([7, 45]);
      // No working day between t and next was passed over.
      if (slots > 0) expect(cal.workingDaysBetween(londonDateOf(t), day)).toBe(1);
      t = next;
      slots += 1;
    }
    expect(slots).toBe(cal.workingDaysBetween('2025-12-31', '2027-12-31'));
  });
});

describe('the email', () => {
  const dueOn = '2026-02-12';
  const [, , , pm5] = scheduleLadder(DEFAULT_ACTION_LADDER, dueOn, cal);
  const escalation: EscalationForEmail = {
    id: 'action-p1-a1/action-default/pm-5/b1', kind: 'escalation', level: 'programme_manager', label: pm5!.step.label,
    ladderId: 'action-default', stepId: 'pm-5', subjectKind: 'action', subjectId: 'action-p1-a1', subjectTitle: 'Offer <return> home interviews',
    dueOn, fireAt: pm5!.fireAt, firedAt: pm5!.fireAt + 40,
  };
  const ctx = { consoleUrl: 'http://127.0.0.1:3000/', calendar: cal };

  it('says what happened, why in working days with en-GB dates, what to do, and links to the console', () => {
    const m = escalationEmail(escalation, { name: 'Priya Shah', role: 'programme_manager' }, ctx);
    expect(m.subject).toBe('Escalation: Offer <return> home interviews, overdue since Thursday 12 February 2026 (5 working days)');
    expect(m.text).toContain('Overdue 5 working days: programme manager.');
    expect(m.text).toContain('This step fires 5 working days after the deadline of Thursday 12 February 2026 while the action is still not done; it fired on Thursday 19 February 2026 at 09:00.');
    expect(m.text).toContain('Rule: step “pm-5” of the escalation ladder “action-default”.');
    expect(m.text).toContain('You receive this as the programme manager.');
    expect(m.text).toMatch(/WHAT TO DO\nCheck the recovery of this action/);
    expect(m.text).toContain('Open the action in the console: http://127.0.0.1:3000/#/actions/action-p1-a1/show');
    expect(m.text).toContain('Acknowledge this escalation: http://127.0.0.1:3000/#/escalations/action-p1-a1%2Faction-default%2Fpm-5%2Fb1/show');
    // The HTML part says the same, escaped.
    expect(m.html).toContain('Offer &lt;return&gt; home interviews');
    expect(m.html).not.toContain('<return>');
    expect(m.html).toContain('<a href="http://127.0.0.1:3000/#/actions/action-p1-a1/show">Open the action in the console</a>');
    expect(m.html).toContain('<html lang="en-GB">');
  });

  it('a reminder counts working days to the deadline; the deadline step says the day has ended', () => {
    const [remind10, , red0] = scheduleLadder(DEFAULT_ACTION_LADDER, dueOn, cal);
    const r = escalationEmail({ ...escalation, kind: 'reminder', level: 'owner', stepId: 'remind-10', fireAt: remind10!.fireAt }, { name: 'Sam', role: 'owner' }, ctx);
    expect(r.subject).toBe('Reminder: Offer <return> home interviews, due Thursday 12 February 2026 (in 10 working days)');
    expect(r.text).toContain('it fired on Thursday 29 January 2026 at 09:00.');
    expect(r.text).toContain('ask for an extension now');
    expect(r.text).not.toContain('Acknowledge this escalation');
    expect(red0!.fireAt).toBe(endOfLondonDayUtcMs(dueOn));
    const d = escalationEmail({ ...escalation, stepId: 'red-0', level: 'workstream_lead', fireAt: red0!.fireAt }, { name: 'Lee', role: 'workstream_lead', note: 'lead recorded on the workstream register' }, ctx);
    expect(d.subject).toContain('deadline passed (Thursday 12 February 2026)');
    expect(d.text).toContain('You receive this as the workstream lead (lead recorded on the workstream register).');
  });

  it('a digest lists every item, oldest first, with a count in the subject', () => {
    const slot = londonLocalTimeUtcMs('2026-02-20', 8, 0);
    const items = [
      { escalation, role: 'programme_manager' as const },
      { escalation: { ...escalation, id: 'x/remind', kind: 'reminder' as const, stepId: 'remind-5', firedAt: escalation.firedAt - 1e9, fireAt: escalation.fireAt - 1e9, subjectTitle: 'Second action' }, role: 'owner' as const },
    ];
    const m = digestEmail(items, { name: 'Priya Shah' }, slot, ctx);
    expect(m.subject).toBe('Daily digest for Friday 20 February 2026: 1 reminder and 1 escalation');
    expect(m.text.indexOf('Second action')).toBeLessThan(m.text.indexOf('Offer <return> home interviews'));
    expect(m.text).toContain('1. WHAT HAPPENED');
    expect(m.text).toContain('2. WHAT TO DO');
    expect(formatLondonInstant(slot)).toBe('Friday 20 February 2026 at 08:00');
  });
});

describe('schemas', () => {
  it('name the field that is wrong', () => {
    const r = ZAddProgrammePersonInput.safeParse({ clientRequestId: 'req-12345678', reason: 'New director', programmeId: 'p', person: { role: 'director', name: 'D', email: 'not-an-email', workstream: 'front-door' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['person.email', 'person.name', 'person.workstream']);
    const w = ZProgrammePerson.safeParse({ role: 'director', name: 'Dana', email: 'd@x.gov.uk', workstream: 'front-door' });
    expect(w.error?.issues.map((i) => i.path.join('.'))).toEqual(['workstream']);
    expect(ZProgrammePerson.parse({ role: 'director', name: 'Dana', email: ' D@X.gov.uk ' })).toEqual({ role: 'director', name: 'Dana', email: 'd@x.gov.uk', workstream: '' });
  });
});
