/**
 * Maps the `vault-ls.*` VS Code settings to the object the server accepts as initializationOptions
 * and in workspace/didChangeConfiguration: the keys of `.vault-ls.json`. Client-only settings
 * (`java`, `server`, `trace`) stay out, and malformed values are dropped so the server keeps its
 * defaults. A vault's own `.vault-ls.json` still wins, key by key, on the server side.
 */

export const DIAGNOSTIC_CODES = [
  'broken-link',
  'broken-heading',
  'broken-block',
  'alias-link',
  'ambiguous-link',
  'empty-frontmatter-field',
  'missing-frontmatter-field',
  'invalid-frontmatter',
  'unknown-owner',
  'unreadable-file',
  'note-too-complex',
  'link-outside-vault',
  'invalid-date',
  'overdue-task',
  'stale-contact',
  'unlinked-mention',
  'dataview-syntax',
  'dataview-unknown-source',
  'dataview-unknown-function',
  'dataview-unknown-field',
  'dataview-unknown-owner',
] as const;

export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;

export const MENTIONS_MODES = ['editor', 'always', 'off'] as const;
export type MentionsMode = (typeof MENTIONS_MODES)[number];

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** The server's settings object; absent keys mean "the server's default". */
export interface ServerSettings {
  severity?: Partial<Record<DiagnosticCode, SeverityLevel>>;
  people?: { types?: string[]; tags?: string[] };
  keyFactsHeading?: string;
  requiredFields?: Record<string, string[]>;
  ignore?: string[];
  configFolder?: string;
  emptyFieldsAllowed?: string[];
  staleContactDays?: number;
  unlinkedMentions?: MentionsMode;
  cache?: boolean;
}

/** Reads one setting below `vault-ls.`, e.g. `people.types`; `workspace.getConfiguration('vault-ls').get`. */
export type SettingsReader = (key: string) => unknown;

export function serverSettings(read: SettingsReader): ServerSettings {
  const out: ServerSettings = {};

  const severity = read('severity');
  if (isObject(severity)) {
    const levels: Partial<Record<DiagnosticCode, SeverityLevel>> = {};
    for (const code of DIAGNOSTIC_CODES) {
      const v = severity[code];
      if (typeof v === 'string' && (SEVERITY_LEVELS as readonly string[]).includes(v.toLowerCase())) {
        levels[code] = v.toLowerCase() as SeverityLevel;
      }
    }
    if (Object.keys(levels).length > 0) {
      out.severity = levels;
    }
  }

  const types = stringList(read('people.types'));
  const tags = stringList(read('people.tags'))?.map((t) => t.replace(/^#/, ''));
  if (types || tags) {
    out.people = {};
    if (types) {
      out.people.types = types;
    }
    if (tags) {
      out.people.tags = tags;
    }
  }

  const heading = read('keyFactsHeading');
  if (typeof heading === 'string' && heading.trim() !== '') {
    out.keyFactsHeading = heading.trim();
  }

  const required = read('requiredFields');
  if (isObject(required)) {
    const fields: Record<string, string[]> = {};
    for (const [type, keys] of Object.entries(required)) {
      const list = stringList(keys);
      if (type.trim() !== '' && list) {
        fields[type.trim()] = list;
      }
    }
    if (Object.keys(fields).length > 0) {
      out.requiredFields = fields;
    }
  }

  const ignore = stringList(read('ignore'));
  if (ignore && ignore.length > 0) {
    out.ignore = ignore;
  }

  const configFolder = read('configFolder');
  if (typeof configFolder === 'string' && configFolder.trim() !== '' && configFolder.trim() !== '.obsidian') {
    out.configFolder = configFolder.trim();
  }

  const emptyAllowed = stringList(read('emptyFieldsAllowed'));
  if (emptyAllowed) {
    out.emptyFieldsAllowed = emptyAllowed;
  }

  const staleDays = read('staleContactDays');
  if (typeof staleDays === 'number' && Number.isInteger(staleDays) && staleDays > 0) {
    out.staleContactDays = staleDays;
  }

  const mentions = read('unlinkedMentions');
  if (typeof mentions === 'string' && (MENTIONS_MODES as readonly string[]).includes(mentions.trim().toLowerCase())
      && mentions.trim().toLowerCase() !== 'editor') {
    out.unlinkedMentions = mentions.trim().toLowerCase() as MentionsMode; // editor is the server's default
  }

  if (read('cache') === false) {
    out.cache = false; // on is the server's default
  }
  return out;
}

/** The settings sent to the server: the window's, plus `folders` for vaults whose settings differ. */
export type ServerSettingsWithFolders = ServerSettings & { folders?: Record<string, ServerSettings> };

/**
 * Adds the settings of each vault folder (VS Code's "resource" scope: a workspace folder's own
 * settings) that differ from the window's, keyed by the folder's URI; the server puts a folder's keys
 * over the window's for the vaults inside it.
 */
export function withFolderSettings(
  base: ServerSettings,
  folders: { uri: string; settings: ServerSettings }[],
): ServerSettingsWithFolders {
  const differing = folders.filter((f) => JSON.stringify(f.settings) !== JSON.stringify(base));
  if (differing.length === 0) {
    return base;
  }
  return { ...base, folders: Object.fromEntries(differing.map((f) => [f.uri, f.settings])) };
}

/** The settings the server reads: a change to one of them is sent to it. */
export const SERVER_SETTINGS = [
  'vault-ls.severity',
  'vault-ls.people',
  'vault-ls.keyFactsHeading',
  'vault-ls.requiredFields',
  'vault-ls.ignore',
  'vault-ls.configFolder',
  'vault-ls.emptyFieldsAllowed',
  'vault-ls.staleContactDays',
  'vault-ls.unlinkedMentions',
] as const;

/** The settings that decide which folders are vaults. */
export const VAULT_SETTINGS = ['vault-ls.activation', 'vault-ls.vaults', 'vault-ls.configFolder'] as const;

/** The settings that only take effect when the server process is started again. */
export const RESTART_SETTINGS = ['vault-ls.java.home', 'vault-ls.server.vmArgs', 'vault-ls.server.jar'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Trimmed non-empty strings of an array; undefined when the value is not an array. */
function stringList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) {
    return undefined;
  }
  return v.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x !== '');
}
