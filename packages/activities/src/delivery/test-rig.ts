/**
 * Test rig for the delivery activities: a fresh PostgreSQL database, a real local SMTP server and
 * the SMTP client pointed at it, a programme with its people and an action. Test-only.
 */
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import { DEFAULT_ACTION_LADDER, defaultCalendar, escalationId, scheduleLadder } from '@ip/domain';
import { createMailer, smtpConfigFromEnv, startLocalSmtpServer, ZSmtpEnv, type LocalSmtpServer, type Mailer, type SmtpConfig } from '@ip/mail';
import type { EscalationFact } from '../escalation/record.js';
import type { DeliveryDeps } from './send.js';

export const PROGRAMME = 'programme-E09000099-1';
export const ACTION = 'action-programme-E09000099-1-a1';
export const PEOPLE = [
  { role: 'programme_manager', name: 'Priya Shah', email: 'priya.shah@northmoor.gov.uk' },
  { role: 'workstream_lead', name: 'Lee Front', email: 'lee.front@northmoor.gov.uk', workstream: 'front-door' },
  { role: 'director', name: 'Dana Okoro', email: 'dcs@northmoor.gov.uk' },
  { role: 'board_chair', name: 'Chris Chair', email: 'board.chair@northmoor-board.org.uk' },
  { role: 'dfe_adviser', name: 'Alex Adviser', email: 'alex.adviser@education.gov.uk' },
];

export interface Rig {
  db: TempDatabase;
  prisma: PrismaClient;
  smtp: LocalSmtpServer;
  mailers: Mailer[];
  deps(extra?: Partial<DeliveryDeps> & { smtp?: Partial<SmtpConfig> }): DeliveryDeps;
  restartSmtp(): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const db = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  const prisma = createPrisma({ databaseUrl: db.url });
  let smtp = await startLocalSmtpServer();
  const port = smtp.port;
  const mailers: Mailer[] = [];
  await prisma.programmePerson.createMany({ data: PEOPLE.map((p) => ({ programmeId: PROGRAMME, workstream: '', ...p })) });
  await prisma.action.create({
    data: {
      id: ACTION, programmeId: PROGRAMME, workstream: 'front-door', title: 'Screen referrals within one working day at the MASH',
      ownerName: 'Helen Okafor', ownerEmail: 'helen.okafor@northmoor.gov.uk', dueOn: '2026-02-12', dueAt: new Date('2026-02-13T00:00:00Z'),
      status: 'open', rag: 'red', state: {}, stateVersion: 1,
    },
  });
  const rig: Rig = {
    db, prisma, mailers,
    get smtp() {
      return smtp;
    },
    deps(extra = {}) {
      const { smtp: smtpExtra, ...rest } = extra;
      const config: SmtpConfig = {
        ...smtpConfigFromEnv(ZSmtpEnv.parse({ SMTP_PORT: String(port) })),
        timeouts: { connection: 2000, greeting: 2000, socket: 4000 },
        ...smtpExtra,
      };
      const mailer = createMailer(config);
      mailers.push(mailer);
      return { mailer, consoleUrl: 'http://127.0.0.1:3000', maxAttempts: 5, leaseMs: 30_000, digestLocalTime: '08:00', ...rest };
    },
    async restartSmtp() {
      smtp = await startLocalSmtpServer({ port });
    },
    async close() {
      for (const m of mailers) m.close();
      await smtp.close().catch(() => undefined);
      await prisma.$disconnect();
      await db.drop();
    },
  };
  return rig;
}

let n = 0;
/** An action ladder step as the action workflow records it (a fresh baseline each call, so ids differ). */
export function actionStep(stepId: string): EscalationFact {
  const dueOn = '2026-02-12';
  const step = scheduleLadder(DEFAULT_ACTION_LADDER, dueOn, defaultCalendar(), { ofstedLinked: true }).find((s) => s.step.id === stepId)!;
  n += 1;
  return {
    id: escalationId(ACTION, DEFAULT_ACTION_LADDER.id, stepId, n), workflowId: ACTION, programmeId: PROGRAMME, subjectKind: 'action',
    subjectId: ACTION, subjectTitle: 'Screen referrals within one working day at the MASH', ladderId: DEFAULT_ACTION_LADDER.id, stepId,
    kind: step.step.kind, level: step.step.level, label: step.step.label, dueOn, fireAt: step.fireAt, firedAt: step.fireAt + 25,
  };
}
export { recordEscalationFact } from '../escalation/record.js';
