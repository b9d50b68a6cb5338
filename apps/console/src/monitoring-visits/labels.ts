export { VISIT_PHASE_LABELS, VISIT_PHASE_TONES } from '../labels';
