/**
 * Where a result came from: the tool's version, a hash of the model's code, and the git commit
 * when clwsim runs from a checkout (read from .git directly: no git binary needed).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provenance } from '../experiment/outputs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

let pkgVersion: string | undefined;
export function version(): string {
  pkgVersion ??= (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return pkgVersion;
}

let fingerprint: string | undefined;
/** A hash of the model's sources: every .ts file under `dir` (src/model), names and contents. */
export function hashModelSources(dir: string): string {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.split(sep).join('/')}\0`).update(readFileSync(join(dir, f))).update('\0');
  return `sha256:${h.digest('hex').slice(0, 16)}`;
}

/** Where the build keeps the fingerprint of the sources it was compiled from. */
const BAKED = 'FINGERPRINT';

/**
 * A hash of the model's code. Same version number but different model code (e.g. after a git
 * pull) must not be resumed, merged or calibrated into one result. It is always the hash of the
 * TypeScript sources, so the CLI (running dist/, where the build baked it) and tests (running
 * src/) agree.
 */
export function modelFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = fileURLToPath(new URL('../model/', import.meta.url));
  const baked = join(here, BAKED);
  fingerprint = existsSync(baked) ? readFileSync(baked, 'utf8').trim() : hashModelSources(here);
  return fingerprint;
}

/** After tsc: write the sources' fingerprint into dist/model (npm run build). */
export function bakeFingerprint(): string {
  const fp = hashModelSources(join(root, 'src', 'model'));
  writeFileSync(join(root, 'dist', 'model', BAKED), `${fp}\n`);
  return fp;
}

export const provenance = (): Provenance => ({ version: version(), model: modelFingerprint() });

/** The commit checked out where clwsim runs from, or undefined outside a git checkout. */
export function gitCommit(dir = root): string | undefined {
  try {
    let git = join(dir, '.git');
    if (!existsSync(git)) return undefined;
    if (statSync(git).isFile()) {
      // a worktree: ".git" is a file naming the real git folder
      const m = /^gitdir: (.+)$/m.exec(readFileSync(git, 'utf8'));
      if (!m) return undefined;
      git = m[1]!.trim();
    }
    const head = readFileSync(join(git, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    const common = existsSync(join(git, 'commondir')) ? join(git, readFileSync(join(git, 'commondir'), 'utf8').trim()) : git;
    for (const g of [git, common]) {
      const f = join(g, ref);
      if (existsSync(f)) return readFileSync(f, 'utf8').trim();
    }
    const packed = join(common, 'packed-refs');
    if (existsSync(packed)) {
      const line = readFileSync(packed, 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
      if (line) return line.split(' ')[0];
    }
  } catch {
    return undefined;
  }
  return undefined;
}
