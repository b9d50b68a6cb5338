/**
 * Renders a BoardPack as a PDF, byte for byte the same for the same pack: the document's dates are
 * the pack's instant (pdfkit derives the file ID from them), the font is DejaVu Sans embedded from
 * the pinned npm package (no system fonts), and every table is in the order boardPackData gives.
 * Page 1 opens with the dashboard's headline figures and says which question the pack answers
 * (recorded by, or happened by, its instant).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import {
  ACTION_RAG_LABELS, ACTION_STATUS_LABELS, CLOCK_OUTCOME_LABELS, clockProgressText, DEADLINE_WINDOW_WORKING_DAYS, ESCALATION_KIND_LABELS, ESCALATION_LEVEL_LABELS,
  GRADE_LABELS, INTERVENTION_PHASE_LABELS, labelOf, PROGRAMME_PHASE_LABELS, REQUEST_PHASE_LABELS, VISIT_PHASE_LABELS, WORKSTREAM_RAG_COLUMNS,
} from '@ip/domain';
import type { BoardPack } from './board-pack-data.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const LONDON = 'Europe/London';
const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: LONDON, timeZoneName: 'short' });
/** "4 June 2026" for an ISO calendar date (noon UTC keeps it on its day in London). */
export const isoDateEnGb = (iso: string | null): string => (iso ? dateFmt.format(new Date(`${iso}T12:00:00Z`)) : '—');
export const instantEnGb = (ms: number): string => dateTimeFmt.format(new Date(ms));

// Every coded value in the pack reads as the console shows it (the domain's labels module).
const RAG_WORDS: Record<string, string> = ACTION_RAG_LABELS;

type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 50;

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(13).fillColor('#0b0c0c').text(text, MARGIN);
  doc.moveDown(0.3).font('regular').fontSize(9);
}

/** A simple table: header row in bold, rows wrapped within fixed column widths, new page as needed. */
function table(doc: Doc, columns: { title: string; width: number }[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    doc.font('regular').fontSize(9).text(empty, MARGIN);
    return;
  }
  const draw = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 })));
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(c, x, top, { width: columns[i]!.width - 6 });
      x += columns[i]!.width;
    });
    doc.x = MARGIN;
    doc.y = top + height + 4;
  };
  draw(columns.map((c) => c.title), 'bold');
  for (const r of rows) draw(r, 'regular');
}

/** What the pack answers, in the words the console uses for the two bases. */
export const BASIS_WORDS = {
  recorded: 'What had been recorded by then (by when each change was entered)',
  happened: 'What had happened by then (by the dates the records carry: report received, plan submitted, letter published, …)',
} as const;

const pct = (unit: string) => (unit === 'percent' ? '%' : '');

/** The pack as PDF bytes. */
export function renderBoardPackPdf(pack: BoardPack): Promise<Buffer> {
  const asAt = new Date(pack.at);
  const point = pack.event ? `, run ${pack.event.runId}, history event ${pack.event.eventId}` : '';
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: `Improvement board pack: ${pack.authorityName}, as at ${instantEnGb(pack.at)} (${pack.basis === 'recorded' ? 'recorded by then' : 'happened by then'})`,
      Author: 'Improvement programme',
      Subject: `Programme ${pack.programmeId}, as at ${asAt.toISOString()} (${pack.basis})${point}`,
      Creator: 'Improvement programme',
      Producer: 'Improvement programme',
      CreationDate: asAt,
      ModDate: asAt,
    },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((ok, fail) => {
    doc.on('end', () => ok(Buffer.concat(chunks)));
    doc.on('error', fail);
  });
  const f = pack.figures;
  // Actions name their workstream by key: the pack shows the register's name, as the console does.
  const workstreamNames = new Map(f.actionsByWorkstream.filter((w) => w.key).map((w) => [w.key, w.name.replace(/^\d+\. /, '')]));
  const workstreamOf = (key: string | null) => (key ? (workstreamNames.get(key) ?? key) : '—');

  doc.font('bold').fontSize(18).text('Improvement board pack');
  doc.font('regular').fontSize(11).text(`${pack.authorityName} — improvement cycle ${pack.cycle}`);
  doc.font('bold').fontSize(10).text(`As at ${instantEnGb(pack.at)}${pack.event ? ` (history event ${pack.event.eventId})` : ''}`);
  doc.font('regular').text(BASIS_WORDS[pack.basis]);
  doc.text(`Phase: ${labelOf(PROGRAMME_PHASE_LABELS, pack.phase)}. Judgement: ${pack.grade ? labelOf(GRADE_LABELS, pack.grade) : 'not yet recorded'}. Last change: ${pack.lastChange}`);
  doc.fontSize(8).fillColor('#505a5f').text(`Programme ${pack.programmeId}${point}. Rebuilt from the histories of the programme and every workflow of it, and its registers as they stood; the same instant always gives this same document.`);
  doc.fillColor('#0b0c0c');

  heading(doc, 'At a glance (the dashboard’s figures for this instant)');
  const rag = (c: typeof f.kpis) => `${c.red} red, ${c.amber} amber, ${c.green} green${c.none ? `, ${c.none} no data` : ''}`;
  table(doc, [{ title: 'Figure', width: 230 }, { title: 'Value', width: 265 }], [
    ['KPIs by RAG', rag(f.kpis)],
    ['Risks after mitigation', `${rag(f.risks)}; ${f.risksToEscalate} at or over threshold`],
    ['Open escalations (not acknowledged)', String(f.openEscalations)],
    [`Deadlines in the next ${DEADLINE_WINDOW_WORKING_DAYS} working days`, String(f.deadlinesSoon)],
    ['Deadlines overdue (clocks and actions)', String(f.overdueDeadlines)],
    ['Actions overdue', `${f.overdueActions} of ${pack.actions.length}`],
  ], '');

  heading(doc, 'Statutory and plan deadlines');
  // The same clock reads as on the programme page: the domain's one rule and wording (clockProgressText).
  table(doc, [{ title: 'Deadline', width: 200 }, { title: 'Due', width: 100 }, { title: 'Status', width: 65 }, { title: 'Working days', width: 130 }],
    pack.clocks.map((c) => [c.label, isoDateEnGb(c.dueOn), labelOf(CLOCK_OUTCOME_LABELS, c.status), clockProgressText(c)]), 'No deadlines running.');

  heading(doc, 'Actions by RAG, per workstream');
  const widths: Record<string, number> = { red: 35, amber: 45, green: 45, awaiting_sign_off: 65, complete: 60 };
  table(doc, [{ title: 'Workstream', width: 160 }, { title: 'Lead', width: 85 }, ...WORKSTREAM_RAG_COLUMNS.map((c) => ({ title: RAG_WORDS[c] ?? c, width: widths[c]! }))],
    f.actionsByWorkstream.map((p) => [p.name, p.lead ?? '—', ...WORKSTREAM_RAG_COLUMNS.map((c) => String(p.counts[c]))]), 'No workstreams or actions yet.');

  heading(doc, `Overdue actions (${pack.overdue.length})`);
  table(doc, [{ title: 'Action', width: 215 }, { title: 'Workstream', width: 90 }, { title: 'Owner', width: 100 }, { title: 'Was due', width: 90 }],
    pack.overdue.map((a) => [a.title, workstreamOf(a.workstream), a.owner.name, isoDateEnGb(a.dueOn)]), 'No action was overdue.');

  heading(doc, `All actions (${pack.actions.length})`);
  table(doc, [{ title: 'Action', width: 200 }, { title: 'Workstream', width: 85 }, { title: 'Due', width: 85 }, { title: 'Status', width: 65 }, { title: 'RAG', width: 60 }],
    pack.actions.map((a) => [a.title, workstreamOf(a.workstream), isoDateEnGb(a.dueOn), labelOf(ACTION_STATUS_LABELS, a.status), RAG_WORDS[a.rag] ?? a.rag]), 'No actions yet.');

  heading(doc, `Escalations (${pack.escalations.length})`);
  table(doc, [{ title: pack.basis === 'recorded' ? 'Fired' : 'Due', width: 115 }, { title: 'About', width: 170 }, { title: 'Step', width: 130 }, { title: 'Acknowledged', width: 80 }],
    pack.escalations.map((e) => [instantEnGb(e.firedAt), e.subjectTitle, `${e.label} (${labelOf(ESCALATION_KIND_LABELS, e.kind)}, ${labelOf(ESCALATION_LEVEL_LABELS, e.level)})`, e.acknowledged ? 'Yes' : 'No']), 'No reminders or escalations had fired.');

  heading(doc, 'KPIs against targets');
  table(doc, [{ title: 'KPI', width: 185 }, { title: 'Target', width: 70 }, { title: 'Latest', width: 70 }, { title: 'Period end', width: 100 }, { title: 'RAG', width: 70 }],
    pack.kpis.map((k) => [k.name, `${k.direction === 'lower_is_better' ? '≤ ' : '≥ '}${k.target}${pct(k.unit)}`, k.latestValue === null ? '—' : `${k.latestValue}${pct(k.unit)}`, isoDateEnGb(k.latestPeriodEnd), k.rag ? RAG_WORDS[k.rag]! : 'No figure']), 'No KPIs defined.');

  heading(doc, 'Monitoring visits and findings');
  if (pack.visits.length === 0) doc.text('No monitoring visits scheduled.', MARGIN);
  for (const v of pack.visits) {
    doc.font('bold').fontSize(10).text(`Visit ${v.number}: ${v.theme}`, MARGIN);
    doc.font('regular').fontSize(9).text(`Planned ${isoDateEnGb(v.plannedStartOn)}; ${labelOf(VISIT_PHASE_LABELS, v.status)}; letter ${v.letterPublishedOn ? `published ${isoDateEnGb(v.letterPublishedOn)}` : 'not yet published'}.`);
    for (const p of v.progress) doc.text(`Progress: ${p}`, { indent: 10 });
    for (const p of v.improvement) doc.text(`To improve: ${p}`, { indent: 10 });
    doc.moveDown(0.3);
  }

  heading(doc, 'DfE intervention');
  if (pack.interventions.length === 0) doc.font('regular').fontSize(9).text('No DfE intervention recorded.', MARGIN);
  for (const i of pack.interventions) {
    doc.font('regular').fontSize(9).text(`${labelOf(INTERVENTION_PHASE_LABELS, i.phase)}${i.lastStepOn ? `; last step ${isoDateEnGb(i.lastStepOn)}` : ''}.`, MARGIN);
    for (const c of i.clocks) doc.text(`${c.label}: due ${isoDateEnGb(c.dueOn)}, ${labelOf(CLOCK_OUTCOME_LABELS, c.status)}`, { indent: 10 });
  }

  heading(doc, `Information requests (${pack.requests.length})`);
  table(doc, [{ title: 'Request', width: 190 }, { title: 'From', width: 100 }, { title: 'Due', width: 90 }, { title: 'Status', width: 115 }],
    pack.requests.map((r) => [r.subject, r.requester, isoDateEnGb(r.dueOn), r.answeredOn ? `Answered ${isoDateEnGb(r.answeredOn)}` : `${labelOf(REQUEST_PHASE_LABELS, r.phase)}${r.overdue ? ', overdue' : ''}`]), 'No information requests.');

  heading(doc, 'Risks (residual score, highest first)');
  table(doc, [{ title: 'Ref', width: 45 }, { title: 'Risk', width: 200 }, { title: 'Owner', width: 100 }, { title: 'Score', width: 50 }, { title: 'Threshold', width: 100 }],
    pack.risks.map((r) => [r.ref, r.title, r.owner, String(r.score), String(r.threshold)]), 'No risks recorded.');

  if (pack.notes.length) {
    heading(doc, 'Notes on this reconstruction');
    for (const n of pack.notes) doc.text(n, MARGIN);
  }
  doc.end();
  return done;
}
