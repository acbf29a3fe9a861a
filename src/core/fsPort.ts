/**
 * What core needs from a file system. Paths are absolute POSIX-style paths
 * (the `path` of a workspace URI); the extension implements this over
 * `vscode.workspace.fs`, tests over Node's fs.
 */
export interface ReadFs {
  /** The file's bytes, or undefined when there is no file at that path. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Entries of a folder, or [] when the folder does not exist. */
  readDirectory(path: string): Promise<DirEntry[]>;
  /** What sits at a path, or undefined when nothing does. */
  stat(path: string): Promise<'file' | 'directory' | undefined>;
}

export interface DirEntry {
  name: string;
  type: 'file' | 'directory';
}

const decoder = new TextDecoder('utf-8');

export async function readText(fs: ReadFs, path: string): Promise<string | undefined> {
  const bytes = await fs.readFile(path);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

/** Like readText, but a file that cannot be read (permissions, a remote's limits) counts as absent: for best-effort scans. */
export async function tryReadText(fs: ReadFs, path: string): Promise<string | undefined> {
  try {
    return await readText(fs, path);
  } catch {
    return undefined;
  }
}
