import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, serverSettings, withFolderSettings } from '../src/settings';

/** A reader over VS Code's view of the `vault-ls` section: dotted keys, as `config.get` takes them. */
function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('serverSettings', () => {
  it('passes the settings the server accepts under its own keys', () => {
    const s = serverSettings(reader({
      severity: { 'broken-link': 'error', 'ambiguous-link': 'off' },
      'people.types': ['people', 'contact'],
      'people.tags': ['type/people'],
      keyFactsHeading: 'Key Facts',
      requiredFields: { people: ['title', 'last_contact'] },
      ignore: ['Exports/**'],
    }));
    assert.deepEqual(s, {
      severity: { 'broken-link': 'error', 'ambiguous-link': 'off' },
      people: { types: ['people', 'contact'], tags: ['type/people'] },
      keyFactsHeading: 'Key Facts',
      requiredFields: { people: ['title', 'last_contact'] },
      ignore: ['Exports/**'],
    });
  });

  it('leaves out client-only settings', () => {
    const s = serverSettings(reader({ 'java.home': '/opt/jdk', 'server.vmArgs': ['-Xmx1g'], 'trace.server': 'verbose' }));
    assert.deepEqual(s, {});
  });

  it('drops unknown codes and levels so the server keeps its defaults', () => {
    const s = serverSettings(reader({ severity: { 'broken-link': 'loud', 'no-such-code': 'error', 'unknown-owner': 'Hint' } }));
    assert.deepEqual(s, { severity: { 'unknown-owner': 'hint' } });
  });

  it('leaves out empty objects, lists and a blank heading', () => {
    const s = serverSettings(reader({ severity: {}, requiredFields: {}, ignore: [], keyFactsHeading: '  ' }));
    assert.deepEqual(s, {});
  });

  it('keeps an empty people list, which turns that rule off', () => {
    assert.deepEqual(serverSettings(reader({ 'people.tags': [] })), { people: { tags: [] } });
  });

  it('strips a leading # from people tags and blanks from lists', () => {
    const s = serverSettings(reader({ 'people.tags': ['#type/people', ' ', 7], ignore: [' Exports/** '] }));
    assert.deepEqual(s, { people: { tags: ['type/people'] }, ignore: ['Exports/**'] });
  });

  it('drops required fields that are not lists of keys', () => {
    const s = serverSettings(reader({ requiredFields: { people: 'title', customer: ['industry'] } }));
    assert.deepEqual(s, { requiredFields: { customer: ['industry'] } });
  });

  it('passes a config folder other than .obsidian', () => {
    assert.deepEqual(serverSettings(reader({ configFolder: ' .obsidian-work ' })), { configFolder: '.obsidian-work' });
    assert.deepEqual(serverSettings(reader({ configFolder: '.obsidian' })), {});
  });

  it('passes the keys allowed empty (an empty list flags every key) and a whole number of stale-contact days', () => {
    assert.deepEqual(serverSettings(reader({ emptyFieldsAllowed: ['tags', ' cover '], staleContactDays: 90 })),
      { emptyFieldsAllowed: ['tags', 'cover'], staleContactDays: 90 });
    assert.deepEqual(serverSettings(reader({ emptyFieldsAllowed: [], staleContactDays: 1.5 })), { emptyFieldsAllowed: [] });
    assert.deepEqual(serverSettings(reader({ staleContactDays: null })), {});
  });

  it('passes where unlinked mentions are reported, unless it is the default (editor)', () => {
    assert.deepEqual(serverSettings(reader({ unlinkedMentions: 'always' })), { unlinkedMentions: 'always' });
    assert.deepEqual(serverSettings(reader({ unlinkedMentions: ' OFF ' })), { unlinkedMentions: 'off' });
    assert.deepEqual(serverSettings(reader({ unlinkedMentions: 'editor' })), {});
    assert.deepEqual(serverSettings(reader({ unlinkedMentions: 'sometimes' })), {});
  });

  it('passes the note cache only when it is turned off', () => {
    assert.deepEqual(serverSettings(reader({ cache: false })), { cache: false });
    assert.deepEqual(serverSettings(reader({ cache: true })), {});
  });
});

describe('package.json and the .vault-ls.json schema', () => {
  const root = path.resolve(__dirname, '../../../..');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'vscode-client/package.json'), 'utf8'));
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/vault-ls.schema.json'), 'utf8'));
  const props = manifest.contributes.configuration.properties;

  it('offer the same severity codes and levels', () => {
    assert.deepEqual(Object.keys(props['vault-ls.severity'].properties), Object.keys(schema.properties.severity.properties));
    assert.deepEqual([...DIAGNOSTIC_CODES], Object.keys(schema.properties.severity.properties));
    assert.deepEqual(props['vault-ls.severity'].properties['broken-link'].enum, schema.properties.severity.properties['broken-link'].enum);
  });

  it('has a setting for every key of the schema, with the same default', () => {
    for (const key of ['keyFactsHeading', 'requiredFields', 'ignore', 'configFolder', 'people.types', 'people.tags',
      'unlinkedMentions']) {
      const [top, sub] = key.split('.');
      const inSchema = sub ? schema.properties[top].properties[sub] : schema.properties[top];
      assert.ok(props[`vault-ls.${key}`], `vault-ls.${key}`);
      assert.deepEqual(props[`vault-ls.${key}`].default, inSchema.default, key);
    }
  });

  it('contributes the schema for .vault-ls.json files', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.vault-ls.json', url: './schemas/vault-ls.schema.json' }]);
  });
});

describe('withFolderSettings', () => {
  it('sends only the folders whose settings differ from the window\'s', () => {
    const base = { keyFactsHeading: 'Facts' };
    assert.deepEqual(withFolderSettings(base, [
      { uri: 'file:///a', settings: { keyFactsHeading: 'Facts' } },
      { uri: 'file:///b', settings: { keyFactsHeading: 'B', ignore: ['x/**'] } },
    ]), { keyFactsHeading: 'Facts', folders: { 'file:///b': { keyFactsHeading: 'B', ignore: ['x/**'] } } });
  });

  it('sends the window\'s settings alone when no folder differs', () => {
    assert.deepEqual(withFolderSettings({}, [{ uri: 'file:///a', settings: {} }]), {});
  });
});
