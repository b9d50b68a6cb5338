/**
 * A server-sent-events reader over fetch (Node 20 has no EventSource), enough for tRPC
 * subscriptions: it collects each `data:` event with its `id:`, and resolves `opened` once the
 * response headers are in. Used for the live-updates checks and "verify all histories".
 */
export interface SseEvent {
  id?: string;
  event?: string;
  data: unknown;
  /** performance.now() when it arrived. */
  at: number;
}

export interface SseStream {
  events: SseEvent[];
  opened: Promise<void>;
  /** Resolves when the server ends the stream (or it is closed). */
  ended: Promise<void>;
  close(): void;
}

export function subscribe(apiUrl: string, path: string, input: unknown, cookie: string, onEvent?: (e: SseEvent) => void): SseStream {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  let markOpen!: () => void;
  let failOpen!: (err: unknown) => void;
  const opened = new Promise<void>((ok, fail) => { markOpen = ok; failOpen = fail; });
  const ended = (async () => {
    let res: Response;
    try {
      res = await fetch(`${apiUrl}/trpc/${path}${query}`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
    } catch (err) {
      failOpen(err);
      return;
    }
    if (!res.ok || !res.body) {
      failOpen(new Error(`${path}: HTTP ${res.status} ${await res.text().catch(() => '')}`));
      return;
    }
    markOpen();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const e: SseEvent = { data: undefined, at: performance.now() };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('id:')) e.id = line.slice(3).trim();
            else if (line.startsWith('event:')) e.event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (!data.length) continue;
          try {
            e.data = JSON.parse(data.join('\n'));
          } catch {
            e.data = data.join('\n');
          }
          events.push(e);
          onEvent?.(e);
        }
      }
    } catch {
      // aborted or the connection dropped: the stream ends
    }
  })();
  return { events, opened, ended, close: () => controller.abort() };
}
