import { loadScenario, type Overrides } from '../src/io/scenario.js';
import type { Scenario } from '../src/model/scenario.js';

/** A bundled scenario, shortened for tests (a horizon no longer than the warm-up, 104 weeks, gets no warm-up). */
export function scenario(name: string, o: Overrides = {}): Scenario {
  const warmup = o.warmup ?? (o.weeks !== undefined && o.weeks <= 104 ? 0 : undefined);
  return loadScenario(`scenarios/${name}.yaml`, { ...o, warmup });
}
