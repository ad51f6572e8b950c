import { useEffect, useState } from 'preact/hooks';
import { Field, NO_ERRORS } from '../../components/Form';
import { useSaving } from '../../components/useSaving';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { Skill } from '../../lib/model';
import { ConfirmDelete, RowActions } from './parts';

/** The skills catalogue: a list, and a form to add or describe one. */
export function SkillsAdmin() {
  const { api, t } = useConsole();
  const [skills, setSkills] = useState<Skill[]>([]);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { errors, saved, setErrors, run, fail } = useSaving();
  const [deleting, setDeleting] = useState<string | null>(null);

  const load = () => api.get<Skill[]>('/v1/skills').then(setSkills, fail);
  useEffect(() => {
    load();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    await run(['name', 'description'], async () => {
      await api.put(`/v1/skills/${seg(name.trim())}`, { description });
      setName('');
      setDescription('');
      load();
    });
  };

  const remove = async (skill: string) => {
    setErrors(NO_ERRORS);
    await api.delete(`/v1/skills/${seg(skill)}`);
    await load();
  };

  return (
    <section class="card">
      <h2>{t('admin.skills')}</h2>
      <table class="list">
        <tbody>
          {skills.map((skill) => (
            <tr data-skill={skill.name}>
              <td><strong>{skill.name}</strong></td>
              <td>{skill.description}</td>
              <RowActions onEdit={() => { setName(skill.name); setDescription(skill.description ?? ''); }}
                onDelete={() => setDeleting(skill.name)} />
            </tr>
          ))}
        </tbody>
      </table>
      <form class="form" onSubmit={save} id="skill-form">
        <Field id="skill-name" label={t('admin.name')} error={errors.fields.name}>
          <input id="skill-name" required value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </Field>
        <Field id="skill-description" label={t('admin.description')} error={errors.fields.description}>
          <input id="skill-description" value={description} onInput={(e) => setDescription((e.target as HTMLInputElement).value)} />
        </Field>
        {errors.form && <p class="error" role="alert">{errors.form}</p>}
        {saved && <p class="notice" role="status">{t('common.saved')}</p>}
        <button type="submit" class="primary">{t('common.save')}</button>
      </form>
      {deleting && <ConfirmDelete name={deleting} onConfirm={() => remove(deleting)} onClose={() => setDeleting(null)} />}
    </section>
  );
}
