/**
 * An optimisation file (clwsim optimise FILE): the area, the saving required from its grants and
 * the harm measure the search minimises, a weighted sum of what a saving costs people and the
 * public purse, each term the change against the area as it is (paired replications), a year:
 *
 *   harm = gp_costs × Δ £ GP consultations + statutory_costs × Δ £ other statutory contacts
 *        + people_not_served × (people starting a TSO programme at baseline − with the saving)
 *        + dropouts × Δ drop-outs + closures × Δ organisations closed by the end of the run
 *
 * in £ a year (the weights turn people and closures into £: value judgements, documented below,
 * to be set locally). Checked like every input: one line naming the file and field. Node-free.
 */
import { InputError, isObj, show, keysOnly, intField } from './errors.js';
import { checkName, checkText } from './checks.js';

export interface HarmWeights {
  gp_costs: number;
  statutory_costs: number;
  people_not_served: number;
  dropouts: number;
  closures: number;
}

/** The defaults, each with its unit and why. */
export const HARM_DEFAULTS: Record<keyof HarmWeights, { value: number; unit: string; why: string }> = {
  gp_costs: { value: 1, unit: 'per £', why: 'GP consultations at costs.gpConsultation (£42, Evidence §1d): money, counted at face value' },
  statutory_costs: { value: 1, unit: 'per £', why: 'other statutory contacts (A&E, social work, police) at costs.statutoryContact (£100, an assumption): counted at face value' },
  people_not_served: { value: 1000, unit: '£ per person a year', why: 'about what a programme place costs per person served (the model\'s cost per place × programme length: crisis £14,000 × 4/52 ≈ £1,080, MH £7,000 × 12/52 ≈ £1,620, activity £3,000 × 10/52 ≈ £580; Evidence §4 £80-£3,000 per person-year): a value judgement, their extra GP use is counted apart' },
  dropouts: { value: 250, unit: '£ per drop-out', why: 'a quarter of a person not served: part of a place used, need left unmet (an assumption)' },
  closures: { value: 50000, unit: '£ per organisation closed', why: 'capacity that does not come back (the model never reopens a closed TSO): about two thirds of a mean grant (£70k, Evidence §1d), an assumption' },
};
export const HARM_KEYS = Object.keys(HARM_DEFAULTS) as Array<keyof HarmWeights>;

export interface OptimiseSpec {
  file: string;
  name: string;
  description: string;
  /** The area file as written (io/ resolves it relative to `file`). */
  area: string;
  /** £ a year to take from the grants. */
  savingGbp: number;
  /** Week the saving starts (undefined: the area's warm-up, where its results begin). */
  fromWeek?: number;
  /** The last this many weeks are compared (a year by default). */
  windowWeeks: number;
  harm: HarmWeights;
}

const TOP = ['name', 'description', 'area', 'saving_gbp', 'from_week', 'window_weeks', 'harm'];

export function checkOptimiseFile(file: string, raw: unknown): OptimiseSpec {
  if (!isObj(raw)) throw new InputError(`${file}: expected a mapping with area, saving_gbp and harm, got ${show(raw)}`);
  keysOnly(file, '(top level)', raw, TOP);
  if (typeof raw.area !== 'string' || raw.area.trim() === '') throw new InputError(`${file}: area: expected the path of an area.yaml (a scenario with organisations:), got ${show(raw.area)}`);
  const s = raw.saving_gbp;
  if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0 || s > 1e9) throw new InputError(`${file}: saving_gbp: expected the saving required, £ a year, above 0, got ${show(s)}`);
  const harm = Object.fromEntries(HARM_KEYS.map((k) => [k, HARM_DEFAULTS[k].value])) as unknown as HarmWeights;
  if (raw.harm !== undefined) {
    if (!isObj(raw.harm)) throw new InputError(`${file}: harm: expected a mapping of weights (${HARM_KEYS.join(', ')}), got ${show(raw.harm)}`);
    keysOnly(file, 'harm', raw.harm, HARM_KEYS);
    for (const [k, v] of Object.entries(raw.harm)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1e9) throw new InputError(`${file}: harm.${k}: expected a weight ≥ 0 (${HARM_DEFAULTS[k as keyof HarmWeights].unit}), got ${show(v)}`);
      harm[k as keyof HarmWeights] = v;
    }
  }
  if (HARM_KEYS.every((k) => harm[k] === 0)) throw new InputError(`${file}: harm: expected at least one weight above 0 (every weight 0 makes every allocation equally good)`);
  return {
    file,
    name: raw.name === undefined ? 'optimise' : checkName(file, raw.name),
    description: raw.description === undefined ? '' : checkText(file, 'description', raw.description, 2000),
    area: raw.area,
    savingGbp: s,
    fromWeek: raw.from_week === undefined ? undefined : intField(`${file}: from_week`, raw.from_week, 1, 5200),
    windowWeeks: raw.window_weeks === undefined ? 52 : intField(`${file}: window_weeks`, raw.window_weeks, 1, 5200),
    harm,
  };
}
