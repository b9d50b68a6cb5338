import RiskIcon from '@mui/icons-material/ReportProblemOutlined';
import { lazyPage } from '../lazy-page';

const RiskCreate = lazyPage(() => import('./RiskCreate'), 'RiskCreate');
const RiskEdit = lazyPage(() => import('./RiskEdit'), 'RiskEdit');
const RiskList = lazyPage(() => import('./RiskList'), 'RiskList');
const RiskShow = lazyPage(() => import('./RiskShow'), 'RiskShow');

export const RiskHeatMapPage = lazyPage(() => import('./RiskHeatMapPage'), 'RiskHeatMapPage');

/** The risk register; `create`/`edit` are added only for roles that may change it (see App). */
export const risks = {
  name: 'risks',
  list: RiskList,
  show: RiskShow,
  create: RiskCreate,
  edit: RiskEdit,
  icon: RiskIcon,
  recordRepresentation: 'ref',
  options: { label: 'Risk register' },
};
