/**
 * The priority steps of one cycle, lowest first: every class value of the policy plus any job
 * priority that names no class, so each distinct priority is one step and aging moves a job one
 * step at a time whatever the gaps between class values.
 */
export interface ClassLadder {
  /** Index of the highest step. */
  readonly top: number;
  levelOf(priority: number): number;
  /** The class name of a step; steps above the top (reached only by aging) read `critical+2`. */
  nameOf(level: number): string;
}

export function classLadder(classes: Record<string, number>, priorities: Iterable<number>): ClassLadder {
  const namesByValue = new Map<number, string>();
  // Sorted names so two classes sharing a value always show the same name.
  for (const name of Object.keys(classes).sort()) {
    const value = classes[name];
    if (value !== undefined && !namesByValue.has(value)) namesByValue.set(value, name);
  }
  const values = new Set<number>(namesByValue.keys());
  for (const priority of priorities) values.add(priority);
  const ascending = [...values].sort((a, b) => a - b);
  const levels = new Map<number, number>(ascending.map((value, level) => [value, level]));
  const top = Math.max(0, ascending.length - 1);
  const nameAt = (level: number): string => {
    const value = ascending[level] ?? 0;
    return namesByValue.get(value) ?? `priority ${value}`;
  };
  return {
    top,
    levelOf: (priority) => levels.get(priority) ?? 0,
    nameOf: (level) => (level <= top ? nameAt(Math.max(0, level)) : `${nameAt(top)}+${level - top}`),
  };
}
