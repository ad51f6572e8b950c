import type { MessageKey } from '../i18n';
import { useConsole } from '../lib/context';
import { AgentsAdmin } from './admin/AgentsAdmin';
import { CodesAdmin } from './admin/CodesAdmin';
import { EntryPointsAdmin } from './admin/EntryPointsAdmin';
import { FlowsAdmin } from './admin/FlowsAdmin';
import { GroupsAdmin } from './admin/GroupsAdmin';
import { QueuesAdmin } from './admin/QueuesAdmin';
import { SkillsAdmin } from './admin/SkillsAdmin';
import { UsersAdmin } from './admin/UsersAdmin';

type Section = 'agents' | 'groups' | 'skills' | 'queues' | 'reasons' | 'dispositions' | 'flows' | 'entry-points' | 'users';

/** The administration sections, each a list with a form, in menu order. */
const SECTIONS: { path: Section; label: MessageKey }[] = [
  { path: 'agents', label: 'admin.agents' },
  { path: 'groups', label: 'admin.groups' },
  { path: 'skills', label: 'admin.skills' },
  { path: 'queues', label: 'admin.queues' },
  { path: 'reasons', label: 'admin.reasons' },
  { path: 'dispositions', label: 'admin.dispositions' },
  { path: 'flows', label: 'admin.flows' },
  { path: 'entry-points', label: 'admin.entryPoints' },
  { path: 'users', label: 'admin.users' },
];

/** Administration: a menu of sections on the left (`#/admin/<section>`), the chosen section's editor beside it. */
export function Admin({ section }: { section: string }) {
  const { t } = useConsole();
  const [first, ...rest] = section.split('/');
  const current = SECTIONS.find((entry) => entry.path === first) ?? SECTIONS[0];
  const detail = rest.length > 0 && rest.join('/') ? decodeURIComponent(rest.join('/')) : null;
  return (
    <div class="admin">
      <nav class="side" aria-label={t('nav.admin')}>
        {SECTIONS.map((entry) => (
          <a href={`#/admin/${entry.path}`} class={entry === current ? 'active' : ''} aria-current={entry === current ? 'page' : undefined}>
            {t(entry.label)}</a>
        ))}
      </nav>
      <div class="admin-body" data-section={current.path}>
        <SectionView section={current.path} detail={detail} />
      </div>
    </div>
  );
}

/** The editor of one section. */
function SectionView({ section, detail }: { section: Section; detail: string | null }) {
  switch (section) {
    case 'agents':
      return <AgentsAdmin />;
    case 'groups':
      return <GroupsAdmin />;
    case 'skills':
      return <SkillsAdmin />;
    case 'queues':
      return <QueuesAdmin />;
    case 'reasons':
    case 'dispositions':
      return <CodesAdmin key={section} kind={section} />;
    case 'flows':
      return <FlowsAdmin selected={detail} />;
    case 'entry-points':
      return <EntryPointsAdmin />;
    case 'users':
      return <UsersAdmin />;
  }
}
