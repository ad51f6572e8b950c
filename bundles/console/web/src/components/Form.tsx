import type { ComponentChildren } from 'preact';
import { ApiError } from '../lib/api';

/** A labelled form field with the server's error for it shown beside it. */
export function Field({ id, label, error, children }: {
  id: string;
  label: string;
  error?: string | null;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {error && <span class="field-error" id={`${id}-error`} role="alert">{error}</span>}
    </div>
  );
}

/** Errors of a form: the message per field the server named, and one for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/**
 * Places a failed call's message next to the field the server named (`field` of the problem report), or on the
 * form when it names none or a field the form does not show. `fieldOf` maps the server's names to the form's.
 */
export function errorsOf(error: unknown, shown: string[], fieldOf: (field: string) => string = (f) => f): FormErrors {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.field) {
    const field = fieldOf(error.field);
    const match = shown.find((name) => name === field || field.startsWith(name + '.'));
    if (match) {
      return { fields: { [match]: message }, form: null };
    }
  }
  return { fields: {}, form: message };
}
