import { en, type MessageKey } from './en';
import { ru } from './ru';

export type Language = 'en' | 'ru';
export type { MessageKey };

const catalogues: Record<Language, Record<MessageKey, string>> = { en, ru };

/** Looks up a text and fills `{name}` placeholders; an unknown key shows itself so it is noticed. */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = catalogues[language][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The language to start in: the one chosen before, else the browser's if Russian, else English. */
export function initialLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (saved === 'en' || saved === 'ru') {
    return saved;
  }
  return browserLanguages.some((language) => language.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

/** Formats a span of seconds as m:ss, or h:mm:ss from an hour on. */
export function duration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
