import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp, matchGlob } from '../src/core/glob.js';
import { DEFAULT_EXCLUDE, DEFAULT_PATTERNS, classify, looksLikeEcs, shouldShow } from '../src/core/detect.js';
import { ecslint } from './helpers.mjs';

const files = { patterns: [...DEFAULT_PATTERNS], exclude: [...DEFAULT_EXCLUDE], detectByContent: true, maxFileSize: 1000 };

test('globs: base-name patterns, paths, **, alternatives, classes, case', () => {
  assert.ok(matchGlob('*task-def*.json', 'deploy/ecs-task-def.json'));
  assert.ok(matchGlob('*task-def*.json', 'ecs-task-def.json'));
  assert.ok(matchGlob('*taskdef*.json', 'TaskDef.JSON'), 'case-insensitive');
  assert.ok(!matchGlob('*taskdef*.json', 'taskdef.json.bak'));
  assert.ok(matchGlob('**/node_modules/**', 'node_modules/x/taskdef.json'));
  assert.ok(matchGlob('**/node_modules/**', 'a/b/node_modules/taskdef.json'));
  assert.ok(!matchGlob('**/node_modules/**', 'a/node_modules_x/taskdef.json'));
  assert.ok(matchGlob('deploy/*.json', 'deploy/web.json'));
  assert.ok(!matchGlob('deploy/*.json', 'deploy/x/web.json'));
  assert.ok(matchGlob('deploy/**/*.json', 'deploy/web.json'));
  assert.ok(matchGlob('deploy/**/*.json', 'deploy/a/b/web.json'));
  assert.ok(matchGlob('{svc,task}-?.json', 'task-1.json'));
  assert.ok(matchGlob('[st]*.json', 'svc.json'));
  assert.ok(!matchGlob('[!st]*.json', 'svc.json'));
  assert.ok(matchGlob('./cdk.out/**', 'cdk.out/a.json'));
  assert.ok(globToRegExp('a.b+(c)').test('a.b+(c)'), 'regex characters are literal');
});

test('the default patterns: the names the issue lists, and not ordinary JSON files', () => {
  for (const name of [
    'taskdef.json',
    'task-definition.json',
    'ecs-task-def.json',
    'my-task-definition.prod.json',
    'web_task_definition.json',
    'ecs-service-def.json',
    'web-service-definition.json',
    'container_definitions.json',
    'deploy/containerDefinitions.json',
  ]) {
    assert.equal(classify(name, null, files), 'name', name);
  }
  for (const name of ['package.json', 'tsconfig.json', 'service.json', '.vscode/settings.json']) {
    assert.equal(classify(name, null, files), null, name);
  }
  assert.equal(classify('node_modules/x/taskdef.json', null, files), null, 'excluded');
  assert.equal(classify('cdk.out/taskdef.json', null, files), null, 'excluded');
});

test('detection by content: any JSON file that ecslint recognises', () => {
  const task = '{ "family": "web", "containerDefinitions": [] }';
  assert.equal(classify('deploy/web.json', task, files), 'content');
  assert.equal(classify('deploy/web.json', task, { ...files, detectByContent: false }), null);
  assert.equal(classify('deploy/web.json', `${task}${' '.repeat(2000)}`, files), null, 'over maxFileSize');
  assert.ok(looksLikeEcs('\uFEFF  {"taskDefinition": {"family": "x"}}'));
  assert.ok(looksLikeEcs('[{"name": "web", "image": "nginx"}]'));
  assert.ok(looksLikeEcs('{"ServiceName": "web"}'), 'PascalCase copies count');
  assert.ok(!looksLikeEcs('{"name": "pkg", "version": "1.0.0"}'));
  assert.ok(!looksLikeEcs('"family"'));
  // CloudFormation templates with an ECS resource, YAML or JSON (issue 15).
  const template = 'Resources:\n  TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n';
  assert.ok(looksLikeEcs(template));
  assert.ok(!looksLikeEcs('Resources:\n  B:\n    Type: AWS::S3::Bucket\n'));
  assert.equal(classify('infra/stack.yaml', template, files), 'content');
  const linted = ecslint.lint(template, { path: 'infra/stack.yaml', reportUnknownKind: false }).files[0];
  assert.equal(linted.kind, 'cloudformation');
  assert.equal(shouldShow('content', linted), true);

  // The linter decides: what only looks like ECS is not shown.
  const lintAs = (text, how) => shouldShow(how, ecslint.lint(text, { reportUnknownKind: how === 'name' }).files[0]);
  assert.equal(lintAs(task, 'content'), true);
  assert.equal(lintAs('{"serviceName": "web", "taskDefinition": "web:1"}', 'content'), true);
  assert.equal(lintAs('{"taskDefinition": {"family": "web", "containerDefinitions": []}}', 'content'), true);
  assert.equal(lintAs('[{"name": "web", "image": "nginx"}]', 'content'), true);
  assert.equal(lintAs('{"image": "x", "tag": "y"}', 'content'), false);
  assert.equal(lintAs('{"family": "roboto", "variants": [], ', 'content'), false, 'broken and not ECS: quiet');
  // By name, everything is shown, even an empty file.
  const empty = ecslint.lint('', { reportUnknownKind: true }).files[0];
  assert.equal(shouldShow('name', empty), true);
  assert.match(empty.diagnostics[0].message, /empty/);
});
