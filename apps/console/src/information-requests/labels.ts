export { REQUEST_PHASE_LABELS, REQUEST_PHASE_TONES } from '../labels';
