// Test oracle (DataviewOracleTest): parses each query of a corpus with Dataview 0.5.68's own grammar
// and prints one JSON array: {ok, value} or {ok: false, line, column, offset, expected}. Literal
// dates, durations and links are tagged with valueType, as vault-ls's DqlJson prints them. Run with
// TZ=UTC. Usage: node parse.js CORPUS_FILE (queries separated by lines of "====").
'use strict';
const fs = require('fs');
const { QUERY_LANGUAGE } = require('obsidian-dataview');

function normalise(v) {
  if (Array.isArray(v)) return v.map(normalise);
  if (v === null || typeof v !== 'object') return v;
  if (v.type === 'literal') {
    const x = v.value;
    if (x && x.isLuxonDateTime) return { type: 'literal', value: x.toISO({ includeOffset: false }), valueType: 'date' };
    if (x && x.isLuxonDuration) return { type: 'literal', value: x.toISO(), valueType: 'duration' };
    if (x && typeof x === 'object' && 'path' in x && 'embed' in x) {
      const link = { path: x.path, embed: x.embed, type: x.type };
      if (x.subpath !== undefined) link.subpath = x.subpath;
      if (x.display !== undefined) link.display = x.display;
      return { type: 'literal', value: link, valueType: 'link' };
    }
  }
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    if (x !== undefined) out[k] = normalise(x);
  }
  return out;
}

const text = fs.readFileSync(process.argv[2], 'utf8');
const queries = text.split(/\r?\n====\r?\n/);
const results = queries.map((q) => {
  const r = QUERY_LANGUAGE.query.parse(q);
  if (r.status) {
    const { header, source, operations } = r.value;
    return { ok: true, value: normalise({ header, source, operations }) };
  }
  return { ok: false, line: r.index.line, column: r.index.column, offset: r.index.offset, expected: r.expected };
});
process.stdout.write(JSON.stringify(results));
