/**
 * How errors reach the user: one line on stderr, "clwsim: <what>", for our own checks and for
 * commander's (its "error: …" and a "(Did you mean …?)" line are folded into that form), and
 * never a stack trace (CLWSIM_DEBUG=1 shows one for an internal error).
 */

/** Thrown by a command that has printed its result but must exit non-zero (e.g. a failed check). */
export class CommandFailed extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export const PREFIX = 'clwsim: ';

/**
 * A message as one printable line of sane length, whatever it quotes: control characters
 * become '?', and any run of more than 120 characters without a space (a 5 MB value given to
 * --set, a path of 1000 characters) is shortened to its start and end.
 */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
  return text.replace(/\r?\n/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').replace(/\S{121,}/g, (w) => `${w.slice(0, 80)}…${w.slice(-30)}`);
}

/** Commander's error text in our form; its help text (also written to stderr) passes unchanged. */
export function commanderError(s: string): string {
  if (!s.startsWith('error: ')) return s;
  return `${PREFIX}${oneLine(s.slice('error: '.length).replace(/\s*\n\(Did you mean (.+)\?\)\s*$/, ' (did you mean $1?)').trimEnd())}\n`;
}

/** A bug, not bad input: one line saying so (exit 1); the stack only with CLWSIM_DEBUG=1. */
export function internalError(e: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const line = `${PREFIX}internal error: ${oneLine(what.split('\n')[0]!.slice(0, 300))}; please report it (CLWSIM_DEBUG=1 shows where it happened)\n`;
  return env.CLWSIM_DEBUG && e instanceof Error && e.stack ? `${line}${e.stack}\n` : line;
}
