/** An optimisation file (clwsim optimise FILE) and the area it names, read and checked like every input. */
import { InputError } from '../scenario/errors.js';
import { checkOptimiseFile, type OptimiseSpec } from '../scenario/optimiseFile.js';
import type { Scenario } from '../model/scenario.js';
import type { Overrides } from '../scenario/build.js';
import { readYaml } from './yaml.js';
import { loadScenario, referredPath } from './scenario.js';

export function loadOptimise(file: string, o: Overrides = {}): { spec: OptimiseSpec; area: Scenario; areaFile: string } {
  const spec = checkOptimiseFile(file, readYaml(file));
  const areaFile = referredPath(file, spec.area);
  const area = loadScenario(areaFile, o, `${file}: area`);
  const orgs = area.organisations;
  if (!orgs) throw new InputError(`${file}: area: ${spec.area} has no register of organisations; expected an area.yaml with organisations: organisations.csv`);
  const total = orgs.reduce((a, g) => a + g.grant, 0);
  if (spec.savingGbp >= total) throw new InputError(`${file}: saving_gbp: expected less than the area's grants (£${Math.round(total)} a year), got ${spec.savingGbp}`);
  if (spec.windowWeeks > area.weeks - 1) throw new InputError(`${file}: window_weeks: expected fewer weeks than the horizon (${area.weeks}), got ${spec.windowWeeks}`);
  const from = spec.fromWeek ?? Math.max(1, area.warmup);
  if (from > area.weeks - spec.windowWeeks) throw new InputError(`${file}: from_week: expected the saving to start before the weeks compared (${area.weeks - spec.windowWeeks + 1}-${area.weeks}), got ${from}`);
  return { spec, area, areaFile };
}
