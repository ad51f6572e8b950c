import { useEffect, useState } from 'preact/hooks';
import { duration } from '../../i18n';
import { ApiError, seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { WorkItem } from '../../lib/desktop';
import type { Consultation } from '../../lib/model';
import { ScreenPop } from './OfferCard';
import { TransferDialog } from './TransferDialog';

/** A contact in conversation with the controls its channel offers: calls hold, transfer, consult, conference, park. */
export function TalkCard({ item, now, held, onHeld, act }: {
  item: WorkItem;
  now: number;
  held: boolean;
  onHeld: (held: boolean) => void;
  act: (call: () => Promise<unknown>) => Promise<void>;
}) {
  const { api, t } = useConsole();
  const contact = item.interaction;
  const voice = contact?.channel === 'VOICE';
  const call = `/v1/calls/${seg(item.id)}`;
  const [dialog, setDialog] = useState(false);
  const [consultation, setConsultation] = useState<Consultation | null>(null);
  const [parked, setParked] = useState<string | null>(null);
  const [conferenceWith, setConferenceWith] = useState('');

  const readConsultation = async () => {
    try {
      setConsultation(await api.get<Consultation>(`${call}/consult`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setConsultation(null);
      }
    }
  };
  // Only a call found in progress (after a reload) can have a consultation the card does not know of: asking for
  // every call would answer 404 for each, which the browser reports as an error.
  useEffect(() => {
    if (voice && item.restored) {
      readConsultation();
    }
  }, [voice]);

  return (
    <article class="card talk" id={`talk-${item.id}`}>
      <header>
        <h3>{contact ? t(`channel.${contact.channel}`) : '…'} · {contact?.customer ?? ''}</h3>
        {held && <span class="badge hold" id="on-hold">{t('desktop.onHold')}</span>}
        <span class="timer">{duration((now - item.since) / 1000)}</span>
      </header>
      {contact && <ScreenPop item={item} now={now} />}
      {consultation && (
        <div class="consultation" role="status" id="consultation">
          {t('desktop.consulting', { target: consultation.target, state: consultation.state })}
          <button type="button" class="primary" id="complete-transfer"
            onClick={() => act(async () => { await api.post(`${call}/consult/complete`); setConsultation(null); })}>
            {t('desktop.completeTransfer')}
          </button>
          <button type="button" id="cancel-consult"
            onClick={() => act(async () => { await api.delete(`${call}/consult`); setConsultation(null); })}>
            {t('desktop.cancelConsult')}
          </button>
        </div>
      )}
      {parked && <p class="notice" id="parked">{t('desktop.parkedAt', { slot: parked })}</p>}
      <div class="actions">
        {voice && (
          <>
            <button type="button" id="hold" aria-pressed={held}
              onClick={() => act(async () => { await api.post(`${call}/${held ? 'retrieve' : 'hold'}`); onHeld(!held); })}>
              {held ? t('desktop.retrieve') : t('desktop.hold')}
            </button>
            <button type="button" id="transfer" onClick={() => setDialog(true)}>{t('desktop.transfer')}</button>
            <button type="button" id="park"
              onClick={() => act(async () => setParked((await api.post<{ slot: string }>(`${call}/park`)).slot))}>
              {t('desktop.park')}
            </button>
            <form class="inline" onSubmit={(e) => {
              e.preventDefault();
              act(() => api.post(`${call}/conference`, { extension: conferenceWith.trim() }));
            }}>
              <label class="sr-only" for={`conference-${item.id}`}>{t('conference.extension')}</label>
              <input id={`conference-${item.id}`} class="extension-input" placeholder={t('conference.extension')} value={conferenceWith}
                onInput={(e) => setConferenceWith((e.target as HTMLInputElement).value)} />
              <button type="submit" disabled={!conferenceWith.trim()}>{t('desktop.conference')}</button>
            </form>
            <span class="spacer" />
            <button type="button" class="danger" id="hang-up" onClick={() => act(() => api.post(`${call}/hangup`))}>
              {t('desktop.hangUp')}
            </button>
          </>
        )}
        {!voice && (
          <button type="button" class="danger" id="end" onClick={() => act(() => api.post(`/v1/interactions/${seg(item.id)}/end`))}>
            {t('desktop.end')}
          </button>
        )}
      </div>
      {dialog && (
        <TransferDialog callId={item.id} onClose={() => setDialog(false)}
          onConsulting={() => { setDialog(false); readConsultation(); }} />
      )}
    </article>
  );
}
