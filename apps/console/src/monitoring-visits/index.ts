import VisitIcon from '@mui/icons-material/EventNoteOutlined';
import { lazyPage } from '../lazy-page';

const VisitList = lazyPage(() => import('./VisitList'), 'VisitList');
const VisitShow = lazyPage(() => import('./VisitShow'), 'VisitShow');

/** Ofsted monitoring visits; each is scheduled on the programme and runs as its own workflow. */
export const monitoringVisits = {
  name: 'monitoringVisits',
  list: VisitList,
  show: VisitShow,
  icon: VisitIcon,
  recordRepresentation: 'title',
  options: { label: 'Monitoring visits' },
};
