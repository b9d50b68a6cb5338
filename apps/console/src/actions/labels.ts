export { ACTION_RAG_LABELS, ACTION_RAG_TONES } from '../labels';
