/**
 * Parameters that the model uses only through their product: moving either one by x% is the same
 * change to the model, so the assumptions ranking perturbs one of each group and lists it once.
 * Declared here, in one place; tests/report/twins.test.ts checks each group against the model
 * (same seed, either member raised alike: identical results).
 */
export interface TwinGroup {
  /** The members, in order of preference for the one that is moved and listed. */
  paths: string[];
  /** Why they are one lever, for the report's note. */
  why: string;
}

export const TWINS: TwinGroup[] = [
  {
    paths: ['demand.level', 'demand.referralsPerClwWeek'],
    why: 'the model\'s referral rate is their product (src/model/mechanisms/demand.ts)',
  },
];

/** The group a parameter belongs to, if any. */
export const twinGroup = (path: string): TwinGroup | undefined => TWINS.find((g) => g.paths.includes(path));

/** The other members of a parameter's group (empty when it has none). */
export const twinsOf = (path: string): string[] => twinGroup(path)?.paths.filter((p) => p !== path) ?? [];

/**
 * Keeps one parameter of each group among `candidates` (the first of the group's order present),
 * and drops a whole group when any member is `fixed` (e.g. drawn from a posterior, whose
 * uncertainty is already in the comparison: moving its twin would move the same lever again).
 */
export function oneOfEachTwin<T extends { path: string }>(candidates: T[], fixed: Set<string> = new Set()): T[] {
  return candidates.filter((c) => {
    const g = twinGroup(c.path);
    if (!g) return true;
    if (g.paths.some((p) => fixed.has(p))) return false;
    return g.paths.find((p) => candidates.some((x) => x.path === p)) === c.path;
  });
}
