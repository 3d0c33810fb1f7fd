-- The vault-ls server for Neovim 0.11+'s vim.lsp.config: with this folder on 'runtimepath',
--   vim.lsp.enable("vault_ls")
-- attaches vault-ls to markdown notes with no setup() call. Your own
--   vim.lsp.config("vault_ls", { cmd = { "java", "-jar", "/opt/vault-ls.jar" }, init_options = { ... } })
-- is merged over this one, key by key.
return require("vault-ls").lsp_config()
