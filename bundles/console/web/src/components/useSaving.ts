import { useState } from 'preact/hooks';
import { errorsOf, NO_ERRORS, type FormErrors } from './Form';

/** What a form does with its errors and its "Saved." notice while it saves. */
export interface Saving {
  /** Clears both, awaits `action`, then shows "Saved." or places its failure beside the field it names in `fields`. */
  run: (fields: string[], action: () => Promise<unknown>, fieldOf?: (field: string) => string) => Promise<void>;
  /** Clears both, as when another entry is opened in the form. */
  reset: () => void;
  /** Refuses to save: `message` beside `field`, or on the form as a whole when `field` is null; no "Saved.". */
  refuse: (field: string | null, message: string) => void;
  /** Shows a failure, such as a list that did not load, on the form as a whole; "Saved." stays as it is. */
  fail: (error: unknown) => void;
}

/** The errors of a form with one message: beside `field`, or on the form as a whole when `field` is null. */
export function errorOn(field: string | null, message: string): FormErrors {
  return field === null ? { fields: {}, form: message } : { fields: { [field]: message }, form: null };
}

/** The steps of saving a form, written through the two setters it is given (the state of `useSaving`). */
export function savingWith(setErrors: (errors: FormErrors) => void, setSaved: (saved: boolean) => void): Saving {
  const reset = () => {
    setErrors(NO_ERRORS);
    setSaved(false);
  };
  return {
    reset,
    refuse: (field, message) => {
      setErrors(errorOn(field, message));
      setSaved(false);
    },
    fail: (error) => setErrors(errorsOf(error, [])),
    run: async (fields, action, fieldOf) => {
      reset();
      try {
        await action();
        setSaved(true);
      } catch (e) {
        setErrors(errorsOf(e, fields, fieldOf));
      }
    },
  };
}

/** A saving form's errors and "Saved." notice (`setSaved(false)` as a field changes), with the steps of `Saving`. */
export function useSaving() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  return { errors, saved, setErrors, setSaved, ...savingWith(setErrors, setSaved) };
}
