/**
 * Reading input files (scenarios, sweeps, targets): a regular file of at most 1 MB, parsed as
 * YAML (JSON is YAML). Anything else is one line naming the file, and the file and field that
 * referred to it, quoting at most a short, sanitised excerpt: never a file's whole content.
 */
import { openSync, readSync, closeSync, fstatSync, statSync } from 'node:fs';
import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { InputError, show } from '../scenario/errors.js';
import { checkPath } from '../scenario/checks.js';

export const MAX_INPUT_BYTES = 1 << 20;

/** Where a file name came from, e.g. "scenarios/cut.yaml: extends"; undefined for the command line. */
export type ReferredBy = string | undefined;

const at = (file: string, by: ReferredBy) => (by ? `${by}: ${file}` : file);

/** The text of a regular file, refusing URLs, folders, devices and anything over the size cap; `kind` names what was expected. */
export function readInput(file: string, by?: ReferredBy, kind = 'a YAML file'): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) throw new InputError(`${at(file, by)}: a URL; expected a file path (clwsim reads no network addresses)`);
  checkPath(by ?? 'input file', file);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file);
  } catch {
    throw new InputError(`${at(file, by)}: file not found`);
  }
  if (st.isDirectory()) throw new InputError(`${at(file, by)}: a folder; expected a file`);
  if (!st.isFile()) throw new InputError(`${at(file, by)}: not a regular file (a device, pipe or socket); expected ${kind}`);
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_INPUT_BYTES) throw new InputError(`${at(file, by)}: ${size} bytes; expected ${kind} of at most ${MAX_INPUT_BYTES} bytes`);
    const buf = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    const text = buf.subarray(0, got).toString('utf8');
    if (text.includes('\ufffd')) throw new InputError(`${at(file, by)}: not valid UTF-8 text; expected ${kind}`);
    return text;
  } finally {
    closeSync(fd);
  }
}

/** Explicit tags that mean what a plain value means; every other tag (!!binary, !!set, !foo) is refused. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

type Odd = { what: string; range?: [number, number, number] | null };

/**
 * The first node a scenario file cannot mean: a tag other than a plain one, a list or mapping
 * used as a key, or a key given twice in one mapping (checked here in linear time: the parser's
 * own check compares every pair of keys, minutes for a file of 60,000 keys).
 */
function oddNode(doc: Document): Odd | undefined {
  let found: Odd | undefined;
  visit(doc, (_, node) => {
    if (isPair(node)) {
      if (isCollection(node.key)) found = { what: 'a list or mapping used as a key; expected plain names as keys', range: node.key.range };
    } else if ((isMap(node) || isSeq(node) || isScalar(node)) && node.tag && !PLAIN_TAGS.has(node.tag)) {
      found = { what: `unsupported YAML tag ${shortTag(node.tag)}; clwsim files use plain values`, range: node.range };
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const { key } of node.items) {
        if (!isScalar(key)) continue;
        const k = String(key.value);
        if (seen.has(k)) found = { what: `duplicate key ${show(k, 40)}; expected each key once in a mapping`, range: key.range };
        seen.add(k);
      }
    }
    return found ? visit.BREAK : undefined;
  });
  return found;
}

const shortTag = (tag: string) => show(tag.replace(/^tag:yaml\.org,2002:/, '!!'), 40).replace(/^"|"$/g, '');

/** Line and column of a character offset, 1-based. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return ` (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
}

/**
 * Parse YAML (core schema: no binary, set or custom tags), one clean line per problem; the
 * parser never prints warnings of its own (logLevel 'silent').
 */
export function parseYamlText(file: string, text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: false, resolveKnownTags: false, logLevel: 'silent' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const where = problem.linePos?.[0] ? ` (line ${problem.linePos[0].line}, column ${problem.linePos[0].col})` : problem.pos ? lineCol(text, problem.pos[0]) : '';
    const what = problem.code === 'TAG_RESOLVE_FAILED' ? `unsupported YAML tag ${shortTag(problem.message.replace(/^Unresolved tag: /, ''))}; clwsim files use plain values` : show(problem.message.split('\n')[0]!, 120).replace(/^"|"$/g, '');
    throw new InputError(`${file}: malformed YAML${where}: ${what}`);
  }
  const odd = oddNode(doc);
  if (odd) throw new InputError(`${file}: malformed YAML${odd.range ? lineCol(text, odd.range[0]) : ''}: ${odd.what}`);
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // the parser's guard against alias bombs (a few lines that expand to millions of nodes)
    if (e instanceof ReferenceError && /alias/i.test(e.message)) throw new InputError(`${file}: malformed YAML: too many aliases (*name) to expand; expected a plain file`);
    throw e;
  }
}

export function readYaml(file: string, by?: ReferredBy): unknown {
  return parseYamlText(by ? `${by}: ${file}` : file, readInput(file, by));
}
