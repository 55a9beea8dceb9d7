/** Parameter tables generated from the schema: `clwsim params` and docs/parameters.md. */
import { leaves, describeRange, isLeaf, PARAM_SPEC, type LeafSpec, type SpecTree } from '../model/params.js';
import { GRANT_ACTIONS } from '../scenario/grants.js';
import { RUN_SPEC } from '../scenario/checks.js';
import { MATRIX_ROWS } from '../model/matrix.js';
import { METRICS, TYPE_METRICS } from '../model/metrics.js';

const dflt = (s: LeafSpec) => (s.kind === 'enum' ? s.default : String(s.default));
const range = (s: LeafSpec) => (s.kind === 'enum' ? s.values.join(' | ') : `${s.min} … ${s.max}${s.integer ? ' (integer)' : ''}`);
const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function paramsMarkdown(): string {
  const out = [
    '# Parameters',
    '',
    '<!-- Generated from src/model/params.ts by `clwsim params --markdown`. Do not edit by hand: a test fails when this file differs from the schema. -->',
    '',
    'Every model parameter, with its default, unit, range, the realist-matrix rows it stands for (see below) and where its number comes from.',
    '"Allbutt L<n>" is a line of the paper (Allbutt et al. 2025, Front. Public Health 13:1645353); "Evidence §x" a section of the project\'s evidence file ([evidence.md](evidence.md)); "Assumption" gives the reasoning where no source has a figure.',
    'Set any of them in a scenario file under `params:`, from the command line with `--set path=value`, or at a given week with an intervention.',
    '',
    '| parameter | default | unit | range | matrix rows | description | provenance |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { path, spec } of leaves())
    out.push(`| \`${path}\` | ${dflt(spec)} | ${cell(spec.unit || '—')} | ${range(spec)} | ${(spec.rows ?? []).join(', ') || '—'} | ${cell(spec.description)} | ${cell(spec.source)} |`);
  out.push('', '## Realist-matrix rows', '', '| id | row of Table 2 |', '| --- | --- |');
  for (const [id, text] of Object.entries(MATRIX_ROWS)) out.push(`| ${id} | ${cell(text)} |`);
  out.push('', '## Output metrics', '', '| metric | unit | definition |', '| --- | --- | --- |');
  for (const m of METRICS) out.push(`| \`${m.name}\` | ${cell(m.unit)} | ${cell(m.definition)} |`);
  out.push('', '## Output per TSO type (tso_types.csv)', '', 'One row per replication, week and TSO type.', '', '| column | unit | definition |', '| --- | --- | --- |');
  for (const m of TYPE_METRICS) out.push(`| \`${m.name}\` | ${cell(m.unit)} | ${cell(m.definition)} |`);
  return `${out.join('\n')}\n`;
}

export function paramsText(): string {
  const rows = leaves().map(({ path, spec }) => [path, dflt(spec), spec.unit || '-', range(spec), spec.source]);
  const w = [0, 1, 2, 3].map((k) => Math.max(...rows.map((r) => r[k]!.length)));
  const head = ['parameter', 'default', 'unit', 'range', 'provenance'];
  const line = (r: string[]) => `${r.slice(0, 4).map((c, k) => c.padEnd(Math.max(w[k]!, head[k]!.length))).join('  ')}  ${r[4]}`;
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}

export function paramsJson(): string {
  return `${JSON.stringify(leaves().map(({ path, spec }) => ({ path, ...spec, range: describeRange(spec) })), null, 2)}\n`;
}

/** A JSON Schema for scenario files, generated from the same schema (editor completion and checks). */
export function scenarioJsonSchema(): unknown {
  const node = (tree: SpecTree): unknown => ({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, isLeaf(v) ? leaf(v) : node(v)])),
  });
  const leaf = (s: LeafSpec) =>
    s.kind === 'enum'
      ? { enum: [...s.values], default: s.default, description: `${s.description}. Source: ${s.source}` }
      : { type: s.integer ? 'integer' : 'number', minimum: s.min, maximum: s.max, default: s.default, description: `${s.description} (${s.unit}). Source: ${s.source}` };
  const paths = leaves().map((l) => l.path).filter((p) => !p.startsWith('tso.count.'));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'clwsim scenario',
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string' },
      description: { type: 'string' },
      extends: { type: 'string', description: 'Another scenario file (relative path) this one changes' },
      organisations: { type: 'string', description: 'An area\'s register of organisations (a CSV file, relative path): one TSO per row instead of tso.count per type' },
      run: {
        type: 'object', additionalProperties: false,
        properties: Object.fromEntries(Object.entries(RUN_SPEC).map(([k, s]) => [k, { type: 'integer', minimum: s.min, maximum: s.max, default: s.default, description: s.description }])),
      },
      params: node(PARAM_SPEC),
      interventions: {
        type: 'array',
        items: {
          type: 'object', additionalProperties: false, required: ['week'], anyOf: [{ required: ['set'] }, { required: ['grants'] }],
          properties: {
            week: { type: 'integer', minimum: 1 },
            label: { type: 'string' },
            rampWeeks: { type: 'integer', minimum: 0 },
            set: { type: 'object', minProperties: 1, propertyNames: { enum: paths } },
            grants: {
              type: 'array', minItems: 1, description: 'An area\'s grant changes: end, cut (by), restore, change (to_gbp) or replace (fund_gbp, rule) the grants picked by all or a filter (ids, type, above_gbp, below_gbp, smallest, largest)',
              items: { type: 'object', minProperties: 1, propertyNames: { enum: [...GRANT_ACTIONS, 'by', 'to_gbp', 'fund_gbp', 'rule'] } },
            },
          },
        },
      },
    },
  };
}
