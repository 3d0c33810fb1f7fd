import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { activationMode, FsProbe, rootForFile, VaultOptions, vaultRoots } from '../src/vaults';

/** A disk of folders and files given as absolute paths; folders end in '/'. */
function disk(...entries: string[]): FsProbe {
  const dirs = new Set<string>();
  const files = new Set<string>();
  for (const e of entries) {
    const p = path.normalize(e);
    if (e.endsWith('/')) {
      dirs.add(p.replace(/[\\/]$/, ''));
    } else {
      files.add(p);
    }
    for (let d = path.dirname(p); path.dirname(d) !== d; d = path.dirname(d)) {
      dirs.add(d);
    }
  }
  return {
    isDir: (p) => dirs.has(path.normalize(p)),
    isFile: (p) => files.has(path.normalize(p)),
    subfolders: (p) => [...dirs].filter((d) => path.dirname(d) === path.normalize(p)).map((d) => path.basename(d)),
  };
}

const vaults: VaultOptions = { mode: 'vaults', listed: [], configFolder: '.obsidian' };
const markdown: VaultOptions = { ...vaults, mode: 'markdown' };

describe('vaultRoots', () => {
  it('takes a folder holding .obsidian/ as a vault', () => {
    assert.deepEqual(vaultRoots(['/notes'], vaults, disk('/notes/.obsidian/', '/notes/a.md')), ['/notes']);
  });

  it('takes a folder holding .vault-ls.json as a vault', () => {
    assert.deepEqual(vaultRoots(['/notes'], vaults, disk('/notes/.vault-ls.json')), ['/notes']);
  });

  it('starts nothing for a code repository with markdown files', () => {
    assert.deepEqual(vaultRoots(['/repo'], vaults, disk('/repo/README.md', '/repo/docs/ci.md', '/repo/.git/')), []);
  });

  it('finds the vaults inside a folder that is not one, and not the folder itself', () => {
    const d = disk('/repo/README.md', '/repo/test-vault/.obsidian/', '/repo/a/b/c/.vault-ls.json',
      '/repo/node_modules/x/.obsidian/', '/repo/.hidden/.obsidian/');
    assert.deepEqual(vaultRoots(['/repo'], vaults, d).sort(), ['/repo/a/b/c', '/repo/test-vault']);
  });

  it('does not look deeper than the server does', () => {
    assert.deepEqual(vaultRoots(['/r'], vaults, disk('/r/1/2/3/4/5/.obsidian/')), []);
  });

  it('takes listed folders, relative to a workspace folder or absolute', () => {
    const d = disk('/repo/docs/a.md', '/elsewhere/b.md');
    assert.deepEqual(vaultRoots(['/repo'], { ...vaults, listed: ['docs', '/elsewhere', 'missing'] }, d),
      ['/repo/docs', '/elsewhere']);
    assert.deepEqual(vaultRoots(['/repo'], { ...vaults, listed: ['.'] }, d), ['/repo']);
  });

  it('takes every workspace folder in markdown mode', () => {
    assert.deepEqual(vaultRoots(['/repo', '/other'], markdown, disk('/repo/README.md')), ['/repo', '/other']);
  });

  it('drops a vault inside another root', () => {
    assert.deepEqual(vaultRoots(['/v'], { ...vaults, listed: ['sub'] }, disk('/v/.obsidian/', '/v/sub/x.md')), ['/v']);
  });

  it('reads the config folder from the setting', () => {
    const d = disk('/notes/.obsidian-mobile/');
    assert.deepEqual(vaultRoots(['/notes'], vaults, d), []);
    assert.deepEqual(vaultRoots(['/notes'], { ...vaults, configFolder: '.obsidian-mobile' }, d), ['/notes']);
  });
});

describe('rootForFile', () => {
  it('serves a note from the root holding it', () => {
    assert.equal(rootForFile('/v/People/bob.md', ['/v'], vaults, disk('/v/.obsidian/')), '/v');
  });

  it('serves a note opened alone from the nearest vault above it', () => {
    const d = disk('/home/me/notes/.obsidian/', '/home/me/notes/Daily/2024/05/01.md');
    assert.equal(rootForFile('/home/me/notes/Daily/2024/05/01.md', [], vaults, d), '/home/me/notes');
  });

  it('serves no note outside vaults in vaults mode', () => {
    assert.equal(rootForFile('/tmp/readme.md', [], vaults, disk('/tmp/readme.md')), undefined);
  });

  it('serves a note outside vaults from its own folder in markdown mode', () => {
    assert.equal(rootForFile('/tmp/x/readme.md', [], markdown, disk('/tmp/x/readme.md')), '/tmp/x');
  });

  it('prefers a vault above over the note folder in markdown mode', () => {
    assert.equal(rootForFile('/v/a/b.md', [], markdown, disk('/v/.obsidian/', '/v/a/b.md')), '/v');
  });
});

describe('activationMode', () => {
  it('is vaults unless the setting says markdown', () => {
    assert.equal(activationMode('markdown'), 'markdown');
    assert.equal(activationMode('vaults'), 'vaults');
    assert.equal(activationMode(undefined), 'vaults');
    assert.equal(activationMode('nonsense'), 'vaults');
  });
});
