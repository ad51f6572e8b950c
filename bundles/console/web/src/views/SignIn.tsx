import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../i18n';
import { Api, ApiError } from '../lib/api';
import type { SessionView } from '../lib/model';

interface Props {
  t: (key: MessageKey) => string;
  notice: MessageKey | null;
  onSignedIn: (session: SessionView) => void;
  onSwitchLanguage: () => void;
}

/** The sign-in form; the same users as the REST API and the SSH console. */
export function SignIn({ t, notice, onSignedIn, onSwitchLanguage }: Props) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    // The console is usable from here on: the browser tests read this mark.
    performance.mark('console-interactive');
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const api = new Api(() => null, () => undefined);
      onSignedIn(await api.post<SessionView>('/v1/auth/session', { username: user, password }));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('signIn.wrong') : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="sign-in-page">
      <form class="card sign-in" onSubmit={submit} autocomplete="on">
        <h1>{t('app.title')}</h1>
        <h2>{t('signIn.title')}</h2>
        {notice && <p class="notice" role="status">{t(notice)}</p>}
        <label for="username">{t('signIn.user')}</label>
        <input id="username" name="username" ref={first} autocomplete="username" required value={user}
          onInput={(e) => setUser((e.target as HTMLInputElement).value)} />
        <label for="password">{t('signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        {error && <p class="error" role="alert" id="sign-in-error">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{t('signIn.submit')}</button>
        <button type="button" class="link" id="language" onClick={onSwitchLanguage}>{t('lang.switch')}</button>
      </form>
    </div>
  );
}
