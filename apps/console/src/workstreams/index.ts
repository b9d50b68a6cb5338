import WorkstreamIcon from '@mui/icons-material/AccountTreeOutlined';
import { lazyPage } from '../lazy-page';

const WorkstreamCreate = lazyPage(() => import('./WorkstreamCreate'), 'WorkstreamCreate');
const WorkstreamList = lazyPage(() => import('./WorkstreamList'), 'WorkstreamList');
const WorkstreamShow = lazyPage(() => import('./WorkstreamShow'), 'WorkstreamShow');

/** Workstreams of the improvement plan; `create` only for roles that may change them (see App). */
export const workstreams = {
  name: 'workstreams',
  list: WorkstreamList,
  show: WorkstreamShow,
  create: WorkstreamCreate,
  icon: WorkstreamIcon,
  recordRepresentation: 'name',
  options: { label: 'Workstreams' },
};
