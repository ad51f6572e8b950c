import { useConsole } from '../../lib/context';
import type { Skill } from '../../lib/model';
import { valueOf } from './parts';

/** Skills with a level each (1–10): a row per skill, and a choice from the catalogue to add one. */
export function SkillLevels({ id, value, onChange, catalogue, errors = {} }: {
  id: string;
  value: Record<string, number>;
  onChange: (value: Record<string, number>) => void;
  catalogue: Skill[];
  errors?: Record<string, string | undefined>;
}) {
  const { t } = useConsole();
  const free = catalogue.filter((skill) => !(skill.name in value));
  const set = (skill: string, level: number) => onChange({ ...value, [skill]: level });
  const remove = (skill: string) => {
    const next = { ...value };
    delete next[skill];
    onChange(next);
  };
  return (
    <div class="skill-levels" id={id}>
      {Object.entries(value).map(([skill, level]) => (
        <div class={`skill-row${errors[skill] ? ' invalid' : ''}`} data-skill={skill}>
          <label for={`${id}-${skill}`} title={catalogue.find((entry) => entry.name === skill)?.description ?? ''}>{skill}</label>
          <input type="range" min={1} max={10} value={level} aria-hidden="true" tabIndex={-1}
            onInput={(e) => set(skill, Number(valueOf(e)))} />
          <input type="number" id={`${id}-${skill}`} class="level" min={1} max={10} value={level}
            onInput={(e) => set(skill, Number(valueOf(e)))} />
          <button type="button" class="link danger" aria-label={t('admin.removeItem', { name: skill })} onClick={() => remove(skill)}>×</button>
          {errors[skill] && <span class="field-error" role="alert">{errors[skill]}</span>}
        </div>
      ))}
      {free.length > 0 && (
        <select id={`${id}-add`} aria-label={t('admin.addSkill')} value=""
          onChange={(e) => {
            const skill = valueOf(e);
            if (skill) {
              set(skill, 5);
            }
          }}>
          <option value="">{t('admin.addSkill')}</option>
          {free.map((skill) => <option value={skill.name}>{skill.name}{skill.description ? ` — ${skill.description}` : ''}</option>)}
        </select>
      )}
    </div>
  );
}
