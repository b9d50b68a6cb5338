import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

/**
 * How the API talks to Temporal. The SDK's default retries an unreachable server for about 20 s;
 * a person waiting on a button should hear "unavailable, try again" within a few seconds instead.
 * Three attempts with short backoff still ride out a blip (a server restart, a brief network drop).
 */
export function temporalConnectionOptions(address: string) {
  return {
    address,
    connectTimeout: '3s',
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 3, factor: 2 }))],
  };
}

/** Connects lazily, so the API starts (and answers health checks) even while Temporal is down. */
export function createTemporalClient(address: string, namespace: string): { client: Client; connection: Connection } {
  const connection = Connection.lazy(temporalConnectionOptions(address));
  return { connection, client: new Client({ connection, namespace }) };
}
