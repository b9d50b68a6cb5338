import AuthorityIcon from '@mui/icons-material/AccountBalanceOutlined';
import { AuthorityList } from './AuthorityList';
import { AuthorityShow } from './AuthorityShow';

/** Local authorities: read only for now. */
export const authorities = {
  name: 'authorities',
  list: AuthorityList,
  show: AuthorityShow,
  icon: AuthorityIcon,
  recordRepresentation: 'name',
  options: { label: 'Local authorities' },
};
