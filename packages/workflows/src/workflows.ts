/** The workflow bundle's entry point: every workflow the worker runs. */
export { programmeWorkflow } from './programme/workflow.js';
export { informationRequestWorkflow } from './information-request/workflow.js';
export { actionWorkflow } from './action/workflow.js';
export { monitoringVisitWorkflow } from './monitoring-visit/workflow.js';
export { interventionWorkflow } from './intervention/workflow.js';
export { kpiReturnWorkflow } from './kpi-return/workflow.js';
export { historyArchiveWorkflow } from './history-archive/workflow.js';
export { historyVerificationWorkflow } from './history-verification/workflow.js';
export { workflowHealthSweepWorkflow } from './health-sweep/workflow.js';
export { deliverEscalationWorkflow, emailDigestWorkflow, redeliverWorkflow } from './delivery/workflow.js';
