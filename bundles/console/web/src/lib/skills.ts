/** Skills as a person types them, "russian=8, returns=5", and back. */
export function skillsText(skills: Record<string, number>): string {
  return Object.entries(skills).sort(([a], [b]) => a.localeCompare(b)).map(([skill, level]) => `${skill}=${level}`).join(', ');
}

/** Reads "russian=8, returns" (a skill without a level counts 5); names an entry that cannot be read. */
export function parseSkills(text: string): { skills: Record<string, number> } | { error: string } {
  const skills: Record<string, number> = {};
  for (const part of text.split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const match = /^([\p{L}\p{N}_.-]+)\s*(?:[=:]\s*(\d+))?$/u.exec(part);
    if (!match) {
      return { error: `"${part}": write skill=level, e.g. russian=8` };
    }
    const level = match[2] === undefined ? 5 : Number(match[2]);
    if (level < 1 || level > 10) {
      return { error: `"${part}": the level is 1 to 10` };
    }
    skills[match[1]] = level;
  }
  return { skills };
}
