import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language, MessageKey } from '../i18n';
import type { Api } from './api';
import type { Session } from './session';

/** What every screen needs: the API, the signed-in user and the texts in the chosen language. */
export interface ConsoleContext {
  api: Api;
  session: Session;
  language: Language;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

export const Console = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const context = useContext(Console);
  if (!context) {
    throw new Error('useConsole outside the console');
  }
  return context;
}
