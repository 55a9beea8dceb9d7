/**
 * A mechanism: one step of the weekly schedule (or the setup before it), named after the rows
 * of the paper's realist matrix whose behaviour it carries. Each module in mechanisms/ exports
 * its mechanism object(s), as svgo plugins export name, description and fn; the schedule
 * (simulate.ts) is the list of them, and docs/matrix.md is generated from them.
 */
import type { MatrixRow } from './matrix.js';
import type { World } from './world.js';

export interface Mechanism {
  /** Short stable name. */
  id: string;
  /** Its place in the week, e.g. '4c'; '0' is the setup before the first week. */
  step: string;
  /** What it does, in a few words (the schedule's label). */
  title: string;
  /** The file under src/model/mechanisms/ that holds it (the docs link to it; a test checks). */
  module: string;
  /** The realist-matrix rows whose behaviour it carries. */
  rows: readonly MatrixRow[];
  fn: (w: World) => void;
}
