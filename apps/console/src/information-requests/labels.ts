import type { TTone } from '../components/StatusTag';

export const REQUEST_PHASE_LABELS: Record<string, string> = { open: 'Open', answered: 'Answered', withdrawn: 'Withdrawn' };
export const REQUEST_PHASE_TONES: Record<string, TTone> = { open: 'blue', answered: 'green', withdrawn: 'grey' };
