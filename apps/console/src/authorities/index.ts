import AuthorityIcon from '@mui/icons-material/AccountBalanceOutlined';
import { lazyPage } from '../lazy-page';

const AuthorityList = lazyPage(() => import('./AuthorityList'), 'AuthorityList');
const AuthorityShow = lazyPage(() => import('./AuthorityShow'), 'AuthorityShow');

/** Local authorities: read only for now. */
export const authorities = {
  name: 'authorities',
  list: AuthorityList,
  show: AuthorityShow,
  icon: AuthorityIcon,
  recordRepresentation: 'name',
  options: { label: 'Local authorities' },
};
