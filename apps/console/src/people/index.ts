import PeopleIcon from '@mui/icons-material/ContactMailOutlined';
import { lazyPage } from '../lazy-page';

const PeopleList = lazyPage(() => import('./PeopleList'), 'PeopleList');

/** People on the programme by role (everyone reads; admins change them on the same page). */
export const people = {
  name: 'people',
  list: PeopleList,
  icon: PeopleIcon,
  recordRepresentation: 'name',
  options: { label: 'People and emails' },
};
