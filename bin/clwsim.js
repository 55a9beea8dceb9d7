#!/usr/bin/env node
import { main } from '../dist/cli/program.js';

// A closed pipe (e.g. `clwsim params | head`) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
