/**
 * Reading input files (scenarios, sweeps, targets): a regular file of at most 1 MB, parsed as
 * YAML (JSON is YAML). Anything else is one line naming the file, and the file and field that
 * referred to it, quoting at most a short, sanitised excerpt: never a file's whole content.
 */
import { openSync, readSync, closeSync, fstatSync, statSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { InputError } from '../scenario/errors.js';

export const MAX_INPUT_BYTES = 1 << 20;

/** Where a file name came from, e.g. "scenarios/cut.yaml: extends"; undefined for the command line. */
export type ReferredBy = string | undefined;

const at = (file: string, by: ReferredBy) => (by ? `${by}: ${file}` : file);

/** The text of a regular file, refusing URLs, folders, devices and anything over the size cap. */
export function readInput(file: string, by?: ReferredBy): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) throw new InputError(`${at(file, by)}: a URL; expected a file path (clwsim reads no network addresses)`);
  if (file.includes('\0')) throw new InputError(`${by ?? 'input'}: expected a file path without NUL bytes`);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file);
  } catch {
    throw new InputError(`${at(file, by)}: file not found`);
  }
  if (st.isDirectory()) throw new InputError(`${at(file, by)}: a folder; expected a file`);
  if (!st.isFile()) throw new InputError(`${at(file, by)}: not a regular file (a device, pipe or socket); expected a YAML file`);
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_INPUT_BYTES) throw new InputError(`${at(file, by)}: ${size} bytes; expected a YAML file of at most ${MAX_INPUT_BYTES} bytes`);
    const buf = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    const text = buf.subarray(0, got).toString('utf8');
    if (text.includes('\ufffd')) throw new InputError(`${at(file, by)}: not valid UTF-8 text; expected a YAML file`);
    return text;
  } finally {
    closeSync(fd);
  }
}

/** Parse YAML (core schema: no custom or binary tags), one clean line per problem. */
export function parseYamlText(file: string, text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const where = problem.linePos?.[0] ? ` (line ${problem.linePos[0].line}, column ${problem.linePos[0].col})` : '';
    const what = problem.code === 'TAG_RESOLVE_FAILED' ? `unsupported YAML tag: ${problem.message.replace(/^Unresolved tag: /, '').slice(0, 40)}` : problem.message.split('\n')[0]!.slice(0, 120);
    throw new InputError(`${file}: malformed YAML${where}: ${what}`);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

export function readYaml(file: string, by?: ReferredBy): unknown {
  return parseYamlText(by ? `${by}: ${file}` : file, readInput(file, by));
}
