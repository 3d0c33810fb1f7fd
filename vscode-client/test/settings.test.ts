import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverSettings } from '../src/settings';

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

  it('passes the keys allowed empty (an empty list flags every key) and a whole number of stale-contact days', () => {
    assert.deepEqual(serverSettings(reader({ emptyFieldsAllowed: ['tags', ' cover '], staleContactDays: 90 })),
      { emptyFieldsAllowed: ['tags', 'cover'], staleContactDays: 90 });
    assert.deepEqual(serverSettings(reader({ emptyFieldsAllowed: [], staleContactDays: 1.5 })), { emptyFieldsAllowed: [] });
    assert.deepEqual(serverSettings(reader({ staleContactDays: null })), {});
  });
});
