import type { Role, SessionView } from './model';

const KEY = 'switchboard.session';

/** The signed-in user's session, kept for the browser tab only (sessionStorage). */
export interface Session {
  token: string;
  user: string;
  roles: Role[];
  expiresAt: string;
}

export function loadSession(storage: Storage, now: number = Date.now()): Session | null {
  const raw = storage.getItem(KEY);
  if (!raw) {
    return null;
  }
  try {
    const session = JSON.parse(raw) as Session;
    return isExpired(session, now) ? null : session;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, view: SessionView): Session {
  const session: Session = { token: view.token, user: view.user, roles: view.roles, expiresAt: view.expiresAt };
  storage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function clearSession(storage: Storage): void {
  storage.removeItem(KEY);
}

export function isExpired(session: Session, now: number = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}

/** Whether the session holds the role; admin includes supervisor includes agent, as on the server. */
export function hasRole(session: Session | null, role: Role): boolean {
  return !!session && session.roles.some((held) => RANK.indexOf(held) >= RANK.indexOf(role));
}

const RANK: Role[] = ['agent', 'supervisor', 'admin'];

/** The screens a user may open, in menu order: the role decides what is shown. */
export function screensFor(session: Session | null): Screen[] {
  const screens: Screen[] = [];
  if (hasRole(session, 'agent')) {
    screens.push('desktop');
  }
  if (hasRole(session, 'supervisor')) {
    screens.push('wallboard', 'agents', 'reports');
  }
  if (hasRole(session, 'admin')) {
    screens.push('admin');
  }
  return screens;
}

export type Screen = 'desktop' | 'wallboard' | 'agents' | 'reports' | 'admin';

/** The screen a location hash names, if the user may see it; else their first screen. */
export function screenOf(hash: string, allowed: Screen[]): { screen: Screen | null; rest: string } {
  const path = hash.replace(/^#\/?/, '');
  const [first, ...rest] = path.split('/');
  const wanted = allowed.find((screen) => screen === first);
  return { screen: wanted ?? allowed[0] ?? null, rest: wanted ? rest.join('/') : '' };
}
