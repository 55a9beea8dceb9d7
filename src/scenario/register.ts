/**
 * An area's register of organisations (organisations.csv beside area.yaml): one row per
 * organisation the commissioner funds, parsed with csv-parse (RFC 4180: quoted fields may hold
 * commas) and checked cell by cell. Every problem is one line naming the file, the row (its line
 * in the file, as a spreadsheet numbers it: the header is row 1) and the column. Node-free: io/
 * reads the file under the same rules as a scenario file (regular, at most 1 MB, UTF-8).
 */
import { parse } from 'csv-parse/sync';
import { TSO_TYPES, type TsoType } from '../model/params.js';
import { InputError, show, nearest } from './errors.js';
import { checkText } from './checks.js';

export const REQUIRED_COLUMNS = ['id', 'name', 'type', 'annual_grant_gbp', 'programme_weeks'] as const;
export const OPTIONAL_COLUMNS = ['places', 'cost_per_place_gbp', 'other_income_gbp', 'core_cost_gbp', 'waiting_now'] as const;
const COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
/** More organisations than any commissioner funds; a bigger file is a mistake (or an attack). */
export const MAX_ORGANISATIONS = 20000;
/** The largest grant or cost accepted, £ a year (as tso.fundingPerYear). */
export const MAX_GBP = 1e8;

export interface RegisterRow {
  /** The row's line in the file (the header is row 1). */
  row: number;
  id: string;
  name: string;
  type: TsoType;
  grant: number;
  places?: number;
  costPerPlace?: number;
  programmeWeeks: number;
  otherIncome: number;
  coreCost?: number;
  waitingNow?: number;
}

export interface Register { file: string; rows: RegisterRow[] }

/** £ amounts as people type them: 45000, 45000.50, £45,000 (thousands commas in a quoted cell). */
const MONEY = /^£?\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

type Cells = Record<string, string>;

export function parseRegister(file: string, text: string): Register {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    const row = typeof err.lines === 'number' ? `row ${err.lines}: ` : '';
    throw new InputError(`${file}: ${row}not a readable CSV table (${show(String(err.message ?? e).replace(/ on line \d+$/, ''), 100).replace(/^"|"$/g, '')}); expected comma-separated columns ${COLUMNS.join(',')}`);
  }
  const [head, ...body] = records;
  if (!head) throw new InputError(`${file}: empty; expected a header row (${[...REQUIRED_COLUMNS, 'places'].join(',')}, …) and one row per organisation`);
  const header = checkHeader(file, head.record);
  if (body.length === 0) throw new InputError(`${file}: no organisations; expected one row per organisation under the header`);
  if (body.length > MAX_ORGANISATIONS) throw new InputError(`${file}: ${body.length} organisations; expected at most ${MAX_ORGANISATIONS}`);
  const seen = new Map<string, number>();
  const rows = body.map(({ record, info }) => {
    const cells: Cells = Object.fromEntries(header.map((h, k) => [h, record[k] ?? '']));
    const r = rowOf(file, info.lines, cells);
    const first = seen.get(r.id);
    if (first !== undefined) throw new InputError(`${file}: row ${r.row}, column id: "${r.id}" is also the id of row ${first}; expected each organisation once`);
    seen.set(r.id, r.row);
    return r;
  });
  return { file, rows };
}

function checkHeader(file: string, cells: string[]): string[] {
  cells.forEach((h, k) => {
    if (!COLUMNS.includes(h)) {
      const hint = nearest(h, COLUMNS);
      throw new InputError(`${file}: row 1, column ${k + 1}: unknown column ${show(h)}${hint ? ` (did you mean "${hint}"?)` : ''}; expected columns from ${COLUMNS.join(', ')}`);
    }
    if (cells.indexOf(h) !== k) throw new InputError(`${file}: row 1, column ${k + 1}: column "${h}" appears twice`);
  });
  for (const need of REQUIRED_COLUMNS) if (!cells.includes(need)) throw new InputError(`${file}: row 1: missing column "${need}"; expected the columns ${REQUIRED_COLUMNS.join(',')} and places or cost_per_place_gbp`);
  if (!cells.includes('places') && !cells.includes('cost_per_place_gbp')) throw new InputError(`${file}: row 1: missing column "places" or "cost_per_place_gbp"; expected one of them (or both, one filled per row)`);
  return cells;
}

function rowOf(file: string, row: number, c: Cells): RegisterRow {
  const at = (col: string) => `${file}: row ${row}, column ${col}`;
  const id = c.id!;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/.test(id)) throw new InputError(`${at('id')}: expected a short identifier (letters, digits, . _ -, at most 60), got ${show(id)}`);
  const name = checkText(file, `row ${row}, column name`, c.name, 200);
  if (name === '') throw new InputError(`${at('name')}: expected the organisation's name, got an empty cell`);
  const type = c.type! as TsoType;
  if (!TSO_TYPES.includes(type)) {
    const hint = nearest(c.type!, TSO_TYPES);
    throw new InputError(`${at('type')}: unknown type ${show(c.type)}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${TSO_TYPES.join(', ')}`);
  }
  const grant = money(at('annual_grant_gbp'), c.annual_grant_gbp, true)!;
  if (grant <= 0) throw new InputError(`${at('annual_grant_gbp')}: expected a grant above £0 (an organisation the area funds), got ${show(c.annual_grant_gbp)}`);
  const places = whole(at('places'), c.places, 1, 1e6);
  const costPerPlace = money(at('cost_per_place_gbp'), c.cost_per_place_gbp);
  if ((places === undefined) === (costPerPlace === undefined))
    throw new InputError(`${file}: row ${row}, column ${places === undefined ? 'places' : 'cost_per_place_gbp'}: expected either places or cost_per_place_gbp, ${places === undefined ? 'got neither' : 'not both'}`);
  if (costPerPlace !== undefined && costPerPlace <= 0) throw new InputError(`${at('cost_per_place_gbp')}: expected a cost above £0, got ${show(c.cost_per_place_gbp)}`);
  return {
    row, id, name, type, grant, places, costPerPlace,
    programmeWeeks: whole(at('programme_weeks'), c.programme_weeks, 1, 104, true)!,
    otherIncome: money(at('other_income_gbp'), c.other_income_gbp) ?? 0,
    coreCost: money(at('core_cost_gbp'), c.core_cost_gbp),
    waitingNow: whole(at('waiting_now'), c.waiting_now, 0, 1e5),
  };
}

/** A £ amount from 0 to MAX_GBP; undefined for an empty optional cell. */
function money(where: string, v: string | undefined, required = false): number | undefined {
  if (v === undefined || v === '') {
    if (required) throw new InputError(`${where}: expected an amount in £ (e.g. 45000), got an empty cell`);
    return undefined;
  }
  if (!MONEY.test(v)) throw new InputError(`${where}: expected an amount in £ (a number ≥ 0, e.g. 45000 or £45,000), got ${show(v)}`);
  const x = Number(v.replace(/[£,\s]/g, ''));
  if (x > MAX_GBP) throw new InputError(`${where}: expected at most £${MAX_GBP.toExponential()}, got ${show(v)}`);
  return x;
}

/** A whole number in [min, max]; undefined for an empty optional cell. */
function whole(where: string, v: string | undefined, min: number, max: number, required = false): number | undefined {
  if (v === undefined || v === '') {
    if (required) throw new InputError(`${where}: expected a whole number from ${min} to ${max}, got an empty cell`);
    return undefined;
  }
  const x = Number(v);
  if (!/^\d+$/.test(v) || x < min || x > max) throw new InputError(`${where}: expected a whole number from ${min} to ${max}, got ${show(v)}`);
  return x;
}
