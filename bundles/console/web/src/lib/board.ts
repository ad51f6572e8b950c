import { useEffect, useRef, useState } from 'preact/hooks';
import { seg, type Api } from './api';
import { followEvents, type StreamEvent } from './events';
import { applyStateChange, markStale, nothingStale, type Stale } from './wallboard';
import type { Agent, Queue, QueueFigures } from './model';

/** The live picture a supervisor watches: agents, queues and their figures, and when each figure was read. */
export interface Board {
  agents: Agent[];
  queues: Queue[];
  figures: Record<string, { figures: QueueFigures; readAt: number }>;
  live: boolean;
  /** The last event shown: its type, when it happened (server clock) and when the screen had it. */
  lastEvent: { type: string; at: number; shownAt: number } | null;
}

// Events arriving together are read in one go; well within the second a wallboard may lag.
const GATHER_MS = 50;

/**
 * Keeps the board current from the event stream: a state change moves its agent at once; what else an event
 * touches (its agent, its queue's figures and line) is read again. Nothing is read on a timer.
 */
export function useBoard(api: Api): Board {
  const [board, setBoard] = useState<Board>({ agents: [], queues: [], figures: {}, live: false, lastEvent: null });
  const stale = useRef<Stale>(nothingStale());
  const queueOfContact = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingEvent = useRef<StreamEvent | null>(null);

  const readFigures = async (names: string[]) => {
    const read = await Promise.all(names.map(async (name) => {
      try {
        return [name, { figures: await api.get<QueueFigures>(`/v1/queues/${seg(name)}/figures`), readAt: Date.now() }] as const;
      } catch {
        return null;
      }
    }));
    return Object.fromEntries(read.filter((entry) => entry !== null));
  };

  const readAll = async () => {
    try {
      const [agents, queues] = await Promise.all([api.get<Agent[]>('/v1/agents'), api.get<Queue[]>('/v1/queues')]);
      const figures = await readFigures(queues.map((queue) => queue.name));
      setBoard((current) => ({ ...current, agents, queues, figures }));
    } catch {
      // The stream's reconnection reads everything again.
    }
  };

  const flush = async () => {
    timer.current = null;
    const due = stale.current;
    stale.current = nothingStale();
    const event = pendingEvent.current;
    pendingEvent.current = null;
    const agents = await Promise.all([...due.agents].map(async (login) => {
      try {
        return await api.get<Agent>(`/v1/agents/${seg(login)}`);
      } catch {
        return null;
      }
    }));
    const queueNames = due.allQueues || due.queues.size > 0
      ? await api.get<Queue[]>('/v1/queues').catch(() => null) : null;
    const wanted = due.allQueues ? (queueNames ?? []).map((queue) => queue.name) : [...due.queues];
    const figures = await readFigures(wanted);
    setBoard((current) => {
      let list = current.agents;
      for (const agent of agents) {
        if (agent) {
          list = list.some((known) => known.login === agent.login)
            ? list.map((known) => (known.login === agent.login ? agent : known)) : [...list, agent];
        }
      }
      return {
        ...current,
        agents: list,
        queues: queueNames ?? current.queues,
        figures: { ...current.figures, ...figures },
        lastEvent: event ? { type: event.type, at: Date.parse(String(event.data.at)), shownAt: Date.now() } : current.lastEvent,
      };
    });
  };

  useEffect(() => {
    readAll();
    return followEvents(api, '', {
      onOpen: () => {
        setBoard((current) => ({ ...current, live: true }));
        readAll();
      },
      onDown: () => setBoard((current) => ({ ...current, live: false })),
      onEvent: (event) => {
        if (event.type === 'AgentStateChanged') {
          setBoard((current) => ({
            ...current,
            agents: applyStateChange(current.agents, event),
            lastEvent: { type: event.type, at: Date.parse(String(event.data.at)), shownAt: Date.now() },
          }));
        }
        markStale(stale.current, event, queueOfContact.current);
        pendingEvent.current = event;
        if (!timer.current) {
          timer.current = setTimeout(flush, GATHER_MS);
        }
      },
    });
  }, [api]);

  return board;
}
