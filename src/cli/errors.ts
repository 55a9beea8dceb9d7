/** Thrown by a command that has printed its result but must exit non-zero (e.g. a failed check). */
export class CommandFailed extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
