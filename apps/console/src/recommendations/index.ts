import RecommendationIcon from '@mui/icons-material/FactCheckOutlined';
import { lazyPage } from '../lazy-page';

const RecommendationCreate = lazyPage(() => import('./RecommendationCreate'), 'RecommendationCreate');
const RecommendationList = lazyPage(() => import('./RecommendationList'), 'RecommendationList');
const RecommendationShow = lazyPage(() => import('./RecommendationShow'), 'RecommendationShow');

/** Recommendations from Ofsted's reports; `create` only for roles that may add them (see App). */
export const recommendations = {
  name: 'recommendations',
  list: RecommendationList,
  show: RecommendationShow,
  create: RecommendationCreate,
  icon: RecommendationIcon,
  recordRepresentation: 'ref',
  options: { label: 'Recommendations' },
};
