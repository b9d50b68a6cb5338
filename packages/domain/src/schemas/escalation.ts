import { z } from 'zod';
import { ZCommandMeta } from './common.js';

/**
 * A recipient confirms they have seen an escalation. Acknowledging stops repeat notices at that
 * level; it does not close the underlying breach (the action, KPI or risk must recover for that).
 */
export const ZAcknowledgeEscalationInput = ZCommandMeta.extend({
  escalationId: z.string().trim().min(1, 'Say which escalation you are acknowledging').max(200),
});
export type TAcknowledgeEscalationInput = z.infer<typeof ZAcknowledgeEscalationInput>;
