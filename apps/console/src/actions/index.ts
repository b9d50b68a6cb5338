import ActionIcon from '@mui/icons-material/TaskAltOutlined';
import { lazyPage } from '../lazy-page';

const ActionList = lazyPage(() => import('./ActionList'), 'ActionList');
const ActionShow = lazyPage(() => import('./ActionShow'), 'ActionShow');

/** Improvement-plan actions: created from the action plan page or from a monitoring visit's findings. */
export const actions = {
  name: 'actions',
  list: ActionList,
  show: ActionShow,
  icon: ActionIcon,
  recordRepresentation: 'title',
  options: { label: 'Actions' },
};
