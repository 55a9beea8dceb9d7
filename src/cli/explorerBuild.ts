/**
 * Build the explorer: bundle the worker and the page (esbuild, classic IIFE, both inline) with
 * the bundled scenarios resolved at build time, into one HTML file that works from file://.
 * Runs from src/ (tsx, vitest) or from dist/ (the CLI): entry points are found beside this file.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { loadScenario } from '../io/scenario.js';
import { InputError } from '../scenario/errors.js';
import type { Scenario } from '../model/scenario.js';
import { pageHtml } from '../explorer/template.js';

const here = dirname(fileURLToPath(import.meta.url));
/**
 * csv-stringify's default build expects Node's Buffer; its browser build carries its own. The
 * alias is an absolute path found from this file: esbuild resolves a bare alias from the working
 * directory, which fails when `clwsim explore` runs outside the clwsim folder.
 */
const csvBrowser = () => createRequire(import.meta.url).resolve('csv-stringify/browser/esm/sync');
/** An entry point of the page (src/explorer/, or dist/explorer/ when built). */
const entry = (name: string) => {
  const ts = join(here, '../explorer', `${name}.ts`);
  return existsSync(ts) ? ts : join(here, '../explorer', `${name}.js`);
};

/**
 * Every bundled scenario (scenarios/*.yaml), baseline first, resolved as `clwsim run` would.
 * YAML files there that are not scenarios (e.g. calibration targets) are left out and listed.
 */
export function bundledScenarios(dir = resolve(here, '../../scenarios'), skipped: string[] = []): Array<{ file: string; scenario: Scenario }> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort((a, b) => (a === 'baseline.yaml' ? -1 : b === 'baseline.yaml' ? 1 : a.localeCompare(b)));
  const out: Array<{ file: string; scenario: Scenario }> = [];
  for (const f of files) {
    try {
      out.push({ file: basename(f, '.yaml'), scenario: loadScenario(join(dir, f)) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      skipped.push(`${f}: ${e.message.replace(`${join(dir, f)}: `, '')}`);
    }
  }
  if (out.length === 0) throw new InputError(`${dir}: no scenario files to put in the explorer`);
  return out;
}

export interface BuildResult { file: string; bytes: number; ms: number; scenarios: string[]; skipped: string[] }

/** Write the explorer page to `outFile`; returns its path and size. */
export async function buildExplorer(outFile: string): Promise<BuildResult> {
  const t0 = Date.now();
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('building the explorer needs esbuild (a dev dependency): run `npm install` in the clwsim folder');
  }
  const common = {
    bundle: true, format: 'iife' as const, target: 'es2020', minify: true, write: false, platform: 'browser' as const,
    logLevel: 'silent' as const, legalComments: 'none' as const,
    alias: { 'csv-stringify/sync': csvBrowser() },
  };
  const w = await esbuild.build({ ...common, entryPoints: [entry('worker')] });
  const skipped: string[] = [];
  const scenarios = bundledScenarios(undefined, skipped);
  const m = await esbuild.build({
    ...common, entryPoints: [entry('main')],
    define: { WORKER_SRC: JSON.stringify(w.outputFiles![0]!.text), SCENARIOS: JSON.stringify(scenarios) },
  });
  const html = pageHtml(m.outputFiles![0]!.text);
  const out = resolve(outFile);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, html);
  renameSync(tmp, out);
  return { file: out, bytes: Buffer.byteLength(html), ms: Date.now() - t0, scenarios: scenarios.map((s) => s.file), skipped };
}
