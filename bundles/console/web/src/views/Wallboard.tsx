import { useEffect, useState } from 'preact/hooks';
import { duration } from '../i18n';
import { seg } from '../lib/api';
import { useBoard } from '../lib/board';
import { useConsole } from '../lib/context';
import { useAction, useNow } from '../lib/hooks';
import type { Agent, Interaction, Queue } from '../lib/model';
import { agentsOf, countByState, longestWaitNow, serviceLevelStatus, STATES, whole } from '../lib/wallboard';

/** The live wallboard: one tile per queue, and the contacts waiting with what a supervisor can do about them. */
export function Wallboard({ only }: { only: string }) {
  const { api, t } = useConsole();
  const board = useBoard(api);
  const now = useNow();
  const last = board.lastEvent;
  // #/wallboard/NAME shows one queue on a screen of its own.
  const shown = only ? board.queues.filter((queue) => queue.name === only) : board.queues;
  return (
    <div class="wallboard" data-event={last?.type ?? ''} data-event-at={last?.at ?? ''} data-shown-at={last?.shownAt ?? ''}>
      <div class="board-head">
        <h1>{t('wallboard.title')}{only && <> · <a href="#/wallboard">{t('wallboard.allQueues')}</a></>}</h1>
        <span class={`live ${board.live ? 'on' : 'off'}`} id="live">{board.live ? t('common.live') : t('common.offline')}</span>
        {document.fullscreenEnabled && (
          <button type="button" id="full-screen" onClick={() => (document.fullscreenElement
            ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined)}>
            {t('wallboard.fullScreen')}
          </button>
        )}
      </div>
      {board.queues.length === 0 && <p class="muted">{t('wallboard.noQueues')}</p>}
      <div class={`tiles${only ? ' single' : ''}`}>
        {shown.map((queue) => {
          const entry = board.figures[queue.name];
          return entry ? <QueueTile queue={queue} entry={entry} agents={board.agents} now={now} /> : null;
        })}
      </div>
      <WaitingContacts queues={shown} allQueues={board.queues} agents={board.agents} now={now} />
    </div>
  );
}

function QueueTile({ queue, entry, agents, now }: {
  queue: Queue;
  entry: { figures: import('../lib/model').QueueFigures; readAt: number };
  agents: Agent[];
  now: number;
}) {
  const { t } = useConsole();
  const figures = entry.figures;
  const counts = countByState(agentsOf(queue, agents));
  const status = serviceLevelStatus(figures);
  return (
    <section class={`tile queue-tile sl-${status}`} data-queue={queue.name} aria-label={queue.name}>
      <h2><a href={`#/wallboard/${encodeURIComponent(queue.name)}`}>{queue.name}</a></h2>
      <div class="big">
        <div><span class="figure waiting" data-figure="waiting">{figures.waiting}</span><span class="label">{t('wallboard.waiting')}</span></div>
        <div><span class="figure" data-figure="longest">{duration(longestWaitNow(figures, entry.readAt, now))}</span>
          <span class="label">{t('wallboard.longest')}</span></div>
        <div><span class={`figure sl ${status}`} data-figure="sl">{figures.serviceLevelPercent === null || figures.serviceLevelPercent === undefined
          ? '—' : `${whole(figures.serviceLevelPercent)} %`}</span>
          <span class="label">{t('wallboard.sl')}</span>
          <span class="hint">{t('wallboard.target', { percent: figures.serviceLevelGoal.targetPercent, seconds: whole(figures.serviceLevelGoal.threshold) })}</span></div>
      </div>
      <dl class="small">
        <dt>{t('wallboard.entered')}</dt><dd data-figure="entered">{figures.entered}</dd>
        <dt>{t('wallboard.answered')}</dt><dd data-figure="answered">{figures.answered}</dd>
        <dt>{t('wallboard.abandoned')}</dt><dd data-figure="abandoned">{figures.abandoned}</dd>
        <dt>{t('wallboard.asa')}</dt><dd data-figure="asa">{figures.averageSpeedOfAnswerSeconds == null ? '—' : duration(figures.averageSpeedOfAnswerSeconds)}</dd>
        <dt>{t('wallboard.aht')}</dt><dd data-figure="aht">{figures.averageHandleTimeSeconds == null ? '—' : duration(figures.averageHandleTimeSeconds)}</dd>
      </dl>
      <div class="states" aria-label={t('wallboard.agents')}>
        {STATES.map((state) => (
          <span class={`state-count state-${state}`} data-state={state} title={t(`state.${state}`)}>
            <b>{counts[state]}</b> {t(`state.${state}`)}
          </span>
        ))}
      </div>
    </section>
  );
}

/** Contacts in line across queues, first in line first, with pull, move, reprioritise and drop. */
function WaitingContacts({ queues, allQueues, agents, now }: { queues: Queue[]; allQueues: Queue[]; agents: Agent[]; now: number }) {
  const { api, t } = useConsole();
  const ids = queues.flatMap((queue) => queue.waiting.slice(0, 50));
  const [contacts, setContacts] = useState<Record<string, Interaction>>({});
  const { error, act } = useAction();
  const key = ids.join(',');

  useEffect(() => {
    const missing = ids.filter((id) => !contacts[id]);
    Promise.all(missing.map((id) => api.get<Interaction>(`/v1/interactions/${seg(id)}`).catch(() => null)))
      .then((read) => setContacts((current) => {
        const next: Record<string, Interaction> = {};
        for (const id of ids) {
          const found = current[id] ?? read.find((contact) => contact?.id === id);
          if (found) {
            next[id] = found;
          }
        }
        return next;
      }));
  }, [key]);

  const ready = agents.filter((agent) => agent.state === 'READY');

  return (
    <section class="card waiting-contacts">
      <h2>{t('wallboard.waitingContacts')}</h2>
      {error && <p class="error" role="alert">{error}</p>}
      {ids.length === 0 && <p class="muted" id="none-waiting">{t('wallboard.noneWaiting')}</p>}
      {ids.length > 0 && (
        <table>
          <thead><tr><th>{t('desktop.queue')}</th><th>{t('desktop.customer')}</th><th /><th>{t('desktop.waited')}</th>
            <th>{t('contact.priority')}</th><th>{t('grid.actions')}</th></tr></thead>
          <tbody>
            {ids.map((id) => {
              const contact = contacts[id];
              return (
                <tr data-contact={id}>
                  <td>{contact?.queue ?? ''}</td>
                  <td>{contact?.customer ?? id}</td>
                  <td>{contact ? t(`channel.${contact.channel}`) : ''}</td>
                  <td class="timer">{contact?.enqueuedAt ? duration((now - Date.parse(contact.enqueuedAt)) / 1000) : ''}</td>
                  <td>
                    <input type="number" class="priority" aria-label={t('contact.priority')} value={contact?.priority ?? 0} min={-1000} max={1000}
                      onChange={(e) => act(() => api.post(`/v1/interactions/${seg(id)}/move`,
                        { priority: Number((e.target as HTMLInputElement).value) }))} />
                  </td>
                  <td class="actions">
                    <select aria-label={t('contact.pull')} onChange={(e) => {
                      const agent = (e.target as HTMLSelectElement).value;
                      if (agent) {
                        act(() => api.post(`/v1/interactions/${seg(id)}/pull`, { agent }));
                      }
                    }}>
                      <option value="">{t('contact.pull')}…</option>
                      {ready.map((agent) => <option value={agent.login}>{agent.name}</option>)}
                    </select>
                    <select aria-label={t('contact.move')} onChange={(e) => {
                      const queue = (e.target as HTMLSelectElement).value;
                      if (queue) {
                        act(() => api.post(`/v1/interactions/${seg(id)}/move`, { queue }));
                      }
                    }}>
                      <option value="">{t('contact.move')}…</option>
                      {allQueues.filter((queue) => queue.name !== contact?.queue).map((queue) => <option value={queue.name}>{queue.name}</option>)}
                    </select>
                    <button type="button" class="danger drop" onClick={() => act(() => api.post(`/v1/interactions/${seg(id)}/drop`))}>
                      {t('contact.drop')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
