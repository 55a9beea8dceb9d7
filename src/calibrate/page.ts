/**
 * calibration.html: one self-contained page (inline CSS and SVG, no script, no network): how the
 * calibration ran, each parameter's posterior over its prior, the most correlated pairs, and the
 * posterior predictive check of every target. No clock or host in it: the same calibration gives
 * the same page whatever the worker count.
 */
import type { AbcResult } from '../experiment/abc.js';
import { weightedQuantile } from '../experiment/abc.js';
import { el, raw, type Markup } from '../report/svg.js';
import { esc, num, thousands } from '../report/format.js';
import type { PredictiveRow } from './abcRun.js';
import { priorText, type FreeParameter } from './targets.js';
import { weightedMoments } from './outputs.js';
import { marginalSvg, pairSvg, predictiveSvg } from './pageCharts.js';

export interface PageInput {
  title: string;
  targetsFile: string;
  weeks: number;
  warmup: number;
  parameters: FreeParameter[];
  abc: AbcResult;
  predictive: PredictiveRow[];
  seed: number;
  command: string;
  version: string;
}

const CSS = `body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #1a1a1a; max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; line-height: 1.5; }
h1 { font-size: 24px; } h2 { font-size: 19px; margin-top: 30px; border-bottom: 2px solid #0072B2; }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0; } th, td { padding: 3px 8px; border-bottom: 1px solid #ddd; text-align: right; vertical-align: top; }
th:first-child, td:first-child, td:last-child, th:last-child { text-align: left; } th { background: #eef2f6; }
.grid { display: flex; flex-wrap: wrap; gap: 12px; } figure { margin: 6px 0; } figcaption, .note { font-size: 13px; color: #444; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; background: #f4f4f4; word-break: break-all; }`;

const table = (head: string[], rows: Array<Array<string | Markup>>) =>
  el('table', {}, el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))), el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))));

/** The pairs of parameters with the largest absolute posterior correlation (at most `n`). */
export function topPairs(corr: number[][], n = 3): Array<{ i: number; j: number; r: number }> {
  const pairs: Array<{ i: number; j: number; r: number }> = [];
  for (let i = 0; i < corr.length; i++) for (let j = i + 1; j < corr.length; j++) if (Number.isFinite(corr[i]![j]!)) pairs.push({ i, j, r: corr[i]![j]! });
  return pairs.sort((a, b) => Math.abs(b.r) - Math.abs(a.r) || a.i - b.i || a.j - b.j).slice(0, n);
}

export function calibrationHtml(p: PageInput): string {
  const { abc } = p;
  const gens = abc.generations, final = gens.at(-1)!;
  const sims = gens.reduce((s, g) => s + g.simulations, 0);
  const { mean, sd, corr } = weightedMoments(abc);
  const w = abc.particles.map((q) => q.weight);
  const col = (k: number) => abc.particles.map((q) => q.theta[k]!);
  const pairs = topPairs(corr);
  const within = p.predictive.filter((r) => r.within).length;

  const body = el('body', {},
    el('h1', {}, `Calibration: ${p.title}`),
    el('p', {}, `ABC-SMC (Toni et al. 2009; weights and kernel as Beaumont et al. 2009; each tolerance the median distance of the generation before) of ${p.parameters.length} parameters against ${p.predictive.length} targets in `, el('code', {}, p.targetsFile),
      `. ${abc.particles.length} particles, ${gens.length} generation(s), ${thousands(sims)} simulations; each simulation is one replication of ${p.weeks} weeks (statistics after week ${p.warmup}). `,
      `Distance: the root mean square over targets of (simulated − target) / tolerance. Final tolerance ${num(final.epsilon)}, effective sample size ${num(final.ess)}. Stopped: ${abc.stopReason}.`),
    el('h2', {}, 'Generations'),
    table(['generation', 'tolerance ε', 'simulations', 'accepted', 'acceptance', 'ESS'], gens.map((g) => [String(g.generation), Number.isFinite(g.epsilon) ? num(g.epsilon) : '∞ (prior)', String(g.simulations), String(g.accepted), `${((100 * g.accepted) / g.simulations).toFixed(1)}%`, num(g.ess)])),
    el('h2', {}, 'Posteriors over priors'),
    el('p', { class: 'note' }, 'Bars: the weighted posterior (density); dashed line: the prior density. A posterior as wide as its prior means the targets say little about that parameter.'),
    table(['parameter', 'prior', 'posterior mean', 'sd', '95% interval', 'why this prior'], p.parameters.map((q, k) => [el('code', {}, q.name), `${priorText(q)} on [${num(q.lo ?? -Infinity)}, ${num(q.hi ?? Infinity)}]`, num(mean[k]!), num(sd[k]!),
      `${num(weightedQuantile(col(k), w, 0.025))} to ${num(weightedQuantile(col(k), w, 0.975))}`, el('span', { class: 'note' }, q.source)])),
    el('div', { class: 'grid' }, p.parameters.map((q, k) => el('figure', {}, raw(marginalSvg(q, k, abc.particles).html)))),
    el('h2', {}, 'Most correlated pairs'),
    el('p', { class: 'note' }, 'Weighted correlations of the posterior. A strong correlation means the targets fix a combination of the two parameters rather than each one.'),
    pairs.length ? el('div', { class: 'grid' }, pairs.map((q) => el('figure', {}, raw(pairSvg(p.parameters[q.i]!, q.i, p.parameters[q.j]!, q.j, abc.particles, q.r).html)))) : el('p', {}, 'One parameter only.'),
    el('h2', {}, 'Predictive check'),
    el('p', {}, `${p.predictive[0]?.n ?? 0} replications, each with a particle drawn by weight and its own seed. ${within} of ${p.predictive.length} targets have a predictive mean within target ± tolerance (grey band; bar: 95% of replications; orange dot: outside).`),
    raw(predictiveSvg(p.predictive).html),
    table(['target', 'target ± tolerance', 'predictive mean', '95% of replications', 'within', 'source'], p.predictive.map((r) => [r.target.id, `${r.target.target} ± ${r.target.tolerance}`, num(r.mean), `${num(r.low)} to ${num(r.high)}`, r.within ? 'yes' : 'no', el('span', { class: 'note' }, r.target.source)])),
    el('h2', {}, 'Made by'),
    el('p', { class: 'note' }, `clwsim ${p.version}, seed ${p.seed}. To make it again: `, el('code', {}, p.command)));
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${esc(`clwsim calibration: ${p.title}`)}</title>\n<style>${CSS}</style>\n</head>\n${body.html}\n</html>\n`;
}
