import AuthorityIcon from '@mui/icons-material/AccountBalanceOutlined';
import { lazyPage } from '../lazy-page';

const AuthorityList = lazyPage(() => import('./AuthorityList'), 'AuthorityList');
const AuthorityShow = lazyPage(() => import('./AuthorityShow'), 'AuthorityShow');

/** Local authorities: everyone reads them; admins add, rename and record successors (see AuthorityCommands). */
export const authorities = {
  name: 'authorities',
  list: AuthorityList,
  show: AuthorityShow,
  icon: AuthorityIcon,
  recordRepresentation: 'name',
  options: { label: 'Local authorities' },
};
