/**
 * Who is told at each ladder level (BRIEF (b)): the people held on a programme by role, and the
 * action's owner. Pure and zod-free, so the delivery activity, the API and a workflow can all ask.
 */
import type { TEscalationLevel } from '../escalation/schemas.js';

/** The roles a person can hold on a programme (the owner comes from each action instead). */
export const PROGRAMME_PERSON_ROLES = [
  'workstream_lead',
  'programme_manager',
  'director',
  'board_chair',
  'dfe_adviser',
  'committee_chair',
  'chief_executive',
] as const;
export type TProgrammePersonRole = (typeof PROGRAMME_PERSON_ROLES)[number];
export type TRecipientRole = 'owner' | TProgrammePersonRole;

export const RECIPIENT_ROLE_LABELS: Record<TRecipientRole, string> = {
  owner: 'Action owner',
  workstream_lead: 'Workstream lead',
  programme_manager: 'Programme manager',
  director: 'Director of Children’s Services (or assistant director)',
  board_chair: 'Improvement board chair',
  dfe_adviser: 'DfE adviser or commissioner',
  committee_chair: 'Committee chair',
  chief_executive: 'Chief executive',
};

/** The role inside a sentence: "You receive this as the …", "nobody is recorded as …". */
export const RECIPIENT_ROLE_PHRASES: Record<TRecipientRole, string> = {
  owner: 'owner',
  workstream_lead: 'workstream lead',
  programme_manager: 'programme manager',
  director: 'director of children’s services',
  board_chair: 'improvement board chair',
  dfe_adviser: 'DfE adviser or commissioner',
  committee_chair: 'committee chair',
  chief_executive: 'chief executive',
};

/**
 * Each ladder level names who receives its email. The +20 WD step on an Ofsted-linked action goes
 * to "board chair and DfE adviser/commissioner" (BRIEF (b)), hence two roles for 'dfe'.
 */
export const LEVEL_RECIPIENT_ROLES: Record<TEscalationLevel, readonly TRecipientRole[]> = {
  owner: ['owner'],
  workstream_lead: ['workstream_lead'],
  programme_manager: ['programme_manager'],
  director: ['director'],
  improvement_board: ['board_chair'],
  dfe: ['board_chair', 'dfe_adviser'],
  committee_chair: ['committee_chair'],
  chief_executive: ['chief_executive'],
};

/**
 * Escalations at these levels are always sent at once, whatever a person chose: from the director
 * up, an escalation is the kind of news that must not wait for tomorrow's digest (issue 15).
 */
export const ALWAYS_IMMEDIATE_LEVELS: ReadonlySet<TEscalationLevel> = new Set<TEscalationLevel>([
  'director', 'improvement_board', 'dfe', 'committee_chair', 'chief_executive',
]);

export interface ProgrammePersonLike {
  role: TProgrammePersonRole;
  name: string;
  email: string;
  /** For a workstream lead: the workstream key they lead; '' leads every workstream. */
  workstream: string;
}

export interface Recipient {
  role: TRecipientRole;
  name: string;
  email: string;
  /** Why this person, when it is not plain (a stand-in, a register entry). */
  note?: string;
}

/** A role the level names that nobody holds: shown as "not delivered: nobody is …". */
export interface RecipientGap {
  role: TRecipientRole;
  reason: string;
}

export interface RecipientContext {
  /** The action's owner (actions only). */
  owner?: { name: string; email?: string | null | undefined } | null | undefined;
  /** The action's workstream key, to pick its lead. */
  workstream?: string | null | undefined;
  /** The workstream register's lead, used when no person is recorded as that workstream's lead. */
  workstreamRegisterLead?: { name: string; email?: string | null | undefined } | null | undefined;
  people: readonly ProgrammePersonLike[];
}

const normal = (email: string) => email.trim().toLowerCase();

function holders(role: TProgrammePersonRole, ctx: RecipientContext): Recipient[] {
  if (role !== 'workstream_lead') {
    return ctx.people.filter((p) => p.role === role).map((p) => ({ role, name: p.name, email: normal(p.email) }));
  }
  const leads = ctx.people.filter((p) => p.role === 'workstream_lead');
  const ofThis = ctx.workstream ? leads.filter((p) => p.workstream === ctx.workstream) : [];
  if (ofThis.length) return ofThis.map((p) => ({ role, name: p.name, email: normal(p.email) }));
  const reg = ctx.workstreamRegisterLead;
  if (reg?.email) return [{ role, name: reg.name, email: normal(reg.email), note: 'lead recorded on the workstream register' }];
  return leads.filter((p) => p.workstream === '').map((p) => ({ role, name: p.name, email: normal(p.email) }));
}

/**
 * Who receives a step at `level`, one entry per email address (someone holding two of the roles
 * gets one email), and the roles nobody holds. An owner without an email address is told through
 * the programme manager, so an owner-level reminder is never silently lost.
 */
export function recipientsFor(level: TEscalationLevel, ctx: RecipientContext): { recipients: Recipient[]; gaps: RecipientGap[] } {
  const recipients: Recipient[] = [];
  const gaps: RecipientGap[] = [];
  for (const role of LEVEL_RECIPIENT_ROLES[level]) {
    const found = role === 'owner' ? ownerRecipients(ctx) : holders(role, ctx);
    if (found.length === 0) gaps.push({ role, reason: gapReason(role, ctx) });
    for (const r of found) if (!recipients.some((x) => x.email === r.email)) recipients.push(r);
  }
  return { recipients, gaps };
}

function ownerRecipients(ctx: RecipientContext): Recipient[] {
  const owner = ctx.owner;
  if (owner?.email) return [{ role: 'owner', name: owner.name, email: normal(owner.email) }];
  return holders('programme_manager', ctx).map((r) => ({ ...r, role: 'owner' as const, note: `${ownerMissing(ctx)}; sent to the programme manager instead` }));
}

function ownerMissing(ctx: RecipientContext): string {
  return ctx.owner ? `${ctx.owner.name} (the owner) has no email address recorded` : 'no owner with an email address is recorded';
}

function gapReason(role: TRecipientRole, ctx: RecipientContext): string {
  if (role === 'owner') return `${ownerMissing(ctx)}, and nobody is recorded as programme manager`;
  return `nobody is recorded as ${RECIPIENT_ROLE_PHRASES[role]} on this programme`;
}
