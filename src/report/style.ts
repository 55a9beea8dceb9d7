/**
 * The report's stylesheet: reads on a laptop, prints on A4, and on a phone (390 px wide) keeps
 * every block inside the screen: wide tables scroll sideways inside their own box, charts scale.
 */
export const CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 980px; padding: 24px 28px 48px; font-size: 16px; line-height: 1.5; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid #0072B2; padding-bottom: 2px; }
h3 { font-size: 17px; margin: 20px 0 6px; }
.kicker { color: #0072B2; font-size: 13px; font-weight: bold; letter-spacing: 0.04em; text-transform: uppercase; margin: 0 0 2px; }
.versus { color: #333; margin: 0 0 8px; }
h2 + .summary { margin-top: 4px; }
.verdict { font-size: 17px; margin: 8px 0; } .verdict .claim[data-cost="net"] { font-weight: bold; }
.harms ol { margin: 4px 0; padding-left: 26px; }
.explain, .flip { margin: 8px 0; }
.summary { background: #f3f7fb; border-left: 5px solid #0072B2; padding: 4px 16px; margin: 12px 0; }
.summary ul { margin: 4px 0; padding-left: 22px; }
.note { color: #444; font-size: 14px; }
figure { margin: 18px 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: #444; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 4px; break-inside: auto; }
th, td { padding: 4px 6px; border-bottom: 1px solid #ddd; text-align: right; vertical-align: top; }
td[data-field], td[data-field] + td { white-space: nowrap; }
tr.group th { text-align: left; background: #fff; border-bottom: 2px solid #999; padding-top: 12px; }
th { background: #eef2f6; } th:first-child, td:first-child { text-align: left; }
td.src, th.src { text-align: left; }
.meta { font-size: 12px; color: #555; } .meta code { font-size: 11px; background: none; padding: 0; }
tr { break-inside: avoid; page-break-inside: avoid; }
.up { color: #a23c00; } .down { color: #005a8c; }
ol.footnotes { font-size: 13px; color: #333; } ol.footnotes li { margin: 3px 0; }
footer { margin-top: 36px; border-top: 1px solid #bbb; padding-top: 10px; font-size: 13px; color: #333; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; background: #f4f4f4; padding: 1px 3px; word-break: break-all; }
@media (max-width: 600px) {
  body { padding: 12px 12px 32px; font-size: 15px; }
  h1 { font-size: 21px; } h2 { font-size: 18px; margin-top: 24px; } .verdict { font-size: 16px; }
  .summary { padding: 2px 10px; border-left-width: 4px; }
  table { font-size: 13px; width: auto; }
}
@media print { .table-wrap { overflow: visible; } body { max-width: none; padding: 0; font-size: 11pt; } h2 { break-after: avoid; } .summary { background: none; } @page { margin: 16mm; } }
`;
