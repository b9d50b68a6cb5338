import UserIcon from '@mui/icons-material/PeopleOutlined';
import { lazyPage } from '../lazy-page';

const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyPage(() => import('./UserEdit'), 'UserEdit');
const UserList = lazyPage(() => import('./UserList'), 'UserList');

/** Users: registered for admins only (see App); the API refuses everyone else anyway. */
export const users = {
  name: 'users',
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: UserIcon,
  recordRepresentation: 'name',
  options: { label: 'Users' },
};
