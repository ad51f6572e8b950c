import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../components/Form';
import { useSaving } from '../../components/useSaving';
import { ROLES, userBody, userOf } from '../../lib/admin';
import { ApiError, seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { Role, User } from '../../lib/model';
import { Editor, FormFooter, RowActions, useDeleting, valueOf } from './parts';

/** Users who sign in, and their roles: a list, and a form to add one, set a password or change roles. */
export function UsersAdmin() {
  const { api, session, t } = useConsole();
  const [users, setUsers] = useState<User[]>([]);
  const [missing, setMissing] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['agent']);
  const [editing, setEditing] = useState(false);
  const { errors, saved, setSaved, run, reset, refuse, fail } = useSaving();

  const load = () => api.get<{ name?: string; user?: string; roles?: string[] }[]>('/v1/users').then(
    (list) => setUsers(list.map(userOf).sort((a, b) => a.name.localeCompare(b.name))),
    (e) => (e instanceof ApiError && e.status === 404 ? setMissing(true) : fail(e)),
  );
  useEffect(() => {
    load();
  }, []);

  const edit = (user: User | null) => {
    setName(user?.name ?? '');
    setRoles(user?.roles ?? ['agent']);
    setPassword('');
    setEditing(!!user);
    reset();
  };
  const deleting = useDeleting('/v1/users', { current: name, close: () => edit(null), reload: load });

  if (missing) {
    return (
      <section class="card">
        <h2>{t('admin.users')}</h2>
        <p class="notice" role="status" id="users-missing">{t('admin.usersMissing')}</p>
      </section>
    );
  }

  const save = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      refuse('name', t('admin.required'));
      return;
    }
    if (!editing && !password) {
      refuse('password', t('admin.passwordNeeded'));
      return;
    }
    await run(['name', 'password', 'roles'], async () => {
      await api.put(`/v1/users/${seg(name.trim())}`, userBody(password, roles));
      setEditing(true);
      setPassword('');
      load();
    });
  };

  const toggle = (role: Role, on: boolean) => {
    setRoles((current) => ROLES.filter((candidate) => (candidate === role ? on : current.includes(candidate))));
    setSaved(false);
  };

  return (
    <Editor
      title={t('admin.users')}
      onNew={() => edit(null)}
      newLabel={t('admin.newUser')}
      list={(
        <table class="list users-list">
          <thead><tr><th>{t('admin.userName')}</th><th>{t('admin.roles')}</th><th /></tr></thead>
          <tbody>
            {users.map((user) => (
              <tr data-user={user.name} class={editing && user.name === name ? 'selected' : ''}>
                <td><strong>{user.name}</strong></td>
                <td>{user.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
                <RowActions onEdit={() => edit(user)}
                  onDelete={user.name !== session.user ? () => deleting.ask(user.name) : undefined} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      form={(
        <form class="admin-form" id="user-form" onSubmit={save} noValidate>
          <h3>{editing ? name : t('admin.newUser')}</h3>
          <Field id="user-name" label={t('admin.userName')} error={errors.fields.name}>
            <input id="user-name" value={name} readOnly={editing} autocomplete="off" onInput={(e) => setName(valueOf(e))} />
          </Field>
          <Field id="user-password" label={editing ? t('admin.newPassword') : t('signIn.password')} error={errors.fields.password}>
            <input id="user-password" type="password" autocomplete="new-password" value={password}
              onInput={(e) => setPassword(valueOf(e))} />
          </Field>
          <fieldset class={errors.fields.roles ? 'invalid' : ''}>
            <legend>{t('admin.roles')}</legend>
            {ROLES.map((role) => (
              <label class="check"><input type="checkbox" id={`user-role-${role}`} checked={roles.includes(role)}
                onChange={(e) => toggle(role, (e.target as HTMLInputElement).checked)} /> {t(`role.${role}`)}</label>
            ))}
            {errors.fields.roles && <p class="field-error" role="alert">{errors.fields.roles}</p>}
          </fieldset>
          <FormFooter errors={errors} saved={saved} />
          {deleting.dialog}
        </form>
      )}
    />
  );
}
