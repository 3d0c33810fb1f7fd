// End-to-end test of the extension in a real VS Code (code-server), driven through headless
// Chromium the way a person would use it: open a note, read the Problems panel, type links and
// owners, hover a person. Started by e2e/run.sh, which installs the extension and starts
// code-server on a copy of test-vault.
//
// Environment: E2E_URL (code-server, with ?folder=), E2E_VAULT (the vault copy it opened),
// E2E_SCREENSHOTS (output folder), E2E_CHROMIUM (browser binary), E2E_PROFILE (fresh, empty
// browser profile folder).
import { chromium } from 'playwright-core';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const STEP_TIMEOUT_MS = 45_000;
const OVERALL_TIMEOUT_MS = 8 * 60_000;
const NOTE = 'Projects/Skerry Migration.md';
const PERSON = 'People/Ada Berg.md';
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

function required(name) {
  const v = process.env[name];
  if (!v) {
    console.error(`e2e: environment variable ${name} is not set (run e2e/run.sh)`);
    process.exit(2);
  }
  return v;
}

const url = required('E2E_URL');
const vault = required('E2E_VAULT');
const shots = required('E2E_SCREENSHOTS');
const executablePath = required('E2E_CHROMIUM');
const profile = required('E2E_PROFILE');

let context;
let page;
let stepNumber = 0;
const timings = [];

// Never hang: whatever is stuck, the run ends with a message naming the step.
let currentStep = 'launching the browser';
const watchdog = setTimeout(async () => {
  console.error(`e2e: FAILED: gave up after ${OVERALL_TIMEOUT_MS / 1000} s, during step "${currentStep}"`);
  await context?.close().catch(() => {});
  process.exit(1);
}, OVERALL_TIMEOUT_MS);

/** Fails a step with a message that says what was expected and what was seen. */
class Expectation extends Error {}

async function shot(name, options = {}) {
  const file = path.join(shots, `${String(stepNumber).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, timeout: 15_000, ...options }).catch((e) => {
    console.error(`e2e: could not save screenshot ${file}: ${e.message}`);
  });
  return file;
}

async function step(name, slug, body) {
  stepNumber++;
  currentStep = name;
  const started = Date.now();
  try {
    await body();
  } catch (e) {
    await shot(`${slug}-FAILED`);
    const detail = e instanceof Expectation ? e.message : `${e.message.split('\n')[0]}`;
    throw new Error(`step ${stepNumber} "${name}" failed: ${detail}`);
  }
  await shot(slug);
  const ms = Date.now() - started;
  timings.push([name, ms]);
  console.log(`e2e: ok  ${stepNumber}. ${name} (${(ms / 1000).toFixed(1)} s)`);
}

/** Polls until `probe` returns a truthy value, or throws `message()` after `timeoutMs`. */
async function eventually(probe, message, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) {
        return last;
      }
    } catch (e) {
      last = e;
    }
    await page.waitForTimeout(250);
  }
  throw new Expectation(message(last));
}

const clean = (s) => (s ?? '').replace(/\u00a0/g, ' ').replace(/\s+\n/g, '\n').trim();

async function statusBarText() {
  return clean(await page.locator('#workbench\\.parts\\.statusbar').innerText({ timeout: 5_000 }));
}

let lastCursorLine = null;
/** The cursor's line as the status bar shows it ("Ln 11, Col 44"), or null. */
async function cursorLine() {
  const m = /Ln (\d+), Col \d+/.exec(await statusBarText().catch(() => ''));
  lastCursorLine = m ? Number(m[1]) : null;
  return lastCursorLine;
}

async function problemsText() {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    return '';
  }
  return clean(await panel.innerText({ timeout: 5_000 }));
}

/** The rows of the Problems panel that are in view, one string each. */
async function problemRows() {
  const rows = page.locator('.markers-panel .monaco-list-row');
  return (await rows.allInnerTexts()).map((r) => clean(r).replace(/\s*\n\s*/g, ' '));
}

/** A Problems row for finding `w`: its message text, the source vault-ls, its code, and `[Ln line,`. */
function matches(row, w) {
  return row.includes(w.text) && /\bvault-ls\b/.test(row) && row.includes(w.code) && row.includes(`[Ln ${w.line},`);
}

/**
 * Writes the workspace settings (.vscode/settings.json in the vault), as a person editing them
 * would; VS Code notices the change and applies it.
 */
function writeWorkspaceSettings(settings) {
  mkdirSync(path.join(vault, '.vscode'), { recursive: true });
  writeFileSync(path.join(vault, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Clicks a button of the notification toast that contains `text`. */
async function clickNotificationButton(text, button) {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: 20_000 }).catch(async () => {
    const shown = await page.locator('.notifications-toasts .notification-toast').allInnerTexts().catch(() => []);
    throw new Expectation(`no notification saying "${text}" appeared; notifications shown: ${JSON.stringify(shown.map(clean))}`);
  });
  const message = clean(await toast.innerText());
  await toast.locator('.monaco-button', { hasText: button }).first().click();
  return message;
}

/** The visible rows of the suggest widget, as text (none when it is closed). */
async function suggestions() {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  if (!(await widget.isVisible())) {
    return [];
  }
  return (await widget.locator('.monaco-list-row').allInnerTexts()).map(clean);
}

async function focusedSuggestion() {
  const row = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
  return (await row.count()) > 0 ? clean(await row.first().innerText()) : '';
}

/** Moves the suggest widget's selection to the first row whose label matches, then accepts it. */
async function accept(label) {
  for (let i = 0; i < 30; i++) {
    const focused = await focusedSuggestion();
    if (focused.split('\n')[0].includes(label)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(80);
  }
  throw new Expectation(`could not select "${label}" in the suggest widget; rows: ${JSON.stringify(await suggestions())}`);
}

async function typeSlowly(text) {
  await page.keyboard.type(text, { delay: 90 });
}

function noteOnDisk(rel) {
  return readFileSync(path.join(vault, rel), 'utf8');
}

async function save(rel, expectation, describe) {
  await page.keyboard.press(`${mod}+S`);
  await eventually(() => expectation(noteOnDisk(rel)),
    () => `after saving, ${rel} on disk ${describe}; its last lines are:\n${noteOnDisk(rel).trimEnd().split('\n').slice(-4).join('\n')}`,
    15_000);
}

/** The notes Obsidian indexes: .md files outside hidden folders (.obsidian, .trash). */
function countNotes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) {
      continue;
    }
    if (e.isDirectory()) {
      n += countNotes(path.join(dir, e.name));
    } else if (e.name.toLowerCase().endsWith('.md')) {
      n++;
    }
  }
  return n;
}

/** The markdown notes below `dir`, outside hidden folders, as their full paths. */
function notesBelow(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.name.startsWith('.')) {
      continue;
    }
    if (e.isDirectory()) {
      out.push(...notesBelow(full));
    } else if (e.name.toLowerCase().endsWith('.md')) {
      out.push(full);
    }
  }
  return out;
}

/**
 * The links in other notes (outside hidden folders) to the note `rel`: wikilinks and embeds by its
 * name or path (any case, with or without .md, a heading, block or display text), and markdown links
 * to its path. One entry per note below `dir` that has any: its path relative to `base`, and how many.
 */
function linksTo(dir, rel, base = dir) {
  const stem = path.basename(rel, '.md').toLowerCase();
  const noExt = rel.slice(0, -'.md'.length).toLowerCase();
  const out = [];
  for (const full of notesBelow(dir)) {
    const note = path.relative(base, full);
    if (note === rel) {
      continue;
    }
    let n = 0;
    for (const m of readFileSync(full, 'utf8').matchAll(/!?\[\[([^\]|#^]*?)\\?(?:[|#^][^\]]*)?\]\]|\]\(<?([^)#>]+)/g)) {
      let target = m[1] ?? m[2];
      try {
        target = decodeURIComponent(target);
      } catch {
        // a lone % stays as written
      }
      if (m[2] !== undefined) { // a markdown link's path is relative to its note
        target = path.posix.normalize(path.posix.join(path.posix.dirname(note), target));
      }
      target = target.toLowerCase().replace(/\.md$/, '');
      if (target === stem || target === noExt) {
        n++;
      }
    }
    if (n > 0) {
      out.push({ note, count: n });
    }
  }
  return out;
}

function countLinksTo(dir, rel) {
  return linksTo(dir, rel).reduce((sum, l) => sum + l.count, 0);
}

/** The text of the open tasks (`- [ ] ...`, also `*`, `+`, `1.`, `1)`) of the notes below `dir` that contain `needle`. */
function openTasks(dir, needle) {
  const out = [];
  for (const full of notesBelow(dir)) {
    for (const line of readFileSync(full, 'utf8').split('\n')) {
      const m = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]\s+(.*?)\s*$/.exec(line);
      if (m && m[1].includes(needle)) {
        out.push(m[1]);
      }
    }
  }
  return out;
}

/** A key fact of a person as plain text: a `- ` item below `## Key Facts` without link syntax. */
function plainKeyFact(rel) {
  const text = noteOnDisk(rel);
  const section = text.split(/^## Key Facts\s*$/m)[1]?.split(/^#{1,6} /m)[0] ?? '';
  const facts = section.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).trim());
  const plain = facts.find((f) => !/[[\]*_`]/.test(f));
  if (!plain) {
    throw new Error(`${rel} has no plain bullet under "## Key Facts" to look for in the hover`);
  }
  return plain;
}

async function main() {
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });

  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true, // Playwright passes --headless
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run'],
    viewport: { width: 1280, height: 800 },
    timeout: 60_000,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);

  await step('VS Code opens the vault', 'workbench', async () => {
    await eventually(async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
      return true;
    }, (e) => `code-server did not answer at ${url}: ${e?.message ?? e}`, 60_000);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout: 60_000 });
  });

  const notes = countNotes(vault);
  await step('the status bar shows the vault size once indexed', 'status-bar', async () => {
    const expected = new RegExp(`vault-ls: ${notes.toLocaleString('en-US')} notes`);
    let seen = '';
    await eventually(async () => expected.test(seen = await statusBarText()),
      () => `expected "vault-ls: ${notes} notes" in the status bar (the vault copy holds ${notes} notes); `
        + `the status bar says: ${JSON.stringify(seen)}`, 90_000);
  });

  await step(`Quick Open opens ${NOTE}`, 'open-note', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 640, y: 300 } }).catch(() => {});
    await page.keyboard.press(`${mod}+P`);
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await typeSlowly('Skerry Migration');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Skerry Migration.md' }).first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'Skerry Migration.md' }).waitFor({ timeout: 15_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'Move' }).first().waitFor({ timeout: 15_000 });
  });

  await step('the Problems panel lists the note\'s broken link and unknown owner', 'problems', async () => {
    await page.keyboard.press(`${mod}+Shift+M`);
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
    // The list is virtual: only rows in view exist. Filter it to the note, as a person would.
    const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/);
    await filter.click();
    await filter.fill('**/Skerry Migration.md');
    // What the panel should say, located in the note itself rather than hard-coded.
    const lines = noteOnDisk(NOTE).split('\n');
    const lineOf = (needle) => lines.findIndex((l) => l.includes(needle)) + 1;
    const wanted = [
      { what: 'the broken embed', code: 'broken-link', text: 'missing-diagram.png', line: lineOf('![[missing-diagram.png]]') },
      { what: 'the unknown owner', code: 'unknown-owner', text: '@NobodyKnown', line: lineOf('@NobodyKnown') },
    ];
    let rows = [];
    await eventually(async () => {
      rows = await problemRows();
      return wanted.every((w) => rows.some((r) => matches(r, w)));
    }, () => `expected in the Problems panel ${wanted.map((w) => `${w.what} ("${w.text}", vault-ls(${w.code}), Ln ${w.line})`)
      .join(' and ')}; its rows are:\n${rows.join('\n')}`);
    const text = await problemsText();
    console.log(`e2e:     Problems panel:\n${text.split('\n').map((l) => `e2e:       ${l}`).join('\n')}`);
  });

  await step('the title has a backlinks lens, and a broken link is coloured apart from a resolved one', 'lens-and-colours',
    async () => {
      const lines = noteOnDisk(NOTE).split('\n');
      const title = '# Skerry Migration';
      const titleLine = lines.indexOf(title) + 1;
      if (titleLine === 0) {
        throw new Error(`${NOTE} has no line "${title}"`);
      }
      // The notes that link here, counted on disk: the lens must say as many.
      const backlinks = countLinksTo(vault, NOTE);
      // A broken link typed below the title (the note on the next line links [[Skerry Freight]], which resolves).
      const typed = 'Related: [[No Such Note]]';
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
      await typeSlowly(String(titleLine));
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
      await eventually(async () => (await cursorLine()) === titleLine,
        () => `Go to Line ${titleLine} left the cursor on line ${lastCursorLine}`, 15_000);
      await page.keyboard.press('End');
      // Two new lines below the title, each seen in the status bar before the next key: on a loaded
      // machine a key pressed while the editor is still taking focus back from Go to Line can be lost.
      for (const want of [titleLine + 1, titleLine + 2]) {
        for (let attempt = 1; (await cursorLine()) < want; attempt++) {
          if (attempt > 3) {
            throw new Expectation(`Enter below line ${want - 1} left the cursor on line ${lastCursorLine}`);
          }
          await page.keyboard.press('Enter');
          await eventually(async () => (await cursorLine()) >= want, () => '', 3_000).catch(() => {});
        }
      }
      await page.keyboard.insertText(typed);
      await page.keyboard.press('Escape'); // the suggest widget [[ opened
      const seenLine = clean(await editorLine('Related:').innerText());
      if (seenLine !== typed) {
        throw new Expectation(`typed "${typed}" below the title, the editor shows "${seenLine}"`);
      }

      // The lens: "N backlinks" just above the title line.
      const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: /\d+ backlinks?/ }).first();
      await lens.waitFor({ state: 'visible', timeout: 30_000 }).catch(async () => {
        const shown = await page.locator('.monaco-editor .codelens-decoration').allInnerTexts().catch(() => []);
        throw new Expectation(`no "N backlinks" lens appeared; lenses shown: ${JSON.stringify(shown.map(clean))}`);
      });
      const lensText = clean(await lens.innerText());
      if (lensText !== `${backlinks} backlink${backlinks === 1 ? '' : 's'}`) {
        throw new Expectation(`the title lens says "${lensText}"; ${backlinks} links to ${NOTE} are on disk`);
      }
      const lensBox = await lens.boundingBox();
      const titleBox = await editorLine(title).boundingBox();
      if (!lensBox || !titleBox || lensBox.y + lensBox.height > titleBox.y + 2 || lensBox.y < titleBox.y - 2 * titleBox.height) {
        throw new Expectation(`the lens is not right above "${title}": lens at ${JSON.stringify(lensBox)}, title line at ${JSON.stringify(titleBox)}`);
      }

      // The colours: the markdown grammar knows no [[wikilinks]]; only the server's semantic tokens
      // (link, link.broken) tell a broken link from a resolved one, before any diagnostic.
      let colours;
      await eventually(async () => {
        colours = await page.evaluate(() => {
          const line = (start) => [...document.querySelectorAll('.monaco-editor .view-line')]
            .find((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith(start));
          const colourOf = (start, needle) => {
            const span = [...(line(start)?.querySelectorAll('span > span') ?? [])]
              .find((s) => s.textContent.replace(/\u00a0/g, ' ').includes(needle));
            return span ? getComputedStyle(span).color : null;
          };
          return {
            broken: colourOf('Related:', 'No Such Note'),
            resolved: colourOf('Move ', 'Skerry Freight'),
            text: colourOf('Move ', 'off their'),
          };
        });
        return colours.broken && colours.resolved && colours.text && colours.broken !== colours.resolved
          && colours.broken !== colours.text;
      }, () => `expected [[No Such Note]] in a colour of its own (semantic token link.broken), apart from the resolved `
        + `[[Skerry Freight]] and plain text; colours seen: ${JSON.stringify(colours)}`, 30_000);
      console.log(`e2e:     lens "${lensText}"; colours: broken link ${colours.broken}, resolved link ${colours.resolved}, `
        + `text ${colours.text}`);
      await shot('lens-and-broken-link-colour');

      // The lens opens the references, in VS Code's references peek.
      await lens.locator('a', { hasText: /backlinks?/ }).first().click();
      const peek = page.locator('.monaco-editor .peekview-widget').first();
      await peek.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {
        throw new Expectation('clicking the lens opened no references peek');
      });
      let peekTitle = '';
      // its title counts them: "Locations (9)" (editor.action.showReferences) or "9 references"
      const counted = new RegExp(`\\(${backlinks}\\)|\\b${backlinks} references?\\b`);
      await eventually(async () => counted.test(peekTitle = clean(await peek.locator('.peekview-title').innerText())),
        () => `the references peek should count ${backlinks} locations; its title says "${peekTitle}"`, 15_000);
      await shot('lens-references');
      await page.keyboard.press('Escape');
      await peek.waitFor({ state: 'hidden', timeout: 10_000 });
    });

  await step('typing [[Ada B suggests Ada Berg, and accepting writes [[Ada Berg]]', 'wikilink-completion', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press(`${mod}+End`);
    await page.keyboard.press('Enter');
    await typeSlowly('[[Ada B');
    await eventually(async () => (await suggestions()).some((r) => r.includes('Ada Berg')),
      () => 'no suggest widget with "Ada Berg" appeared after typing "[[Ada B"', 15_000);
    await shot('wikilink-suggestions');
    await accept('Ada Berg');
    await save(NOTE, (t) => /^\[\[Ada Berg\]\]$/m.test(t), 'has no line that is exactly "[[Ada Berg]]"');
  });

  await step('typing @Ad on a task line suggests the person @AdaBerg', 'owner-completion', async () => {
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await typeSlowly('- [ ] call @Ad');
    await eventually(async () => (await suggestions()).some((r) => r.includes('AdaBerg')),
      async () => `no suggest widget with "@AdaBerg" appeared after typing "- [ ] call @Ad"; rows: ${JSON.stringify(await suggestions())}`,
      15_000);
    await shot('owner-suggestions');
    await accept('AdaBerg');
    await save(NOTE, (t) => /^- \[ \] call @AdaBerg\s*$/m.test(t), 'has no line "- [ ] call @AdaBerg"');
  });

  const fact = plainKeyFact(PERSON);
  await step('hovering [[Ada Berg]] shows her key facts, their links clickable', 'hover', async () => {
    await page.keyboard.press('Escape');
    const target = page.locator('.monaco-editor .view-line span span', { hasText: 'Ada Berg' }).last();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: fact });
    // the box on each attempt: the line is re-rendered while decorations and inlay hints arrive
    let box = null;
    await eventually(async () => (box = await target.boundingBox()) !== null,
      () => 'the line [[Ada Berg]] is not visible in the editor', 10_000);
    await eventually(async () => {
      box = (await target.boundingBox()) ?? box;
      await page.mouse.move(box.x + box.width / 2 - 8, box.y + box.height / 2, { steps: 4 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      return hover.first().isVisible({ timeout: 2_000 }).catch(() => false)
        || (await hover.first().waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false));
    }, async () => {
      const shown = await page.locator('.monaco-hover:not(.hidden)').allInnerTexts().catch(() => []);
      return `expected the key fact "${fact}" (from ${PERSON}) in a hover; hovers shown: ${JSON.stringify(shown.map(clean))}`;
    }, 20_000);
    // A key fact's [[Northwind Traders]] is a link the reader can follow (to the note's file URI).
    const link = hover.first().locator('a', { hasText: 'Northwind Traders' });
    if ((await link.count()) === 0) {
      const shown = await hover.first().innerHTML().catch(() => '');
      throw new Expectation(`the key fact's [[Northwind Traders]] is not a link in the hover: ${clean(shown).slice(0, 400)}`);
    }
    // The picture for the marketplace page (images/hover.png): the hover over the line numbers
    // and text it covers, down to the task line below the link.
    const h = await hover.first().boundingBox();
    const gutter = await page.locator('.monaco-editor .margin').first().boundingBox();
    if (h && gutter) {
      const x = Math.max(0, gutter.x);
      const y = Math.max(0, h.y - 10);
      const right = Math.min(1280, h.x + h.width + 24);
      const bottom = Math.min(800, box.y + box.height * 2 + 16);
      await page.screenshot({ path: path.join(shots, 'hover-readme.png'), clip: { x, y, width: right - x, height: bottom - y } });
    }
  });

  await step(`the dataview blocks of ${PERSON} show their results: a lens above each block, its rows in a hover`, 'dataview',
    async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await quickOpen('Ada Berg', 'Ada Berg.md');
      const lines = noteOnDisk(PERSON).split('\n');
      const inDataview = [];
      lines.reduce((inside, l, i) => {
        inDataview[i] = inside && !l.startsWith('```');
        return l.startsWith('```') ? !inside && l === '```dataview' : inside;
      }, false);
      // What each block must show, found on disk the way its query says (not by asking the server).
      // The steps above saved [[Ada Berg]] and "- [ ] call @AdaBerg" into Skerry Migration: the
      // results must hold both, so they come from the index as edited, not from the vault as loaded.
      const projects = linksTo(path.join(vault, 'Projects'), PERSON, vault).map((l) => path.basename(l.note, '.md')).sort();
      const owned = openTasks(vault, '@AdaBerg');
      if (!projects.includes('Skerry Migration') || !owned.includes('call @AdaBerg')) {
        throw new Error(`the steps above should have linked ${PERSON} from ${NOTE} and given her a task there`);
      }
      const blocks = [
        { // FROM "Projects" WHERE contains(file.outlinks, this.file.link)
          heading: '## Projects', query: 'LIST', lens: new RegExp(`^${projects.length} notes$`),
          rows: projects, links: projects,
        },
        { // WHERE contains(text, "@AdaBerg") AND !completed; " · N overdue" once VAULT_LS_TODAY passes a due date
          heading: '## Tasks They Own', query: 'WHERE contains(text, "@AdaBerg")',
          lens: new RegExp(`^${owned.length} open tasks( · \\d+ overdue)?$`),
          // a task's wikilinks show as links by their display text
          rows: owned.map((t) => t.replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')), links: [],
        },
      ];
      for (const b of blocks) {
        const queryLine = lines.findIndex((l, i) => l.startsWith(b.query) && inDataview[i]) + 1;
        if (queryLine === 0) {
          throw new Error(`${PERSON} has no dataview block starting "${b.query}"`);
        }
        // Go to Line reveals the block in the middle of the editor
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
        await typeSlowly(String(queryLine));
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
        const query = editorLine(b.query);
        const heading = editorLine(b.heading);
        await query.waitFor({ state: 'visible', timeout: 15_000 });

        // The lens: the block's summary, between its section heading and its query line.
        // (Lenses and lines are re-rendered as results and decorations arrive: measure them together.)
        const lenses = page.locator('.monaco-editor .codelens-decoration');
        let shown = [];
        let boxes = {};
        let summary = '';
        await eventually(async () => {
          shown = (await lenses.allInnerTexts()).map(clean);
          const at = shown.findIndex((t) => b.lens.test(t));
          if (at < 0) {
            return false;
          }
          summary = shown[at];
          boxes = { lens: await lenses.nth(at).boundingBox(), heading: await heading.boundingBox(), query: await query.boundingBox() };
          return boxes.lens && boxes.heading && boxes.query && boxes.lens.y >= boxes.heading.y + boxes.heading.height - 2
            && boxes.lens.y + boxes.lens.height <= boxes.query.y + 2;
        }, () => `expected a lens ${b.lens} between "${b.heading}" and "${b.query}"; lenses shown: ${JSON.stringify(shown)}, `
          + `at ${JSON.stringify(boxes)}`, 30_000);

        // The hover on the query line: "Dataview · <the lens's summary>", then the rows.
        const target = query.locator('span span').first();
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: `Dataview · ${summary}` }).first();
        let text = '';
        await eventually(async () => {
          const box = await target.boundingBox();
          if (!box) {
            return false;
          }
          await page.mouse.move(box.x + box.width / 2 - 6, box.y + box.height / 2, { steps: 4 });
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
          if (!(await hover.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false))) {
            return false;
          }
          text = clean(await hover.innerText());
          return b.rows.every((r) => text.includes(r));
        }, async () => {
          const hovers = await page.locator('.monaco-hover:not(.hidden)').allInnerTexts().catch(() => []);
          const missing = b.rows.filter((r) => !text.includes(r));
          return `expected a hover "Dataview · ${summary}" on "${b.query}" listing ${JSON.stringify(b.rows)}; `
            + `missing ${JSON.stringify(missing)}; hovers shown: ${JSON.stringify(hovers.map(clean))}`;
        }, 20_000);
        for (const name of b.links) {
          if ((await hover.locator('a', { hasText: name }).count()) === 0) {
            throw new Expectation(`the project ${name} is not a link in the hover of "${b.query}"`);
          }
        }
        console.log(`e2e:     "${b.query}": lens "${summary}", hover with ${b.rows.length} rows`);
        await shot(`dataview-${b.links.length ? 'projects' : 'tasks'}`);
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
      }
    });

  await step('adding the missing attachment on disk clears its broken-link problem', 'file-watcher', async () => {
    await page.mouse.move(5, 5);
    copyFileSync(path.join(vault, 'Attachments', 'org-chart.png'), path.join(vault, 'Attachments', 'missing-diagram.png'));
    let rows = [];
    await eventually(async () => {
      rows = await problemRows();
      return rows.some((r) => r.includes('@NobodyKnown')) && !rows.some((r) => r.includes('missing-diagram.png'));
    }, () => 'after creating Attachments/missing-diagram.png, expected the Problems panel to drop missing-diagram.png '
      + `and keep @NobodyKnown; its rows are:\n${rows.join('\n')}`, 30_000);
  });

  await step('a severity setting reaches the server: unknown-owner off hides @NobodyKnown', 'severity-setting', async () => {
    writeWorkspaceSettings({ 'vault-ls.severity': { 'unknown-owner': 'off' } });
    let rows = [];
    await eventually(async () => {
      rows = await problemRows();
      return rows.some((r) => r.includes('empty-frontmatter-field')) && !rows.some((r) => r.includes('unknown-owner'));
    }, () => `after setting "vault-ls.severity": {"unknown-owner": "off"}, expected no unknown-owner rows; rows:\n${rows.join('\n')}`,
    30_000);
  });

  await step('"vault-ls: Show Output" shows the extension\'s log', 'show-output', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
    await typeSlowly('vault-ls: Show Output');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'vault-ls: Show Output' }).first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    // The Output view has a filter of its own; it may still hold the Problems filter text.
    const filter = page.locator('.part.panel .viewpane-filter input').first();
    const log = page.locator('.part.panel .monaco-editor', { hasText: /using\sJava\s\d+\sfrom/ }).first();
    await eventually(async () => {
      if (await filter.isVisible() && (await filter.inputValue()) !== '') {
        await filter.fill('');
      }
      return log.isVisible();
    }, () => 'the Output panel did not show the vault-ls log (a line "using Java N from ...")', 15_000);
  });

  await step('with a wrong vault-ls.java.home, Restart reports the missing Java and opens the setting', 'java-missing',
    async () => {
      const bogus = path.join(vault, 'no-such-jdk');
      writeWorkspaceSettings({ 'vault-ls.java.home': bogus });
      await clickNotificationButton('restart the language server', 'Restart');
      const message = await clickNotificationButton('needs Java 17 or newer', 'Open Settings');
      for (const part of ['needs Java 17 or newer', 'no-such-jdk', 'vault-ls.java.home']) {
        if (!message.includes(part)) {
          throw new Expectation(`the Java error should mention "${part}"; it says: ${message}`);
        }
      }
      await page.locator('.settings-editor .setting-item-contents', { hasText: 'Folder of a Java 17+ runtime' }).first()
        .waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {
          throw new Expectation('"Open Settings" did not show the vault-ls.java.home setting');
        });
      let seen = '';
      await eventually(async () => (seen = await statusBarText()).includes('vault-ls: Java 17+ needed'),
        () => `expected "vault-ls: Java 17+ needed" in the status bar; it says: ${JSON.stringify(seen)}`, 10_000);
    });

  await step('after fixing the setting, "Restart" brings the server back', 'restart', async () => {
    writeWorkspaceSettings({});
    await clickNotificationButton('restart the language server', 'Restart');
    let seen = '';
    await eventually(async () => /vault-ls: [\d,]+ notes/.test(seen = await statusBarText()),
      () => `expected "vault-ls: N notes" in the status bar after the restart; it says: ${JSON.stringify(seen)}`, 60_000);
  });

  await step('a folder that is no vault starts no Java, and the status bar says so', 'no-vault', async () => {
    const plain = path.join(path.dirname(vault), 'plain-folder');
    mkdirSync(plain, { recursive: true });
    writeFileSync(path.join(plain, 'README.md'), '# A code repository\n\nSee [[Nowhere]] and [a link](missing.md).\n');
    await openFolder(plain);
    await quickOpen('README', 'README.md');
    let seen = '';
    await eventually(async () => (seen = await statusBarText()).includes('vault-ls: no vault'),
      () => `expected "vault-ls: no vault" in the status bar; it says: ${JSON.stringify(seen)}`, 30_000);
    let servers = [];
    await eventually(() => (servers = serverProcesses()).length === 0,
      () => `expected no vault-ls server process outside a vault; running: ${JSON.stringify(servers)}`, 20_000);
  });

  await step('a note below the vault, its folder opened alone, is served by the vault above it', 'vault-above', async () => {
    await openFolder(path.join(vault, 'People'));
    await quickOpen('Ada Berg', 'Ada Berg.md');
    const expected = `vault-ls: ${countNotes(vault).toLocaleString('en-US')} notes`;
    let seen = '';
    await eventually(async () => (seen = await statusBarText()).includes(expected),
      () => `expected "${expected}" (the whole vault above People/) in the status bar; it says: ${JSON.stringify(seen)}`,
      60_000);
    // the process probe of the step before sees a running server (so its "none" meant none)
    if (serverProcesses().length === 0) {
      throw new Expectation('no vault-ls server process found although the status bar shows one running');
    }
  });
}

/** The editor line that starts with `start` (the editor renders spaces as no-break spaces). */
function editorLine(start) {
  const pattern = `^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]')}`;
  return page.locator('.monaco-editor .view-line').filter({ hasText: new RegExp(pattern) }).first();
}

/** Opens `folder` in the browser window instead of the current one. */
async function openFolder(folder) {
  const u = new URL(url);
  u.searchParams.set('folder', folder);
  await page.goto(u.toString(), { waitUntil: 'domcontentloaded', timeout: 30_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout: 60_000 });
}

/** Quick Open (Ctrl+P): types `query` and opens the file whose row shows `name`. */
async function quickOpen(query, name) {
  await eventually(async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 640, y: 300 } }).catch(() => {});
    await page.keyboard.press(`${mod}+P`);
    return page.locator('.quick-input-widget input').isVisible();
  }, () => 'Quick Open did not appear', 20_000);
  await typeSlowly(query);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
}

/** The vault-ls server JVMs this test run started (found by the run's mark in their environment). */
function serverProcesses() {
  const mark = `VAULT_LS_E2E_RUN=${process.env.VAULT_LS_E2E_RUN}`;
  const out = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => a.endsWith('vault-ls.jar'))
        && readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(mark)) {
        out.push(`${pid}: ${cmd.join(' ').slice(0, 120)}`);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

let exitCode = 0;
try {
  await main();
  const total = timings.reduce((a, [, ms]) => a + ms, 0);
  console.log(`e2e: PASSED ${timings.length} steps in ${(total / 1000).toFixed(1)} s; screenshots in ${shots}`);
} catch (e) {
  console.error(`e2e: FAILED: ${e.message}`);
  console.error(`e2e: screenshots in ${shots}`);
  exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await context?.close().catch(() => {});
}
process.exit(exitCode);
