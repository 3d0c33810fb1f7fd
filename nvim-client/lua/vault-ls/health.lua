-- :checkhealth vault-ls: Java found and new enough, the server jar readable, the client API in
-- use, and who watches files: Neovim for the server, or the server itself.
local M = {}

-- vim.health (0.9+) or the older `health` module (0.7, 0.8), whose functions had report_ names.
local health = vim.health or require("health")
local start = health.start or health.report_start
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local fail = health.error or health.report_error
local info = health.info or health.report_info

local MIN_JAVA = 17

--- The feature release in `java -version` output: "17.0.15" -> 17, "1.8.0_392" -> 8.
function M.java_version(output)
  local major, minor = output:match('version "(%d+)%.?(%d*)')
  if not major then
    major, minor = output:match("^%a+ (%d+)%.?(%d*)")
  end
  major = tonumber(major)
  if major == 1 and tonumber(minor) then
    return tonumber(minor)
  end
  return major
end

function M.check()
  local vls = require("vault-ls")
  local util = require("vault-ls.util")
  local cmd = vls.cmd()
  local uses_java = not vls.options.cmd or (cmd[1] or ""):match("java[^/]*$")

  start("vault-ls: Java")
  if not uses_java then
    info("the server command is set by `cmd`: " .. table.concat(cmd, " "))
  elseif vim.fn.executable(cmd[1]) ~= 1 then
    fail("no Java at `" .. cmd[1] .. "`", {
      "Install a Java " .. MIN_JAVA .. "+ runtime (e.g. `sudo apt install openjdk-17-jre-headless`)",
      "or pass setup({ java = '/path/to/bin/java' }), or set JAVA_HOME",
    })
  else
    local out = vim.fn.system({ cmd[1], "-version" })
    local version = M.java_version(out)
    if not version then
      fail("cannot tell the version of `" .. cmd[1] .. "` from: " .. (out:match("[^\n]*") or ""))
    elseif version < MIN_JAVA then
      fail("`" .. cmd[1] .. "` is Java " .. version .. "; vault-ls needs " .. MIN_JAVA .. " or newer")
    else
      ok("Java " .. version .. " at `" .. vim.fn.exepath(cmd[1]) .. "`")
    end
  end

  start("vault-ls: server")
  local jar
  for i, a in ipairs(cmd) do
    if a == "-jar" then
      jar = cmd[i + 1]
    end
  end
  if not jar then
    info("no `-jar` in the server command: " .. table.concat(cmd, " "))
  elseif vim.fn.filereadable(jar) == 1 then
    ok("server jar readable: `" .. jar .. "`")
  else
    fail("the server jar `" .. jar .. "` is missing or unreadable", {
      "run `mvn -B package -DskipTests` in the vault-ls repository, or pass setup({ jar = ... })",
    })
  end
  local clients = util.clients(vls.name)
  if #clients > 0 then
    for _, c in ipairs(clients) do
      ok("running for `" .. tostring(c.config.root_dir) .. "` (client " .. c.id .. ")")
    end
  else
    info("no vault-ls client is running (open a note inside a vault)")
  end

  start("vault-ls: Neovim")
  local v = vim.version()
  local api = vls.api()
  local names = {
    config = "vim.lsp.config + vim.lsp.enable (0.11+)",
    start = "vim.lsp.start (0.8+)",
    start_client = "vim.lsp.start_client (0.7)",
  }
  ok(string.format("Neovim %d.%d.%d, client API: %s", v.major, v.minor, v.patch, names[api] or api))

  local caps = vls.options.capabilities or vim.lsp.protocol.make_client_capabilities()
  local watched = caps.workspace and caps.workspace.didChangeWatchedFiles
  if watched and watched.dynamicRegistration then
    ok("file watching offered to the server: it registers a watcher, and notes changed outside Neovim are seen")
  else
    ok("Neovim offers no file watching to servers (Linux 0.10+ by default, 0.7): the server watches the"
      .. " vault's folders itself, so notes changed outside Neovim (Obsidian, sync, git pull) are seen")
  end
end

return M
