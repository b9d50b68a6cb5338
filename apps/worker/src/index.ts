export { createWorker, type CreateWorkerOptions } from './worker.js';
