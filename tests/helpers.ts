import { loadScenario, type Overrides } from '../src/io/scenario.js';
import type { Scenario } from '../src/model/scenario.js';

/** A bundled scenario, shortened for tests. */
export function scenario(name: string, o: Overrides = {}): Scenario {
  return loadScenario(`scenarios/${name}.yaml`, o);
}
