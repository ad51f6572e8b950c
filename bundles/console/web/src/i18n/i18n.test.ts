import { describe, expect, it } from 'vitest';
import { duration, initialLanguage, translate } from '.';
import { en } from './en';
import { ru } from './ru';

describe('translations', () => {
  it('has every English text in Russian, and each Russian text filled', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(ru)) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('keeps the placeholders of each text in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'desktop.handled', { count: 3 })).toBe('Handled today: 3');
    expect(translate('ru', 'desktop.handled', { count: 3 })).toBe('Обработано сегодня: 3');
    expect(translate('en', 'desktop.handled')).toBe('Handled today: {count}');
  });

  it('starts in the saved language, else Russian for a Russian browser, else English', () => {
    expect(initialLanguage('en', ['ru-RU'])).toBe('en');
    expect(initialLanguage(null, ['ru-RU', 'en'])).toBe('ru');
    expect(initialLanguage('de', ['de-DE'])).toBe('en');
  });
});

describe('duration', () => {
  it('shows minutes and seconds, and hours from an hour on', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(65.9)).toBe('1:05');
    expect(duration(3600 + 61)).toBe('1:01:01');
    expect(duration(-5)).toBe('0:00');
  });
});
