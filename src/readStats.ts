import type * as vscode from 'vscode';

/**
 * Files read through src/workspaceFs.ts since the last reset, by URI: `npm run bench`
 * checks that no command reads a file twice. Counting starts with the first
 * reset, so normal use keeps no map.
 */
const readCounts = new Map<string, number>();
let countingReads = false;

export function countRead(uri: vscode.Uri): vscode.Uri {
  if (countingReads) readCounts.set(uri.toString(), (readCounts.get(uri.toString()) ?? 0) + 1);
  return uri;
}

/** How many reads went through this module since the last reset, of how many distinct files, and which files were read more than once. */
export function readStats(): { reads: number; distinct: number; repeated: string[] } {
  let reads = 0;
  const repeated: string[] = [];
  for (const [key, count] of readCounts) {
    reads += count;
    if (count > 1) repeated.push(key);
  }
  return { reads, distinct: readCounts.size, repeated };
}

export function resetReadStats(): void {
  countingReads = true;
  readCounts.clear();
}


/**
 * UTF-8 text with its byte order mark kept (TextDecoder drops it by default),
 * so a rewrite of the whole file keeps it too. An editor's text never holds
 * the mark: VS Code keeps the file's encoding itself.
 */
export function decodeKeepingBom(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

export const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');
