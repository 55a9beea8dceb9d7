/**
 * What the page shows of the run: the charts, the loop diagram and the agents panel, drawn at
 * most once per animation frame from the weeks the worker has sent.
 *
 * While running, the loop diagram and agents panel are redrawn at most every PANEL_MS: their
 * link strengths are smoothed over weeks and change slowly, and they cost as much to draw as all
 * the charts. The charts are drawn every frame. Views scrolled out of sight are skipped while
 * running; when the run stands still everything is drawn, tooltips included, so a pause, a
 * printout or a screenshot always shows the last week.
 */
import { Charts } from './charts.js';
import { LoopDiagram } from './cld.js';
import { AgentsView } from './agents.js';
import { watchVisibility } from './visible.js';
import type { Snapshot } from './protocol.js';

const PANEL_MS = 100;
const $ = (id: string) => document.getElementById(id)!;

interface Shown { snap?: Snapshot; detail?: boolean }

export class Display {
  readonly charts = new Charts($('charts'));
  readonly cld = new LoopDiagram($('cld-host'), $('dominance'), $('loop-scores'));
  readonly agents = new AgentsView($('agents-host'), $('agents-legend'));
  /** The state after the last week received (week 0: as set up). */
  latest: Snapshot | undefined;
  private cldShown: Shown = {};
  private agentsShown: Shown = {};
  private panelsAt = -Infinity;
  private readonly visible: (e: Element) => boolean;

  /** `onShow`: a view came into sight (draw a frame). */
  constructor(onShow: () => void) {
    this.visible = watchVisibility([...this.charts.figures, $('cld-host'), $('agents-host')], onShow);
    this.charts.visible = this.visible;
  }

  reset(weeks: number): void {
    this.charts.reset(weeks);
    this.agents.reset();
    this.latest = undefined;
  }

  /**
   * One animation frame. `drew`: something new was drawn; `pending`: a panel is waiting for its
   * turn (ask for another frame).
   */
  draw(now: number, running: boolean, pressureKnee: number): { drew: boolean; pending: boolean } {
    const shows = (e: Element) => !running || this.visible(e);
    let drew = this.charts.redraw(!running);
    const s = this.latest;
    if (!s) return { drew, pending: false };
    const detail = !running;
    const due = !running || now - this.panelsAt >= PANEL_MS;
    const cldDue = (s !== this.cldShown.snap || detail !== this.cldShown.detail) && shows($('cld-host'));
    const agentsDue = (s !== this.agentsShown.snap || detail !== this.agentsShown.detail) && shows($('agents-host'));
    if (!due) return { drew, pending: cldDue || agentsDue };
    if (cldDue) {
      this.cld.update(s.links, s.rawLinks, s.loops, s.leader, s.week, detail);
      this.cldShown = { snap: s, detail };
    }
    if (agentsDue) {
      this.agents.update(s.agents, pressureKnee, detail);
      this.agentsShown = { snap: s, detail };
    }
    if (cldDue || agentsDue) { this.panelsAt = now; drew = true; }
    return { drew, pending: false };
  }
}
