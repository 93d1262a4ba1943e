// `npx ecslint`: exit codes, formats, --fix, stdin, configuration discovery and walking.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { TASK, fixturesDir, npmDir, removeTree, runBin, tempTree } from './helpers.mjs';

const ALL = [
  'valid-fargate.json',
  'problems.json',
  'describe-output.json',
  'container-definitions.json',
  'ecspresso-service.json',
];

const inFixtures = (args, options = {}) => runBin(args, { cwd: fixturesDir, ...options });

test('exit codes: 0 clean, 1 errors, 2 failures', () => {
  assert.equal(inFixtures(['check', 'valid-fargate.json']).status, 0);
  assert.equal(inFixtures(['check', 'problems.json']).status, 1);
  const missing = inFixtures(['check', 'missing.json', 'valid-fargate.json']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'error: missing.json: No such file or directory (os error 2)\n');
  assert.equal(inFixtures(['check', '--select', 'nope', 'problems.json']).status, 2);
  assert.equal(inFixtures(['check', '--format', 'xml']).status, 2);
  assert.equal(inFixtures(['check', '--unsafe-fixes']).status, 2);
  assert.equal(inFixtures(['check', '--bogus']).status, 2);
  assert.equal(inFixtures(['frobnicate']).status, 2);
  assert.equal(inFixtures([]).status, 2);
  assert.equal(inFixtures(['explain', 'nope']).status, 2);
  assert.equal(inFixtures(['schema', 'nope']).status, 2);
});

test('warnings pass unless --deny-warnings', () => {
  const dir = tempTree({
    'taskdef.json': fs.readFileSync(path.join(fixturesDir, 'valid-fargate.json'), 'utf8'),
    'ecslint.toml': '[rules]\n',
  });
  try {
    const args = ['check', '--format', 'json', '--select', 'duplicate-key', 'dup.json'];
    fs.writeFileSync(path.join(dir, 'dup.json'), '{"family": "a", "family": "b", "containerDefinitions": []}');
    const run = runBin(args, { cwd: dir });
    assert.equal(JSON.parse(run.stdout).summary.warnings, 1);
    assert.equal(run.status, 0);
    assert.equal(runBin([...args, '--deny-warnings'], { cwd: dir }).status, 1);
  } finally {
    removeTree(dir);
  }
});

test('--version, --help, rules, explain, schema', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(npmDir, 'package.json'), 'utf8'));
  assert.equal(runBin(['--version']).stdout, `ecslint ${pkg.version}\n`);
  const help = runBin(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: ecslint <COMMAND>$/m);
  assert.match(runBin(['check', '--help']).stdout, /--stdin-filename <NAME>/);
  assert.match(runBin(['rules']).stdout, /^RULE +SEVERITY +CATEGORY +FIX +SUMMARY\n/);
  assert.ok(JSON.parse(runBin(['rules', '--format', 'json']).stdout).length > 10);
  assert.match(runBin(['explain', 'unknown-field']).stdout, /^unknown-field \(error, structure\)\n\n/);
  assert.equal(JSON.parse(runBin(['schema', 'service']).stdout).title, 'Amazon ECS service definition');
});

test('every format', () => {
  const json = inFixtures(['check', '--format', 'json', ...ALL]);
  assert.equal(json.status, 1);
  assert.equal(json.stdout.split('\n').length, 2, 'one line');
  const report = JSON.parse(json.stdout);
  assert.deepEqual(report.files.map((f) => f.path), ALL);
  const sarif = JSON.parse(inFixtures(['check', '--format', 'sarif', ...ALL]).stdout);
  assert.equal(sarif.runs[0].results.length, report.summary.errors + report.summary.warnings + report.summary.infos);
  const github = inFixtures(['check', '--format', 'github', ...ALL]).stdout;
  assert.match(github, /^::error file=problems\.json,line=5,col=10,endLine=5,endColumn=13,title=ecslint invalid-type::/m);
  const junit = inFixtures(['check', '--format', 'junit', ...ALL]).stdout;
  assert.equal(junit.match(/<testcase /g).length, ALL.length);
  const pretty = inFixtures(['check', ...ALL]);
  assert.equal(pretty.status, 1);
  assert.match(pretty.stdout, /^problems\.json \(task definition\)$/m);
  assert.match(pretty.stdout, /^describe-output\.json \(task definition, DescribeTaskDefinition output\)$/m);
  assert.match(pretty.stdout, /^ {2}5:10 +error +invalid-type +`cpu` must be a string, found an integer$/m);
  assert.ok(!pretty.stdout.includes('\u001b'), 'no colour when stdout is not a terminal');
  assert.equal(inFixtures(['check', 'valid-fargate.json']).stdout, 'No problems found in 1 file\n');
  assert.equal(inFixtures(['check', '--quiet', 'valid-fargate.json']).stdout, '');
});

test('--fix rewrites files atomically and keeps their permissions', () => {
  const dir = tempTree({ 'taskdef.json': TASK, 'broken.json': '{"family": "web", "cpu": 256' });
  try {
    fs.chmodSync(path.join(dir, 'taskdef.json'), 0o640);
    const run = runBin(['check', '--fix', '--format', 'json', 'taskdef.json', 'broken.json'], { cwd: dir });
    assert.equal(run.status, 1);
    const fixed = fs.readFileSync(path.join(dir, 'taskdef.json'), 'utf8');
    assert.match(fixed, /"cpu": "256"/);
    assert.match(fixed, /"memoryReservaton"/, 'unsafe fixes only with --unsafe-fixes');
    assert.equal(fs.statSync(path.join(dir, 'taskdef.json')).mode & 0o777, 0o640);
    assert.equal(fs.readFileSync(path.join(dir, 'broken.json'), 'utf8'), '{"family": "web", "cpu": 256');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['broken.json', 'taskdef.json'], 'no temporary file left');
    assert.match(run.stderr, /^Fixed \d+ problems in taskdef\.json: /m);
    const report = JSON.parse(run.stdout);
    assert.ok(!report.files[0].diagnostics.some((d) => d.rule === 'invalid-type' && d.pointer === '/cpu'));
    runBin(['check', '--fix', '--unsafe-fixes', 'taskdef.json'], { cwd: dir });
    assert.match(fs.readFileSync(path.join(dir, 'taskdef.json'), 'utf8'), /"memoryReservation"/);
  } finally {
    removeTree(dir);
  }
});

test('stdin: linted as --stdin-filename, fixed to stdout with the report on stderr', () => {
  const lint = inFixtures(['check', '--format', 'json', '-', '--stdin-filename', 'td.json'], { input: TASK });
  assert.equal(lint.status, 1);
  assert.equal(JSON.parse(lint.stdout).files[0].path, 'td.json');
  assert.equal(JSON.parse(inFixtures(['check', '--format', 'json', '-'], { input: TASK }).stdout).files[0].path, '<stdin>');
  const fix = inFixtures(['check', '--fix', '--format', 'json', '-'], { input: TASK });
  assert.match(fix.stdout, /"cpu": "256"/);
  assert.doesNotMatch(fix.stdout, /"version":1/);
  const lines = fix.stderr.trim().split('\n');
  assert.match(lines[0], /^Fixed \d+ problems in <stdin>: /);
  assert.equal(JSON.parse(lines[1]).files[0].path, '<stdin>');
});

test('configuration: the nearest ecslint.toml, --config, and a broken one', () => {
  const dir = tempTree({
    'ecslint.toml': 'ignore = ["invalid-type"]\n',
    'a/taskdef.json': TASK,
    'a/b/ecslint.toml': '[rules]\nunknown-field = "warning"\n',
    'a/b/taskdef.json': TASK,
    'broken/ecslint.toml': 'select = ["ALL"]\nignore = ["unknown-feld"]\n',
    'broken/taskdef.json': TASK,
    'broken/other.json': TASK,
  });
  try {
    const report = JSON.parse(runBin(['check', '--format', 'json', 'a'], { cwd: dir }).stdout);
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics]));
    assert.deepEqual(Object.keys(byPath), ['a/b/taskdef.json', 'a/taskdef.json']);
    assert.ok(!byPath['a/taskdef.json'].some((d) => d.rule === 'invalid-type'));
    assert.ok(byPath['a/b/taskdef.json'].some((d) => d.rule === 'invalid-type'), 'the nearest config only');
    assert.equal(byPath['a/b/taskdef.json'].find((d) => d.rule === 'unknown-field').severity, 'warning');
    const explicit = JSON.parse(runBin(['check', '--format', 'json', '--config', 'ecslint.toml', 'a'], { cwd: dir }).stdout);
    assert.ok(!explicit.files.some((f) => f.diagnostics.some((d) => d.rule === 'invalid-type')));
    const broken = runBin(['check', 'broken'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.equal(
      broken.stderr,
      'error: invalid configuration: `unknown-feld` in `ignore` is not a rule or category: did you mean `unknown-field`?\n' +
        `  --> ${path.join('broken', 'ecslint.toml')}:2:12\n`,
      'reported once, with its place',
    );
    const missing = runBin(['check', '--config', 'nope.toml', 'a'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^error: nope\.toml: cannot read the configuration: No such file or directory/);
  } finally {
    removeTree(dir);
  }
});

test('walking: hidden files, .gitignore, [files], and JSON that is not ECS', () => {
  const dir = tempTree({
    '.gitignore': 'ignored/\n*.tmp.json\n',
    'taskdef.json': TASK,
    'package.json': '{"name": "x", "version": "1.0.0"}',
    'notes.txt': 'not json',
    '.hidden/taskdef.json': TASK,
    'ignored/taskdef.json': TASK,
    'x.tmp.json': TASK,
    'sub/.gitignore': '!keep.tmp.json\n',
    'sub/keep.tmp.json': TASK,
    'sub/cdk.out/taskdef.json': TASK,
    'sub/ecslint.toml': '[files]\nexclude = ["cdk.out/**"]\n',
  });
  try {
    const run = runBin(['check', '--format', 'json', '.'], { cwd: dir });
    assert.deepEqual(JSON.parse(run.stdout).files.map((f) => f.path), ['sub/keep.tmp.json', 'taskdef.json']);
    const named = runBin(['check', '--format', 'json', 'package.json'], { cwd: dir });
    assert.equal(JSON.parse(named.stdout).files[0].diagnostics[0].rule, 'unknown-document-kind');
  } finally {
    removeTree(dir);
  }
});
