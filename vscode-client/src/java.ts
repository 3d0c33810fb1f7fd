/**
 * Finding a Java runtime for the language server: the `vault-ls.java.home` setting, then
 * `JAVA_HOME`, then `java` on `PATH`. The server is built for Java 17, so older runtimes are
 * reported, not used. Pure except for {@link probeJava}, which runs `java -version`.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

/** The oldest Java feature release the server runs on. */
export const MIN_JAVA = 17;

/** Where a candidate came from, as the error message names it. */
export type JavaSource = 'setting vault-ls.java.home' | 'JAVA_HOME' | 'PATH';

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
 * The runtimes to try, in order. A configured home is the only candidate: a user who set it
 * wants that runtime, and falling back silently would hide a typo.
 */
export function javaCandidates(
  settingHome: string | undefined,
  env: Record<string, string | undefined>,
  platform: string = process.platform,
): JavaCandidate[] {
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  const home = settingHome?.trim();
  if (home) {
    return [{ source: 'setting vault-ls.java.home', executable: path.join(home, 'bin', exe) }];
  }
  const candidates: JavaCandidate[] = [];
  const javaHome = env.JAVA_HOME?.trim();
  if (javaHome) {
    candidates.push({ source: 'JAVA_HOME', executable: path.join(javaHome, 'bin', exe) });
  }
  candidates.push({ source: 'PATH', executable: exe });
  return candidates;
}

/**
 * The first candidate that runs and is Java 17 or newer; otherwise a message that says what was
 * found and what to install or set.
 */
export async function findJava(
  candidates: JavaCandidate[],
  probe: (executable: string) => Promise<ProbeResult>,
): Promise<JavaLookup> {
  const findings: string[] = [];
  for (const c of candidates) {
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

function firstLine(s: string): string {
  const line = s.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? line.slice(0, 77) + '...' : line;
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
