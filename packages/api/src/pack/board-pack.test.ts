/**
 * Board packs from a real programme history (the committed golden full cycle and its four
 * monitoring-visit children) and registers on real PostgreSQL: the same event gives the same bytes,
 * in this process and in a fresh one; another event gives another pack; the text says what the
 * registers said at that instant (later readings left out, later changes undone from the audit trail).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import { goldenSource, PROGRAMME, seedRegisters } from './board-pack-fixtures.js';
import { boardPackData } from './board-pack-data.js';
import { renderBoardPackPdf } from './board-pack-pdf.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

let db: TempDatabase;
let prisma: PrismaClient;
const source = goldenSource();
let runId = '';
/** Plan accepted (1 April 2027) and the re-inspection (31 January 2029). */
const PLAN_ACCEPTED = 173;
const REINSPECTED = 321;

beforeAll(async () => {
  db = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  prisma = createPrisma({ databaseUrl: db.url });
  await seedRegisters(prisma);
  runId = (await source.fetch(PROGRAMME)).runs[0]!.runId;
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe('board pack as at a history event', () => {
  it('is byte-identical for the same event, here and in a fresh process', async () => {
    const a = await renderBoardPackPdf(await boardPackData(prisma, source, { programmeId: PROGRAMME, basis: 'recorded', runId, eventId: PLAN_ACCEPTED }));
    await new Promise((r) => setTimeout(r, 1100)); // a clock-dependent date would now differ
    const b = await renderBoardPackPdf(await boardPackData(prisma, source, { programmeId: PROGRAMME, basis: 'recorded', runId, eventId: PLAN_ACCEPTED }));
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha(b)).toBe(sha(a));
    const script = fileURLToPath(new URL('./print-pack-sha.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, db.url, runId, String(PLAN_ACCEPTED)], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    expect(stdout.trim()).toBe(sha(a));
  }, 60_000);

  it('says what the registers said at that instant', async () => {
    const text = await textOf(await renderBoardPackPdf(await boardPackData(prisma, source, { programmeId: PROGRAMME, basis: 'recorded', runId, eventId: PLAN_ACCEPTED })));
    for (const h of ['Improvement board pack', 'Statutory and plan deadlines', 'Actions by RAG, per workstream', 'Overdue actions', 'Escalations (1)', 'KPIs against targets', 'Monitoring visits and findings', 'Risks']) expect(text).toContain(h);
    expect(text).toContain('Northmoor Borough Council');
    expect(text).toMatch(/As at 1 April 2027/);
    expect(text).toContain('Front door and MASH');
    // The January figure (red), not the September one recorded later.
    expect(text).toContain('62.5%');
    expect(text).not.toContain('91.5%');
    // The risk as rated then (16), not as reviewed in December (9); the escalation not yet acknowledged.
    expect(text).toMatch(/RSK-7 Agency social worker turnover Director of Children’s Services 16 12/);
    expect(text).toMatch(/Action plan overdue: director \(Escalation, Director of Children’s Services\) No/);
    // The plan went in late: the pack says so in the programme page's words (the domain's one clock rule).
    expect(text).toMatch(/Met late Done, \d+ working days? late/);
    expect(text).toContain('No monitoring visits scheduled.'); // visit 1 was scheduled at event 185
  });

  it('is a different pack for a different event', async () => {
    const early = await renderBoardPackPdf(await boardPackData(prisma, source, { programmeId: PROGRAMME, basis: 'recorded', runId, eventId: PLAN_ACCEPTED }));
    const late = await renderBoardPackPdf(await boardPackData(prisma, source, { programmeId: PROGRAMME, basis: 'recorded', runId, eventId: REINSPECTED }));
    expect(sha(late)).not.toBe(sha(early));
    const text = await textOf(late);
    expect(text).toMatch(/As at 31 January 2029/);
    expect(text).toContain('91.5%');
    expect(text).toMatch(/RSK-7 Agency social worker turnover Director of Children’s Services 9 12/);
    expect(text).toMatch(/Action plan overdue: director \(Escalation, Director of Children’s Services\) Yes/);
    expect(text).toContain('Visit 4:');
    expect(text).toMatch(/Progress: |To improve: /);
  });

  it('names the field when the event is not in the run', async () => {
    await expect(boardPackData(prisma, source, { programmeId: PROGRAMME, basis: 'recorded', runId, eventId: 99_999 })).rejects.toThrow(/eventId: no event 99999/);
    await expect(boardPackData(prisma, source, { programmeId: PROGRAMME, basis: 'recorded', runId: 'nope', eventId: 1 })).rejects.toThrow(/runId: no run nope/);
  });
});
