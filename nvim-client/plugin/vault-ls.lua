-- vault-ls commands, defined at startup so that they exist without setup() too (Neovim 0.11+:
-- vim.lsp.enable("vault_ls") alone). setup() defines the same commands.
if vim.g.loaded_vault_ls then
  return
end
vim.g.loaded_vault_ls = true

vim.api.nvim_create_user_command("VaultLsCheck", function(a)
  require("vault-ls").check({ dir = a.args ~= "" and a.args or nil })
end, { nargs = "?", complete = "dir", desc = "vault-ls: check the vault, findings to the quickfix list" })
vim.api.nvim_create_user_command("VaultLsRestart", function()
  require("vault-ls").restart()
end, { desc = "vault-ls: restart the language server" })
