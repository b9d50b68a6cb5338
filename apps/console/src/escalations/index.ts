import EscalationIcon from '@mui/icons-material/NotificationImportantOutlined';
import { EscalationList } from './EscalationList';
import { EscalationShow } from './EscalationShow';

/** Escalations are written by the workflows; people only read and acknowledge them. */
export const escalations = {
  name: 'escalations',
  list: EscalationList,
  show: EscalationShow,
  icon: EscalationIcon,
  recordRepresentation: 'label',
  options: { label: 'Escalations' },
};
