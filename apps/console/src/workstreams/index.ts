import WorkstreamIcon from '@mui/icons-material/AccountTreeOutlined';
import { WorkstreamCreate } from './WorkstreamCreate';
import { WorkstreamList } from './WorkstreamList';
import { WorkstreamShow } from './WorkstreamShow';

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
