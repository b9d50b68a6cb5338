import KpiIcon from '@mui/icons-material/InsightsOutlined';
import { lazyPage } from '../lazy-page';

const KpiCreate = lazyPage(() => import('./KpiCreate'), 'KpiCreate');
const KpiEdit = lazyPage(() => import('./KpiEdit'), 'KpiEdit');
const KpiList = lazyPage(() => import('./KpiList'), 'KpiList');
const KpiShow = lazyPage(() => import('./KpiShow'), 'KpiShow');

/** Key performance indicators; `create`/`edit` are added only for roles that may change them (see App). */
export const kpis = {
  name: 'kpis',
  list: KpiList,
  show: KpiShow,
  create: KpiCreate,
  edit: KpiEdit,
  icon: KpiIcon,
  recordRepresentation: 'name',
  options: { label: 'KPIs' },
};
