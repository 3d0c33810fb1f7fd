-- Helpers shared by the plugin and its check command: vault roots, UTF-16 columns, and the few
-- client look-ups whose API changed between Neovim 0.7 and 0.11.
local M = {}

local uv = vim.uv or vim.loop

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function is_dir(path)
  local st = uv.fs_stat(path)
  return st ~= nil and st.type == "directory"
end

local function parent(dir)
  local p = vim.fn.fnamemodify(dir, ":h")
  if p == dir then
    return nil
  end
  return p
end

--- The nearest folder at or above `dir` holding `marker` (a folder or, for `.git`, also a file, as
--- in worktrees), or nil.
local function find_up(dir, marker, dir_only)
  local d = dir
  while d do
    local candidate = d .. "/" .. marker
    if (dir_only and is_dir(candidate)) or (not dir_only and exists(candidate)) then
      return d
    end
    d = parent(d)
  end
  return nil
end

--- The vault a file belongs to. Obsidian makes a folder a vault by giving it an `.obsidian`
--- config folder, so the nearest such folder wins; a vault kept without one is usually a git
--- repository; a lone note is a vault of one folder.
---@param path string absolute or relative file path
---@param config_folder string|nil Obsidian's config folder name (default `.obsidian`)
---@return string absolute folder, without a trailing slash
function M.vault_root(path, config_folder)
  local file = vim.fn.fnamemodify(path, ":p")
  local dir = is_dir(file) and file:gsub("/$", "") or vim.fn.fnamemodify(file, ":h")
  return find_up(dir, config_folder or ".obsidian", true) or find_up(dir, ".git", false) or dir
end

--- The byte offset of UTF-16 code unit `units` in the UTF-8 string `line` (LSP and the check
--- report count UTF-16 units; Neovim counts bytes). Past the end it clamps to #line.
function M.utf16_to_byte(line, units)
  local i, seen = 1, 0
  while i <= #line and seen < units do
    local b = line:byte(i)
    local len = b < 0x80 and 1 or b < 0xE0 and 2 or b < 0xF0 and 3 or 4
    seen = seen + (len == 4 and 2 or 1)
    i = i + len
  end
  return math.min(i - 1, #line)
end

--- Clients called `name`, optionally only those attached to `bufnr`.
function M.clients(name, bufnr)
  local out = {}
  if vim.lsp.get_clients then -- 0.10+
    return vim.lsp.get_clients({ name = name, bufnr = bufnr })
  end
  local list = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, c in pairs(list) do
    if c.name == name then
      table.insert(out, c)
    end
  end
  return out
end

-- Client methods became colon methods in 0.11; before, they were closures called with a dot.
function M.stop(client, force)
  if M.has("nvim-0.11") then
    client:stop(force)
  else
    client.stop(force)
  end
end

function M.notify_client(client, method, params)
  if M.has("nvim-0.11") then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

function M.is_stopped(client)
  if M.has("nvim-0.11") then
    return client:is_stopped()
  end
  return client.is_stopped()
end

function M.notify(msg, level)
  vim.notify("vault-ls: " .. msg, level or vim.log.levels.INFO)
end

function M.has(feature)
  return vim.fn.has(feature) == 1
end

return M
