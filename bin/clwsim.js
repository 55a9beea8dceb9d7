#!/usr/bin/env node
// A closed pipe (e.g. `clwsim params | head`) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What commander prints for --version, without loading commander (a third of the start-up; bench/README.md).
  const { version } = await import('../dist/io/provenance.js');
  process.stdout.write(`${version()}\n`);
} else {
  const { main } = await import('../dist/cli/program.js');
  process.exitCode = await main(args);
}
