import { fetchEventSource } from '@microsoft/fetch-event-source';
import type { Api } from './api';

/** One distribution event as the stream names it (Offered, Accepted, AgentStateChanged, ...). */
export interface StreamEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface StreamHandlers {
  /** Called on every (re)connection: what happened while the stream was down must be read again. */
  onOpen: () => void;
  onEvent: (event: StreamEvent) => void;
  onDown: () => void;
}

/** Thrown to stop retrying (signed out, or not allowed). */
class Fatal extends Error {}

/**
 * Follows `/api/v1/events` (server-sent events) with the session's token, reconnecting after a break; returns
 * a function that closes it. Fetch, not EventSource, because EventSource cannot send an Authorization header.
 */
export function followEvents(api: Api, query: string, handlers: StreamHandlers): () => void {
  const controller = new AbortController();
  fetchEventSource(api.url('/v1/events' + query), {
    headers: api.authHeaders(),
    signal: controller.signal,
    openWhenHidden: true,
    async onopen(response) {
      if (response.status === 401 || response.status === 403) {
        throw new Fatal(`events refused: ${response.status}`);
      }
      if (!response.ok) {
        throw new Error(`events: HTTP ${response.status}`);
      }
    },
    onmessage(message) {
      if (message.event === 'Subscribed') {
        handlers.onOpen();
        return;
      }
      if (!message.event || !message.data) {
        return;
      }
      try {
        handlers.onEvent({ type: message.event, data: JSON.parse(message.data) });
      } catch {
        // A malformed event is skipped; the next resync reads the truth again.
      }
    },
    onerror(error) {
      handlers.onDown();
      if (error instanceof Fatal) {
        throw error;
      }
      return 2000;
    },
    onclose() {
      handlers.onDown();
      // The server ended the stream (a restart of distribution): reconnect.
      throw new Error('events closed');
    },
  }).catch(() => {
    // Stopped for good: aborted or refused.
  });
  return () => controller.abort();
}
