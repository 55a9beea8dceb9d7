/**
 * Scenario files: YAML (or JSON) with `extends`, read here and checked by src/scenario (the
 * same checks the explorer and worker threads run). Every error is one line naming the file,
 * the field path and what was expected.
 */
import { dirname, resolve, basename, extname, relative } from 'node:path';
import { InputError } from '../scenario/errors.js';
import { layerFromRaw, scenarioFromLayers, type Layer, type Overrides } from '../scenario/build.js';
import type { Scenario } from '../model/scenario.js';
import { readYaml, type ReferredBy } from './yaml.js';

/** The chain of files, base first; `extends` is resolved relative to the file that names it. */
export function loadLayers(file: string, by?: ReferredBy, seen: string[] = []): Layer[] {
  const abs = resolve(file);
  if (seen.includes(abs)) throw new InputError(`${by ?? file}: extends: cycle (${[...seen, abs].map((f) => basename(f)).join(' → ')})`);
  const layer = layerFromRaw(by ? `${by}: ${file}` : file, readYaml(file, by));
  layer.file = file;
  if (layer.extends === undefined) return [layer];
  const target = resolve(dirname(abs), layer.extends);
  const shown = relative(process.cwd(), target) || target;
  return [...loadLayers(/^[a-z][a-z0-9+.-]*:\/\//i.test(layer.extends) ? layer.extends : shown, `${file}: extends`, [...seen, abs]), layer];
}

/** Load, merge (`extends`), override and validate a scenario file. */
export function loadScenario(file: string, o: Overrides = {}, by?: ReferredBy): Scenario {
  return scenarioFromLayers(loadLayers(file, by), o, basename(file, extname(file)));
}

export type { Overrides };
