/**
 * Folder names made from scenario and sweep names. A name is the author's text ("../../victim",
 * "Cut (30%)", "..."); the folder is always one plain path segment, so output can never land
 * outside output/ or in output/ itself. Node-free (the explorer names downloads the same way).
 */

/** Longest folder name made from one name (file systems allow 255 bytes; paths get long). */
export const MAX_FOLDER_CHARS = 80;

// Names Windows reserves for devices, in any case and with any extension.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * One safe path segment from a name: letters, digits, '.', '_' and '-' only (every run of other
 * characters becomes one '_'), no leading or trailing dots, dashes or underscores (so never
 * "." or ".."), at most MAX_FOLDER_CHARS long; "unnamed" when nothing is left.
 * Plain names ("baseline", "funding-cut") are kept as they are.
 */
export function folderName(name: string, max = MAX_FOLDER_CHARS): string {
  let s = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+|[._-]+$/g, '');
  if (s.length > max) s = s.slice(0, max).replace(/[._-]+$/, '');
  if (s === '') return 'unnamed';
  return RESERVED.test(s) ? `${s}_` : s;
}

/** The default folder of a comparison: "<scenario>[+<scenario>…]-vs-<baseline>", kept short. */
export function comparisonFolderName(baseline: string, scenarios: string[]): string {
  const names = scenarios.map((s) => folderName(s));
  const joined = names.join('+');
  const head = joined.length <= MAX_FOLDER_CHARS ? joined : `${names[0]}+${names.length - 1}-more`;
  return `${head}-vs-${folderName(baseline)}`;
}
