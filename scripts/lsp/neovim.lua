-- End to end in Neovim's built-in LSP client (Debian 12's Neovim 0.7.2 and later), headless:
--
--   ECSLINT_BIN=target/debug/ecslint LSP_DIR=/tmp/x nvim --headless -u scripts/lsp/neovim.lua
--
-- LSP_DIR holds a broken taskdef.json (scripts/test-lsp writes it). The script opens it, starts
-- `ecslint server` as the client of the buffer, waits for the diagnostics and checks them
-- (rules, severities, positions after a non-ASCII character), applies the quick fix of one
-- diagnostic and then "fix all" as Neovim applies workspace edits (incremental didChange
-- going back to the server), checks the text and the diagnostics that follow, asks for a
-- hover and completions, and shuts the server down. Exits 0 when every check passed, 1 with
-- the failure on stderr otherwise. Results (the first diagnostics, as the server sent them)
-- go to LSP_DIR/neovim-diagnostics.json for scripts/lsp/parity.mjs.

local bin = assert(os.getenv('ECSLINT_BIN'), 'ECSLINT_BIN')
local dir = assert(os.getenv('LSP_DIR'), 'LSP_DIR')
local TIMEOUT = 20000

local function fail(message)
  io.stderr:write('neovim e2e: FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function check(ok, message)
  if not ok then
    error(message, 2)
  end
end

local function say(message)
  io.stdout:write('neovim e2e: ' .. message .. '\n')
end

-- A diagnostic's rule (Neovim 0.7 keeps the LSP diagnostic in user_data.lsp).
local function code_of(d)
  if d.code then
    return d.code
  end
  return d.user_data and d.user_data.lsp and d.user_data.lsp.code
end

local function codes(buf)
  local out = {}
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return a.col < b.col
  end)
  for _, d in ipairs(diags) do
    table.insert(out, code_of(d))
  end
  return table.concat(out, ',')
end

local function buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  check(responses ~= nil, method .. ': no response: ' .. tostring(err))
  for _, r in pairs(responses) do
    check(r.err == nil, method .. ': error ' .. vim.inspect(r.err))
    return r.result
  end
  error(method .. ': no response')
end

local function main()
  local path = dir .. '/taskdef.json'
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local published = {}
  local exit_code
  local client_id = vim.lsp.start_client({
    name = 'ecslint',
    cmd = { bin, 'server' },
    root_dir = dir,
    on_exit = function(code)
      exit_code = code
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        table.insert(published, result)
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
    },
  })
  check(client_id ~= nil, 'the server did not start')
  vim.lsp.buf_attach_client(buf, client_id)

  -- 1. Diagnostics on open.
  local expected = 'launch-type-unknown,invalid-enum-value,invalid-type,unknown-field,invalid-json'
  local ok = vim.wait(TIMEOUT, function()
    return codes(buf) == expected
  end, 20)
  check(ok, 'diagnostics on open: expected ' .. expected .. ', got ' .. codes(buf))
  local by_code = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    by_code[code_of(d)] = d
  end
  local cpu = by_code['invalid-type']
  check(cpu.lnum == 3 and cpu.col == 9, 'invalid-type at ' .. cpu.lnum .. ':' .. cpu.col)
  check(cpu.severity == vim.diagnostic.severity.ERROR, 'invalid-type is an error')
  check(by_code['launch-type-unknown'].severity == vim.diagnostic.severity.INFO, 'launch-type-unknown is info')
  check(by_code['invalid-enum-value'].severity == vim.diagnostic.severity.WARN, 'invalid-enum-value is a warning')
  -- After `é` (2 bytes, 1 UTF-16 unit): Neovim's byte column is the server's UTF-16 one + 1.
  local comma = by_code['invalid-json']
  local lsp_comma
  for _, d in ipairs(published[#published].diagnostics) do
    if d.code == 'invalid-json' then
      lsp_comma = d
    end
  end
  check(comma.lnum == 4, 'invalid-json on line ' .. comma.lnum)
  check(comma.col == lsp_comma.range.start.character + 1,
    'invalid-json: byte column ' .. comma.col .. ' for UTF-16 ' .. lsp_comma.range.start.character)
  local line = vim.api.nvim_buf_get_lines(buf, comma.lnum, comma.lnum + 1, false)[1]
  check(line:sub(comma.col + 1, comma.col + 1) == ',', 'invalid-json points at ' .. line:sub(comma.col + 1))
  local f = io.open(dir .. '/neovim-diagnostics.json', 'w')
  f:write(vim.fn.json_encode(published[#published]))
  f:close()
  say('diagnostics on open: ' .. codes(buf))

  -- 2. The quick fix of `cpu`, applied as Neovim applies code actions.
  local actions = request(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 3, character = 9 }, ['end'] = { line = 3, character = 9 } },
    context = { diagnostics = {} },
  })
  local quick
  for _, a in ipairs(actions) do
    if a.title == 'Fix: quote the value' then
      quick = a
    end
  end
  check(quick ~= nil, 'no quick fix for cpu in ' .. vim.inspect(actions))
  vim.lsp.util.apply_workspace_edit(quick.edit, 'utf-16')
  check(buffer_text(buf):find('"cpu": "256"', 1, true) ~= nil, 'the fix did not quote cpu: ' .. buffer_text(buf))
  ok = vim.wait(TIMEOUT, function()
    return codes(buf) == 'launch-type-unknown,invalid-enum-value,unknown-field,invalid-json'
  end, 20)
  check(ok, 'diagnostics after the fix: ' .. codes(buf))
  say('quick fix applied: ' .. codes(buf))

  -- 3. Hover: the rule on a diagnostic, the field on a key.
  local hover = request(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 1, character = 3 },
  })
  check(hover and hover.contents.value:find('`family`', 1, true), 'hover on family: ' .. vim.inspect(hover))
  say('hover on a key: ' .. hover.contents.value:gsub('\n.*', ''))

  -- 4. Completion: the enum values of networkMode.
  local list = request(buf, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 2, character = 18 },
  })
  local labels = {}
  for _, item in ipairs(list.items or list) do
    table.insert(labels, item.label)
  end
  check(table.concat(labels, ',') == 'bridge,host,awsvpc,none', 'completion: ' .. table.concat(labels, ','))
  say('completion of networkMode: ' .. table.concat(labels, ','))

  -- 5. Fix all safe problems (source.fixAll): the trailing comma goes; the misspelt field
  --    (an unsafe fix) stays.
  actions = request(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll' } },
  })
  check(#actions == 1 and actions[1].kind == 'source.fixAll.ecslint', 'fix all: ' .. vim.inspect(actions))
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  ok = vim.wait(TIMEOUT, function()
    return codes(buf) == 'launch-type-unknown,invalid-enum-value,unknown-field'
  end, 20)
  check(ok, 'diagnostics after fix all: ' .. codes(buf))
  check(buffer_text(buf):find('}],\n}', 1, true) == nil, 'the trailing comma is still there')
  say('fix all applied: ' .. codes(buf))

  -- 6. Shutdown and exit, as the protocol says.
  local client = vim.lsp.get_client_by_id(client_id)
  client.stop()
  ok = vim.wait(TIMEOUT, function()
    return client.is_stopped() and exit_code ~= nil
  end, 20)
  check(ok, 'the server did not stop')
  check(exit_code == 0, 'the server exited with ' .. tostring(exit_code) .. ' after shutdown and exit')
  say('shutdown and exit: the server exited with 0')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = pcall(main)
      if not ok then
        fail(tostring(err))
        return
      end
      vim.cmd('qa!')
    end)
  end,
})
