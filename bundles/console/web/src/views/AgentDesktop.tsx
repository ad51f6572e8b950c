import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { seg } from '../lib/api';
import { useConsole } from '../lib/context';
import { applyEvent, phaseOf, shortcutOf, type OwnState, type WorkItem } from '../lib/desktop';
import { followEvents } from '../lib/events';
import { useAction, useNow } from '../lib/hooks';
import { useCodes } from '../lib/codes';
import type { Agent, Interaction } from '../lib/model';
import { Colleagues } from './desktop/Colleagues';
import { OfferCard } from './desktop/OfferCard';
import { StateBar } from './desktop/StateBar';
import { TalkCard } from './desktop/TalkCard';
import { WrapUpCard } from './desktop/WrapUpCard';

/** The agent's desktop: state, the offer with its screen pop, call controls and wrap-up. */
export function AgentDesktop() {
  const { api, session, t } = useConsole();
  const me = session.user;
  const [agent, setAgent] = useState<Agent | null>(null);
  const [missing, setMissing] = useState(false);
  const [own, setOwn] = useState<OwnState | null>(null);
  const [items, setItems] = useState<WorkItem[]>([]);
  const [live, setLive] = useState(false);
  const [lastEvent, setLastEvent] = useState<{ type: string; at: number; shownAt: number } | null>(null);
  const { error, setError, act } = useAction();
  const reasons = useCodes('reasons');
  const dispositions = useCodes('dispositions');
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const now = useNow();

  const read = useCallback(async (id: string) => {
    try {
      const interaction = await api.get<Interaction>(`/v1/interactions/${seg(id)}`);
      setItems((current) => current.map((item) => (item.id === id ? { ...item, interaction } : item)));
    } catch {
      // Gone meanwhile: its own event removes it.
    }
  }, [api]);

  // Reads the agent and their contacts again: at start and after every reconnection of the event stream.
  const resync = useCallback(async () => {
    try {
      // Read from the list, so that a supervisor who is no agent is told so without a failed request.
      const current = (await api.get<Agent[]>('/v1/agents')).find((agent) => agent.login === me);
      if (!current) {
        setMissing(true);
        return;
      }
      setMissing(false);
      setAgent(current);
      setOwn({
        state: current.state,
        reason: current.reason ?? null,
        since: current.since ? Date.parse(current.since) : Date.now(),
        extension: current.extension ?? null,
      });
      const loaded = await Promise.all(current.interactions.map(async (id) => {
        try {
          const interaction = await api.get<Interaction>(`/v1/interactions/${seg(id)}`);
          return { id, phase: phaseOf(interaction), since: Date.parse(interaction.since ?? interaction.createdAt), interaction, restored: true };
        } catch {
          return null;
        }
      }));
      setItems(loaded.filter((item): item is NonNullable<typeof item> => item !== null));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, me]);

  useEffect(() => {
    resync();
    return followEvents(api, `?agent=${encodeURIComponent(me)}`, {
      onOpen: () => {
        setLive(true);
        resync();
      },
      onDown: () => setLive(false),
      onEvent: (event) => {
        const change = applyEvent(itemsRef.current, event, me);
        setLastEvent({ type: event.type, at: Date.parse(String(event.data.at)), shownAt: Date.now() });
        itemsRef.current = change.items;
        setItems(change.items);
        if (change.state) {
          setOwn(change.state);
          if (change.state.state === 'LOGGED_OUT' || agent?.state === 'LOGGED_OUT') {
            resync();
          }
        }
        if (change.read) {
          read(change.read);
        }
        if (event.type === 'Completed') {
          setAgent((current) => (current ? { ...current, handled: (current.handled ?? 0) + 1 } : current));
        }
      },
    });
  }, [api, me]);


  const offered = items.filter((item) => item.phase === 'offered');
  const talking = items.filter((item) => item.phase === 'talking');
  const wrapping = items.filter((item) => item.phase === 'wrapup');
  const [held, setHeld] = useState<Record<string, boolean>>({});

  // Alt+A / Alt+R / Alt+H / Alt+X act on the first offer or the first conversation.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutOf(event);
      if (!command) {
        return;
      }
      event.preventDefault();
      const offer = offered[0];
      const conversation = talking[0];
      if (command === 'accept' && offer && !(offer.interaction?.channel === 'VOICE' && own?.extension)) {
        act(() => api.post(`/v1/interactions/${seg(offer.id)}/accept`));
      } else if (command === 'reject' && offer) {
        act(() => api.post(`/v1/interactions/${seg(offer.id)}/decline`));
      } else if (command === 'hold' && conversation?.interaction?.channel === 'VOICE') {
        const onHold = held[conversation.id];
        act(async () => {
          await api.post(`/v1/calls/${seg(conversation.id)}/${onHold ? 'retrieve' : 'hold'}`);
          setHeld({ ...held, [conversation.id]: !onHold });
        });
      } else if (command === 'hangup' && conversation) {
        const path = conversation.interaction?.channel === 'VOICE'
          ? `/v1/calls/${seg(conversation.id)}/hangup` : `/v1/interactions/${seg(conversation.id)}/end`;
        act(() => api.post(path));
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [offered, talking, held]);

  if (missing) {
    return <section class="card"><p id="not-agent">{t('desktop.notAgent', { user: me })}</p></section>;
  }
  if (!agent || !own) {
    return <p class="muted">{t('common.loading')}</p>;
  }

  return (
    <div class="desktop" data-event={lastEvent?.type ?? ''} data-event-at={lastEvent?.at ?? ''}
      data-shown-at={lastEvent?.shownAt ?? ''}>
      <StateBar agent={agent} own={own} reasons={reasons} now={now} live={live} onChanged={resync} onError={setError} />
      {error && <p class="error banner" role="alert" id="desktop-error">{error}</p>}
      <div class="desktop-columns">
        <section class="work" aria-label={t('desktop.work')}>
          <h2>{t('desktop.work')}</h2>
          {items.length === 0 && <p class="muted" id="nothing">{t('desktop.nothing')}</p>}
          {offered.map((item) => (
            <OfferCard key={item.id} item={item} now={now} extension={own.extension}
              onAccept={() => act(() => api.post(`/v1/interactions/${seg(item.id)}/accept`))}
              onReject={() => act(() => api.post(`/v1/interactions/${seg(item.id)}/decline`))} />
          ))}
          {talking.map((item) => (
            <TalkCard key={item.id} item={item} now={now} held={!!held[item.id]}
              onHeld={(value) => setHeld({ ...held, [item.id]: value })} act={act} />
          ))}
          {wrapping.map((item) => (
            <WrapUpCard key={item.id} item={item} now={now} dispositions={dispositions} />
          ))}
        </section>
        <Colleagues canPickUp={own.state === 'READY' && !!own.extension} act={act} />
      </div>
      <p class="shortcuts muted">{t('desktop.shortcuts')}</p>
    </div>
  );
}
