import RequestIcon from '@mui/icons-material/ContactMailOutlined';
import { lazyPage } from '../lazy-page';

const InformationRequestList = lazyPage(() => import('./InformationRequestList'), 'InformationRequestList');
const InformationRequestShow = lazyPage(() => import('./InformationRequestShow'), 'InformationRequestShow');

export const informationRequests = {
  name: 'informationRequests',
  list: InformationRequestList,
  show: InformationRequestShow,
  icon: RequestIcon,
  recordRepresentation: 'subject',
  options: { label: 'Information requests' },
};
