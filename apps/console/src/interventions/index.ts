import InterventionIcon from '@mui/icons-material/GavelOutlined';
import { lazyPage } from '../lazy-page';

const InterventionList = lazyPage(() => import('./InterventionList'), 'InterventionList');
const InterventionShow = lazyPage(() => import('./InterventionShow'), 'InterventionShow');

export const interventions = {
  name: 'interventions',
  list: InterventionList,
  show: InterventionShow,
  icon: InterventionIcon,
  recordRepresentation: 'title',
  options: { label: 'DfE intervention' },
};
