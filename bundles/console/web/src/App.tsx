import { useEffect, useMemo, useState } from 'preact/hooks';
import { initialLanguage, translate, type Language, type MessageKey } from './i18n';
import { Api } from './lib/api';
import { Console, type ConsoleContext } from './lib/context';
import { useHash } from './lib/hooks';
import type { SessionView } from './lib/model';
import { clearSession, loadSession, saveSession, screenOf, screensFor, type Screen, type Session } from './lib/session';
import { SignIn } from './views/SignIn';
import { AgentDesktop } from './views/AgentDesktop';
import { Wallboard } from './views/Wallboard';
import { AgentGrid } from './views/AgentGrid';
import { lazyView } from './components/Lazy';

const Admin = lazyView(() => import('./views/Admin').then((module) => module.Admin));
const Reports = lazyView(() => import('./views/Reports').then((module) => module.Reports));

const LANGUAGE_KEY = 'switchboard.language';

const NAV: Record<Screen, MessageKey> = {
  desktop: 'nav.desktop',
  wallboard: 'nav.wallboard',
  agents: 'nav.agents',
  reports: 'nav.reports',
  admin: 'nav.admin',
};

/** The console: sign-in, then the screens the user's role allows, in English or Russian. */
export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession(sessionStorage));
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [language, setLanguage] = useState<Language>(() =>
    initialLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? []));
  const hash = useHash();

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);

  const expire = () => {
    clearSession(sessionStorage);
    setSession(null);
    setNotice('signIn.expired');
  };

  const api = useMemo(() => new Api(() => session?.token ?? null, expire), [session]);

  // The session ends at its maximum age even when nothing is called.
  useEffect(() => {
    if (!session) {
      return;
    }
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(expire, Math.max(0, Math.min(left, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session]);

  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const switchLanguage = () => setLanguage(language === 'en' ? 'ru' : 'en');

  if (!session) {
    return (
      <SignIn
        t={t}
        notice={notice}
        onSwitchLanguage={switchLanguage}
        onSignedIn={(view: SessionView) => {
          setNotice(null);
          setSession(saveSession(sessionStorage, view));
        }}
      />
    );
  }

  const signOut = async () => {
    try {
      await api.delete('/v1/auth/session');
    } catch {
      // Signed out locally either way.
    }
    clearSession(sessionStorage);
    setSession(null);
    setNotice('signIn.signedOut');
  };

  const screens = screensFor(session);
  const { screen, rest } = screenOf(hash, screens);
  const context: ConsoleContext = { api, session, language, t };

  return (
    <Console.Provider value={context}>
      <header class="top">
        <span class="brand">{t('app.title')}</span>
        <nav>
          {screens.map((name) => (
            <a href={`#/${name}`} class={name === screen ? 'active' : ''} aria-current={name === screen ? 'page' : undefined}>
              {t(NAV[name])}
            </a>
          ))}
        </nav>
        <span class="spacer" />
        <button type="button" class="link" id="language" onClick={switchLanguage}>{t('lang.switch')}</button>
        <span class="user" id="user">{session.user}</span>
        <button type="button" class="link" id="sign-out" onClick={signOut}>{t('nav.signOut')}</button>
      </header>
      <main class={`screen screen-${screen ?? 'none'}`}>
        {screen === 'desktop' && <AgentDesktop />}
        {screen === 'wallboard' && <Wallboard only={decodeURIComponent(rest)} />}
        {screen === 'agents' && <AgentGrid />}
        {screen === 'reports' && <Reports />}
        {screen === 'admin' && <Admin section={rest} />}
      </main>
    </Console.Provider>
  );
}
