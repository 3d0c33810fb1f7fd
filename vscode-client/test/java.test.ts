import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { bundledJavaHome, findJava, installedJavaCandidates, javaCandidates, parseJavaVersion, ProbeResult } from '../src/java';

describe('parseJavaVersion', () => {
  it('reads the feature release of a modern OpenJDK', () => {
    const out = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)\n';
    assert.equal(parseJavaVersion(out), 17);
  });

  it('reads a release with no minor part', () => {
    assert.equal(parseJavaVersion('openjdk version "21" 2023-09-19\n'), 21);
  });

  it('reads an early-access build', () => {
    assert.equal(parseJavaVersion('openjdk version "25-ea" 2025-09-16\n'), 25);
  });

  it('reads the old 1.x scheme as its minor number', () => {
    assert.equal(parseJavaVersion('java version "1.8.0_392"\nJava(TM) SE Runtime Environment\n'), 8);
  });

  it('skips JVM chatter printed before the version line', () => {
    const out = 'Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8\nopenjdk version "11.0.22" 2024-01-16\n';
    assert.equal(parseJavaVersion(out), 11);
  });

  it('reads the --version style of output', () => {
    assert.equal(parseJavaVersion('openjdk 22.0.1 2024-04-16\n'), 22);
  });

  it('gives nothing for output without a version', () => {
    assert.equal(parseJavaVersion('Error: could not create the Java Virtual Machine.'), undefined);
  });
});

describe('javaCandidates', () => {
  it('tries the bundled runtime first, before java.home, JDK_HOME, JAVA_HOME and PATH', () => {
    const c = javaCandidates({ java: '/opt/a' }, { JDK_HOME: '/opt/b', JAVA_HOME: '/opt/c' }, 'linux', '/ext/jre');
    assert.deepEqual(c.map((x) => x.source), ['the bundled runtime', 'setting java.home', 'JDK_HOME', 'JAVA_HOME', 'PATH']);
    assert.equal(c[0].executable, path.join('/ext/jre', 'bin', 'java'));
  });

  it('lets vault-ls.java.home win over the bundled runtime', () => {
    const c = javaCandidates({ vaultLs: '/opt/jdk-21' }, {}, 'linux', '/ext/jre');
    assert.deepEqual(c, [{ source: 'setting vault-ls.java.home', executable: path.join('/opt/jdk-21', 'bin', 'java') }]);
  });

  it('uses java.exe in the bundled runtime on Windows', () => {
    const c = javaCandidates({}, {}, 'win32', 'C:\\ext\\jre');
    assert.deepEqual(c[0], { source: 'the bundled runtime', executable: path.join('C:\\ext\\jre', 'bin', 'java.exe') });
  });

  it('tries JAVA_HOME before PATH', () => {
    const c = javaCandidates({}, { JAVA_HOME: '/opt/jdk-21' }, 'linux');
    assert.deepEqual(c, [
      { source: 'JAVA_HOME', executable: path.join('/opt/jdk-21', 'bin', 'java') },
      { source: 'PATH', executable: 'java' },
    ]);
  });

  it('uses only the configured home when the setting is set', () => {
    const c = javaCandidates({ vaultLs: '/opt/jdk-17' }, { JAVA_HOME: '/opt/jdk-21' }, 'linux');
    assert.deepEqual(c, [{ source: 'setting vault-ls.java.home', executable: path.join('/opt/jdk-17', 'bin', 'java') }]);
  });

  it('treats a blank setting and a blank JAVA_HOME as unset', () => {
    assert.deepEqual(javaCandidates({ vaultLs: '  ' }, { JAVA_HOME: '' }, 'linux'), [{ source: 'PATH', executable: 'java' }]);
  });

  it('tries java.home, JDK_HOME and JAVA_HOME, in that order, before PATH', () => {
    const c = javaCandidates({ java: '/opt/a' }, { JDK_HOME: '/opt/b', JAVA_HOME: '/opt/c' }, 'linux');
    assert.deepEqual(c.map((x) => x.source), ['setting java.home', 'JDK_HOME', 'JAVA_HOME', 'PATH']);
    assert.deepEqual(c.map((x) => x.executable), [
      path.join('/opt/a', 'bin', 'java'), path.join('/opt/b', 'bin', 'java'), path.join('/opt/c', 'bin', 'java'), 'java']);
  });

  it('names a home that two sources share once', () => {
    const c = javaCandidates({}, { JDK_HOME: '/opt/jdk', JAVA_HOME: '/opt/jdk' }, 'linux');
    assert.deepEqual(c.map((x) => x.source), ['JDK_HOME', 'PATH']);
  });

  it('lets vault-ls.java.home win over java.home', () => {
    const c = javaCandidates({ vaultLs: '/opt/mine', java: '/opt/theirs' }, {}, 'linux');
    assert.deepEqual(c.map((x) => x.source), ['setting vault-ls.java.home']);
  });

  it('looks for java.exe on Windows', () => {
    assert.deepEqual(javaCandidates({}, {}, 'win32'), [{ source: 'PATH', executable: 'java.exe' }]);
  });
});

describe('findJava', () => {
  const runtimes = (answers: Record<string, ProbeResult>) => async (exe: string): Promise<ProbeResult> =>
    answers[exe] ?? { error: 'no java command there' };

  it('skips a JAVA_HOME that is too old and takes the java on PATH', async () => {
    const found = await findJava(
      [{ source: 'JAVA_HOME', executable: '/old/bin/java' }, { source: 'PATH', executable: 'java' }],
      runtimes({
        '/old/bin/java': { output: 'openjdk version "11.0.2" 2019-01-15' },
        java: { output: 'openjdk version "17.0.15" 2025-04-15' },
      }),
    );
    assert.deepEqual(found, { ok: true, executable: 'java', version: 17, source: 'PATH' });
  });

  it('explains every runtime it rejected and says what to install or set', async () => {
    const found = await findJava(
      [{ source: 'JAVA_HOME', executable: '/old/bin/java' }, { source: 'PATH', executable: 'java' }],
      runtimes({ '/old/bin/java': { output: 'java version "1.8.0_392"' } }),
    );
    assert.equal(found.ok, false);
    const message = (found as { message: string }).message;
    assert.match(message, /needs Java 17 or newer/);
    assert.match(message, /JAVA_HOME \(\/old\/bin\/java\): Java 8 is too old/);
    assert.match(message, /PATH: no java command there/);
    assert.match(message, /set "vault-ls\.java\.home"/);
  });

  it('rejects a runtime whose version it cannot read', async () => {
    const found = await findJava([{ source: 'PATH', executable: 'java' }], runtimes({ java: { output: 'garbage' } }));
    assert.equal(found.ok, false);
    assert.match((found as { message: string }).message, /cannot tell the version from "garbage"/);
  });
});

describe('installedJavaCandidates', () => {
  it('lists the runtimes jdk-utils finds, newest first', async () => {
    const c = await installedJavaCandidates('linux', async () => [
      { homedir: '/usr/lib/jvm/java-11', version: { java_version: '11.0.2', major: 11 } },
      { homedir: '/usr/lib/jvm/java-21', version: { java_version: '21.0.1', major: 21 } },
      { homedir: '/opt/unknown' },
    ]);
    assert.deepEqual(c.map((x) => x.executable), [
      path.join('/usr/lib/jvm/java-21', 'bin', 'java'),
      path.join('/usr/lib/jvm/java-11', 'bin', 'java'),
      path.join('/opt/unknown', 'bin', 'java'),
    ]);
    assert.ok(c.every((x) => x.source === 'an install folder'));
  });

  it('gives nothing when the scan fails', async () => {
    assert.deepEqual(await installedJavaCandidates('linux', async () => { throw new Error('EACCES'); }), []);
  });

  it('finds a real runtime on this machine through jdk-utils', async () => {
    const c = await installedJavaCandidates();
    assert.ok(Array.isArray(c));
  });
});

describe('findJava with install folders', () => {
  const probe = (table: Record<string, ProbeResult>) => async (exe: string): Promise<ProbeResult> =>
    table[exe] ?? { error: 'no java command there' };

  it('scans the install folders only when nothing before them works', async () => {
    let scanned = false;
    const r = await findJava([{ source: 'PATH', executable: 'java' }],
      probe({ '/jvm/21/bin/java': { output: 'openjdk version "21.0.1"' } }),
      async () => { scanned = true; return [{ source: 'an install folder', executable: '/jvm/21/bin/java' }]; });
    assert.ok(scanned);
    assert.deepEqual(r, { ok: true, executable: '/jvm/21/bin/java', version: 21, source: 'an install folder' });
  });

  it('does not scan when PATH has a Java 17+', async () => {
    let scanned = false;
    const r = await findJava([{ source: 'PATH', executable: 'java' }], probe({ java: { output: 'openjdk version "17.0.1"' } }),
      async () => { scanned = true; return []; });
    assert.equal(scanned, false);
    assert.equal(r.ok, true);
  });

  it('never falls back past a configured vault-ls.java.home', async () => {
    const r = await findJava([{ source: 'setting vault-ls.java.home', executable: '/typo/bin/java' }], probe({}),
      async () => [{ source: 'an install folder', executable: '/jvm/21/bin/java' }]);
    assert.equal(r.ok, false);
  });
});

describe('bundledJavaHome', () => {
  it('is the extension\'s jre folder when it holds bin/java', () => {
    const seen: string[] = [];
    const home = bundledJavaHome('/ext', (p) => { seen.push(p); return true; }, 'linux');
    assert.equal(home, path.join('/ext', 'jre'));
    assert.deepEqual(seen, [path.join('/ext', 'jre', 'bin', 'java')]);
  });

  it('looks for java.exe on Windows', () => {
    const seen: string[] = [];
    bundledJavaHome('/ext', (p) => { seen.push(p); return false; }, 'win32');
    assert.deepEqual(seen, [path.join('/ext', 'jre', 'bin', 'java.exe')]);
  });

  it('is undefined in the universal VSIX, which has no runtime', () => {
    assert.equal(bundledJavaHome('/ext', () => false, 'linux'), undefined);
  });
});

describe('findJava with a bundled runtime', () => {
  it('runs the bundled java and never scans the install folders', async () => {
    let scanned = false;
    const found = await findJava(
      javaCandidates({}, {}, 'linux', '/ext/jre'),
      async (exe) => (exe === path.join('/ext/jre', 'bin', 'java') ? { output: 'openjdk version "17.0.15" 2025-04-15' } : { error: 'no java command there' }),
      async () => { scanned = true; return []; });
    assert.deepEqual(found, { ok: true, executable: path.join('/ext/jre', 'bin', 'java'), version: 17, source: 'the bundled runtime' });
    assert.equal(scanned, false);
  });
});
