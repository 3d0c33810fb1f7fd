// Stub of Obsidian's API: Dataview's lib/index.js requires it, the parser never calls it.
module.exports = new Proxy({}, { get: (t, k) => (k === '__esModule' ? false : class {}) });
