/**
 * Scenario files: YAML (or JSON) with `extends`, read here and checked by src/scenario (the
 * same checks the explorer and worker threads run). Every error is one line naming the file,
 * the field path and what was expected.
 */
import { dirname, resolve, basename, extname, relative, isAbsolute } from 'node:path';
import { InputError } from '../scenario/errors.js';
import { layerFromRaw, scenarioFromLayers, type Layer, type Overrides } from '../scenario/build.js';
import type { Scenario } from '../model/scenario.js';
import { readYaml, type ReferredBy } from './yaml.js';
import { readRegister } from './register.js';

/** The chain of files, base first; `extends` is resolved relative to the file that names it. */
export function loadLayers(file: string, by?: ReferredBy, seen: string[] = []): Layer[] {
  const abs = resolve(file);
  if (seen.includes(abs)) throw new InputError(`${by ?? file}: extends: cycle (${[...seen, abs].map((f) => basename(f)).join(' → ')})`);
  const layer = layerFromRaw(by ? `${by}: ${file}` : file, readYaml(file, by));
  layer.file = file;
  if (layer.organisations !== undefined) layer.register = readRegister(referredPath(file, layer.organisations), `${file}: organisations`);
  if (layer.extends === undefined) return [layer];
  return [...loadLayers(referredPath(file, layer.extends), `${file}: extends`, [...seen, abs]), layer];
}

/**
 * A path named inside `file` (extends:, a sweep's scenario:), resolved against that file's
 * folder, shown relative to the working directory; absolute paths and URLs stay as written.
 */
export function referredPath(file: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || isAbsolute(path)) return path;
  const target = resolve(dirname(resolve(file)), path);
  return relative(process.cwd(), target) || target;
}

/** Load, merge (`extends`), override and validate a scenario file. */
export function loadScenario(file: string, o: Overrides = {}, by?: ReferredBy): Scenario {
  return scenarioFromLayers(loadLayers(file, by), o, basename(file, extname(file)));
}

export type { Overrides };
