export {
  planDeliveries, escalationDeliveryId, plannedRecipients, preferencesOf, recipientContextOf, type DeliverySubject, type PlanResult, type PlannedRecipient,
} from './plan.js';
export { sendDelivery, type DeliveryDeps, type SendOutcome } from './send.js';
export { deliverEscalation, redeliver, type DeliverySummary } from './deliver.js';
export { digestId, sendDigests, type DigestResult } from './digest.js';
export { renderDelivery } from './render.js';
