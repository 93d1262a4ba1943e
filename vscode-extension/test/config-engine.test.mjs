import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, lintOptions, loadConfigText, readSettings, withSettingsFallback } from '../src/core/config.js';
import { Engine } from '../src/core/engine.js';
import { TASKDEF, ecslint, memoryHost } from './helpers.mjs';

const severityOf = (result, rule) => result.fileReport.diagnostics.find((d) => d.rule === rule)?.severity;

test('settings: defaults, and nonsense replaced by defaults', () => {
  const defaults = readSettings(() => undefined);
  assert.equal(defaults.enable, true);
  assert.equal(defaults.run, 'onType');
  assert.equal(defaults.debounce, 300);
  assert.deepEqual(defaults.files.patterns, [...DEFAULT_SETTINGS['files.patterns']]);
  assert.equal(defaults.crossCheck, true);
  const odd = readSettings((k) => ({ run: 'sometimes', debounce: -4, 'files.patterns': 'x', rules: [], select: [1, '', 'ALL'] })[k]);
  assert.equal(odd.run, 'onType');
  assert.equal(odd.debounce, 300);
  assert.deepEqual(odd.files.patterns, [...DEFAULT_SETTINGS['files.patterns']]);
  assert.deepEqual(odd.rules, {});
  assert.deepEqual(odd.select, ['ALL']);
});

test('lint options: ecslint.toml as the base, the settings on top', () => {
  const settings = readSettings(
    (k) =>
      ({
        rules: { 'unknown-field': 'info' },
        ignore: ['duplicate-key'],
        select: ['ALL'],
        'assume.launchType': 'EC2',
      })[k],
  );
  const { config } = loadConfigText(ecslint, '[rules]\nunknown-field = "warning"\ninvalid-type = "warning"\n[assume]\nlaunch-type = "FARGATE"\n');
  const options = lintOptions(settings, config);
  assert.deepEqual(options.config.rules, { 'unknown-field': 'info', 'invalid-type': 'warning' });
  assert.deepEqual(options.ignore, ['duplicate-key']);
  assert.deepEqual(options.select, ['ALL']);
  assert.deepEqual(options.assume, { launchType: 'EC2' });
  assert.equal(options.config.assume['launch-type'], 'FARGATE', 'the file is left as is: `assume` wins over it');
  const file = ecslint.lint(TASKDEF, options).files[0];
  assert.equal(file.diagnostics.find((d) => d.rule === 'unknown-field').severity, 'info');
  assert.equal(file.diagnostics.find((d) => d.rule === 'invalid-type').severity, 'warning');
  assert.deepEqual(lintOptions(readSettings(() => undefined), null), {});
  assert.deepEqual(lintOptions(settings, config, { withSettings: false }), { config });
});

test('invalid settings are left out (and said), the file is still linted', () => {
  const settings = readSettings((k) => ({ rules: { 'unknown-feld': 'off' } })[k]);
  const { result, settingsError } = withSettingsFallback(settings, null, (o) => ecslint.lint(TASKDEF, o));
  assert.equal(settingsError.code, 'invalid-config');
  assert.match(settingsError.message, /unknown-feld/);
  assert.ok(result.files[0].diagnostics.length > 0);
  const bad = readSettings((k) => ({ select: ['nope'] })[k]);
  assert.equal(withSettingsFallback(bad, null, (o) => ecslint.lint(TASKDEF, o)).settingsError.code, 'invalid-select');
  assert.throws(() => withSettingsFallback(settings, null, () => { throw new TypeError('boom'); }), /boom/);
});

test('ecslint.toml errors come back with their range', () => {
  const { config, error } = loadConfigText(ecslint, '[rules]\nunknown-feld = "warning"\n');
  assert.equal(config, null);
  assert.match(error.message, /did you mean `unknown-field`/);
  assert.equal(error.range.start.offset, 8);
});

test('engine: the nearest ecslint.toml applies, not one outside the workspace folder', async () => {
  const host = memoryHost({
    'ecslint.toml': '[rules]\nunknown-field = "warning"\n',
    'a/taskdef.json': TASKDEF,
    'b/ecslint.toml': '[rules]\nunknown-field = "info"\n',
    'b/c/taskdef.json': TASKDEF,
  });
  const engine = new Engine(ecslint, host);
  const a = await engine.lint(host.key('a/taskdef.json'));
  assert.equal(a.config.key, host.key('ecslint.toml'));
  assert.equal(severityOf(a, 'unknown-field'), 'warning');
  assert.equal(a.fileReport.path, 'a/taskdef.json');
  const c = await engine.lint(host.key('b/c/taskdef.json'));
  assert.equal(c.config.key, host.key('b/ecslint.toml'));
  assert.equal(severityOf(c, 'unknown-field'), 'info');

  // Cached per folder until invalidated.
  host.store.set(host.key('b/ecslint.toml'), '[rules]\nunknown-field = "off"\n');
  assert.equal(severityOf(await engine.lint(host.key('b/c/taskdef.json')), 'unknown-field'), 'info');
  engine.invalidateConfigs();
  assert.equal(severityOf(await engine.lint(host.key('b/c/taskdef.json')), 'unknown-field'), undefined);

  const none = new Engine(ecslint, memoryHost({ 'taskdef.json': TASKDEF }));
  assert.equal((await none.lint('file:///ws/taskdef.json')).config.key, null);
  const off = memoryHost({ 'ecslint.toml': '[rules]\nunknown-field = "off"\n', 'taskdef.json': TASKDEF }, { useConfigFile: false });
  assert.equal(severityOf(await new Engine(ecslint, off).lint(off.key('taskdef.json')), 'unknown-field'), 'error');
});

test('engine: a broken ecslint.toml is reported, and the file linted without it', async () => {
  const host = memoryHost({ 'ecslint.toml': 'select = 3\n', 'taskdef.json': TASKDEF });
  const result = await new Engine(ecslint, host).lint(host.key('taskdef.json'));
  assert.equal(result.config.key, host.key('ecslint.toml'));
  assert.ok(result.config.error.message.length > 0);
  assert.equal(result.config.text, 'select = 3\n');
  assert.equal(severityOf(result, 'unknown-field'), 'error');
});

test('engine: by name, by content, or not at all; enable', async () => {
  const host = memoryHost({
    'taskdef.json': '',
    'deploy/web.json': TASKDEF,
    'package.json': '{"name": "x", "version": "1"}',
    'fonts.json': '{"family": "roboto", ',
  });
  const engine = new Engine(ecslint, host);
  const empty = await engine.lint(host.key('taskdef.json'));
  assert.equal(empty.how, 'name');
  assert.match(empty.fileReport.diagnostics[0].message, /empty/);
  const web = await engine.lint(host.key('deploy/web.json'));
  assert.equal(web.how, 'content');
  assert.equal(web.fileReport.kind, 'task-definition');
  assert.equal((await engine.lint(host.key('package.json'))).fileReport, null);
  const fonts = await engine.lint(host.key('fonts.json'));
  assert.equal(fonts.how, 'content');
  assert.equal(fonts.fileReport, null, 'looked like ECS, is not: quiet even though it is broken');
  // The text given wins over the file's (an open document's unsaved edits).
  const edited = await engine.lint(host.key('taskdef.json'), TASKDEF);
  assert.equal(edited.fileReport.kind, 'task-definition');
  const disabled = memoryHost({ 'taskdef.json': TASKDEF }, { enable: false });
  assert.equal((await new Engine(ecslint, disabled).lint(disabled.key('taskdef.json'))).fileReport, null);
});

test('engine: Lint Workspace follows [files] of ecslint.toml', async () => {
  const host = memoryHost({
    'ecslint.toml': '[files]\nexclude = ["generated/**"]\n',
    'generated/taskdef.json': TASKDEF,
    'taskdef.json': TASKDEF,
    'sub/ecslint.toml': '[files]\ninclude = ["prod/*.json"]\n',
    'sub/prod/taskdef.json': TASKDEF,
    'sub/dev/taskdef.json': TASKDEF,
  });
  const engine = new Engine(ecslint, host);
  assert.equal(await engine.walkable(host.key('generated/taskdef.json')), false);
  assert.equal(await engine.walkable(host.key('taskdef.json')), true);
  assert.equal(await engine.walkable(host.key('sub/prod/taskdef.json')), true);
  assert.equal(await engine.walkable(host.key('sub/dev/taskdef.json')), false);
});

test('engine: fix all', async () => {
  const host = memoryHost({ 'taskdef.json': TASKDEF, 'ecslint.toml': 'ignore = ["invalid-type"]\n' });
  const engine = new Engine(ecslint, host);
  assert.equal(await engine.fixAll(host.key('taskdef.json'), '{"family": "x", "containerDefinitions": []}'), null);
  // ecslint.toml applies: with invalid-type ignored, its fixes are not applied either.
  const fixed = await engine.fixAll(host.key('taskdef.json'), TASKDEF);
  assert.equal(fixed, null);
  host.store.set(host.key('ecslint.toml'), '');
  engine.invalidateConfigs();
  assert.match(await engine.fixAll(host.key('taskdef.json'), TASKDEF), /"cpu": "256"/);
});

