/** The explorer page: one self-contained HTML file (styles and the bundled script inline). */
export const PAGE_TITLE = 'clwsim explorer: the CLW–TSO referral ecosystem';

const CSS = `
:root { --fg:#1a1a1a; --muted:#555; --line:#d0d0d0; --bg:#fafafa; --focus:#0072B2; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 8px 14px; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
h1 { font-size: 17px; margin: 0 0 6px; }
h2 { font-size: 15px; margin: 0 0 6px; }
.controls { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; }
.controls label { display: inline-flex; gap: 4px; align-items: center; }
button { font: inherit; padding: 4px 12px; border: 1px solid #444; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover:not(:disabled) { background: #eef5fb; }
button:disabled { opacity: .45; cursor: default; }
button.primary { background: #0072B2; color: #fff; border-color: #0072B2; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
input[type=number] { width: 8em; font: inherit; }
select { font: inherit; max-width: 100%; }
#week { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 12.5em; display: inline-block; }
#cli { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); margin-top: 4px; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
main { display: grid; grid-template-columns: 300px 1fr; gap: 12px; padding: 12px 14px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
#levers fieldset { border: 0; border-top: 1px solid var(--line); margin: 8px 0 0; padding: 6px 0 0; }
#levers legend { font-weight: 600; padding: 0; }
.lever { margin: 0 0 10px; }
.lever label { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 6px; font-weight: 600; }
.lever output { margin-left: auto; text-align: right; }
.lever output { font-weight: 400; font-variant-numeric: tabular-nums; }
.lever input[type=range] { width: 100%; }
.lever .help { font-size: 12px; color: var(--muted); margin: 0; }
.types { display: flex; flex-wrap: wrap; gap: 2px 10px; font-size: 13px; }
.types label { font-weight: 400; }
#charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 8px; }
/* Each chart, the diagram and the agents lay out on their own: a week's new numbers in one of
   them never make the browser lay out the rest of the page again. */
figure.chart { margin: 0; contain: layout paint; min-width: 0; }
figure.chart figcaption { font-size: 12.5px; display: flex; flex-wrap: wrap; gap: 0 8px; align-items: baseline; }
figure.chart svg { width: 100%; height: auto; display: block; }
.unit, .legend { color: var(--muted); }
.value { margin-left: auto; font-variant-numeric: tabular-nums; white-space: nowrap; }
.legend { flex-basis: 100%; }
.item { white-space: nowrap; }
.key { display: inline-block; width: 14px; height: 4px; background: var(--c); vertical-align: middle; margin: 0 3px 0 6px; }
.key.prev { background: #8c8c8c; opacity: .45; }
.tick { font-size: 11px; fill: #444; }
.marklabel { font-size: 10px; fill: #D55E00; font-weight: 700; }
#scenario-desc { font-size: 12.5px; color: var(--muted); margin: -2px 0 6px; }
#cld-host, #agents-host { contain: layout paint; }
#loop-scores li.lead b { text-decoration: underline; }
.mark.scenario .marklabel { fill: #333; }
.row2 { display: grid; grid-template-columns: minmax(420px, 1.35fr) minmax(340px, 1fr); gap: 12px; margin-top: 12px; }
main > *, .row2 > * { min-width: 0; }
#cld { width: 100%; height: auto; display: block; }
.nodelabel { font-size: 11px; fill: #1a1a1a; }
.sign { font-size: 13px; font-weight: 700; }
.loopid { font-size: 13px; font-weight: 700; }
.looplabel.dominant .loopid { font-size: 17px; text-decoration: underline; }
#dominance { font-size: 13.5px; min-height: 3.2em; margin: 6px 0; }
#loop-scores { list-style: none; padding: 0; margin: 0; font-size: 12.5px; }
#loop-scores li { position: relative; padding: 1px 4px; }
#loop-scores .bar { position: absolute; left: 0; top: 2px; bottom: 2px; width: var(--w); background: var(--c); opacity: .18; }
#loop-scores .num { float: right; font-variant-numeric: tabular-nums; }
#agents { width: 100%; height: auto; display: block; }
.rowlabel { font-size: 11px; fill: #333; }
#agents-legend { font-size: 12px; color: var(--muted); }
#agents-legend > span { display: block; }
.ramp, .ramp3 { display: inline-block; width: 50px; height: 8px; vertical-align: middle; background: linear-gradient(90deg, var(--a), var(--b)); border: 1px solid #999; }
.ramp3 { background: linear-gradient(90deg, var(--a), var(--b), var(--c)); }
#exercises { margin-top: 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: #fcfcff; }
.card h3 { font-size: 14px; margin: 0 0 4px; }
.card ol { padding-left: 18px; margin: 4px 0; font-size: 13px; }
.card .q { font-style: italic; font-size: 13px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details { font-size: 12.5px; color: var(--muted); margin-top: 6px; }
/* One column: the charts come straight after the controls, then the levers, loops and agents. */
@media (max-width: 900px) {
  main, .row2 { grid-template-columns: 1fr; }
  #panels { display: contents; }
  #charts-panel { order: -1; }
  .row2 { margin-top: 0; }
  #exercises { margin-top: 0; }
}
/* Phones: the controls scroll with the page rather than cover a third of it. */
@media (max-width: 600px) {
  header { position: static; padding: 8px 10px; }
  h1 span { display: block; font-size: 14px; }
  main { padding: 8px; gap: 8px; }
  section { padding: 8px; }
  #charts { grid-template-columns: 1fr; }
}
`;

const BODY = `
<header>
  <h1>clwsim explorer <span style="font-weight:400;color:#555">— community link workers, third-sector organisations and their feedback loops</span></h1>
  <div class="controls" role="group" aria-label="Run controls">
    <label for="scenario">Scenario <select id="scenario"></select></label>
    <label for="seed">Seed <input id="seed" type="number" min="0" max="4294967295" step="1" value="1"></label>
    <button id="setup" class="primary" type="button">Setup</button>
    <button id="run" type="button" disabled>Run</button>
    <button id="pause" type="button" disabled>Pause</button>
    <button id="step" type="button" disabled>Step</button>
    <button id="reset" type="button">Reset</button>
    <label for="until">Pause at week <input id="until" type="number" min="1" max="5200" step="1" placeholder="end" style="width:5.5em"></label>
    <label for="speed">Speed <input id="speed" type="range" min="0" max="5" step="1" value="3" aria-describedby="speed-out"> <output id="speed-out" for="speed"></output></label>
    <span id="week">not set up</span>
    <span id="announce" class="sr-only" role="status" aria-live="polite"></span>
    <button id="export" type="button" disabled>Export CSV</button>
  </div>
  <div id="cli" aria-label="The same run from the command line"></div>
</header>
<main>
  <section id="levers" aria-labelledby="levers-h">
    <h2 id="levers-h">Levers</h2>
    <p class="help" style="font-size:12px;color:#555;margin:0">Before the first week a change rebuilds the run. During a run it takes effect from the next week and is marked on the charts.</p>
    <div id="lever-list"></div>
    <fieldset id="cut">
      <legend>Funding cut</legend>
    </fieldset>
    <details><summary>What the numbers mean</summary><p>Each lever is a model parameter (its path is shown under it); units, ranges and sources are in docs/parameters.md and <code>npx clwsim params</code>.</p></details>
  </section>
  <div id="panels">
    <section id="charts-panel" aria-labelledby="charts-h">
      <h2 id="charts-h">Live charts</h2>
      <p id="scenario-desc"></p>
      <div id="charts"></div>
    </section>
    <div class="row2">
      <section aria-labelledby="loops-h">
        <h2 id="loops-h">Feedback loops</h2>
        <div id="cld-host"></div>
        <p id="dominance"></p>
        <ul id="loop-scores" aria-label="Loop scores"></ul>
        <details><summary>How link strengths are measured</summary><ul id="link-doc"></ul></details>
      </section>
      <section aria-labelledby="agents-h">
        <h2 id="agents-h">Agents</h2>
        <label for="colour-by">Colour TSOs by <select id="colour-by"><option value="wait">waiting list per place</option><option value="trust">trust</option></select></label>
        <div id="agents-host"></div>
        <div id="agents-legend"></div>
      </section>
    </div>
    <section id="exercises" aria-labelledby="ex-h">
      <h2 id="ex-h">Try this</h2>
      <div class="cards" id="cards"></div>
    </section>
  </div>
</main>
<textarea id="csv-text" class="sr-only" aria-hidden="true" tabindex="-1" readonly></textarea>
`;

export function pageHtml(script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PAGE_TITLE}</title>
<style>${CSS}</style>
</head>
<body data-week="0" data-running="no" data-done="no">
${BODY}
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}
