-- Neovim 0.11+ without setup(): lsp/vault_ls.lua makes `vim.lsp.enable("vault_ls")` enough, a
-- user's own vim.lsp.config("vault_ls", ...) is merged over it, and a later setup() adds to that
-- config instead of replacing it. Also runs :checkhealth vault-ls. Run by test/run.sh.
local repo = assert(os.getenv("VAULT_LS_REPO"))
local vault = (vim.uv or vim.loop).fs_realpath(assert(os.getenv("VAULT_LS_VAULT")))
local jar = assert(os.getenv("VAULT_LS_JAR"))
local result_file = assert(os.getenv("VAULT_LS_RESULT"))
local lines, failed = {}, 0

local function step(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  table.insert(lines, (ok and "ok - " or "not ok - ") .. name .. (ok and "" or (": " .. tostring(err))))
  if not ok then
    failed = failed + 1
  end
  return ok
end

local function finish()
  table.insert(lines, failed == 0 and "PASS" or ("FAIL (" .. failed .. " failed)"))
  local f = assert(io.open(result_file, "w"))
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.cmd(failed == 0 and "qa!" or "cquit! 1")
end

local function client_of(buf)
  return vim.lsp.get_clients({ name = "vault_ls", bufnr = buf })[1]
end

vim.opt.runtimepath:prepend(repo .. "/nvim-client")
vim.cmd("filetype on")
vim.o.hidden = true

local ok, err = xpcall(function()
  local mine_attached = false
  vim.lsp.config("vault_ls", {
    cmd = { "java", "-jar", jar },
    init_options = { severity = { ["unknown-owner"] = "error" } },
    on_attach = function()
      mine_attached = true
    end,
  })
  vim.lsp.enable("vault_ls")
  local buf
  step("vim.lsp.enable('vault_ls') attaches with no setup(), from lsp/vault_ls.lua", function()
    vim.cmd("edit " .. vim.fn.fnameescape(vault .. "/Projects/Skerry Migration.md"))
    buf = vim.api.nvim_get_current_buf()
    assert(vim.wait(20000, function()
      return client_of(buf) ~= nil
    end, 50), "no vault_ls client attached")
    local c = client_of(buf)
    assert(c.config.root_dir == vault, "root_dir " .. tostring(c.config.root_dir))
    assert(vim.bo[buf].omnifunc == "v:lua.vim.lsp.omnifunc", "the plugin's on_attach ran")
  end)
  step("the user's own vim.lsp.config settings reach the server", function()
    assert(vim.wait(30000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.code == "unknown-owner" and d.severity == vim.diagnostic.severity.ERROR then
          return true
        end
      end
      return false
    end, 50), "no unknown-owner error: " .. vim.inspect(vim.diagnostic.get(buf)))
  end)
  step("setup() adds to the user's config instead of replacing it", function()
    local called = false
    require("vault-ls").setup({ on_attach = function() called = true end })
    local cfg = vim.lsp.config.vault_ls
    assert(cfg.cmd[3] == jar, "cmd kept: " .. vim.inspect(cfg.cmd))
    assert(cfg.init_options.severity["unknown-owner"] == "error", "init_options kept: " .. vim.inspect(cfg.init_options))
    mine_attached = false
    cfg.on_attach(client_of(buf), buf)
    assert(mine_attached and called, "both the user's and setup()'s on_attach run")
  end)
  step(":checkhealth vault-ls reports Java, the jar and the API", function()
    vim.cmd("checkhealth vault-ls")
    local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
    assert(text:match("Java %d+ at"), text)
    assert(text:match("server jar readable"), text)
    assert(text:match("vim%.lsp%.config %+ vim%.lsp%.enable"), text)
    assert(text:match("file watching"), text)
  end)
end, debug.traceback)
if not ok then
  failed = failed + 1
  table.insert(lines, "not ok - script error: " .. tostring(err))
end
finish()
