import { describe, expect, it } from 'vitest';
import { clockCountdownText, clockIsOverdue } from './clock-text';

describe('clockCountdownText', () => {
  it('a running clock counts down, and counts overdue days once past its deadline', () => {
    expect(clockCountdownText({ status: 'running', workingDaysLeft: 12, closedAt: null, workingDaysLate: null })).toBe('12 working days');
    expect(clockCountdownText({ status: 'running', workingDaysLeft: 0, closedAt: null, workingDaysLate: null })).toBe('Due today');
    expect(clockCountdownText({ status: 'breached', workingDaysLeft: -4, closedAt: null, workingDaysLate: null })).toBe('4 working days overdue');
    expect(clockIsOverdue({ status: 'breached', workingDaysLeft: -4, closedAt: null })).toBe(true);
  });

  it('a clock closed late reads "done, N working days late", never "overdue"', () => {
    const late = { status: 'breached' as const, workingDaysLeft: -30, closedAt: 1_760_000_000_000, workingDaysLate: 3 };
    expect(clockCountdownText(late)).toBe('Done, 3 working days late');
    expect(clockCountdownText({ ...late, workingDaysLate: 1 })).toBe('Done, 1 working day late');
    expect(clockIsOverdue(late)).toBe(false);
  });

  it('a clock met on time, or stopped without a judgement, shows no countdown', () => {
    expect(clockCountdownText({ status: 'met', workingDaysLeft: -40, closedAt: 1, workingDaysLate: null })).toBe('Done on time');
    expect(clockCountdownText({ status: 'running', workingDaysLeft: -2, closedAt: 1, workingDaysLate: null })).toBe('Stopped');
  });
});
