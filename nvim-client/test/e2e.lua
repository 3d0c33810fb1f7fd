-- End-to-end test of the vault-ls Neovim plugin with a real Neovim and the real server.
-- Run by test/run.sh:  nvim --headless --clean -u NONE -c "luafile nvim-client/test/e2e.lua"
-- Environment: VAULT_LS_REPO (repository), VAULT_LS_VAULT (a copy of test-vault: the test edits
-- buffers there), VAULT_LS_JAR, VAULT_LS_RESULT (the report file), VAULT_LS_API (optional: force
-- "config", "start" or "start_client").
-- Every wait is bounded; whatever happens, the report ends in PASS or FAIL and Neovim quits.

local repo = assert(os.getenv("VAULT_LS_REPO"), "VAULT_LS_REPO is not set")
local vault_env = assert(os.getenv("VAULT_LS_VAULT"), "VAULT_LS_VAULT is not set")
local result_file = assert(os.getenv("VAULT_LS_RESULT"), "VAULT_LS_RESULT is not set")
local jar = os.getenv("VAULT_LS_JAR") or (repo .. "/server/target/vault-ls.jar")
local forced_api = os.getenv("VAULT_LS_API")
if forced_api == "" then
  forced_api = nil
end

local uv = vim.uv or vim.loop
local OVERALL_MS = 200000
local lines = {}
local failed = 0

local function say(line)
  table.insert(lines, line)
  io.stderr:write(line .. "\n")
end

local function finish(reason)
  if reason then
    failed = failed + 1
    say("not ok - " .. reason)
  end
  say(failed == 0 and "PASS" or ("FAIL (" .. failed .. " failed)"))
  local f = assert(io.open(result_file, "w"))
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.cmd(failed == 0 and "qa!" or "cquit! 1")
end

local function wait_for(ms, what, cond)
  if not vim.wait(ms, cond, 50) then
    error("timed out after " .. ms .. " ms waiting for " .. what, 2)
  end
end

local function check(cond, msg)
  if not cond then
    error(msg, 2)
  end
end

local function step(name, fn)
  local t0 = uv.hrtime()
  local ok, err = xpcall(fn, debug.traceback)
  local ms = math.floor((uv.hrtime() - t0) / 1e6)
  if ok then
    say(string.format("ok - %s (%d ms)", name, ms))
  else
    failed = failed + 1
    say(string.format("not ok - %s: %s", name, tostring(err):gsub("\n", "\n#   ")))
  end
  return ok
end

-- Whatever hangs, the test still ends.
local watchdog = uv.new_timer()
watchdog:start(OVERALL_MS, 0, vim.schedule_wrap(function()
  finish("overall timeout of " .. OVERALL_MS .. " ms")
end))

local vault = uv.fs_realpath(vault_env)
vim.opt.runtimepath:prepend(repo .. "/nvim-client")
vim.cmd("filetype on")
vim.o.hidden = true

local vls = require("vault-ls")
local util = require("vault-ls.util")
local expected_api = forced_api or (vim.lsp.config and vim.lsp.enable and "config")
  or (vim.lsp.start and "start") or "start_client"

-- The golden report: path:line:col: severity code: message (1-based, UTF-16 columns).
local golden = {}
for line in io.lines(repo .. "/server/src/test/resources/golden/test-vault.txt") do
  local path, l, c, sev, code, msg = line:match("^(.-%.md):(%d+):(%d+): (%a+) ([%w-]+): (.*)$")
  if path then
    table.insert(golden, { path = path, line = tonumber(l), col = tonumber(c), severity = sev, code = code,
      message = msg })
  end
end

local SEVERITY = { error = vim.diagnostic.severity.ERROR, warning = vim.diagnostic.severity.WARN,
  information = vim.diagnostic.severity.INFO, hint = vim.diagnostic.severity.HINT }

local function golden_for(path)
  local out = {}
  for _, g in ipairs(golden) do
    if g.path == path then
      table.insert(out, g)
    end
  end
  return out
end

local function file_line(path, lnum)
  local i = 0
  for l in io.lines(path) do
    i = i + 1
    if i == lnum then
      return l
    end
  end
  return ""
end

--- The golden finding's 0-based byte column in the file.
local function byte_col(g)
  return util.utf16_to_byte(file_line(vault .. "/" .. g.path, g.line), g.col - 1)
end

local function open(path)
  vim.cmd("edit " .. vim.fn.fnameescape(vault .. "/" .. path))
  return vim.api.nvim_get_current_buf()
end

local function client_of(buf)
  return util.clients(vls.name, buf)[1]
end

local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, 15000)
  check(responses, method .. " failed: " .. tostring(err))
  for _, r in pairs(responses) do
    check(not r.err, method .. " error: " .. vim.inspect(r.err))
    return r.result
  end
  error(method .. ": no client answered")
end

local function pos_params(buf, row, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = row, character = character } }
end

local function completion_items(buf, row, character)
  local params = pos_params(buf, row, character)
  params.context = { triggerKind = 1 }
  local result = request(buf, "textDocument/completion", params)
  check(result, "no completion result")
  return result.items or result
end

local function labels(items)
  local out = {}
  for _, it in ipairs(items) do
    table.insert(out, it.label)
  end
  return table.concat(out, ", ")
end

local function find_item(items, label)
  for _, it in ipairs(items) do
    if it.label == label then
      return it
    end
  end
  return nil
end

local skerry_buf, inbox_buf, client_id

local function main()
  local v = vim.version()
  say(string.format("# Neovim %d.%d.%d", v.major, v.minor, v.patch) .. ", API path " .. expected_api .. ", vault " .. vault)

  step("vault roots: .obsidian, else .git, else the note's folder", function()
    local tmp = uv.fs_realpath(vim.fn.fnamemodify(vim.fn.tempname(), ":h"))
    local base = tmp .. "/roots-" .. uv.getpid()
    for _, d in ipairs({ "/repo/.git", "/repo/notes/vault/.obsidian", "/repo/notes/sub", "/loose" }) do
      vim.fn.mkdir(base .. d, "p")
    end
    check(util.vault_root(base .. "/repo/notes/vault/a/b.md") == base .. "/repo/notes/vault", "nearest .obsidian")
    check(util.vault_root(base .. "/repo/notes/sub/c.md") == base .. "/repo", ".git when no .obsidian")
    check(util.vault_root(base .. "/loose/d.md") == base .. "/loose", "the note's folder otherwise")
    check(util.vault_root(vault .. "/People/Ada Berg.md") == vault, "test-vault copy is its own vault")
    vim.fn.delete(base, "rf")
  end)

  step("utf16 columns map to bytes", function()
    check(util.utf16_to_byte("Tomás [[x", 6) == 7, "one 2-byte char before")
    check(util.utf16_to_byte("📅 @Ada", 3) == 5, "a surrogate pair counts 2 units")
    check(util.utf16_to_byte("abc", 10) == 3, "clamps at the end")
  end)

  vls.setup({
    jar = jar,
    api = forced_api,
    -- A client setting the vault's .vault-ls.json does not override: proves settings reach the server.
    settings = { severity = { ["broken-link"] = "error" } },
  })
  check(vls.api() == expected_api, "plugin picked API " .. vls.api() .. ", expected " .. expected_api)
  check(vim.fn.exists(":VaultLsCheck") == 2 and vim.fn.exists(":VaultLsRestart") == 2, "commands defined")

  if not step("attaches to a note with the " .. expected_api .. " API", function()
    skerry_buf = open("Projects/Skerry Migration.md")
    check(vim.bo[skerry_buf].filetype == "markdown", "filetype is " .. vim.bo[skerry_buf].filetype)
    wait_for(20000, "vault-ls to attach", function()
      return client_of(skerry_buf) ~= nil
    end)
    local c = client_of(skerry_buf)
    client_id = c.id
    check(c.config.root_dir == vault, "root_dir " .. tostring(c.config.root_dir))
    check(vim.bo[skerry_buf].omnifunc == "v:lua.vim.lsp.omnifunc", "omnifunc " .. vim.bo[skerry_buf].omnifunc)
    check(c.config.init_options.severity["broken-link"] == "error", "init_options carry the settings")
    check(c.config.settings["vault-ls"].severity["broken-link"] == "error", "settings['vault-ls'] set")
  end) then
    return
  end

  step("diagnostics of the open note match the golden report", function()
    local expected = golden_for("Projects/Skerry Migration.md")
    check(#expected >= 3, "golden report has the Skerry Migration findings")
    wait_for(30000, #expected .. " diagnostics", function()
      return #vim.diagnostic.get(skerry_buf) >= #expected
    end)
    local got = vim.diagnostic.get(skerry_buf)
    check(#got == #expected, "diagnostics: " .. vim.inspect(got))
    for _, g in ipairs(expected) do
      local match
      for _, d in ipairs(got) do
        if d.lnum == g.line - 1 and d.col == byte_col(g) and d.code == g.code then
          match = d
        end
      end
      check(match, "no diagnostic " .. g.code .. " at " .. g.line .. ":" .. g.col .. " in " .. vim.inspect(got))
      check(match.message == g.message, "message " .. match.message)
      local want = g.code == "broken-link" and "error" or g.severity
      check(match.severity == SEVERITY[want], g.code .. " severity " .. match.severity .. ", want " .. want)
    end
    -- the findings the issue names, spelled out
    local function at(lnum, code)
      for _, d in ipairs(got) do
        if d.lnum == lnum and d.code == code then
          return d
        end
      end
    end
    check(at(16, "broken-link") and at(16, "broken-link").message:find("missing-diagram.png", 1, true),
      "broken-link ![[missing-diagram.png]] on line 17")
    check(at(7, "empty-frontmatter-field"), "empty-frontmatter-field sponsor: on line 8")
  end)

  step("diagnostics of notes not open match the golden report", function()
    for _, path in ipairs({ "People/Hannah Whitfield.md", "Daily/2025-11-14.md" }) do
      local expected = golden_for(path)
      local b = vim.fn.bufadd(vault .. "/" .. path)
      -- unlinked-mention hints are the editor's only (check leaves them out by default)
      local function reported()
        local out = {}
        for _, d in ipairs(vim.diagnostic.get(b)) do
          if d.code ~= "unlinked-mention" then
            table.insert(out, d)
          end
        end
        return out
      end
      wait_for(20000, "diagnostics of " .. path, function()
        return #reported() >= #expected
      end)
      local got = reported()
      check(#got == #expected, path .. ": " .. vim.inspect(got))
      for i, g in ipairs(expected) do
        check(got[i].lnum == g.line - 1 and got[i].code == g.code, path .. ": " .. vim.inspect(got[i]))
      end
    end
  end)

  step("completion after [[Ada offers Ada Berg, with a textEdit", function()
    inbox_buf = open("Inbox/Neovim e2e.md") -- a new note, only in the buffer
    wait_for(10000, "attach to the new note", function()
      return client_of(inbox_buf) ~= nil
    end)
    check(client_of(inbox_buf).id == client_id, "the vault's client is shared")
    vim.api.nvim_buf_set_lines(inbox_buf, 0, -1, false, {
      "# Neovim e2e",
      "",
      "Met [[Ada",
      "- [ ] Send the quote @",
      "See [[Ada Berg]] today.",
    })
    local items = completion_items(inbox_buf, 2, #"Met [[Ada")
    local ada = find_item(items, "Ada Berg")
    check(ada, "no 'Ada Berg' in: " .. labels(items))
    check(ada.textEdit and ada.textEdit.newText:find("Ada Berg", 1, true), "textEdit " .. vim.inspect(ada.textEdit))
  end)

  step("completion after @ on a task line offers people", function()
    local items = completion_items(inbox_buf, 3, #"- [ ] Send the quote @")
    check(find_item(items, "@AdaBerg"), "no '@AdaBerg' in: " .. labels(items))
    check(find_item(items, "@KwameMensah"), "no '@KwameMensah' in: " .. labels(items))
    for _, it in ipairs(items) do
      check(it.label:sub(1, 1) == "@", "not an owner tag: " .. it.label)
    end
  end)

  step("hover on [[Ada Berg]] shows her key facts", function()
    local facts, in_facts = {}, false
    for l in io.lines(vault .. "/People/Ada Berg.md") do
      if l:match("^##") then
        in_facts = l == "## Key Facts"
      elseif in_facts and l:match("^%- ") and not l:find("[[", 1, true) then
        table.insert(facts, l:sub(3))
      end
    end
    check(#facts > 0, "Ada Berg has key facts without links")
    local result = request(inbox_buf, "textDocument/hover", pos_params(inbox_buf, 4, #"See [[Ada B"))
    check(result and result.contents, "no hover")
    local text = type(result.contents) == "table" and (result.contents.value or vim.inspect(result.contents))
      or tostring(result.contents)
    for _, f in ipairs(facts) do
      check(text:find(f, 1, true), "hover lacks key fact '" .. f .. "': " .. text)
    end
  end)

  step("go to definition on [[Ada Berg]] lands in People/Ada Berg.md", function()
    local target = vault .. "/People/Ada Berg.md"
    local result = request(inbox_buf, "textDocument/definition", pos_params(inbox_buf, 4, #"See [[Ada B"))
    local locs = (result and (result.uri or result.targetUri)) and { result } or (result or {})
    check(#locs >= 1, "no definition")
    local uri = locs[1].uri or locs[1].targetUri
    check(vim.uri_to_fname(uri) == target, "definition at " .. uri)
    -- and the real command jumps there
    vim.api.nvim_win_set_cursor(0, { 5, #"See [[Ada B" })
    vim.lsp.buf.definition()
    wait_for(10000, "the jump to " .. target, function()
      return vim.api.nvim_buf_get_name(0) == target
    end)
  end)

  step("the title lens of People/Ada Berg.md counts backlinks and lists them in quickfix", function()
    local ada = vim.fn.bufadd(vault .. "/People/Ada Berg.md")
    vim.fn.bufload(ada)
    vim.api.nvim_set_current_buf(ada)
    wait_for(10000, "the client on Ada Berg", function()
      return client_of(ada) ~= nil
    end)
    local lenses = request(ada, "textDocument/codeLens", { textDocument = { uri = vim.uri_from_bufnr(ada) } })
    check(lenses and #lenses >= 1, "no lenses")
    -- the answer has ranges only; codeLens/resolve (which Neovim sends for each lens) gives the command
    check(lenses[1].command == nil, "the lens came with its command: " .. vim.inspect(lenses[1]))
    local cmd = request(ada, "codeLens/resolve", lenses[1]).command
    check(cmd.title:find("backlinks", 1, true), "lens title " .. cmd.title)
    local handler = vim.lsp.commands[cmd.command]
    check(handler ~= nil, "no handler for " .. cmd.command)
    handler(cmd, { client_id = client_of(ada).id, bufnr = ada })
    local qf = vim.fn.getqflist()
    check(#qf == #cmd.arguments[3] and #qf >= 3, "quickfix holds " .. #qf .. " of " .. #cmd.arguments[3])
    vim.cmd("cclose")
  end)

  step("the dataview blocks of People/Ada Berg.md: each lens sums up its result, the hover lists it", function()
    local ada = vim.fn.bufadd(vault .. "/People/Ada Berg.md")
    vim.fn.bufload(ada)
    local buf_lines = vim.api.nvim_buf_get_lines(ada, 0, -1, false)
    -- The expected results, found on disk (and in loaded buffers) the way the blocks' queries say,
    -- not by asking the server: FROM "Projects" WHERE contains(file.outlinks, this.file.link), and the
    -- open tasks whose text holds "Ada Berg" or "@AdaBerg".
    local function note_lines(f)
      local b = vim.fn.bufnr(f)
      return (b ~= -1 and vim.fn.bufloaded(b) == 1) and vim.api.nvim_buf_get_lines(b, 0, -1, false)
        or vim.fn.readfile(f)
    end
    local projects = {}
    for _, f in ipairs(vim.fn.globpath(vault .. "/Projects", "**/*.md", false, true)) do
      for _, l in ipairs(note_lines(f)) do
        if l:find("[[Ada Berg", 1, true) or l:find("[[People/Ada Berg", 1, true) then
          table.insert(projects, vim.fn.fnamemodify(f, ":t:r"))
          break
        end
      end
    end
    table.sort(projects)
    local function open_tasks(needle)
      local out = {}
      for _, f in ipairs(vim.fn.globpath(vault, "**/*.md", false, true)) do
        if not f:sub(#vault + 2):match("^%.") then
          for _, l in ipairs(note_lines(f)) do
            local text = l:match("^%s*[-*+] %[ %] (.*)$") or l:match("^%s*%d+[.)] %[ %] (.*)$")
            if text and text:find(needle, 1, true) then
              table.insert(out, vim.trim(text))
            end
          end
        end
      end
      return out
    end
    -- a task's text as a hover shows it, in pieces: the text between wikilinks, and each
    -- [[Target#Heading|Alias]] as the start of a markdown link "[Alias](<"
    local function shown_pieces(task)
      local out, last = {}, 1
      for s, target, e in task:gmatch("()%[%[([^%]]-)%]%]()") do
        table.insert(out, task:sub(last, s - 1))
        table.insert(out, "[" .. (target:match("|(.*)$") or target) .. "](<")
        last = e
      end
      table.insert(out, task:sub(last))
      return vim.tbl_filter(function(p)
        return vim.trim(p) ~= ""
      end, out)
    end
    local owned = open_tasks("@AdaBerg")
    check(#projects >= 2 and #owned >= 3, "test-vault has projects linking to Ada Berg and tasks she owns")
    -- the blocks in note order: their opening fence lines (0-based) and what each must show
    local blocks = {}
    for i, l in ipairs(buf_lines) do
      if l == "```dataview" then
        table.insert(blocks, { row = i - 1, query = buf_lines[i + 1] })
      end
    end
    check(#blocks == 3, "the seed's three dataview blocks, found " .. #blocks)
    local want = {
      { title = "^" .. #projects .. " notes$", rows = projects },
      { title = "^" .. #open_tasks("Ada Berg") .. " open tasks", rows = open_tasks("Ada Berg") },
      { title = "^" .. #owned .. " open tasks", rows = owned },
    }

    local lenses = request(ada, "textDocument/codeLens", { textDocument = { uri = vim.uri_from_bufnr(ada) } })
    check(lenses, "no lenses")
    for i, l in ipairs(lenses) do
      lenses[i] = request(ada, "codeLens/resolve", l)
    end
    for i, b in ipairs(blocks) do
      local lens
      for _, l in ipairs(lenses) do
        if l.range.start.line == b.row then
          lens = l
        end
      end
      check(lens and lens.command, "no lens on line " .. (b.row + 1) .. " above " .. b.query .. ": " .. vim.inspect(lenses))
      local title = lens.command.title
      -- "13 open tasks", with " · N overdue" when VAULT_LS_TODAY is past a due date
      check(title:match(want[i].title) and not title:find(" · %d+ open"), "lens above " .. b.query .. " says '"
        .. title .. "', want " .. want[i].title)
      -- a click lists the result's places: the projects' notes, the tasks' lines
      check(#lens.command.arguments[3] == #want[i].rows, "the lens above " .. b.query .. " lists "
        .. #lens.command.arguments[3] .. " places for " .. #want[i].rows .. " rows")
      if i == 1 then
        for j, loc in ipairs(lens.command.arguments[3]) do
          check(vim.uri_to_fname(loc.uri) == vault .. "/Projects/" .. projects[j] .. ".md", "place " .. j .. ": " .. loc.uri)
        end
      end

      -- hovering the query line inside the block: "**Dataview** · <summary>", then its rows
      local hover = request(ada, "textDocument/hover", pos_params(ada, b.row + 1, 1))
      check(hover and hover.contents, "no hover on line " .. (b.row + 2) .. " (" .. b.query .. ")")
      local text = hover.contents.value or vim.inspect(hover.contents)
      check(text:find("**Dataview** · " .. title, 1, true), "hover of " .. b.query .. " lacks its summary: " .. text)
      for _, row in ipairs(want[i].rows) do
        -- a project is a link to its note; a task is its line's text, its wikilinks links (by alias)
        local from = 1
        for _, piece in ipairs(i == 1 and { "[" .. row .. "](<" .. vim.uri_from_fname(vault .. "/Projects/" .. row .. ".md") }
            or shown_pieces(row)) do
          local at = text:find(piece, from, true)
          check(at, "hover of " .. b.query .. " lacks '" .. piece .. "' of '" .. row .. "': " .. text)
          from = at + #piece
        end
      end
    end
  end)

  step("call hierarchy: [[Ada Berg]] prepares her note, whose incoming calls hold the linking notes", function()
    local items = request(inbox_buf, "textDocument/prepareCallHierarchy", pos_params(inbox_buf, 4, #"See [[Ada B"))
    check(items and #items == 1, "prepare gave " .. vim.inspect(items))
    check(vim.uri_to_fname(items[1].uri) == vault .. "/People/Ada Berg.md", "item " .. items[1].uri)
    local calls = request(inbox_buf, "callHierarchy/incomingCalls", { item = items[1] })
    check(calls and #calls >= 3, "incoming calls: " .. #(calls or {}))
    check(#calls[1].fromRanges >= 1, "each call has the ranges of its links")
  end)

  step("vim.lsp.buf.incoming_calls() on [[Ada Berg]] lists her linking and task notes in quickfix, at each site", function()
    vim.api.nvim_set_current_buf(inbox_buf)
    vim.api.nvim_win_set_cursor(0, { 5, #"See [[Ada B" })
    vim.fn.setqflist({}, " ", { title = "before" })
    vim.lsp.buf.incoming_calls()
    wait_for(15000, "the call hierarchy quickfix list", function()
      return vim.fn.getqflist({ title = 1 }).title == "LSP call hierarchy"
    end)
    local qf = vim.fn.getqflist()
    vim.cmd("cclose")
    -- the notes on disk that link to her by name or give her a task (Obsidian indexes no hidden folder)
    local expected = {}
    for _, f in ipairs(vim.fn.globpath(vault, "**/*.md", false, true)) do
      local rel = f:sub(#vault + 2)
      if not rel:match("^%.") and not rel:find("/%.") then
        for l in io.lines(f) do
          if l:find("[[Ada Berg", 1, true) or l:match("^%s*[-*] %[.%] .*@AdaBerg") then
            expected[f] = true
          end
        end
      end
    end
    expected[vim.api.nvim_buf_get_name(inbox_buf)] = true -- the unsaved buffer links to her too
    local seen = {}
    for _, it in ipairs(qf) do
      local name = vim.api.nvim_buf_get_name(it.bufnr)
      seen[name] = true
      local line = vim.fn.bufloaded(name) == 1 and vim.api.nvim_buf_get_lines(it.bufnr, it.lnum - 1, it.lnum, false)[1]
        or file_line(name, it.lnum)
      -- the handler writes the range's UTF-16 column; a link to her or her owner tag starts there
      local rest = line:sub(util.utf16_to_byte(line, it.col - 1) + 1)
      -- a wikilink's or markdown link's target, without folders, .md, a table's escaped \| ([[Note\|alias]])
      local target = rest:match("^!?%[%[([^%]|#]*)") or rest:match("^!?%[[^%]]*%]%(<?([^)#>]*)") or ""
      target = target:gsub("^.*/", ""):gsub("\\$", ""):gsub("%%20", " "):gsub("%.md$", ""):lower()
      check(target == "ada berg" or target == "ada" or rest:match("^@Ada%f[^%w]") or rest:match("^@AdaBerg%f[^%w]"),
        name .. ":" .. it.lnum .. ":" .. it.col .. " is neither a link to Ada nor @AdaBerg/@Ada: " .. line)
      local text = table.concat(vim.fn.bufloaded(name) == 1 and vim.api.nvim_buf_get_lines(it.bufnr, 0, -1, false)
        or vim.fn.readfile(name), "\n")
      check(it.text ~= "" and (it.text == vim.fn.fnamemodify(name, ":t:r") or text:find(it.text, 1, true)),
        "the item is named by its note's file name or title: '" .. it.text .. "' for " .. name)
    end
    for f in pairs(expected) do
      check(seen[f], "no incoming call from " .. f .. "; quickfix: " .. vim.inspect(vim.tbl_keys(seen)))
    end
    for f in pairs(seen) do
      check(expected[f] or uv.fs_stat(f), "an incoming call from a note that does not exist: " .. f)
    end
  end)

  if vim.lsp.inlay_hint then
    step("inlay hints (0.10+): @AdaBerg shows her role · company, the task its due date from today", function()
      local role, company
      for l in io.lines(vault .. "/People/Ada Berg.md") do
        role = role or l:match("^role: (.+)$")
        company = company or l:match("^company: (.+)$")
      end
      check(role and company, "Ada Berg's frontmatter has a role and a company")
      local row, task
      for i, l in ipairs(vim.api.nvim_buf_get_lines(skerry_buf, 0, -1, false)) do
        if l:find("@AdaBerg", 1, true) and l:find("[due:: ", 1, true) then
          row, task = i - 1, l
        end
      end
      check(row, "Skerry Migration has a task for @AdaBerg with a due date")
      -- "in N days" from VAULT_LS_TODAY (run.sh sets it) to the task's due date
      local function day(s)
        local y, m, d = s:match("^(%d+)-(%d+)-(%d+)$")
        return os.time({ year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 })
      end
      local today = assert(os.getenv("VAULT_LS_TODAY"), "VAULT_LS_TODAY is not set")
      local days = math.floor((day(task:match("%[due:: ([%d-]+)%]")) - day(today)) / 86400 + 0.5)
      check(days > 1, "the due date lies ahead of " .. today)
      local want = {
        { col = select(2, task:find("@AdaBerg", 1, true)), label = role .. " · " .. company },
        { col = #task, label = "in " .. days .. " days" },
      }
      vim.api.nvim_set_current_buf(skerry_buf)
      vim.lsp.inlay_hint.enable(true, { bufnr = skerry_buf })
      check(vim.lsp.inlay_hint.is_enabled({ bufnr = skerry_buf }), "inlay hints are enabled on the buffer")
      local function label(h)
        if type(h.label) == "string" then
          return h.label
        end
        local parts = {}
        for _, p in ipairs(h.label) do
          table.insert(parts, p.value)
        end
        return table.concat(parts)
      end
      local function on_row()
        local out = {}
        for _, h in ipairs(vim.lsp.inlay_hint.get({ bufnr = skerry_buf })) do
          local pos = h.inlay_hint.position
          if pos.line == row then
            table.insert(out, { col = util.utf16_to_byte(task, pos.character), label = vim.trim(label(h.inlay_hint)) })
          end
        end
        return out
      end
      wait_for(15000, "inlay hints on the @AdaBerg task line", function()
        return #on_row() >= #want
      end)
      local got = on_row()
      for _, w in ipairs(want) do
        local found = false
        for _, g in ipairs(got) do
          found = found or (g.col == w.col and g.label == w.label)
        end
        check(found, "no hint '" .. w.label .. "' at byte " .. w.col .. " of line " .. (row + 1) .. ": " .. vim.inspect(got))
      end
      vim.lsp.inlay_hint.enable(false, { bufnr = skerry_buf })
    end)
  else
    say("# skip - inlay hints: Neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
      .. " has no vim.lsp.inlay_hint (0.10+)")
  end

  step("settings changed at runtime reach the server", function()
    vls.update_settings({ severity = { ["broken-link"] = "hint" } })
    local function broken_link_severity()
      for _, d in ipairs(vim.diagnostic.get(skerry_buf)) do
        if d.code == "broken-link" then
          return d.severity
        end
      end
    end
    wait_for(15000, "broken-link to become a hint", function()
      return broken_link_severity() == vim.diagnostic.severity.HINT
    end)
  end)

  step(":VaultLsCheck fills the quickfix list with the golden findings", function()
    vim.fn.setqflist({}, " ", { title = "before" })
    local done, err
    vls.check({ dir = vault, open = false, on_done = function(_, e)
      done, err = true, e
    end })
    wait_for(60000, "vault-ls check", function()
      return done
    end)
    check(not err, tostring(err))
    -- and the command itself, as a user runs it from a note
    vim.cmd("buffer " .. skerry_buf)
    vim.fn.setqflist({}, " ", { title = "before" })
    vim.cmd("VaultLsCheck")
    wait_for(60000, ":VaultLsCheck", function()
      return vim.fn.getqflist({ title = 1 }).title == "vault-ls check"
    end)
    local qf = vim.fn.getqflist()
    check(#qf == #golden, #qf .. " quickfix items, golden has " .. #golden)
    local letter = { error = "E", warning = "W", information = "I", hint = "N" }
    for _, g in ipairs(golden) do
      local found = false
      for _, it in ipairs(qf) do
        if vim.api.nvim_buf_get_name(it.bufnr) == vault .. "/" .. g.path and it.lnum == g.line
          and it.col == byte_col(g) + 1 and it.type == letter[g.severity]
          and it.text == g.code .. ": " .. g.message then
          found = true
        end
      end
      check(found, "quickfix lacks " .. g.path .. ":" .. g.line .. ":" .. g.col .. " " .. g.code)
    end
  end)

  step(":VaultLsRestart starts a new server that republishes", function()
    vim.cmd("buffer " .. skerry_buf)
    vim.cmd("VaultLsRestart")
    wait_for(20000, "a new client", function()
      local c = client_of(skerry_buf)
      return c ~= nil and c.id ~= client_id
    end)
    local c = client_of(skerry_buf)
    check(client_of(inbox_buf) and client_of(inbox_buf).id == c.id, "the new note is attached again")
    local ns = vim.lsp.diagnostic.get_namespace(c.id)
    wait_for(30000, "diagnostics from the new server", function()
      return #vim.diagnostic.get(skerry_buf, { namespace = ns }) == #golden_for("Projects/Skerry Migration.md")
    end)
    local items = completion_items(inbox_buf, 2, #"Met [[Ada")
    check(find_item(items, "Ada Berg"), "the new server sees the unsaved buffer: " .. labels(items))
    local hints = vim.diagnostic.get(skerry_buf, { namespace = ns, severity = vim.diagnostic.severity.HINT })
    check(#hints == 1 and hints[1].code == "broken-link", "the new server has the current settings: " .. vim.inspect(hints))
  end)

  step("a note created on disk is seen: the broken link to it disappears", function()
    -- Neovim 0.7 and 0.10+ on Linux offer no file watching: the server watches the vault itself
    local name = "Made Outside Neovim " .. uv.getpid()
    local last = vim.api.nvim_buf_line_count(inbox_buf)
    vim.api.nvim_buf_set_lines(inbox_buf, last, last, false, { "Links to [[" .. name .. "]]." })
    local function broken()
      for _, d in ipairs(vim.diagnostic.get(inbox_buf)) do
        if d.code == "broken-link" and d.message:find(name, 1, true) then
          return true
        end
      end
      return false
    end
    wait_for(15000, "the broken link to " .. name, broken)
    vim.fn.mkdir(vault .. "/Outside", "p")
    local f = assert(io.open(vault .. "/Outside/" .. name .. ".md", "w"))
    f:write("# " .. name .. "\n")
    f:close()
    wait_for(15000, "the broken link to vanish once " .. name .. ".md is on disk", function()
      return not broken()
    end)
  end)

  step(":checkhealth vault-ls reports Java, the jar, the API and file watching", function()
    vim.cmd("checkhealth vault-ls")
    local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
    check(text:match("Java %d+ at"), "no Java line: " .. text)
    check(text:match("server jar readable"), "no jar line: " .. text)
    check(text:match("client API"), "no API line: " .. text)
    check(text:match("file watching"), "no file watching line: " .. text)
    vim.cmd("bwipeout!")
  end)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  finish("test script error: " .. tostring(err))
else
  finish(nil)
end
