/**
 * The channel for protocol traces. vscode-languageclient traces only while its trace channel's log
 * level is Trace, which a user cannot tell from the `vault-ls.trace.server` setting; this channel
 * reports the level from that setting instead, so "messages" or "verbose" is all it takes.
 */
import { Event, EventEmitter, LogLevel, LogOutputChannel, OutputChannel, ViewColumn, window } from 'vscode';

export class TraceChannel implements LogOutputChannel {
  private readonly channel: OutputChannel;
  private readonly levelChanged = new EventEmitter<LogLevel>();
  readonly onDidChangeLogLevel: Event<LogLevel> = this.levelChanged.event;

  constructor(name: string, private readonly setting: () => string | undefined) {
    this.channel = window.createOutputChannel(name);
  }

  get name(): string {
    return this.channel.name;
  }

  get logLevel(): LogLevel {
    const value = this.setting();
    return value === undefined || value === 'off' ? LogLevel.Off : LogLevel.Trace;
  }

  /** Call when `vault-ls.trace.server` changed: the client then starts or stops tracing. */
  settingChanged(): void {
    this.levelChanged.fire(this.logLevel);
  }

  trace(message: string, ...args: unknown[]): void {
    this.line('trace', message, args);
  }

  debug(message: string, ...args: unknown[]): void {
    this.line('debug', message, args);
  }

  info(message: string, ...args: unknown[]): void {
    this.line('info', message, args);
  }

  warn(message: string, ...args: unknown[]): void {
    this.line('warning', message, args);
  }

  error(error: string | Error, ...args: unknown[]): void {
    this.line('error', error instanceof Error ? error.stack ?? error.message : error, args);
  }

  append(value: string): void {
    this.channel.append(value);
  }

  appendLine(value: string): void {
    this.channel.appendLine(value);
  }

  replace(value: string): void {
    this.channel.replace(value);
  }

  clear(): void {
    this.channel.clear();
  }

  show(preserveFocus?: boolean): void;
  show(column?: ViewColumn, preserveFocus?: boolean): void;
  show(a?: boolean | ViewColumn, b?: boolean): void {
    this.channel.show(typeof a === 'boolean' ? a : b);
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    this.levelChanged.dispose();
    this.channel.dispose();
  }

  private line(level: string, message: string, args: unknown[]): void {
    const extra = args.length > 0 ? ' ' + args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : '';
    this.channel.appendLine(`${new Date().toISOString()} [${level}] ${message}${extra}`);
  }
}
