import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { NO_ERRORS, type FormErrors } from './Form';
import { errorOn, savingWith } from './useSaving';

/** The steps of saving over a record of what they set, in order. */
function recorded() {
  const steps: (['errors', FormErrors] | ['saved', boolean])[] = [];
  const saving = savingWith((errors) => steps.push(['errors', errors]), (saved) => steps.push(['saved', saved]));
  return { steps, saving };
}

describe('saving a form', () => {
  it('clears the errors and the notice, then says saved once the call succeeds', async () => {
    const { steps, saving } = recorded();
    let calledAfterClearing = false;
    await saving.run(['name'], async () => {
      calledAfterClearing = steps.length === 2;
    });
    expect(calledAfterClearing).toBe(true);
    expect(steps).toEqual([['errors', NO_ERRORS], ['saved', false], ['saved', true]]);
  });

  it('places a failure beside the field the server named, or on the form', async () => {
    const { steps, saving } = recorded();
    await saving.run(['name', 'label'], () => Promise.reject(new ApiError({ status: 400, detail: 'taken', field: 'label' })));
    expect(steps).toEqual([['errors', NO_ERRORS], ['saved', false], ['errors', { fields: { label: 'taken' }, form: null }]]);

    const other = recorded();
    await other.saving.run(['name'], () => Promise.reject(new Error('offline')));
    expect(other.steps.at(-1)).toEqual(['errors', { fields: {}, form: 'offline' }]);
  });

  it('maps the server\'s field names to the form\'s', async () => {
    const { steps, saving } = recorded();
    await saving.run(['user'], () => Promise.reject(new ApiError({ status: 400, detail: 'bad', field: 'name' })),
      (field) => (field === 'name' ? 'user' : field));
    expect(steps.at(-1)).toEqual(['errors', { fields: { user: 'bad' }, form: null }]);
  });

  it('refuses with a message beside a field or on the form, and no notice', () => {
    const { steps, saving } = recorded();
    saving.refuse('code', 'Required');
    saving.refuse(null, 'Not JSON');
    expect(steps).toEqual([
      ['errors', { fields: { code: 'Required' }, form: null }], ['saved', false],
      ['errors', { fields: {}, form: 'Not JSON' }], ['saved', false],
    ]);
  });

  it('resets both, and shows a failure on the form leaving the notice', () => {
    const { steps, saving } = recorded();
    saving.reset();
    saving.fail(new ApiError({ status: 500, detail: 'down', field: 'name' }));
    expect(steps).toEqual([['errors', NO_ERRORS], ['saved', false], ['errors', { fields: {}, form: 'down' }]]);
  });

  it('builds one message errors', () => {
    expect(errorOn('name', 'x')).toEqual({ fields: { name: 'x' }, form: null });
    expect(errorOn(null, 'x')).toEqual({ fields: {}, form: 'x' });
  });
});
