/**
 * The words of every email: what happened, why (the rule and its dates in working days), what to do,
 * and a link to the page in the console; a plain-text and an HTML part built from the same sections
 * so they cannot say different things. Dates in en-GB ("Thursday 12 February 2026"), times in
 * London. Pure: no Intl, no clock (the instants come in), so the same escalation renders the same.
 */
import { dayOfWeek, type IsoDate } from '../calendar/iso-date.js';
import { formatLongDate } from '../calendar/format.js';
import { endOfLondonDayUtcMs, londonDateOf, londonOffsetMinutes } from '../calendar/london-time.js';
import { RECIPIENT_ROLE_PHRASES, type TRecipientRole } from './recipients.js';

export type TSubjectKind = 'action' | 'programme' | 'monitoring_visit' | 'information_request' | 'intervention' | 'kpi';

/** An escalation row as the email needs it (instants as epoch ms). */
export interface EscalationForEmail {
  id: string;
  kind: 'reminder' | 'escalation';
  /** A TEscalationLevel, or a level a later version of the ladder added. */
  level: string;
  label: string;
  ladderId: string;
  stepId: string;
  /** A TSubjectKind, or a kind a later version added. */
  subjectKind: string;
  subjectId: string;
  subjectTitle: string;
  dueOn: IsoDate;
  fireAt: number;
  firedAt: number;
}

export interface EmailRecipient {
  name: string;
  role: TRecipientRole;
  note?: string | null | undefined;
}

export interface EmailContext {
  /** The console's address as people reach it, e.g. https://improvement.northmoor.gov.uk */
  consoleUrl: string;
  calendar: { workingDaysBetween(a: IsoDate, b: IsoDate): number };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Thursday 12 February 2026". */
export function formatDayDate(d: IsoDate): string {
  return `${WEEKDAYS[dayOfWeek(d)]} ${formatLongDate(d)}`;
}

/** "Thursday 19 February 2026 at 09:00" (London time). */
export function formatLondonInstant(ms: number): string {
  const local = new Date(ms + londonOffsetMinutes(ms) * 60_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${formatDayDate(londonDateOf(ms))} at ${hh}:${mm}`;
}

const SUBJECT_PAGES: Record<TSubjectKind, { noun: string; resource: string }> = {
  action: { noun: 'action', resource: 'actions' },
  programme: { noun: 'programme deadline', resource: 'programmes' },
  monitoring_visit: { noun: 'monitoring visit', resource: 'monitoringVisits' },
  information_request: { noun: 'information request', resource: 'informationRequests' },
  intervention: { noun: 'DfE intervention', resource: 'interventions' },
  kpi: { noun: 'KPI', resource: 'kpis' },
};

function page(kind: string): { noun: string; resource: string } {
  return SUBJECT_PAGES[kind as TSubjectKind] ?? { noun: 'item', resource: 'escalations' };
}

/** The console page of what the escalation is about, and the escalation's own page. */
export function consoleLinks(e: Pick<EscalationForEmail, 'id' | 'subjectKind' | 'subjectId'>, consoleUrl: string): { subject: string; escalation: string } {
  const base = consoleUrl.replace(/\/+$/, '');
  return {
    subject: `${base}/#/${page(e.subjectKind).resource}/${encodeURIComponent(e.subjectId)}/show`,
    escalation: `${base}/#/escalations/${encodeURIComponent(e.id)}/show`,
  };
}

/** When the step fired relative to the deadline, in working days, as a sentence. */
function timing(e: EscalationForEmail, ctx: EmailContext): { short: string; why: string } {
  const due = formatDayDate(e.dueOn);
  // Step 0 fires at the deadline itself: the end of the due date, which is midnight of the next day.
  const wd = e.fireAt === endOfLondonDayUtcMs(e.dueOn) ? 0 : ctx.calendar.workingDaysBetween(e.dueOn, londonDateOf(e.fireAt));
  const n = Math.abs(wd);
  const days = `${n} working day${n === 1 ? '' : 's'}`;
  if (wd < 0) return { short: `due ${due} (in ${days})`, why: `This step fires ${days} before the deadline of ${due}; it fired on ${formatLondonInstant(e.fireAt)}.` };
  if (wd === 0) return { short: `deadline passed (${due})`, why: `This step fires when the deadline of ${due} passes, at the end of that day (London time).` };
  return { short: `overdue since ${due} (${days})`, why: `This step fires ${days} after the deadline of ${due} while the ${page(e.subjectKind).noun} is still not done; it fired on ${formatLondonInstant(e.fireAt)}.` };
}

const TO_DO: Record<TRecipientRole, (noun: string, kind: 'reminder' | 'escalation') => string> = {
  owner: (noun, kind) =>
    kind === 'reminder'
      ? `Update the ${noun}'s progress or attach evidence before the deadline. If it cannot be done in time, ask for an extension now: the reminders and escalations then move with the new date.`
      : `Look at the ${noun} today and record what will be done about it in the console.`,
  workstream_lead: (noun) => `Speak to the owner today, agree how the ${noun} will be recovered, and acknowledge this escalation in the console saying what was agreed.`,
  programme_manager: (noun) => `Check the recovery of this ${noun} with the workstream lead, decide whether to ask for an extension or escalate further, and acknowledge this escalation in the console.`,
  director: (noun) => `This ${noun} goes into the improvement board's exception report. Agree its recovery with the programme manager and acknowledge this escalation in the console.`,
  board_chair: (noun) => `For the improvement board: ask the director for the recovery plan for this ${noun} at or before the next board meeting.`,
  dfe_adviser: (noun) => `For the DfE adviser or commissioner: this ${noun} is linked to Ofsted's findings and is seriously overdue; the council's recovery plan is available from the director.`,
  committee_chair: (noun) => `The committee's ${noun} has not been answered on time: democratic services should chase the answer and report back to the committee.`,
  chief_executive: (noun) => `A statutory ${noun} is at risk or missed: ask the director of children's services for an account and the recovery plan.`,
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

interface Section {
  heading: string;
  paragraphs: string[];
  links?: { label: string; url: string }[];
}

function renderText(greeting: string, sections: Section[], footer: string): string {
  const parts = [greeting, ''];
  for (const s of sections) {
    parts.push(s.heading.toUpperCase(), ...s.paragraphs);
    for (const l of s.links ?? []) parts.push(`${l.label}: ${l.url}`);
    parts.push('');
  }
  parts.push('--', footer);
  return `${parts.join('\n')}\n`;
}

function renderHtml(title: string, greeting: string, sections: Section[], footer: string): string {
  const body = sections
    .map((s) => [
      `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(s.heading)}</h2>`,
      ...s.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`),
      ...(s.links ?? []).map((l) => `<p style="margin:0 0 12px"><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></p>`),
    ].join('\n'))
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;max-width:640px">',
    `<p>${escapeHtml(greeting)}</p>`,
    body,
    `<hr><p style="font-size:14px;color:#505a5f">${escapeHtml(footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

function footerFor(consoleUrl: string): string {
  return `Sent by the improvement programme system. To receive reminders or escalations in one daily email instead, change your email preferences in the console (${consoleUrl.replace(/\/+$/, '')}/#/email-preferences) or ask an administrator. Escalations to the director and above are always sent at once.`;
}

function itemSections(e: EscalationForEmail, r: EmailRecipient, ctx: EmailContext): Section[] {
  const { noun } = page(e.subjectKind);
  const t = timing(e, ctx);
  const links = consoleLinks(e, ctx.consoleUrl);
  return [
    { heading: 'What happened', paragraphs: [`${e.label}.`, `The ${noun} “${e.subjectTitle}” is ${t.short}.`] },
    {
      heading: 'Why you are told',
      paragraphs: [
        t.why,
        `Rule: step “${e.stepId}” of the escalation ladder “${e.ladderId}”. Working days exclude weekends, Christmas Day, Good Friday and bank holidays in England and Wales.`,
        `You receive this as the ${RECIPIENT_ROLE_PHRASES[r.role] ?? r.role}${r.note ? ` (${r.note})` : ''}.`,
      ],
    },
    {
      heading: 'What to do',
      paragraphs: [TO_DO[r.role](noun, e.kind)],
      links: [
        { label: `Open the ${noun} in the console`, url: links.subject },
        ...(e.kind === 'escalation' ? [{ label: 'Acknowledge this escalation', url: links.escalation }] : []),
      ],
    },
  ];
}

/** One reminder or escalation to one person. */
export function escalationEmail(e: EscalationForEmail, r: EmailRecipient, ctx: EmailContext): RenderedEmail {
  const kindWord = e.kind === 'reminder' ? 'Reminder' : 'Escalation';
  const subject = `${kindWord}: ${e.subjectTitle}, ${timing(e, ctx).short}`;
  const greeting = `Dear ${r.name},`;
  const sections = itemSections(e, r, ctx);
  const footer = footerFor(ctx.consoleUrl);
  return { subject, text: renderText(greeting, sections, footer), html: renderHtml(subject, greeting, sections, footer) };
}

/** A person's daily digest: every held reminder and escalation since the last one, oldest first. */
export function digestEmail(items: readonly { escalation: EscalationForEmail; role: TRecipientRole; note?: string | null }[], who: { name: string }, slotAt: number, ctx: EmailContext): RenderedEmail {
  const sorted = [...items].sort((a, b) => a.escalation.firedAt - b.escalation.firedAt || a.escalation.id.localeCompare(b.escalation.id));
  const reminders = sorted.filter((i) => i.escalation.kind === 'reminder').length;
  const escalations = sorted.length - reminders;
  const counts = [
    ...(reminders ? [`${reminders} reminder${reminders === 1 ? '' : 's'}`] : []),
    ...(escalations ? [`${escalations} escalation${escalations === 1 ? '' : 's'}`] : []),
  ].join(' and ');
  const subject = `Daily digest for ${formatDayDate(londonDateOf(slotAt))}: ${counts}`;
  const greeting = `Dear ${who.name},`;
  const sections: Section[] = [
    { heading: 'In this digest', paragraphs: [`${counts} since your last digest, as you chose to receive them once a day (at ${formatLondonInstant(slotAt)}).`] },
    ...sorted.flatMap((i, n) =>
      itemSections(i.escalation, { name: who.name, role: i.role, note: i.note }, ctx).map((s) => ({ ...s, heading: `${n + 1}. ${s.heading}` })),
    ),
  ];
  const footer = footerFor(ctx.consoleUrl);
  return { subject, text: renderText(greeting, sections, footer), html: renderHtml(subject, greeting, sections, footer) };
}
