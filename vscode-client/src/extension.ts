/**
 * The vault-ls extension: starts the bundled language server (a Java jar) for the vaults of the
 * window (see vaults.ts: by default only folders holding `.obsidian/` or `.vault-ls.json`), passes
 * the `vault-ls.*` settings to it, and shows the vault's indexing state in the status bar.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeLens,
  commands,
  env,
  ExtensionContext,
  LogOutputChannel,
  StatusBarAlignment,
  StatusBarItem,
  TextDocument,
  ThemeColor,
  Uri,
  window,
  workspace,
} from 'vscode';
import {
  DidChangeConfigurationNotification,
  DidChangeWorkspaceFoldersNotification,
  InitializeParams,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { bundledJavaHome, findJava, installedJavaCandidates, javaCandidates, probeJava } from './java';
import { RESTART_SETTINGS, SERVER_SETTINGS, serverSettings, VAULT_SETTINGS, withFolderSettings } from './settings';
import { VaultStatus, VaultStatuses } from './status';
import { TraceChannel } from './trace';
import { activationMode, diskProbe, isInside, outermost, rootForFile, VaultOptions, vaultRoots } from './vaults';

const SECTION = 'vault-ls';

let client: LanguageClient | undefined;
let output: LogOutputChannel;
let traceOutput: TraceChannel;
let statusItem: StatusBarItem;
const statuses = new VaultStatuses();
/** The vault folders the server was given as its workspace folders. */
let roots: string[] = [];
/** Root changes run one after the other: each compares with what the last one left. */
let rootsChange: Promise<void> = Promise.resolve();
/** The vaults of the workspace folders, worked out again only when the folders or settings change. */
let folderRoots: string[] | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  output = window.createOutputChannel('vault-ls', { log: true });
  traceOutput = new TraceChannel('vault-ls Trace', () => workspace.getConfiguration(SECTION).get<string>('trace.server'));
  statusItem = window.createStatusBarItem('vault-ls.status', StatusBarAlignment.Left, 0);
  statusItem.name = 'vault-ls';
  statusItem.command = 'vault-ls.showOutput';
  context.subscriptions.push(output, traceOutput, statusItem);

  context.subscriptions.push(
    commands.registerCommand('vault-ls.restartServer', async () => {
      output.info('restarting the server');
      await stopServer();
      if (roots.length === 0) {
        showNoVault();
        return;
      }
      await startServer(context);
    }),
    commands.registerCommand('vault-ls.showOutput', () => output.show(true)),
    workspace.onDidOpenTextDocument((doc) => {
      if (isFileNote(doc) && !roots.some((r) => isInside(doc.uri.fsPath, r))) {
        refreshRoots(context);
      }
    }),
    window.onDidChangeActiveTextEditor(() => showNoVaultOnlyForMarkdown()),
    workspace.onDidChangeWorkspaceFolders(() => {
      folderRoots = undefined;
      refreshRoots(context);
    }),
    workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(SECTION)) {
        return;
      }
      if (VAULT_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        folderRoots = undefined;
        refreshRoots(context);
      }
      if (e.affectsConfiguration(`${SECTION}.trace.server`)) {
        traceOutput.settingChanged();
      }
      if (client?.isRunning() && SERVER_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        output.info('settings changed; sending them to the server');
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: currentServerSettings() },
        });
      }
      if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        const choice = await window.showInformationMessage(
          'vault-ls: restart the language server to use the new Java or server settings?', 'Restart');
        if (choice === 'Restart') {
          await commands.executeCommand('vault-ls.restartServer');
        }
      }
    }),
  );

  refreshRoots(context);
  await rootsChange;
}

function isFileNote(doc: TextDocument): boolean {
  return doc.uri.scheme === 'file' && doc.languageId === 'markdown';
}

function vaultOptions(): VaultOptions {
  const config = workspace.getConfiguration(SECTION);
  const listed = config.get<unknown[]>('vaults') ?? [];
  const configFolder = (config.get<string>('configFolder') ?? '').trim();
  return {
    mode: activationMode(config.get('activation')),
    listed: Array.isArray(listed) ? listed.filter((l): l is string => typeof l === 'string') : [],
    configFolder: configFolder || '.obsidian',
  };
}

/**
 * Works out the vaults again (workspace folders, plus the vault of each note open outside them) and
 * starts, tells or stops the server to match: outside vaults no JVM runs.
 */
function refreshRoots(context: ExtensionContext): void {
  rootsChange = rootsChange.then(async () => {
    const options = vaultOptions();
    const folders = (workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    folderRoots ??= vaultRoots(folders, options, diskProbe); // a walk of the folders: not on every note opened
    const want = [...folderRoots];
    for (const doc of workspace.textDocuments.filter(isFileNote)) {
      const root = rootForFile(doc.uri.fsPath, want, options, diskProbe);
      if (root) {
        want.push(root);
      }
    }
    await applyRoots(outermost(want), context);
  }).catch((e) => output.error(`working out the vaults: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
}

async function applyRoots(want: string[], context: ExtensionContext): Promise<void> {
  const added = want.filter((r) => !roots.includes(r));
  const removed = roots.filter((r) => !want.includes(r));
  if (added.length === 0 && removed.length === 0 && (client || want.length === 0)) {
    if (want.length === 0) {
      showNoVault();
    }
    return;
  }
  roots = want;
  if (added.length > 0 || removed.length > 0) {
    output.info(`vaults: ${want.length === 0 ? 'none' : want.join(', ')}`);
  }
  if (want.length === 0) {
    await stopServer();
    showNoVault();
  } else if (!client) {
    await startServer(context);
  } else {
    await client.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: added.map(asFolder), removed: removed.map(asFolder) },
    });
    // A new vault's folder may have settings of its own (the `folders` part of the settings); only
    // then are they sent, since the server re-checks every vault on a settings change.
    const settings = currentServerSettings();
    if (added.some((r) => settings.folders?.[Uri.file(r).toString()])) {
      await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SECTION]: settings } });
    }
  }
}

function asFolder(root: string): { uri: string; name: string } {
  return { uri: Uri.file(root).toString(), name: path.basename(root) };
}

function showNoVault(): void {
  statuses.clear();
  const mode = vaultOptions().mode;
  showStatus('vault-ls: no vault', {
    tooltip: mode === 'markdown'
      ? 'No folder or file of this window is on disk, so vault-ls is not running.'
      : 'No folder of this window is a vault (it holds no .obsidian/ or .vault-ls.json), so vault-ls is not running.\n'
        + 'List a folder in "vault-ls.vaults", or set "vault-ls.activation" to "markdown" to treat every folder as a vault.',
  });
  showNoVaultOnlyForMarkdown();
}

/** Outside vaults the item shows only while a markdown note is in front: a code repository stays quiet. */
function showNoVaultOnlyForMarkdown(): void {
  if (roots.length > 0 || client) {
    return;
  }
  if (window.activeTextEditor?.document.languageId === 'markdown') {
    statusItem.show();
  } else {
    statusItem.hide();
  }
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

function currentServerSettings() {
  const config = workspace.getConfiguration(SECTION);
  const folders = roots.map((root) => {
    const scoped = workspace.getConfiguration(SECTION, Uri.file(root));
    return { uri: Uri.file(root).toString(), settings: serverSettings((key) => scoped.get(key)) };
  });
  return withFolderSettings(serverSettings((key) => config.get(key)), folders);
}

function showStatus(text: string, opts: { spin?: boolean; error?: boolean; tooltip?: string } = {}): void {
  const icon = opts.error ? '$(error)' : opts.spin ? '$(sync~spin)' : '$(book)';
  statusItem.text = `${icon} ${text}`;
  statusItem.tooltip = opts.tooltip ?? `${text}\nClick to show the vault-ls output.`;
  statusItem.backgroundColor = opts.error ? new ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.show();
}

function renderStatuses(): void {
  const details = statuses.details();
  showStatus(statuses.text(), {
    spin: statuses.indexing(),
    tooltip: [...details, 'Click to show the vault-ls output.'].join('\n'),
  });
}

async function startServer(context: ExtensionContext): Promise<void> {
  statuses.clear();
  showStatus('vault-ls: starting', { spin: true });
  const config = workspace.getConfiguration(SECTION);

  const customJar = (config.get<string>('server.jar') ?? '').trim();
  const jar = customJar || context.asAbsolutePath('server/vault-ls.jar');
  if (!fs.existsSync(jar)) {
    const message = customJar
      ? `vault-ls: the server jar set in "vault-ls.server.jar" does not exist: ${jar}`
      : `vault-ls: the bundled server is missing (${jar}); reinstall the extension.`;
    output.error(message);
    showStatus('vault-ls: no server', { error: true, tooltip: message });
    void offerSettings(message, 'vault-ls.server.jar');
    return;
  }

  const homes = { vaultLs: config.get<string>('java.home'), java: workspace.getConfiguration('java').get<string>('home') };
  const java = await findJava(
    javaCandidates(homes, process.env, process.platform, bundledJavaHome(context.extensionPath, fs.existsSync)),
    (exe) => probeJava(exe), () => installedJavaCandidates());
  if (!java.ok) {
    output.error(java.message);
    showStatus('vault-ls: Java 17+ needed', { error: true, tooltip: java.message });
    void offerSettings(java.message, 'vault-ls.java.home');
    return;
  }
  output.info(`using Java ${java.version} from ${java.source}: ${java.executable}`);

  const vmArgs = (config.get<unknown[]>('server.vmArgs') ?? []).filter((a): a is string => typeof a === 'string');
  const serverOptions: ServerOptions = {
    command: java.executable,
    args: [...vmArgs, '-jar', jar],
    transport: TransportKind.stdio, // the client appends --stdio, which the server accepts
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    initializationOptions: currentServerSettings(),
    outputChannel: output,
    traceOutputChannel: traceOutput,
    // File watchers for notes, attachments and settings files are registered by the server
    // (workspace/didChangeWatchedFiles, dynamically), so they follow its attachment list.
  };

  clientOptions.middleware = {
    workspace: {
      // The server's folders are the vaults (roots), not VS Code's: refreshRoots sends their changes.
      didChangeWorkspaceFolders: async () => undefined,
      workspaceFolders: async () => roots.map(asFolder),
    },
    // A reference-count lens runs editor.action.showReferences, which takes VS Code's own Uri,
    // Position and Location objects; the server sends them as JSON, so they are converted here.
    // The server gives a lens its command in codeLens/resolve, which VS Code asks for the lenses on
    // screen; a lens that came with its command is converted as it arrives.
    provideCodeLenses: async (document, token, next) => {
      const lenses = await next(document, token);
      for (const lens of lenses ?? []) {
        asShowReferences(lens);
      }
      return lenses;
    },
    resolveCodeLens: async (lens, token, next) => {
      const resolved = await next(lens, token);
      if (resolved) {
        asShowReferences(resolved);
      }
      return resolved;
    },
  };
  const asShowReferences = (lens: CodeLens) => {
    const cmd = lens.command;
    if (cmd?.command === 'editor.action.showReferences' && cmd.arguments?.length === 3
        && typeof cmd.arguments[0] === 'string') {
      const [uri, position, locations] = cmd.arguments;
      cmd.arguments = [
        Uri.parse(uri),
        c.protocol2CodeConverter.asPosition(position),
        (locations as object[]).map((l) => c.protocol2CodeConverter.asLocation(l as never)),
      ];
    }
  };
  const c = new LanguageClient('vault-ls', 'vault-ls', serverOptions, clientOptions);
  c.registerFeature({
    fillClientCapabilities: () => undefined,
    // Runs after the client's own workspace folder feature, so these folders are the ones sent.
    fillInitializeParams: (params: InitializeParams) => {
      params.workspaceFolders = roots.map(asFolder);
      params.rootUri = roots.length > 0 ? Uri.file(roots[0]).toString() : null;
      params.rootPath = roots[0] ?? null;
    },
    initialize: () => undefined,
    getState: () => ({ kind: 'static' }),
    clear: () => undefined,
  });
  c.onNotification('vault-ls/status', (params: VaultStatus) => {
    statuses.update(params);
    renderStatuses();
  });
  c.onDidChangeState((e) => {
    if (e.newState === State.Stopped && client === c) {
      showStatus('vault-ls: stopped', {
        error: true,
        tooltip: 'The vault-ls server is not running. Run "vault-ls: Restart Server", or click for its output.',
      });
    }
  });
  client = c;
  try {
    await c.start();
  } catch (e) {
    const message = `vault-ls: the language server did not start: ${e instanceof Error ? e.message : String(e)}`;
    output.error(message);
    showStatus('vault-ls: failed', { error: true, tooltip: message });
    void window.showErrorMessage(message, 'Show Output').then((choice) => {
      if (choice === 'Show Output') {
        output.show(true);
      }
    });
  }
}

async function stopServer(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (e) {
      output.warn(`stopping the server: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

async function offerSettings(message: string, setting: string): Promise<void> {
  const choice = await window.showErrorMessage(message, 'Open Settings', 'Show Output');
  if (choice === 'Open Settings') {
    await openSetting(setting);
  } else if (choice === 'Show Output') {
    output.show(true);
  }
}

/**
 * Opens the Settings editor at one setting. Java and jar paths are machine settings: in a remote
 * window (code-server, SSH, WSL, containers) they live in the Remote tab, not the User tab.
 */
async function openSetting(setting: string): Promise<void> {
  if (env.remoteName) {
    try {
      await commands.executeCommand('workbench.action.openRemoteSettings', { query: setting });
      return;
    } catch (e) {
      output.warn(`could not open the remote settings: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await commands.executeCommand('workbench.action.openSettings', setting);
}
