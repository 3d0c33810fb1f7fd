-- :VaultLsCheck: runs the headless `vault-ls check` on a vault (what CI will report) and loads its
-- findings into the quickfix list.
local util = require("vault-ls.util")

local M = {}

local QF_TYPE = { error = "E", warning = "W", information = "I", hint = "N" }

M.TITLE = "vault-ls check"

local function decode(json)
  if vim.json and vim.json.decode then
    return pcall(vim.json.decode, json)
  end
  return pcall(vim.fn.json_decode, json)
end

--- The text of a file's lines, from its buffer when loaded (it may hold unsaved edits the
--- report does not see, but columns are only used to place the cursor) else from disk.
local function line_reader()
  local cache = {}
  return function(file, lnum)
    if not cache[file] then
      local buf = vim.fn.bufnr(file)
      if buf ~= -1 and vim.api.nvim_buf_is_loaded(buf) then
        cache[file] = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      else
        local ok, lines = pcall(vim.fn.readfile, file)
        cache[file] = ok and lines or {}
      end
    end
    return cache[file][lnum] or ""
  end
end

--- Quickfix items from the `--format json` report of the vault at `root`: 1-based lines, byte
--- columns, type E/W/I/N, text `code: message`.
function M.items(report, root)
  local items = {}
  local line_of = line_reader()
  for _, f in ipairs(report.findings or {}) do
    local file = root .. "/" .. f.path
    local lnum = f.range.start.line + 1
    local col = util.utf16_to_byte(line_of(file, lnum), f.range.start.character) + 1
    local end_lnum = f.range["end"].line + 1
    table.insert(items, {
      filename = file,
      lnum = lnum,
      col = col,
      end_lnum = end_lnum,
      end_col = util.utf16_to_byte(line_of(file, end_lnum), f.range["end"].character) + 1,
      type = QF_TYPE[f.severity] or "W",
      text = f.code .. ": " .. f.message,
    })
  end
  return items
end

--- Runs the check asynchronously.
---@param opts table { cmd = list (java -jar jar), root = vault folder, args = extra check args,
---   open = open the quickfix window when there are findings, on_done = function(items|nil, err) }
function M.run(opts)
  local root = opts.root
  local argv = vim.list_extend(vim.deepcopy(opts.cmd), { "check", root, "--format", "json", "--fail-on", "never" })
  vim.list_extend(argv, opts.args or {})
  local out, err = {}, {}
  local function collect(into)
    return function(_, data)
      if data then
        vim.list_extend(into, data)
      end
    end
  end
  local ok, job = pcall(vim.fn.jobstart, argv, {
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = collect(out),
    on_stderr = collect(err),
    on_exit = function(_, code)
      local stderr = vim.trim(table.concat(err, "\n"))
      local report_ok, report = decode(table.concat(out, "\n"))
      if code ~= 0 or not report_ok or type(report) ~= "table" then
        local msg = "check failed (exit " .. code .. "): " .. (stderr ~= "" and stderr or "no report")
        util.notify(msg, vim.log.levels.ERROR)
        if opts.on_done then
          opts.on_done(nil, msg)
        end
        return
      end
      local items = M.items(report, root)
      vim.fn.setqflist({}, " ", { title = M.TITLE, items = items })
      local s = report.summary or {}
      util.notify(string.format("%d findings in %d notes (%s)", #items, s.notes or 0, root))
      if opts.open and #items > 0 then
        vim.cmd("copen")
      end
      if opts.on_done then
        opts.on_done(items, nil)
      end
    end,
  })
  if not ok or job <= 0 then
    local msg = "cannot run " .. table.concat(argv, " ") .. (ok and "" or ": " .. tostring(job))
    util.notify(msg, vim.log.levels.ERROR)
    if opts.on_done then
      opts.on_done(nil, msg)
    end
  end
end

return M
