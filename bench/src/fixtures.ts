/** Reference data the measured paths need but do not create (authorities are registry data). */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@ip/db';

export const benchOnsCode = (i: number) => `E06${String(900_000 + i).padStart(6, '0')}`;

/** Next unused code in this process: figures that share one stack (the cluster's) get authorities of their own. */
let nextCode = 0;

export async function insertAuthorities(prisma: PrismaClient, count: number): Promise<string[]> {
  const first = nextCode;
  nextCode += count;
  const codes = Array.from({ length: count }, (_, i) => benchOnsCode(first + i));
  await prisma.localAuthority.createMany({ data: codes.map((onsCode, i) => ({ onsCode, name: `Bench Authority ${first + i + 1}`, region: 'Bench' })), skipDuplicates: true });
  return codes;
}

export const clientRequestId = () => randomUUID();

/** An action definition as the console sends it (dueOn spread over ~18 months). */
export function actionInput(programmeId: string, n: number, dueOn: string) {
  return {
    clientRequestId: randomUUID(), reason: 'Bench: action from the improvement plan', programmeId,
    title: `Action ${n}: strengthen practice`, owner: { name: `Owner ${n % 37}` }, workstream: `ws-${n % 9}`,
    dueOn, ofstedLinked: n % 3 === 0,
  };
}
