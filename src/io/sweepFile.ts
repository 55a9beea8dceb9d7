/** Sweep files on disk: read the YAML, resolve its base scenario, check it (src/scenario/sweep.ts). */
import { dirname, relative, resolve } from 'node:path';
import { checkSweep, sweepScenarioPath, type Sweep, type SweepMode, type SweepOverrides } from '../scenario/sweep.js';
import { readYaml } from './yaml.js';
import { loadScenario } from './scenario.js';

export function loadSweep(file: string, o: SweepOverrides = {}, mode: SweepMode = 'sweep'): Sweep {
  const raw = readYaml(file);
  const path = sweepScenarioPath(file, raw);
  const abs = resolve(dirname(file), path);
  const scenarioFile = /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : relative(process.cwd(), abs) || abs;
  return checkSweep(file, raw, scenarioFile, (ov) => loadScenario(scenarioFile, ov, `${file}: scenario`), o, mode);
}
