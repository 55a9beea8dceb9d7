/** `clwsim explore`: build the student explorer (one offline HTML page) and print where it is. */
import type { Register } from './program.js';
import { buildExplorer } from './explorerBuild.js';
import { pathToFileURL } from 'node:url';
import { basename, dirname } from 'node:path';
import { claimOutput } from '../io/outputDir.js';

export const registerExplore: Register = (program, io) => {
  program
    .command('explore')
    .description('build the explorer: the model live in a browser, with its feedback loops (one HTML file; works offline from file://)')
    .option('--out <file>', 'where to write the page', 'output/explorer/index.html')
    .option('--quiet', 'print only the path')
    .action(async (o: { out: string; quiet?: boolean }) => {
      const claim = claimOutput(io, dirname(o.out), { mode: 'rebuild', singleFile: true, option: '--out' });
      claim.plan([basename(o.out)]);
      const r = await buildExplorer(o.out);
      claim.finish([basename(o.out)]);
      if (o.quiet) io.out(`${r.file}\n`);
      else {
        io.out(`wrote ${r.file} (${Math.round(r.bytes / 1024)} kB in ${r.ms} ms; scenarios: ${r.scenarios.join(', ')})\n`);
        for (const s of r.skipped) io.out(`  left out ${s}\n`);
        io.out(`open it in a browser: ${pathToFileURL(r.file).href}\n`);
      }
    });
};
