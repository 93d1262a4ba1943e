import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  familyOfReference,
  pairsOfService,
  parseLoose,
  serviceTaskFamily,
  servicesOfTaskDefinition,
  taskDefinitionFamily,
} from '../src/core/pairing.js';
import { Engine } from '../src/core/engine.js';
import { SERVICE, TASKDEF, ecslint, memoryHost } from './helpers.mjs';

test('reading family and taskDefinition, also from files with slips', () => {
  assert.equal(familyOfReference('web'), 'web');
  assert.equal(familyOfReference('web:12'), 'web');
  assert.equal(familyOfReference('arn:aws:ecs:us-east-1:123456789012:task-definition/web:12'), 'web');
  assert.equal(familyOfReference('arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/a-b_c'), 'a-b_c');
  assert.equal(familyOfReference(''), null);
  assert.deepEqual(parseLoose('{ "a": 1, // note\n "b": [1, 2,], /* x */ "c": "//not a comment" }'), { a: 1, b: [1, 2], c: '//not a comment' });
  assert.equal(parseLoose('{ "a": '), undefined);
  assert.equal(taskDefinitionFamily(parseLoose(TASKDEF)), 'web');
  assert.equal(taskDefinitionFamily({ taskDefinition: { family: 'wrapped' } }), 'wrapped');
  assert.equal(taskDefinitionFamily([]), null);
  assert.equal(serviceTaskFamily(parseLoose(SERVICE)), 'web');
  assert.equal(serviceTaskFamily({ taskDefinition: { family: 'x' } }), null);
});

test('pairs: [[pair]] first, else the family: same folder, then nearest, then by path', () => {
  const tasks = [
    { path: 'file:///ws/z/taskdef.json', family: 'web' },
    { path: 'file:///ws/a/taskdef.json', family: 'web' },
    { path: 'file:///ws/svc/taskdef.json', family: 'web' },
    { path: 'file:///ws/svc/deep/other.json', family: 'api' },
  ];
  const svc = 'file:///ws/svc/ecs-service-def.json';
  assert.deepEqual(pairsOfService(svc, tasks, 'web', []), [{ service: svc, taskDefinition: 'file:///ws/svc/taskdef.json', how: 'family' }]);
  assert.deepEqual(pairsOfService('file:///ws/x/s.json', tasks.slice(0, 2), 'web', []).map((p) => p.taskDefinition), ['file:///ws/a/taskdef.json']);
  assert.deepEqual(pairsOfService('file:///ws/z/q/s.json', tasks.slice(0, 2), 'web', []).map((p) => p.taskDefinition), ['file:///ws/z/taskdef.json']);
  assert.deepEqual(pairsOfService(svc, tasks, 'nope', []), []);
  assert.deepEqual(pairsOfService(svc, tasks, null, []), []);
  const configured = [{ service: svc, taskDefinition: 'file:///ws/elsewhere/td.json' }];
  assert.deepEqual(pairsOfService(svc, tasks, 'web', configured), [{ service: svc, taskDefinition: 'file:///ws/elsewhere/td.json', how: 'config' }]);

  const services = [
    { path: svc, family: 'web', configPairs: [] },
    { path: 'file:///ws/a/svc.json', family: 'web:3', configPairs: [] },
    { path: 'file:///ws/b/svc.json', family: 'api', configPairs: [] },
  ].map((s) => ({ ...s, family: s.family.replace(/:\d+$/, '') }));
  assert.deepEqual(servicesOfTaskDefinition('file:///ws/svc/taskdef.json', services, tasks), [svc]);
  assert.deepEqual(servicesOfTaskDefinition('file:///ws/a/taskdef.json', services, tasks), ['file:///ws/a/svc.json']);
  assert.deepEqual(servicesOfTaskDefinition('file:///ws/svc/deep/other.json', services, tasks), ['file:///ws/b/svc.json']);
});

test('engine: a service and its task definition are linted together with lintPair', async () => {
  const host = memoryHost({
    'deploy/ecs-service-def.json': SERVICE,
    'deploy/taskdef.json': TASKDEF,
    'other/taskdef.json': TASKDEF.replace('"family": "web"', '"family": "api"'),
    'package.json': '{"name": "x"}',
  });
  const calls = [];
  const spy = {
    ...ecslint,
    lintPair: (...args) => {
      calls.push(args.slice(0, 4).filter((a, i) => i % 2 === 1));
      return ecslint.lintPair(...args);
    },
  };
  const engine = new Engine(spy, host);
  const service = await engine.lint(host.key('deploy/ecs-service-def.json'));
  assert.equal(service.fileReport.kind, 'service');
  assert.deepEqual(service.partners, [host.key('deploy/taskdef.json')]);
  assert.deepEqual(calls, [['deploy/ecs-service-def.json', 'deploy/taskdef.json']]);
  assert.ok(service.fileReport.diagnostics.some((d) => d.rule === 'invalid-enum-value'), 'launchType fargate');
  assert.equal(service.others.get('deploy/taskdef.json').key, host.key('deploy/taskdef.json'));
  // Exactly lintPair's diagnostics for each file (its cross-document findings included).
  const pair = ecslint.lintPair(SERVICE, 'deploy/ecs-service-def.json', TASKDEF, 'deploy/taskdef.json');
  assert.deepEqual(service.fileReport.diagnostics, pair.files[0].diagnostics);

  calls.length = 0;
  const task = await engine.lint(host.key('deploy/taskdef.json'));
  assert.deepEqual(task.partners, [host.key('deploy/ecs-service-def.json')]);
  assert.deepEqual(calls, [['deploy/ecs-service-def.json', 'deploy/taskdef.json']]);
  assert.deepEqual(task.fileReport.diagnostics, pair.files[1].diagnostics);

  assert.deepEqual((await engine.lint(host.key('other/taskdef.json'))).partners, []);

  // Cross-checking off: no lintPair.
  calls.length = 0;
  const offHost = memoryHost({ 'ecs-service-def.json': SERVICE, 'taskdef.json': TASKDEF }, { crossCheck: false });
  const off = await new Engine(spy, offHost).lint(offHost.key('ecs-service-def.json'));
  assert.deepEqual(off.partners, []);
  assert.deepEqual(calls, []);
});

test('engine: [[pair]] in ecslint.toml, paths relative to it', async () => {
  const host = memoryHost({
    'ecslint.toml': '[[pair]]\nservice = "services/web.json"\ntask-definition = "tasks/web-prod.json"\n',
    'services/web.json': SERVICE.replace(/"taskDefinition": "[^"]*"/, '"taskDefinition": "something-else"'),
    'tasks/web-prod.json': TASKDEF,
  });
  const engine = new Engine(ecslint, host);
  const service = await engine.lint(host.key('services/web.json'));
  assert.deepEqual(service.partners, [host.key('tasks/web-prod.json')]);
  const task = await engine.lint(host.key('tasks/web-prod.json'));
  assert.deepEqual(task.partners, [host.key('services/web.json')]);
});

test('engine: cross-document diagnostics of lintPair reach both files, with their related locations', async () => {
  // What a real cross-check will return (the API shape is fixed): a finding in the service
  // pointing at the task definition through `related[].path`, and one in the task definition.
  const host = memoryHost({ 'ecs-service-def.json': SERVICE, 'taskdef.json': TASKDEF });
  const fake = {
    ...ecslint,
    lintPair(serviceText, serviceName, taskText, taskName, options) {
      const report = ecslint.lintPair(serviceText, serviceName, taskText, taskName, options);
      const at = (text, needle) => {
        const start = new TextEncoder().encode(text.slice(0, text.indexOf(needle))).length;
        return { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: start + needle.length } };
      };
      report.files[0].diagnostics.push({
        rule: 'service-task-mismatch',
        severity: 'error',
        message: 'the task definition is not FARGATE-compatible',
        pointer: '/launchType',
        range: at(serviceText, '"fargate"'),
        help: null,
        fix: null,
        related: [{ message: 'its requiresCompatibilities', path: taskName, pointer: '/requiresCompatibilities', range: at(taskText, '["FARGATE"]') }],
      });
      report.files[1].diagnostics.unshift({
        rule: 'service-task-mismatch',
        severity: 'warning',
        message: 'run by a service',
        pointer: '',
        range: at(taskText, '{'),
        help: null,
        fix: null,
        related: [],
      });
      return report;
    },
  };
  const engine = new Engine(fake, host);
  const service = await engine.lint(host.key('ecs-service-def.json'));
  const cross = service.fileReport.diagnostics.find((d) => d.rule === 'service-task-mismatch');
  assert.ok(cross);
  assert.equal(cross.related[0].path, 'taskdef.json');
  assert.equal(service.others.get('taskdef.json').text, TASKDEF);
  const task = await engine.lint(host.key('taskdef.json'));
  assert.equal(task.fileReport.diagnostics[0].rule, 'service-task-mismatch');
  assert.equal(task.fileReport.diagnostics.filter((d) => d.rule === 'invalid-type').length, 2, 'the task definition\'s own findings once each');
});

test('engine: the index follows edits and deletions', async () => {
  const host = memoryHost({ 'ecs-service-def.json': SERVICE, 'taskdef.json': TASKDEF });
  const engine = new Engine(ecslint, host);
  assert.deepEqual((await engine.lint(host.key('ecs-service-def.json'))).partners, [host.key('taskdef.json')]);
  // The task definition's family changes in the editor (not saved): the pair is gone.
  await engine.lint(host.key('taskdef.json'), TASKDEF.replace('"family": "web"', '"family": "api"'));
  assert.deepEqual((await engine.lint(host.key('ecs-service-def.json'))).partners, []);
  // Back from the file on disk.
  await engine.indexFile(host.key('taskdef.json'));
  assert.deepEqual((await engine.lint(host.key('ecs-service-def.json'))).partners, [host.key('taskdef.json')]);
  host.store.delete(host.key('taskdef.json'));
  engine.forget(host.key('taskdef.json'));
  assert.deepEqual((await engine.lint(host.key('ecs-service-def.json'))).partners, []);
});

test('engine: a task definition run by two services gets the findings of both pairs, once each', async () => {
  const host = memoryHost({
    'a/ecs-service-def.json': SERVICE,
    'b/ecs-service-def.json': SERVICE.replace('"web"', '"web-b"'),
    'taskdef.json': TASKDEF,
  });
  const engine = new Engine(ecslint, host);
  const task = await engine.lint(host.key('taskdef.json'));
  assert.deepEqual(task.partners, [host.key('a/ecs-service-def.json'), host.key('b/ecs-service-def.json')]);
  const a = ecslint.lintPair(SERVICE, 'a/ecs-service-def.json', TASKDEF, 'taskdef.json').files[1].diagnostics;
  const ids = task.fileReport.diagnostics.map((d) => JSON.stringify(d));
  assert.equal(new Set(ids).size, ids.length, 'no duplicates');
  for (const d of a) assert.ok(ids.includes(JSON.stringify(d)));
  const offsets = task.fileReport.diagnostics.map((d) => d.range.start.offset);
  assert.deepEqual(offsets, [...offsets].sort((x, y) => x - y), 'in document order');
});

test('engine: a service whose task definition is not in the workspace is linted alone', async () => {
  const host = memoryHost({ 'ecs-service-def.json': SERVICE });
  const result = await new Engine(ecslint, host).lint(host.key('ecs-service-def.json'));
  assert.deepEqual(result.partners, []);
  assert.deepEqual(result.fileReport.diagnostics, ecslint.lint(SERVICE, { path: 'ecs-service-def.json' }).files[0].diagnostics);
});
