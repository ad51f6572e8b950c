import type { MessageKey } from '../i18n';
import { useConsole } from '../lib/context';
import { SkillsAdmin } from './admin/SkillsAdmin';

/** The administration sections, each a list with a form. */
const SECTIONS: { path: string; label: MessageKey }[] = [
  { path: 'skills', label: 'admin.skills' },
];

export function Admin({ section }: { section: string }) {
  const { t } = useConsole();
  const current = SECTIONS.find((entry) => section.startsWith(entry.path)) ?? SECTIONS[0];
  return (
    <div class="admin">
      <nav class="side">
        {SECTIONS.map((entry) => (
          <a href={`#/admin/${entry.path}`} class={entry === current ? 'active' : ''}>{t(entry.label)}</a>
        ))}
      </nav>
      <div class="admin-body">
        {current.path === 'skills' && <SkillsAdmin />}
      </div>
    </div>
  );
}
