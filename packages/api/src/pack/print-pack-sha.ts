/**
 * Test helper: generates a board pack of the golden programme in a fresh process and prints its
 * sha256, so the test can compare bytes across processes. Args: DATABASE_URL runId eventId.
 */
import { createHash } from 'node:crypto';
import { createPrisma } from '@ip/db';
import { goldenSource, PROGRAMME } from './board-pack-fixtures.js';
import { boardPackData } from './board-pack-data.js';
import { renderBoardPackPdf } from './board-pack-pdf.js';

const [databaseUrl, runId, eventId] = process.argv.slice(2);
const prisma = createPrisma({ databaseUrl: databaseUrl! });
try {
  const pdf = await renderBoardPackPdf(await boardPackData(prisma, goldenSource(), { programmeId: PROGRAMME, basis: 'recorded', runId: runId!, eventId: Number(eventId) }));
  console.log(createHash('sha256').update(pdf).digest('hex'));
} finally {
  await prisma.$disconnect();
}
