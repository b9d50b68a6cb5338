import VisitIcon from '@mui/icons-material/EventNoteOutlined';
import { VisitList } from './VisitList';
import { VisitShow } from './VisitShow';

/** Ofsted monitoring visits; each is scheduled on the programme and runs as its own workflow. */
export const monitoringVisits = {
  name: 'monitoringVisits',
  list: VisitList,
  show: VisitShow,
  icon: VisitIcon,
  recordRepresentation: 'title',
  options: { label: 'Monitoring visits' },
};
