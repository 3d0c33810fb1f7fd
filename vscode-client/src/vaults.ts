/**
 * Which folders are vaults, so that the language server (a JVM of 200-350 MB) starts only where it
 * is wanted. A vault is a folder holding Obsidian's config folder (`.obsidian/`, or the
 * `vault-ls.configFolder` setting) or a `.vault-ls.json`, or one listed in `vault-ls.vaults`. In
 * `markdown` mode every workspace folder counts, as does the folder of a note opened on its own.
 * Pure: the disk is read through a {@link FsProbe}.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ActivationMode = 'vaults' | 'markdown';

/** The few disk questions detection asks; {@link diskProbe} answers them from the real disk. */
export interface FsProbe {
  isDir(p: string): boolean;
  isFile(p: string): boolean;
  /** Names of the sub-folders of a folder; empty when it cannot be read. */
  subfolders(p: string): string[];
}

export interface VaultOptions {
  mode: ActivationMode;
  /** `vault-ls.vaults`: absolute paths, or paths relative to a workspace folder. */
  listed: string[];
  configFolder: string;
}

/** How deep below a workspace folder vaults are looked for (the server looks as deep). */
export const NESTED_VAULT_DEPTH = 4;

/** Folders never looked into for nested vaults: they hold tools, not notes. */
const SKIPPED = new Set(['node_modules', 'target', 'build', 'dist', 'out']);

export function isVault(dir: string, probe: FsProbe, configFolder: string): boolean {
  return probe.isDir(path.join(dir, configFolder)) || probe.isFile(path.join(dir, '.vault-ls.json'));
}

/** The `vault-ls.vaults` entries as absolute folders, relative ones resolved against every workspace folder. */
export function listedFolders(folders: string[], listed: string[]): string[] {
  const out: string[] = [];
  for (const entry of listed.map((l) => l.trim()).filter((l) => l !== '')) {
    if (path.isAbsolute(entry)) {
      out.push(path.normalize(entry));
    } else {
      out.push(...folders.map((f) => path.resolve(f, entry)));
    }
  }
  return out;
}

/**
 * The folders to hand the server as its workspace folders: in `markdown` mode every workspace
 * folder; in `vaults` mode each workspace folder that is a vault, else the vaults inside it. Listed
 * folders are added in both. A root inside another root is dropped: the server finds nested vaults
 * itself.
 */
export function vaultRoots(folders: string[], options: VaultOptions, probe: FsProbe): string[] {
  const listed = listedFolders(folders, options.listed).filter((f) => probe.isDir(f));
  const roots: string[] = [];
  for (const folder of folders.map((f) => path.normalize(f))) {
    if (options.mode === 'markdown' || isVault(folder, probe, options.configFolder) || listed.includes(folder)) {
      roots.push(folder);
    } else {
      roots.push(...nestedVaults(folder, probe, options.configFolder, NESTED_VAULT_DEPTH));
    }
  }
  roots.push(...listed);
  return outermost(roots);
}

function nestedVaults(folder: string, probe: FsProbe, configFolder: string, depth: number): string[] {
  if (depth === 0) {
    return [];
  }
  const out: string[] = [];
  for (const name of probe.subfolders(folder)) {
    if (name.startsWith('.') || SKIPPED.has(name)) {
      continue;
    }
    const sub = path.join(folder, name);
    if (isVault(sub, probe, configFolder)) {
      out.push(sub);
    } else {
      out.push(...nestedVaults(sub, probe, configFolder, depth - 1));
    }
  }
  return out;
}

/** Distinct roots, without those inside another one. */
export function outermost(roots: string[]): string[] {
  const unique = [...new Set(roots)];
  return unique.filter((r) => !unique.some((o) => o !== r && isInside(r, o)));
}

/** Whether `p` is `folder` or inside it. */
export function isInside(p: string, folder: string): boolean {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The root that serves a markdown file: a root holding it, else the nearest vault above it, else
 * (in `markdown` mode only) its own folder. Undefined: no server for this file.
 */
export function rootForFile(file: string, roots: string[], options: VaultOptions, probe: FsProbe): string | undefined {
  const holding = roots.filter((r) => isInside(file, r)).sort((a, b) => b.length - a.length)[0];
  if (holding) {
    return holding;
  }
  const listed = listedFolders([], options.listed);
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (isVault(dir, probe, options.configFolder) || listed.includes(dir)) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      break;
    }
  }
  return options.mode === 'markdown' ? path.dirname(file) : undefined;
}

/** The activation mode of a setting's value; anything else is the default, `vaults`. */
export function activationMode(value: unknown): ActivationMode {
  return value === 'markdown' ? 'markdown' : 'vaults';
}

export const diskProbe: FsProbe = {
  isDir: (p) => {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  isFile: (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  subfolders: (p) => {
    try {
      return fs.readdirSync(p, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    } catch {
      return [];
    }
  },
};
