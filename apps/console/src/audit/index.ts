export { AsAtPanel } from './AsAtPanel';
export { DiffPanel } from './DiffPanel';
export { ProgrammeHistoryPage } from './HistoryPage';
