/**
 * Finding a Java runtime for the language server, in the order vscode-java and vscode-xml use: the
 * `vault-ls.java.home` setting, the runtime bundled in a per-platform VSIX (`jre/`), the `java.home` setting, `JDK_HOME`, `JAVA_HOME`, `java` on `PATH`,
 * then the usual install folders (found by the `jdk-utils` package: /usr/lib/jvm, SDKMAN, asdf,
 * mise, Homebrew, the Windows registry and others). The server is built for Java 17, so older
 * runtimes are reported, not used. Pure except for {@link probeJava}, which runs `java -version`,
 * and {@link installedJavaCandidates}, which scans the disk.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { findRuntimes, IJavaRuntime } from 'jdk-utils';

/** The oldest Java feature release the server runs on. */
export const MIN_JAVA = 17;

/** Where a candidate came from, as the error message names it. */
export type JavaSource =
  | 'setting vault-ls.java.home'
  | 'the bundled runtime'
  | 'setting java.home'
  | 'JDK_HOME'
  | 'JAVA_HOME'
  | 'PATH'
  | 'an install folder';

/** The Java home settings: `vault-ls.java.home` (this extension's) and `java.home` (vscode-java's). */
export interface JavaHomeSettings {
  vaultLs?: string;
  java?: string;
}

export interface JavaCandidate {
  source: JavaSource;
  /** The `java` executable to run: an absolute path, or plain `java` for a PATH lookup. */
  executable: string;
}

/** What running `java -version` gave: its combined output, or why it could not run. */
export type ProbeResult = { output: string } | { error: string };

export type JavaLookup =
  | { ok: true; executable: string; version: number; source: JavaSource }
  | { ok: false; message: string };

/**
 * The feature release in `java -version` output: `"17.0.15"` → 17, `"1.8.0_392"` → 8,
 * `"21"` → 21, `"25-ea"` → 25. Undefined when the output names no version.
 */
export function parseJavaVersion(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output)
    ?? /^(?:openjdk|java)\s+(\d+)(?:\.(\d+))?/m.exec(output);
  if (!m) {
    return undefined;
  }
  const major = Number(m[1]);
  if (major === 1 && m[2] !== undefined) {
    return Number(m[2]); // the old 1.x scheme: 1.8 is Java 8
  }
  return major;
}

/**
 * The runtimes to try, in order. A configured `vault-ls.java.home` is the only candidate: a user
 * who set it wants that runtime, and falling back silently would hide a typo. Then the runtime that
 * a per-platform VSIX bundles (`bundled`: its folder, given only when it holds `bin/java`), which was
 * linked for this jar. `java.home` belongs to vscode-java, so it is only tried next.
 */
export function javaCandidates(
  settings: JavaHomeSettings,
  env: Record<string, string | undefined>,
  platform: string = process.platform,
  bundled?: string,
): JavaCandidate[] {
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  const home = settings.vaultLs?.trim();
  if (home) {
    return [{ source: 'setting vault-ls.java.home', executable: path.join(home, 'bin', exe) }];
  }
  const candidates: JavaCandidate[] = [];
  const homes: [JavaSource, string | undefined][] = [
    ['the bundled runtime', bundled],
    ['setting java.home', settings.java],
    ['JDK_HOME', env.JDK_HOME],
    ['JAVA_HOME', env.JAVA_HOME],
  ];
  for (const [source, dir] of homes) {
    const d = dir?.trim();
    if (d && !candidates.some((c) => c.executable === path.join(d, 'bin', exe))) {
      candidates.push({ source, executable: path.join(d, 'bin', exe) });
    }
  }
  candidates.push({ source: 'PATH', executable: exe });
  return candidates;
}

/**
 * Runtimes in the usual install folders, newest first (those whose version jdk-utils cannot read
 * last); `find` is jdk-utils' `findRuntimes`, replaced in tests.
 */
export async function installedJavaCandidates(
  platform: string = process.platform,
  find: (options: { withVersion: boolean }) => Promise<IJavaRuntime[]> = (o) =>
    findRuntimes({ ...o, skipFrom: { javaHomeEnv: true, jdkHomeEnv: true, inPathEnv: true } }),
): Promise<JavaCandidate[]> {
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  let runtimes: IJavaRuntime[];
  try {
    runtimes = await find({ withVersion: true });
  } catch {
    return [];
  }
  return [...runtimes]
    .sort((a, b) => (b.version?.major ?? 0) - (a.version?.major ?? 0))
    .map((r) => ({ source: 'an install folder' as const, executable: path.join(r.homedir, 'bin', exe) }));
}

/**
 * The first candidate that runs and is Java 17 or newer; otherwise a message that says what was
 * found and what to install or set.
 */
export async function findJava(
  candidates: JavaCandidate[],
  probe: (executable: string) => Promise<ProbeResult>,
  more: () => Promise<JavaCandidate[]> = async () => [],
): Promise<JavaLookup> {
  const findings: string[] = [];
  const configured = candidates.some((c) => c.source === 'setting vault-ls.java.home');
  const tried = new Set<string>();
  // The install folders are scanned only when nothing named before is usable, and never past a
  // configured vault-ls.java.home.
  for await (const c of lazyConcat(candidates, configured ? async () => [] : more)) {
    if (tried.has(c.executable)) {
      continue;
    }
    tried.add(c.executable);
    const where = c.source === 'PATH' ? 'PATH' : `${c.source} (${c.executable})`;
    const result = await probe(c.executable);
    if ('error' in result) {
      findings.push(`${where}: ${result.error}`);
      continue;
    }
    const version = parseJavaVersion(result.output);
    if (version === undefined) {
      findings.push(`${where}: cannot tell the version from "${firstLine(result.output)}"`);
    } else if (version < MIN_JAVA) {
      findings.push(`${where}: Java ${version} is too old`);
    } else {
      return { ok: true, executable: c.executable, version, source: c.source };
    }
  }
  return {
    ok: false,
    message: `vault-ls needs Java ${MIN_JAVA} or newer to run its language server. Found: ${findings.join('; ')}. `
      + `Install a Java ${MIN_JAVA}+ runtime (for example Eclipse Temurin from adoptium.net, or `
      + `"sudo apt install openjdk-${MIN_JAVA}-jre-headless"), then set "vault-ls.java.home" to its folder `
      + `or put its bin folder on PATH.`,
  };
}

async function* lazyConcat<T>(first: T[], then: () => Promise<T[]>): AsyncGenerator<T> {
  yield* first;
  yield* await then();
}

function firstLine(s: string): string {
  const line = s.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? line.slice(0, 77) + '...' : line;
}

/**
 * The runtime folder a per-platform VSIX carries (`<extension>/jre`), or undefined when it has none
 * (the universal VSIX) or its `java` is missing.
 */
export function bundledJavaHome(
  extensionPath: string,
  exists: (p: string) => boolean,
  platform: string = process.platform,
): string | undefined {
  const home = path.join(extensionPath, 'jre');
  return exists(path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java')) ? home : undefined;
}

/** Runs `<executable> -version` (which prints to stderr) with a time limit. */
export function probeJava(executable: string, timeoutMs = 15000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    execFile(executable, ['-version'], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
      const output = `${stderr ?? ''}${stdout ?? ''}`;
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          resolve({ error: 'no java command there' });
        } else if (code === 'EACCES') {
          resolve({ error: 'not executable' });
        } else if (err.killed) {
          resolve({ error: `"java -version" did not answer within ${timeoutMs / 1000} s` });
        } else {
          resolve({ error: `"java -version" failed: ${firstLine(output || err.message)}` });
        }
        return;
      }
      resolve({ output });
    });
  });
}
