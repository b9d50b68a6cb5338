import { describe, expect, it } from 'vitest';
import { ZAcknowledgeEscalationInput } from './escalation.js';

describe('ZAcknowledgeEscalationInput', () => {
  it('needs command meta and an escalation id', () => {
    expect(ZAcknowledgeEscalationInput.safeParse({ clientRequestId: 'req-00000001', reason: 'Seen, chasing owner', escalationId: 'esc-1' }).success).toBe(true);
    const r = ZAcknowledgeEscalationInput.safeParse({ clientRequestId: 'req-00000001', reason: 'ok', escalationId: '' });
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['escalationId', 'reason']);
  });
});
