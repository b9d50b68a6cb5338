// The constants both the zod schemas (./schemas.ts) and the zod-free ladder code (./ladder.ts) are
// built from, in a file of their own so that neither of those two imports the other.

export const ESCALATION_LEVELS = [
  'owner',
  'workstream_lead',
  'programme_manager',
  'director',
  'improvement_board',
  'dfe',
  'committee_chair',
  'chief_executive',
] as const;

/** Local time (Europe/London) at which non-zero steps fire unless a ladder says otherwise. */
export const FIRE_AT_LOCAL_TIME_DEFAULT = '09:00';
