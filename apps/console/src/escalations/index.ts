import EscalationIcon from '@mui/icons-material/NotificationImportantOutlined';
import { lazyPage } from '../lazy-page';

const EscalationList = lazyPage(() => import('./EscalationList'), 'EscalationList');
const EscalationShow = lazyPage(() => import('./EscalationShow'), 'EscalationShow');

/** Escalations are written by the workflows; people only read and acknowledge them. */
export const escalations = {
  name: 'escalations',
  list: EscalationList,
  show: EscalationShow,
  icon: EscalationIcon,
  recordRepresentation: 'label',
  options: { label: 'Escalations' },
};
