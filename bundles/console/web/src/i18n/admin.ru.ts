import type { adminEn } from './admin.en';

// Русские тексты администрирования и отчётов.
export const adminRu: Record<keyof typeof adminEn, string> = {
  'admin.agents': 'Операторы',
  'admin.groups': 'Группы',
  'admin.skills': 'Навыки',
  'admin.queues': 'Очереди',
  'admin.reasons': 'Причины неготовности',
  'admin.dispositions': 'Результаты обращений',
  'admin.flows': 'Сценарии',
  'admin.entryPoints': 'Точки входа',
  'admin.users': 'Пользователи',
  'reports.title': 'Отчёты',
  'reports.queues': 'Очереди за сегодня',
  'reports.agentStates': 'Время операторов в статусах за сегодня',
  'reports.csv': 'Скачать CSV',
  'reports.minutes': 'минуты',
};
