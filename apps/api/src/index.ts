export { createApiServer, originAllowed, type ApiServerOptions } from './server.js';
