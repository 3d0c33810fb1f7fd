/**
 * The vault-ls extension: starts the bundled language server (a Java jar) for markdown files,
 * passes the `vault-ls.*` settings to it, and shows the vault's indexing state in the status bar.
 */
import * as fs from 'node:fs';
import {
  commands,
  env,
  ExtensionContext,
  LogOutputChannel,
  StatusBarAlignment,
  StatusBarItem,
  ThemeColor,
  window,
  workspace,
} from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { findJava, installedJavaCandidates, javaCandidates, probeJava } from './java';
import { RESTART_SETTINGS, SERVER_SETTINGS, serverSettings } from './settings';
import { VaultStatus, VaultStatuses } from './status';
import { TraceChannel } from './trace';

const SECTION = 'vault-ls';

let client: LanguageClient | undefined;
let output: LogOutputChannel;
let traceOutput: TraceChannel;
let statusItem: StatusBarItem;
const statuses = new VaultStatuses();

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
      await startServer(context);
    }),
    commands.registerCommand('vault-ls.showOutput', () => output.show(true)),
    workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(SECTION)) {
        return;
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

  await startServer(context);
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

function currentServerSettings() {
  const config = workspace.getConfiguration(SECTION);
  return serverSettings((key) => config.get(key));
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
  const java = await findJava(javaCandidates(homes, process.env), (exe) => probeJava(exe), () => installedJavaCandidates());
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

  const c = new LanguageClient('vault-ls', 'vault-ls', serverOptions, clientOptions);
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
