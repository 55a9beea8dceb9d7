/** Sweep files on disk: read the YAML, resolve its base scenario, check it (src/scenario/sweep.ts). */
import { checkSweep, sweepScenarioPath, type Sweep, type SweepMode, type SweepOverrides } from '../scenario/sweep.js';
import { readYaml } from './yaml.js';
import { loadScenario, referredPath } from './scenario.js';

export function loadSweep(file: string, o: SweepOverrides = {}, mode: SweepMode = 'sweep'): Sweep {
  const raw = readYaml(file);
  const path = sweepScenarioPath(file, raw);
  const scenarioFile = referredPath(file, path);
  return checkSweep(file, raw, scenarioFile, (ov) => loadScenario(scenarioFile, ov, `${file}: scenario`), o, mode);
}
