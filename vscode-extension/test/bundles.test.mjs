// The built bundles (dist/extension.js: `main`, dist/web.js: `browser`) activated against a
// stand-in `vscode` module: each loads the wasm its own way and does what the extension does,
// driven by events fired by hand. Needs the build (scripts/build.mjs).

import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import Module, { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFakeVscode } from './fake-vscode.mjs';
import { SERVICE, TASKDEF, ecslint } from './helpers.mjs';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * Lets pending promises and file reads run: until `done()` holds (at most 20 s, a deadline
 * that only a failure reaches), or, without `done`, for a few turns of the event loop.
 */
async function settle(done) {
  const end = Date.now() + 20_000;
  for (let i = 0; done ? !done() && Date.now() < end : i < 50; i += 1) {
    await new Promise((r) => setImmediate(r));
  }
}

/** Loads a bundle with `vscode` resolved to the fake. */
function loadBundle(file, fake) {
  const original = Module._load;
  Module._load = function load(request, ...rest) {
    if (request === 'vscode') return fake.vscode;
    return original.call(this, request, ...rest);
  };
  try {
    const path = join(extensionDir, 'dist', file);
    delete require.cache[path];
    return require(path);
  } finally {
    Module._load = original;
  }
}

for (const bundle of ['extension.js', 'web.js']) {
  describe(`dist/${bundle}`, () => {
    let dir;
    let fake;
    let api;
    let diagnostics;

    before(async () => {
      assert.ok(existsSync(join(extensionDir, 'dist', bundle)), 'run scripts/build.mjs first');
      dir = mkdtempSync(join(tmpdir(), 'ecslint-vscode-bundle-'));
      mkdirSync(join(dir, 'deploy'));
      writeFileSync(join(dir, 'deploy', 'taskdef.json'), TASKDEF);
      writeFileSync(join(dir, 'deploy', 'ecs-service-def.json'), SERVICE);
      writeFileSync(join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}');
      fake = createFakeVscode({ folder: dir, settings: { debounce: 300 } });
      fake.context.extensionUri = fake.vscode.Uri.file(extensionDir);
      const extension = loadBundle(bundle, fake);
      api = await extension.activate(fake.context);
      diagnostics = fake.collections.get('ecslint');
    });

    after(() => {
      for (const d of fake?.context.subscriptions ?? []) d.dispose?.();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const keyOf = (path) => fake.vscode.Uri.file(join(dir, path)).toString();

    test('activates on the wasm and lints an opened task definition', async () => {
      assert.equal(api.version, ecslint.version());
      assert.equal(api.entry, bundle === 'web.js' ? 'web' : 'desktop');
      const doc = fake.open(join(dir, 'deploy', 'taskdef.json'), TASKDEF);
      await settle(() => diagnostics.entries.has(doc.uri.toString()));
      const shown = diagnostics.get(doc.uri);
      assert.ok(shown && shown.length > 0, 'diagnostics published');
      const cpu = shown.find((d) => d.message.startsWith('`cpu` must be a string'));
      assert.deepEqual([cpu.range.start.line, cpu.range.start.character, cpu.range.end.character], [4, 9, 12]);
      assert.equal(cpu.severity, fake.vscode.DiagnosticSeverity.Error);
      assert.equal(cpu.code, 'invalid-type');
      assert.equal(cpu.source, 'ecslint');
    });

    test('the deployer in the status bar, found again when a workflow comes', async () => {
      const doc = fake.vscode.workspace.textDocuments[0];
      const item = fake.statusBarItems.get('ecslint.deployer');
      fake.activate(doc);
      assert.ok(item.visible);
      assert.match(item.text, /aws-cli/);
      assert.match(item.tooltip, /nothing in the workspace says/);
      const workflow = join(dir, '.github', 'workflows', 'deploy.yml');
      mkdirSync(dirname(workflow), { recursive: true });
      writeFileSync(
        workflow,
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          task-definition: deploy/taskdef.json\n',
      );
      fake.fileEvent('create', workflow);
      await settle(() => /ecs-deploy-action/.test(item.text));
      assert.match(item.text, /ecs-deploy-action/);
      assert.match(item.tooltip, /\.github\/workflows\/deploy\.yml:8/);
      assert.equal(item.command, 'ecslint.showDeployer');
      // The workflow goes: judged as the AWS CLI's input again (the later tests expect it).
      rmSync(join(dir, '.github'), { recursive: true, force: true });
      fake.fileEvent('delete', workflow);
      await settle(() => /aws-cli/.test(item.text));
      assert.match(item.text, /aws-cli/);
    });

    test('a .tf file (plain text without HashiCorp\'s extension) with its module, and the file it reads', async () => {
      mkdirSync(join(dir, 'infra'), { recursive: true });
      const mainTf = 'resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = file("${path.module}/containers.json")\n}\n';
      const containers = '[{ "Name": "app", "Image": "nginx:1.27", "Memory": 256, "essential": true }]\n';
      writeFileSync(join(dir, 'infra', 'main.tf'), mainTf);
      writeFileSync(join(dir, 'infra', 'containers.json'), containers);
      const tf = fake.open(join(dir, 'infra', 'main.tf'), mainTf, 'plaintext');
      await settle(() => diagnostics.entries.has(tf.uri.toString()));
      const shownTf = diagnostics.get(tf.uri);
      assert.ok(shownTf.some((d) => d.code === 'launch-type-unknown'), shownTf.map((d) => d.code).join());
      assert.ok(!shownTf.some((d) => d.code === 'terraform-not-evaluated'), 'the file it reads was handed over');
      const json = fake.open(join(dir, 'infra', 'containers.json'), containers);
      await settle(() => diagnostics.entries.has(json.uri.toString()));
      const shownJson = diagnostics.get(json.uri);
      assert.equal(shownJson.filter((d) => d.code === 'field-name-case').length, 3);
      assert.ok(shownJson.every((d) => d.message.startsWith('aws_ecs_task_definition.app:')), shownJson[0].message);
      fake.close(json);
      fake.close(tf);
      rmSync(join(dir, 'infra'), { recursive: true, force: true });
    });

    test('quick fixes, fix all and the rule documentation as code actions', async () => {
      const doc = fake.vscode.workspace.textDocuments[0];
      const { provider, metadata } = fake.providers.codeActions[0];
      assert.ok(metadata.providedCodeActionKinds.some((k) => k.value === 'source.fixAll.ecslint'));
      const at = new fake.vscode.Range(4, 10, 4, 10);
      const actions = await provider.provideCodeActions(doc, at, { diagnostics: diagnostics.get(doc.uri), only: undefined });
      const quote = actions.find((a) => a.title === 'Fix: quote the value');
      assert.ok(quote, actions.map((a) => a.title).join(', '));
      assert.equal(quote.isPreferred, true);
      assert.equal(quote.diagnostics.length, 1);
      assert.deepEqual(
        quote.edit.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]),
        [[4, 9, 12, '"256"']],
      );
      assert.ok(actions.some((a) => a.title === 'Show documentation for ecslint rule invalid-type'));
      const fixAll = await provider.provideCodeActions(doc, at, { diagnostics: [], only: fake.vscode.CodeActionKind.SourceFixAll });
      assert.equal(fixAll.length, 1);
      assert.equal(fixAll[0].kind.value, 'source.fixAll.ecslint');
      assert.equal(fixAll[0].edit.edits.length, 1);
      const other = await provider.provideCodeActions(doc, at, { diagnostics: [], only: fake.vscode.CodeActionKind.Source.append('organizeImports') });
      assert.deepEqual(other, []);
    });

    test('hover: the rule documentation', async () => {
      const doc = fake.vscode.workspace.textDocuments[0];
      const hover = await fake.providers.hover[0].provider.provideHover(doc, new fake.vscode.Position(4, 10));
      assert.match(hover.contents.value, /invalid-type/);
      assert.match(hover.contents.value, /What it does/);
      assert.doesNotMatch(hover.contents.value, /## Example/);
      assert.equal(await fake.providers.hover[0].provider.provideHover(doc, new fake.vscode.Position(0, 0)), null);
    });

    test('explain a rule: a Markdown page; an unknown rule: did you mean', async () => {
      await fake.commands.get('ecslint.explainRule')('invalid-type');
      const preview = fake.messages.find((m) => m.type === 'command' && m.id === 'markdown.showPreview');
      assert.ok(preview);
      const page = fake.providers.content.get('ecslint-rule').provideTextDocumentContent(preview.args[0]);
      assert.match(page, /^# invalid-type\n/);
      assert.match(page, /## What it does/);
      await fake.commands.get('ecslint.explainRule')('invalid-typ');
      assert.ok(fake.messages.some((m) => m.type === 'error' && /did you mean/.test(m.message)));
    });

    test('as you type (debounced), then cleared on close', async () => {
      const doc = fake.vscode.workspace.textDocuments[0];
      mock.timers.enable({ apis: ['setTimeout'] });
      try {
        fake.change(doc, TASKDEF.replace('"cpu": 256', '"cpu": "256"'));
        await settle();
        assert.ok(diagnostics.get(doc.uri).some((d) => d.message.startsWith('`cpu`')), 'not before the pause');
        mock.timers.tick(300);
        await settle(() => !diagnostics.get(doc.uri).some((d) => d.message.startsWith('`cpu`')));
        assert.ok(!diagnostics.get(doc.uri).some((d) => d.message.startsWith('`cpu`')));
        assert.ok(diagnostics.get(doc.uri).some((d) => d.message.startsWith('unknown field')));
      } finally {
        mock.timers.reset();
      }
      fake.close(doc);
      assert.equal(diagnostics.get(doc.uri), undefined);
    });

    test('Lint Workspace: every ECS file, not package.json; the service cross-checked', async () => {
      const summary = await fake.commands.get('ecslint.lintWorkspace')();
      assert.ok(summary.errors > 0);
      assert.ok(diagnostics.get(fake.vscode.Uri.parse(keyOf('deploy/taskdef.json'))));
      assert.equal(diagnostics.get(fake.vscode.Uri.parse(keyOf('package.json'))), undefined);
      const service = diagnostics.get(fake.vscode.Uri.parse(keyOf('deploy/ecs-service-def.json')));
      const pair = ecslint.lintPair(SERVICE, 'deploy/ecs-service-def.json', TASKDEF, 'deploy/taskdef.json').files[0];
      assert.deepEqual(
        service.map((d) => d.message.split('\n')[0]),
        pair.diagnostics.map((d) => d.message),
      );
      // A finding that points into the task definition has it as related information.
      const cross = pair.diagnostics.findIndex((d) => d.related.some((r) => r.path === 'deploy/taskdef.json'));
      if (cross >= 0) {
        const related = service[cross].relatedInformation;
        assert.equal(related[0].location.uri.toString(), keyOf('deploy/taskdef.json'));
      }
      assert.ok(fake.messages.some((m) => m.type === 'info' && /ecslint: \d+ errors?/.test(m.message)));
    });

    test('a broken ecslint.toml is shown on the file, the documents are still linted', async () => {
      writeFileSync(join(dir, 'ecslint.toml'), '[rules]\nunknown-feld = "off"\n');
      await fake.commands.get('ecslint.lintWorkspace')();
      const problems = fake.collections.get('ecslint.toml').get(fake.vscode.Uri.parse(keyOf('ecslint.toml')));
      assert.ok(problems, 'the configuration problem is shown');
      assert.match(problems[0].message, /did you mean `unknown-field`/);
      assert.deepEqual([problems[0].range.start.line, problems[0].range.start.character], [1, 0]);
      rmSync(join(dir, 'ecslint.toml'));
    });

    test('an open ecslint.toml is checked as it is typed, and cleared on close', async () => {
      const path = join(dir, 'sub', 'ecslint.toml');
      const toml = fake.open(path, 'select = ["ALL"]\n', 'toml');
      const collection = fake.collections.get('ecslint.toml');
      assert.equal(collection.get(toml.uri), undefined);
      mock.timers.enable({ apis: ['setTimeout'] });
      try {
        fake.change(toml, 'select = ["ALL"]\nignore = ["no-such-rule"]\n');
        mock.timers.tick(300);
      } finally {
        mock.timers.reset();
      }
      const problems = collection.get(toml.uri);
      assert.ok(problems, 'shown');
      assert.equal(problems[0].range.start.line, 1);
      assert.match(problems[0].message, /no-such-rule/);
      fake.close(toml);
      assert.equal(collection.get(toml.uri), undefined);
    });
  });
}
