import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Dialog } from '../../components/Dialog';
import type { FormErrors } from '../../components/Form';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';

/** The text of an input event's element. */
export function valueOf(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
}

/** Names edited as removable chips, with an input (suggesting `options`) to add one more. */
export function ListInput({ id, values, onChange, options = [], placeholder, invalid }: {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  options?: string[];
  placeholder?: string;
  invalid?: boolean;
}) {
  const { t } = useConsole();
  const [typed, setTyped] = useState('');
  const add = () => {
    const names = typed.split(',').map((name) => name.trim()).filter((name) => name && !values.includes(name));
    if (names.length > 0) {
      onChange([...values, ...names]);
    }
    setTyped('');
  };
  const free = options.filter((option) => !values.includes(option));
  return (
    <div class={`list-input${invalid ? ' invalid' : ''}`}>
      {values.map((value) => (
        <span class="chip" data-value={value}>
          {value}
          <button type="button" class="link" aria-label={t('admin.removeItem', { name: value })}
            onClick={() => onChange(values.filter((other) => other !== value))}>×</button>
        </span>
      ))}
      <input id={id} list={free.length > 0 ? `${id}-options` : undefined} value={typed} placeholder={placeholder}
        onInput={(e) => setTyped(valueOf(e))} onBlur={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }} />
      {free.length > 0 && <datalist id={`${id}-options`}>{free.map((option) => <option value={option} />)}</datalist>}
    </div>
  );
}

/** The end of an admin form: the form's error, "Saved.", and the buttons. */
export function FormFooter({ errors, saved, onCancel, children }: {
  errors: FormErrors;
  saved: boolean;
  onCancel?: () => void;
  children?: ComponentChildren;
}) {
  const { t } = useConsole();
  return (
    <div class="form-footer">
      {errors.form && <p class="error" role="alert">{errors.form}</p>}
      {saved && <p class="notice" role="status">{t('common.saved')}</p>}
      <div class="actions">
        <button type="submit" class="primary">{t('common.save')}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('common.cancel')}</button>}
        {children}
      </div>
    </div>
  );
}

/** Asks before deleting `name`; `onConfirm` deletes and closes, or shows why the server refused. */
export function ConfirmDelete({ name, onConfirm, onClose }: {
  name: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useConsole();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('admin.confirmDelete')} onClose={onClose}>
      <p class="confirm-text">{t('admin.confirmDeleteText', { name })}</p>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="actions">
        <button type="button" class="danger" id="confirm-delete" disabled={busy} onClick={confirm}>{t('common.delete')}</button>
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Dialog>
  );
}

/** Deletes a list's entry at `path/NAME` once asked (`ask(name)` shows the `dialog`), closing it if `current`, then reloads. */
export function useDeleting(path: string, { current, close, reload }: {
  current: string | null;
  close: () => void;
  reload: () => Promise<unknown>;
}) {
  const { api } = useConsole();
  const [deleting, setDeleting] = useState<string | null>(null);
  const dialog = deleting && (
    <ConfirmDelete name={deleting} onClose={() => setDeleting(null)} onConfirm={async () => {
      await api.delete(`${path}/${seg(deleting)}`);
      if (deleting === current) {
        close();
      }
      await reload();
    }} />
  );
  return { ask: setDeleting, dialog };
}

/** Which entry a list-and-form section has open (null: a new one), and a key that starts its form afresh on each `open`. */
export function useEditing() {
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const open = (name: string | null) => {
    setEditing(name);
    setFormKey((key) => key + 1);
  };
  return { editing, setEditing, formKey, open };
}

/** The Edit and Delete links that end a row of a list; no Delete without `onDelete`. */
export function RowActions({ onEdit, onDelete }: { onEdit: () => void; onDelete?: () => void }) {
  const { t } = useConsole();
  return (
    <td class="actions">
      <button type="button" class="link" onClick={onEdit}>{t('common.edit')}</button>
      {onDelete && <button type="button" class="link danger" onClick={onDelete}>{t('common.delete')}</button>}
    </td>
  );
}

/** The list-and-form layout of an admin section: the list on the left, the form on the right. */
export function Editor({ title, list, form, onNew, newLabel }: {
  title: string;
  list: ComponentChildren;
  form: ComponentChildren;
  onNew?: () => void;
  newLabel?: string;
}) {
  const { t } = useConsole();
  return (
    <section class="card editor">
      <header>
        <h2>{title}</h2>
        {onNew && <button type="button" class="new" onClick={onNew}>{newLabel ?? t('common.new')}</button>}
      </header>
      <div class="editor-body">
        <div class="editor-list">{list}</div>
        <div class="editor-form">{form}</div>
      </div>
    </section>
  );
}
