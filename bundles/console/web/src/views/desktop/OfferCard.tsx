import { useEffect, useState } from 'preact/hooks';
import { duration } from '../../i18n';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { labelOf, useCodes } from '../../lib/codes';
import { popAttributes, type WorkItem } from '../../lib/desktop';
import type { PastInteraction } from '../../lib/model';

/** An incoming contact with its screen pop: where it came from, who it is, their details and past contacts. */
export function OfferCard({ item, now, extension, onAccept, onReject }: {
  item: WorkItem;
  now: number;
  extension: string | null;
  onAccept: () => void;
  onReject: () => void;
}) {
  const { t } = useConsole();
  const contact = item.interaction;
  const phoneRings = contact?.channel === 'VOICE' && !!extension;
  return (
    <article class="card offer" id={`offer-${item.id}`} aria-live="assertive">
      <header>
        <h3>{t('desktop.offer', { channel: contact ? t(`channel.${contact.channel}`) : '…' })}</h3>
        <span class="timer">{duration((now - item.since) / 1000)}</span>
      </header>
      {contact && <ScreenPop item={item} now={now} />}
      <div class="actions">
        {/* A call is answered on the phone it rings at; the console cannot pick up a desk phone's handset. */}
        {phoneRings
          ? <p class="notice" id="answer-phone">{t('desktop.answerPhone', { extension: extension! })}</p>
          : <button type="button" class="primary accept" id="accept" onClick={onAccept}>{t('desktop.accept')}</button>}
        <button type="button" class="danger" id="reject" onClick={onReject}>{t('desktop.reject')}</button>
      </div>
    </article>
  );
}

/** What the agent should know before saying hello. */
export function ScreenPop({ item, now }: { item: WorkItem; now: number }) {
  const { t } = useConsole();
  const contact = item.interaction!;
  const waited = contact.enqueuedAt ? (Math.min(now, item.since) - Date.parse(contact.enqueuedAt)) / 1000 : null;
  return (
    <div class="pop">
      <dl class="facts">
        <dt>{t('desktop.customer')}</dt><dd class="customer">{contact.customer || t('common.none')}</dd>
        <dt>{t('desktop.entryPoint')}</dt><dd class="entry-point">{contact.entryPoint || t('common.none')}</dd>
        <dt>{t('desktop.queue')}</dt><dd>{contact.queue}</dd>
        {waited !== null && <><dt>{t('desktop.waited')}</dt><dd>{duration(Math.max(0, waited))}</dd></>}
      </dl>
      {Object.keys(contact.attributes ?? {}).length > 0 && (
        <>
          <h4>{t('desktop.attributes')}</h4>
          <dl class="attributes">
            {popAttributes(contact.attributes).map(([key, value]) => <><dt>{key}</dt><dd data-key={key}>{value}</dd></>)}
          </dl>
        </>
      )}
      {contact.customer && <PastContacts customer={contact.customer} current={contact.id} />}
    </div>
  );
}

function PastContacts({ customer, current }: { customer: string; current: string }) {
  const { api, t, language } = useConsole();
  const dispositions = useCodes('dispositions');
  const [past, setPast] = useState<PastInteraction[] | null>(null);
  useEffect(() => {
    api.get<PastInteraction[]>(`/v1/customers/${seg(customer)}/interactions?limit=10`)
      .then((list) => setPast(list.filter((entry) => entry.id !== current)), () => setPast([]));
  }, [customer]);
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      <h4>{t('desktop.past')}</h4>
      {past === null && <p class="muted">{t('common.loading')}</p>}
      {past?.length === 0 && <p class="muted">{t('desktop.noPast')}</p>}
      {past && past.length > 0 && (
        <table class="past">
          <tbody>
            {past.map((entry) => (
              <tr>
                <td>{format.format(new Date(entry.startedAt))}</td>
                <td>{t(`channel.${entry.channel}` as never)}</td>
                <td>{entry.queue ?? ''}</td>
                <td>{entry.agent ?? ''}</td>
                <td class="disposition">{labelOf(dispositions, entry.disposition)}</td>
                <td class="note">{entry.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
