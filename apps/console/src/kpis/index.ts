import KpiIcon from '@mui/icons-material/InsightsOutlined';
import { KpiCreate } from './KpiCreate';
import { KpiEdit } from './KpiEdit';
import { KpiList } from './KpiList';
import { KpiShow } from './KpiShow';

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
