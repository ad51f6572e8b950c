import { useState } from 'preact/hooks';
import { Field, errorsOf, NO_ERRORS, type FormErrors } from '../../components/Form';
import { duration } from '../../i18n';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { localInputToIso, type WorkItem } from '../../lib/desktop';
import type { Code } from '../../lib/model';

/** After-contact work: a disposition, a note and, when agreed, a callback at a date and time. */
export function WrapUpCard({ item, now, dispositions }: { item: WorkItem; now: number; dispositions: Code[] }) {
  const { api, t } = useConsole();
  const [disposition, setDisposition] = useState('');
  const [note, setNote] = useState('');
  const [callback, setCallback] = useState(false);
  const [callbackAt, setCallbackAt] = useState('');
  const [number, setNumber] = useState(item.interaction?.customer ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const id = seg(item.id);

  const complete = async (event: Event) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    const body: Record<string, unknown> = { disposition: disposition || undefined, note: note.trim() || undefined };
    if (callback) {
      body.callback = { at: localInputToIso(callbackAt) ?? callbackAt, number: number.trim() || undefined };
    }
    try {
      await api.post(`/v1/interactions/${id}/complete`, body);
    } catch (e) {
      setErrors(errorsOf(e, ['disposition', 'note', 'callback.at', 'callback.number'],
        (field) => (field === 'callback' ? 'callback.at' : field)));
    }
  };

  const moreTime = async () => {
    try {
      await api.post(`/v1/interactions/${id}/extend-wrap-up`, { seconds: 30 });
    } catch (e) {
      setErrors(errorsOf(e, []));
    }
  };

  return (
    <article class="card wrap-up" id={`wrap-up-${item.id}`}>
      <header>
        <h3>{t('desktop.wrapUp')} · {item.interaction?.customer ?? item.id}</h3>
        <span class="timer">{duration((now - item.since) / 1000)}</span>
      </header>
      <form onSubmit={complete}>
        <Field id="disposition" label={t('desktop.disposition')} error={errors.fields.disposition}>
          <select id="disposition" value={disposition} onChange={(e) => setDisposition((e.target as HTMLSelectElement).value)}>
            <option value="">{t('common.none')}</option>
            {dispositions.map((code) => <option value={code.code}>{code.label}</option>)}
          </select>
        </Field>
        <Field id="note" label={t('desktop.note')} error={errors.fields.note}>
          <textarea id="note" rows={3} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        </Field>
        <label class="check">
          <input type="checkbox" id="schedule-callback" checked={callback}
            onChange={(e) => setCallback((e.target as HTMLInputElement).checked)} />
          {t('desktop.callback')}
        </label>
        {callback && (
          <div class="row">
            <Field id="callback-at" label={t('desktop.callbackAt')} error={errors.fields['callback.at']}>
              <input id="callback-at" type="datetime-local" required value={callbackAt}
                onInput={(e) => setCallbackAt((e.target as HTMLInputElement).value)} />
            </Field>
            <Field id="callback-number" label={t('desktop.callbackNumber')} error={errors.fields['callback.number']}>
              <input id="callback-number" inputMode="tel" value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} />
            </Field>
          </div>
        )}
        {errors.form && <p class="error" role="alert">{errors.form}</p>}
        <div class="actions">
          <button type="submit" class="primary" id="complete">{t('desktop.complete')}</button>
          <button type="button" id="more-time" onClick={moreTime}>{t('desktop.moreTime')}</button>
        </div>
      </form>
    </article>
  );
}
