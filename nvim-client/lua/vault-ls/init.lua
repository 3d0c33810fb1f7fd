-- vault-ls for Neovim: attaches the vault language server to markdown notes inside a vault, with
-- the newest client API the running Neovim has, and adds :VaultLsCheck and :VaultLsRestart.
--
--   require("vault-ls").setup({ settings = { severity = { ["ambiguous-link"] = "off" } } })
local util = require("vault-ls.util")
local check = require("vault-ls.check")

local M = {}

--- The client name (also the `vim.lsp.config` name on 0.11+).
M.name = "vault_ls"

--- This plugin's repository: lua/vault-ls/init.lua sits three folders below it.
local function repo_root()
  local source = debug.getinfo(1, "S").source:gsub("^@", "")
  return vim.fn.fnamemodify(source, ":p:h:h:h:h")
end

local function default_java()
  local home = vim.env.JAVA_HOME
  if home and home ~= "" and vim.fn.executable(home .. "/bin/java") == 1 then
    return home .. "/bin/java"
  end
  return "java"
end

local defaults = {
  -- full command; when nil it is { java, jvm_args..., "-jar", jar }
  cmd = nil,
  java = nil, -- default: $JAVA_HOME/bin/java, else java on PATH
  jar = nil, -- default: <repo>/server/target/vault-ls.jar next to this plugin
  jvm_args = {},
  -- the server's settings: the keys of .vault-ls.json (severity, people, keyFactsHeading,
  -- requiredFields, ignore, configFolder); sent as initializationOptions and as the
  -- "vault-ls" section of workspace/didChangeConfiguration
  settings = {},
  filetypes = { "markdown" },
  on_attach = nil, -- function(client, bufnr)
  capabilities = nil,
  omnifunc = true, -- set omnifunc=v:lua.vim.lsp.omnifunc in attached buffers
  check_args = {}, -- extra arguments for :VaultLsCheck (e.g. { "--config", "ci.json" })
  api = nil, -- force "config" (0.11+), "start" (0.8+) or "start_client" (0.7); nil = newest
}

M.options = vim.deepcopy(defaults)

--- The command that starts the server.
function M.cmd()
  local o = M.options
  if o.cmd then
    return o.cmd
  end
  local cmd = { o.java or default_java() }
  vim.list_extend(cmd, o.jvm_args or {})
  vim.list_extend(cmd, { "-jar", o.jar or M.default_jar() })
  return cmd
end

function M.default_jar()
  return repo_root() .. "/server/target/vault-ls.jar"
end

--- The client API this Neovim offers, newest first.
function M.api()
  if M.options.api then
    return M.options.api
  end
  if vim.lsp.config and vim.lsp.enable then
    return "config"
  elseif vim.lsp.start then
    return "start"
  end
  return "start_client"
end

local function config_folder()
  return M.options.settings and M.options.settings.configFolder or ".obsidian"
end

--- The vault root of a buffer, or nil when the buffer is not a note file.
function M.root(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" or vim.bo[bufnr].buftype ~= "" or name:match("^%a[%w+.-]*://") then
    return nil
  end
  return util.vault_root(name, config_folder())
end

local function on_attach(client, bufnr)
  if M.options.omnifunc then
    vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc"
  end
  if M.options.on_attach then
    M.options.on_attach(client, bufnr)
  end
end

--- Runs a reference-count lens (`editor.action.showReferences` with uri, position, locations, as
--- VS Code takes it): the locations go to the quickfix list, which opens.
function M.show_references(command, ctx)
  local args = command.arguments or {}
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local items = vim.lsp.util.locations_to_items(args[3] or {}, client and client.offset_encoding or "utf-16")
  vim.fn.setqflist({}, " ", { title = command.title, items = items })
  if #items > 0 then
    vim.cmd("copen")
  end
  return items
end

local function on_init(client)
  vim.lsp.commands["editor.action.showReferences"] = vim.lsp.commands["editor.action.showReferences"]
    or M.show_references
  -- Neovim 0.10+ sends the settings itself once the server is initialized; older ones do not.
  if not util.has("nvim-0.10") then
    util.notify_client(client, "workspace/didChangeConfiguration", { settings = client.config.settings })
  end
  return true
end

--- The client configuration shared by every API path.
local function client_config(root)
  local settings = M.options.settings or {}
  return {
    name = M.name,
    cmd = M.cmd(),
    root_dir = root,
    filetypes = M.options.filetypes,
    init_options = settings,
    settings = { ["vault-ls"] = settings },
    capabilities = M.options.capabilities or vim.lsp.protocol.make_client_capabilities(),
    on_attach = on_attach,
    on_init = on_init,
  }
end

local warned_missing = false
local function jar_ok()
  if M.options.cmd or M.options.jar then
    return true
  end
  if vim.fn.filereadable(M.default_jar()) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    util.notify("no server jar at " .. M.default_jar() .. ": run `mvn -B package -DskipTests` in the repository,"
      .. " or pass setup({ jar = ... })", vim.log.levels.WARN)
  end
  return false
end

-- Neovim 0.7: one client per vault root, attached by hand.
local by_root = {}

--- Attaches the server to one buffer (0.7 and 0.8+ paths; 0.11+ attaches through vim.lsp.enable,
--- which also calls this on :VaultLsRestart).
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if not vim.api.nvim_buf_is_valid(bufnr) or not vim.tbl_contains(M.options.filetypes, vim.bo[bufnr].filetype) then
    return nil
  end
  local root = M.root(bufnr)
  if not root or not jar_ok() then
    return nil
  end
  if vim.lsp.start and M.api() ~= "start_client" then
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = by_root[root]
  -- get_client_by_id also knows clients still initializing (client_is_stopped does not, on 0.7)
  local running = id and vim.lsp.get_client_by_id(id)
  if not running or util.is_stopped(running) then
    id = vim.lsp.start_client(client_config(root))
    if not id then
      util.notify("could not start " .. table.concat(M.cmd(), " "), vim.log.levels.ERROR)
      return nil
    end
    by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- The root_dir function of the 0.11+ config: the buffer's vault, when the jar is there.
local function root_dir(bufnr, on_dir)
  local root = M.root(bufnr)
  if root and jar_ok() then
    on_dir(root)
  end
end

--- The configuration `lsp/vault_ls.lua` gives Neovim 0.11+ (`vim.lsp.enable("vault_ls")` with no
--- setup()): the plugin's defaults. A user's `vim.lsp.config("vault_ls", {...})` is merged over it.
function M.lsp_config()
  local cfg = client_config(nil)
  cfg.root_dir = root_dir
  if next(cfg.init_options) == nil then
    -- No settings of the plugin's own: leave `settings` to the user. An empty "vault-ls" section,
    -- which Neovim sends after initialize, would replace the user's init_options on the server.
    cfg.settings = nil
    cfg.init_options = nil
  end
  return cfg
end

local function markdown_buffers()
  local out = {}
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(M.options.filetypes, vim.bo[b].filetype) then
      table.insert(out, b)
    end
  end
  return out
end

--- 0.11+: adds what setup() was given to the "vault_ls" config (lsp/vault_ls.lua, then the user's
--- own vim.lsp.config("vault_ls", ...) calls), so a key setup() was not given keeps the user's value.
---@param given table the options passed to setup() (or {} for the defaults)
local function register_config(given)
  local cfg = { root_dir = root_dir, on_attach = on_attach, on_init = on_init }
  if given.cmd or given.java or given.jar or given.jvm_args then
    cfg.cmd = M.cmd()
  end
  if given.settings then
    cfg.init_options = given.settings
    cfg.settings = { ["vault-ls"] = given.settings }
  end
  if given.filetypes then
    cfg.filetypes = given.filetypes
  end
  if given.capabilities then
    cfg.capabilities = given.capabilities
  end
  local current = vim.lsp.config[M.name] or {}
  if current.on_attach and current.on_attach ~= on_attach then
    local theirs = current.on_attach -- the user's own: runs first, then the plugin's
    cfg.on_attach = function(client, bufnr)
      theirs(client, bufnr)
      on_attach(client, bufnr)
    end
  end
  vim.lsp.config(M.name, cfg)
  if given.settings then
    -- vim.lsp.config merges tables key by key; setup()'s settings are the whole settings
    local merged = vim.lsp.config[M.name]
    merged.init_options = given.settings
    merged.settings = { ["vault-ls"] = given.settings }
    vim.lsp.config[M.name] = merged
  end
  vim.lsp.enable(M.name)
end

--- Stops the vault-ls clients and starts them again for every open note.
function M.restart()
  local clients = util.clients(M.name)
  for _, c in ipairs(clients) do
    util.stop(c, false)
  end
  -- A client is closing (is_stopped) before it is gone: until its process has exited, Neovim
  -- 0.8-0.10 still lists it, and vim.lsp.start would reuse it for the same root and name, leaving
  -- the buffers with a dead server. So wait until Neovim no longer knows the old clients.
  local function all_stopped()
    for _, c in ipairs(clients) do
      if vim.lsp.get_client_by_id(c.id) ~= nil then
        return false
      end
    end
    return true
  end
  if not vim.wait(5000, all_stopped, 50) then
    for _, c in ipairs(clients) do
      util.stop(c, true)
    end
    vim.wait(2000, all_stopped, 50)
  end
  by_root = {}
  for _, b in ipairs(markdown_buffers()) do
    M.attach(b)
  end
end

--- Replaces the server settings and sends them to the running servers
--- (workspace/didChangeConfiguration); the vault's own .vault-ls.json still wins key by key.
function M.update_settings(settings)
  M.options.settings = settings or {}
  if M.api() == "config" then
    register_config({ settings = M.options.settings })
  end
  for _, c in ipairs(util.clients(M.name)) do
    c.config.settings = { ["vault-ls"] = M.options.settings }
    if c.settings then
      c.settings = c.config.settings -- 0.10+ answers workspace/configuration from here
    end
    c.config.init_options = M.options.settings
    util.notify_client(c, "workspace/didChangeConfiguration", { settings = c.config.settings })
  end
end

--- Runs `vault-ls check` on the current buffer's vault (or `dir`) and fills the quickfix list.
---@param opts table|nil { dir = folder, open = bool (default true), on_done = function(items, err) }
function M.check(opts)
  opts = opts or {}
  local root = opts.dir and vim.fn.fnamemodify(opts.dir, ":p"):gsub("/$", "") or M.root()
    or util.vault_root(vim.fn.getcwd(), config_folder())
  check.run({
    cmd = M.cmd(),
    root = root,
    args = M.options.check_args,
    open = opts.open ~= false,
    on_done = opts.on_done,
  })
end

local augroup

--- Configures the plugin and starts attaching. Calling it again replaces the options.
---@param opts table|nil see `defaults` above
function M.setup(opts)
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  if opts and opts.settings then
    M.options.settings = opts.settings -- settings are the server's; do not merge lists into defaults
  end
  augroup = vim.api.nvim_create_augroup("vault-ls", { clear = true })

  vim.api.nvim_create_user_command("VaultLsCheck", function(a)
    M.check({ dir = a.args ~= "" and a.args or nil })
  end, { nargs = "?", complete = "dir", desc = "vault-ls: check the vault, findings to the quickfix list" })
  vim.api.nvim_create_user_command("VaultLsRestart", function()
    M.restart()
  end, { desc = "vault-ls: restart the language server" })

  if M.api() == "config" then
    register_config(opts or {})
    return
  end
  vim.api.nvim_create_autocmd("FileType", {
    group = augroup,
    pattern = M.options.filetypes,
    callback = function(ev)
      M.attach(ev.buf)
    end,
  })
  for _, b in ipairs(markdown_buffers()) do
    M.attach(b)
  end
end

return M
