import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VaultStatuses } from '../src/status';

describe('VaultStatuses', () => {
  it('says it is starting before the server reports', () => {
    assert.equal(new VaultStatuses().text(), 'vault-ls: starting');
  });

  it('shows indexing progress with thousands separators', () => {
    const s = new VaultStatuses();
    s.update({ vault: 'file:///v/', state: 'indexing', notes: 1200, total: 10000 });
    assert.equal(s.text(), 'vault-ls: indexing 1,200/10,000');
    assert.equal(s.indexing(), true);
  });

  it('shows the vault size once indexing is done', () => {
    const s = new VaultStatuses();
    s.update({ vault: 'file:///v/', state: 'indexing', notes: 1200, total: 1234 });
    s.update({ vault: 'file:///v/', state: 'ready', notes: 1234, total: 1234 });
    assert.equal(s.text(), 'vault-ls: 1,234 notes');
    assert.equal(s.indexing(), false);
  });

  it('adds up the vaults of a workspace and keeps indexing while one still is', () => {
    const s = new VaultStatuses();
    s.update({ vault: 'file:///work/a/', state: 'ready', notes: 10, total: 10 });
    s.update({ vault: 'file:///work/b%20c/', state: 'indexing', notes: 5, total: 20 });
    assert.equal(s.text(), 'vault-ls: indexing 15/30');
    assert.deepEqual(s.details(), ['a: 10 notes', 'b c: indexing 5/20']);
  });

  it('says note, not notes, for a vault of one', () => {
    const s = new VaultStatuses();
    s.update({ vault: 'file:///v/', state: 'ready', notes: 1, total: 1 });
    assert.equal(s.text(), 'vault-ls: 1 note');
  });
});
