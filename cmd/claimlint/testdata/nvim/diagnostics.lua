-- Run by TestNeovimClient: attach Neovim's built-in LSP client to `claimlint lsp`
-- on one article, wait for its diagnostics, and write them to $OUT, one a line:
-- line:col:code:source:message.
local client_id = vim.lsp.start_client({ cmd = { os.getenv('CLAIMLINT'), 'lsp' }, root_dir = os.getenv('ROOT'), name = 'claimlint' })
vim.cmd('edit ' .. os.getenv('ARTICLE'))
vim.lsp.buf_attach_client(0, client_id)
local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  table.insert(out, string.format('%d:%d:%s:%s:%s', d.lnum + 1, d.col + 1, tostring(code), d.source or '', d.message))
end
if not ok then table.insert(out, 'TIMEOUT') end
vim.fn.writefile(out, os.getenv('OUT'))
vim.cmd('qa!')
