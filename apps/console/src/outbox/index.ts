import OutboxIcon from '@mui/icons-material/OutboxOutlined';
import { lazyPage } from '../lazy-page';

const OutboxList = lazyPage(() => import('./OutboxList'), 'OutboxList');
const OutboxShow = lazyPage(() => import('./OutboxShow'), 'OutboxShow');

/** The Outbox: its pages for admins only (see App); the escalation and action pages read it too. */
export const outbox = {
  name: 'outbox',
  list: OutboxList,
  show: OutboxShow,
  icon: OutboxIcon,
  recordRepresentation: 'subject',
  options: { label: 'Outbox' },
};
