/** clwsim area init DIR: commander wiring for an area's template (src/scenario/areaTemplate.ts). */
import type { Command } from 'commander';
import { join } from 'node:path';
import { claimOutput } from '../io/outputDir.js';
import { writeAtomic } from '../io/files.js';
import { AREA_YAML, ORGANISATIONS_CSV } from '../scenario/areaTemplate.js';
import { OVERWRITE_HELP } from './outputs.js';
import type { Io } from './program.js';

export function registerArea(program: Command, io: Io): void {
  const area = program.command('area').description('an area: your link-worker service and a register of the organisations you fund');
  area
    .command('init <dir>')
    .description('write a commented area.yaml and an organisations.csv to fill in')
    .option('--overwrite', OVERWRITE_HELP)
    .action((dir: string, o: { overwrite?: boolean }) => {
      const out = claimOutput(io, dir, { mode: 'results', overwrite: o.overwrite, option: 'area init' });
      const files: Array<[string, string]> = [['area.yaml', AREA_YAML], ['organisations.csv', ORGANISATIONS_CSV]];
      out.plan(files.map(([n]) => n));
      for (const [name, text] of files) writeAtomic(join(out.dir, name), text);
      out.finish();
      io.out(`wrote ${join(dir, 'area.yaml')} and ${join(dir, 'organisations.csv')}; fill in the register, then: npx clwsim validate ${join(dir, 'area.yaml')}\n`);
    });
}
