/** The lever sliders and the funding-cut controls of the explorer page. */
import { TSO_TYPE_LABELS, type TsoType } from '../model/params.js';
import { LEVERS, CUT_TYPES, cutSpec, type Lever } from './levers.js';
import { fmtNum } from './charts.js';

export interface LeverUi { lever: Lever; input: HTMLInputElement; out: HTMLOutputElement }

export function showLever(ui: LeverUi): void {
  ui.out.textContent = `${fmtNum(Number(ui.input.value))} ${ui.lever.unit}`;
}

/** One slider per lever in `host`; `changed` runs when a move is complete (the change event). */
export function buildLevers(host: HTMLElement, changed: (ui: LeverUi) => void): LeverUi[] {
  return LEVERS.map((lever) => {
    const id = `lever-${lever.path.replace(/\./g, '-')}`;
    const div = document.createElement('div');
    div.className = 'lever';
    div.innerHTML = `<label for="${id}">${lever.label} <output id="${id}-out" for="${id}"></output></label>
<input id="${id}" type="range" min="${lever.min}" max="${lever.max}" step="${lever.step}" aria-describedby="${id}-help">
<p class="help" id="${id}-help">${lever.description} (${lever.unit})${lever.setupOnly ? '. Set before the first week: CLWs are hired at the start.' : ''} <code>${lever.path}</code></p>`;
    host.appendChild(div);
    const ui = { lever, input: div.querySelector('input')!, out: div.querySelector('output')! };
    ui.input.addEventListener('input', () => showLever(ui));
    ui.input.addEventListener('change', () => changed(ui));
    return ui;
  });
}

export interface CutUi {
  size: HTMLInputElement;
  week: HTMLInputElement;
  checks: HTMLInputElement[];
  /** The ticked TSO types. */
  types(): TsoType[];
  show(): void;
}

/** Cut size, start week and TSO types in `box`; `changed(weekMoved)` runs when one is changed. */
export function buildCut(box: HTMLElement, changed: (weekMoved: boolean) => void): CutUi {
  box.insertAdjacentHTML('beforeend', `
<div class="lever"><label for="cut-size">Cut size <output id="cut-size-out" for="cut-size"></output></label>
<input id="cut-size" type="range" min="0" max="100" step="5" value="0" aria-describedby="cut-help">
<label for="cut-week">Starts in week <output id="cut-week-out" for="cut-week"></output></label>
<input id="cut-week" type="range" min="1" max="260" step="1" value="104" aria-describedby="cut-help">
<div class="types" role="group" aria-label="TSO types cut">${CUT_TYPES.map((t) => `<label><input type="checkbox" id="cut-${t}" value="${t}"${t !== 'specialist' ? ' checked' : ''}> ${TSO_TYPE_LABELS[t].split(' (')[0]}</label>`).join('')}</div>
<p class="help" id="cut-help">Sets <code>funding.multiplier</code> of the ticked types to 1 − cut: ${cutSpec().description.replace(/ \(crisis.*$/, '')}. A TSO funded below its core cost burns its reserves, then closes and does not reopen. Back to 0% restores the grants.</p></div>`);
  const get = (id: string) => document.getElementById(id) as HTMLInputElement;
  const ui: CutUi = {
    size: get('cut-size'),
    week: get('cut-week'),
    checks: CUT_TYPES.map((t) => get(`cut-${t}`)),
    types: () => CUT_TYPES.filter((_, i) => ui.checks[i]!.checked),
    show: () => {
      get('cut-size-out').textContent = `${ui.size.value}%`;
      get('cut-week-out').textContent = ui.week.value;
    },
  };
  ui.size.addEventListener('input', ui.show);
  ui.week.addEventListener('input', ui.show);
  for (const c of [ui.size, ui.week, ...ui.checks]) c.addEventListener('change', () => changed(c === ui.week));
  return ui;
}
