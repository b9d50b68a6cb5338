import RiskIcon from '@mui/icons-material/ReportProblemOutlined';
import { RiskCreate } from './RiskCreate';
import { RiskEdit } from './RiskEdit';
import { RiskList } from './RiskList';
import { RiskShow } from './RiskShow';

export { RiskHeatMapPage } from './RiskHeatMapPage';

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
