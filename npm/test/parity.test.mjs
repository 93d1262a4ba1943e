// Parity: the npm bin (wasm) and the native CLI print the same thing for every fixture
// (crates/ecslint-core/tests/specs/**, JSON and Terraform, tests/fixtures/cli/**,
// tests/fixtures/terraform/**) and every file of
// ../shared/corpus: the same JSON diagnostics (compared parsed, file by file, then byte for
// byte), the same SARIF, GitHub and JUnit output, the same exit code; also when walking
// directories, reading stdin, fixing files, and for rules/explain/schema. This is what lets
// the editor, the playground and CI agree with the CLI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  TASK,
  corpusDir,
  fixturesDir,
  jsonFiles,
  nativeBinary,
  removeTree,
  repoDir,
  runBin,
  runNative,
  specsDir,
  tempTree,
  tfFiles,
} from './helpers.mjs';

const relative = (files) => files.map((f) => path.relative(repoDir, f));
const terraformDir = path.join(repoDir, 'tests', 'fixtures', 'terraform');
const FILES = relative([
  ...jsonFiles(specsDir),
  ...tfFiles(specsDir),
  ...jsonFiles(fixturesDir),
  ...jsonFiles(path.join(corpusDir, 'taskdefs')),
  ...jsonFiles(path.join(corpusDir, 'services')),
]);

/** Runs both with `args`; checks the exit codes agree; returns both. */
function both(args, options) {
  const npm = runBin(args, options);
  const native = runNative(args, options);
  assert.equal(npm.status, native.status, `exit code of ${args.join(' ')}\n${npm.stderr}`);
  return { npm, native };
}

/** Compares two JSON reports file by file (for a readable failure), then byte for byte. */
function sameReports(npm, native) {
  const a = JSON.parse(npm);
  const b = JSON.parse(native);
  assert.deepEqual(a.files.map((f) => f.path), b.files.map((f) => f.path));
  for (let i = 0; i < a.files.length; i++) {
    assert.deepEqual(a.files[i], b.files[i], `diagnostics of ${b.files[i].path}`);
  }
  assert.deepEqual(a, b);
  assert.equal(npm, native);
}

test('the wasm and the native CLI were built from the same rules', () => {
  nativeBinary();
  const { npm, native } = both(['rules', '--format', 'json']);
  assert.equal(npm.stdout, native.stdout, 'rebuild: `npm/scripts/build.sh` and `cargo build`');
});

test(`JSON diagnostics of every fixture and corpus file (${FILES.length} files)`, () => {
  assert.ok(FILES.length > 400, `${FILES.length} files`);
  assert.ok(FILES.some((f) => f.includes('corpus')), 'the corpus is there');
  assert.ok(FILES.filter((f) => f.endsWith('.tf')).length >= 10, 'the Terraform fixtures are there');
  const { npm, native } = both(['check', '--format', 'json', ...FILES]);
  assert.equal(JSON.parse(native.stdout).files.length, FILES.length);
  sameReports(npm.stdout, native.stdout);
  assert.equal(npm.stderr, native.stderr);
});

test('every file on its own, as `ecslint check --format json FILE`', () => {
  // A sample of each source (every file one by one would take a minute for no new coverage:
  // the run above lints each file independently too).
  const sample = FILES.filter((_, i) => i % 25 === 0);
  for (const file of sample) {
    const { npm, native } = both(['check', '--format', 'json', file]);
    sameReports(npm.stdout, native.stdout);
  }
});

test('SARIF, GitHub and JUnit output, byte for byte', () => {
  for (const format of ['sarif', 'github', 'junit']) {
    const { npm, native } = both(['check', '--format', format, ...FILES]);
    assert.equal(npm.stdout, native.stdout, format);
  }
});

test('walking directories (configuration discovery, skipped non-ECS JSON, Terraform modules)', () => {
  for (const dir of [fixturesDir, specsDir, terraformDir, corpusDir]) {
    const { npm, native } = both(['check', '--format', 'json', path.relative(repoDir, dir)]);
    sameReports(npm.stdout, native.stdout);
  }
  const { npm, native } = both(['check', '--format', 'json'], { cwd: fixturesDir });
  sameReports(npm.stdout, native.stdout);
});

test('walking: hidden entries, .gitignore, .ignore, [files] include/exclude', () => {
  const dir = tempTree({
    '.gitignore': 'ignored/\n*.tmp.json\n/rooted.json\n',
    '.ignore': '!also.tmp.json\n',
    'taskdef.json': TASK,
    'also.tmp.json': TASK,
    'x.tmp.json': TASK,
    'rooted.json': TASK,
    'package.json': '{"name": "x", "version": "1.0.0"}',
    'broken.json': '{"family": "web",',
    '.hidden/taskdef.json': TASK,
    'ignored/taskdef.json': TASK,
    'sub/rooted.json': TASK,
    'sub/.gitignore': '!keep.tmp.json\ndeep/**/*.json\n',
    'sub/keep.tmp.json': TASK,
    'sub/deep/a/b/taskdef.json': TASK,
    'sub/Ü/taskdef.json': TASK,
    'sub/a b/taskdef.json': TASK,
    'sub/cdk.out/taskdef.json': TASK,
    'sub/ecslint.toml': '[files]\ninclude = ["**/*.json", "*.taskdef"]\nexclude = ["cdk.out/**", "a?b/"]\n',
    'sub/x.taskdef': TASK,
    'other/ecslint.toml': '[files]\ninclude = ["t*.json"]\n',
    'other/taskdef.json': TASK,
    'other/service.json': TASK,
  });
  try {
    for (const args of [['.'], ['sub', 'other'], ['sub/', './other', 'taskdef.json']]) {
      const { npm, native } = both(['check', '--format', 'json', ...args], { cwd: dir });
      assert.ok(JSON.parse(native.stdout).files.length >= 2, native.stdout);
      sameReports(npm.stdout, native.stdout);
    }
  } finally {
    removeTree(dir);
  }
});

test('Terraform: modules, the files they read, a file alone, standard input, plans, --kind, formats, --fix', () => {
  const plan = fs.readFileSync(path.join(terraformDir, 'plan.json'), 'utf8');
  const serviceTf = fs.readFileSync(path.join(terraformDir, 'infra', 'service.tf'), 'utf8');
  const cwd = terraformDir;
  const runs = [
    [['check', '--format', 'json', 'infra'], {}],
    [['check', '--format', 'json', '-v', '.'], {}],
    [['check', '--format', 'json', 'infra/task.tf'], {}],
    [['check', '--format', 'json', 'infra/service.tf', 'infra/containers.json'], {}],
    [['check', '--format', 'json', 'infra/containers.json'], {}],
    [['check', '--format', 'json', 'infra/other.tf', 'infra/variables.tf'], {}],
    [['check', '--format', 'json', '--stdin-filename', 'plan.json', '-'], { input: plan }],
    [['check', '--format', 'json', '-'], { input: plan }],
    [['check', '--format', 'json', '--stdin-filename', 'infra/service.tf', '-'], { input: serviceTf }],
    [['check', '--format', 'json', '--kind', 'terraform', '-'], { input: serviceTf }],
    [['check', '--format', 'json', '--select', 'ALL', '--ignore', 'terraform-not-evaluated', 'infra'], {}],
  ];
  for (const [args, options] of runs) {
    const { npm, native } = both(args, { cwd, ...options });
    sameReports(npm.stdout, native.stdout);
    assert.equal(npm.stderr, native.stderr, args.join(' '));
  }
  const infra = JSON.parse(runNative(['check', '--format', 'json', 'infra'], { cwd }).stdout);
  assert.deepEqual(infra.files.map((f) => f.path), ['infra/containers.json', 'infra/service.tf', 'infra/task.tf']);
  for (const format of ['sarif', 'github', 'junit']) {
    const { npm, native } = both(['check', '--format', format, 'infra', 'plan.json'], { cwd });
    assert.equal(npm.stdout, native.stdout, format);
  }
  // Fixes in .tf files: the same bytes written.
  const tree = {};
  for (const f of [...tfFiles(path.join(terraformDir, 'infra')), ...tfFiles(specsDir)]) {
    tree[path.relative(repoDir, f)] = fs.readFileSync(f);
  }
  tree['tests/fixtures/terraform/infra/containers.json'] = fs.readFileSync(path.join(terraformDir, 'infra', 'containers.json'));
  const a = tempTree(tree);
  const b = tempTree(tree);
  try {
    for (const flags of [['--fix'], ['--fix', '--unsafe-fixes']]) {
      const npm = runBin(['check', '--format', 'json', ...flags, '.'], { cwd: a });
      const native = runNative(['check', '--format', 'json', ...flags, '.'], { cwd: b });
      assert.equal(npm.status, native.status);
      sameReports(npm.stdout, native.stdout);
      assert.equal(npm.stderr, native.stderr, 'the same "Fixed …" lines');
      for (const name of Object.keys(tree)) {
        assert.ok(fs.readFileSync(path.join(a, name)).equals(fs.readFileSync(path.join(b, name))), `${flags.join(' ')} ${name}`);
      }
    }
  } finally {
    removeTree(a);
    removeTree(b);
  }
});

test('pairing services with task definitions: --task-definition, [[pair]], ecspresso, family', () => {
  const runs = [
    ['check', '--format', 'json', 'tests/fixtures/cli/pair'],
    ['check', '--format', 'json', '--task-definition', 'tests/fixtures/cli/pair/explicit/taskdef.json', 'tests/fixtures/cli/pair/explicit/service.json'],
    ['check', '--format', 'json', 'tests/fixtures/cli/pair/ecspresso/ecs-service-def.json'],
    ['check', '--format', 'json', '--task-definition', 'nope.json', 'tests/fixtures/cli/pair/explicit/service.json'],
  ];
  for (const args of runs) {
    const { npm, native } = both(args);
    if (native.status !== 2) sameReports(npm.stdout, native.stdout);
    assert.equal(npm.stderr, native.stderr, args.join(' '));
  }
});

test('stdin, --kind, --select, --ignore, --config', () => {
  const runs = [
    [['check', '--format', 'json', '-', '--stdin-filename', 'in.json'], { input: TASK }],
    [['check', '--format', 'json', '-'], { input: '{"family": "x", "cpu": 1' }],
    [['check', '--format', 'json', '--kind', 'container-definitions', 'tests/fixtures/cli/problems.json'], {}],
    [['check', '--format', 'json', '--select', 'structure,invalid-json', ...FILES.slice(0, 80)], {}],
    [['check', '--format', 'json', '--ignore', 'structure', '--ignore', 'duplicate-key', ...FILES.slice(0, 80)], {}],
    [['check', '--format', 'json', '--config', 'tests/fixtures/cli/ecslint.toml', 'tests/fixtures/cli'], {}],
  ];
  for (const [args, options] of runs) {
    const { npm, native } = both(args, options);
    sameReports(npm.stdout, native.stdout);
  }
});

test('--fix and --unsafe-fixes rewrite every file the same way', () => {
  const files = FILES.filter((f) => !f.startsWith('..')).slice(0, 200).concat(FILES.filter((f) => f.startsWith('..')).slice(0, 60));
  const contents = Object.fromEntries(files.map((f, i) => [`${i}-${path.basename(f)}`, fs.readFileSync(path.join(repoDir, f))]));
  for (const flags of [['--fix'], ['--fix', '--unsafe-fixes']]) {
    const a = tempTree(contents);
    const b = tempTree(contents);
    try {
      const names = Object.keys(contents);
      const npm = runBin(['check', '--format', 'json', ...flags, ...names], { cwd: a });
      const native = runNative(['check', '--format', 'json', ...flags, ...names], { cwd: b });
      assert.equal(npm.status, native.status);
      sameReports(npm.stdout, native.stdout);
      assert.equal(npm.stderr, native.stderr, 'the same "Fixed …" lines');
      let changed = 0;
      for (const name of names) {
        const fixed = fs.readFileSync(path.join(a, name));
        assert.ok(fixed.equals(fs.readFileSync(path.join(b, name))), `${flags.join(' ')} ${name}`);
        if (!fixed.equals(contents[name])) changed += 1;
      }
      assert.ok(changed > 10, `${changed} files fixed`);
    } finally {
      removeTree(a);
      removeTree(b);
    }
  }
  const { npm, native } = both(['check', '--fix', '--unsafe-fixes', '--format', 'json', '-'], { input: TASK });
  assert.equal(npm.stdout, native.stdout, 'the fixed document on stdout');
  assert.equal(npm.stderr, native.stderr, 'the report on stderr');
});

test('rules, explain, schema and --version print the same bytes', () => {
  const ids = JSON.parse(runNative(['rules', '--format', 'json']).stdout).map((r) => r.id);
  const runs = [['rules'], ['--version'], ['schema', 'task-definition'], ['schema', 'service'], ['schema', 'container-definitions']];
  for (const id of ids) runs.push(['explain', id]);
  for (const args of runs) {
    const { npm, native } = both(args);
    assert.equal(npm.stdout, native.stdout, args.join(' '));
  }
});

test('failures: the same exit codes and, for paths and rules, the same messages', () => {
  const dir = tempTree({
    'taskdef.json': TASK,
    'bad/ecslint.toml': 'select = 3\n',
    'bad/taskdef.json': TASK,
    'glob/ecslint.toml': '[files]\nexclude = ["[z-a]"]\n',
    'glob/taskdef.json': TASK,
  });
  try {
    for (const args of [
      ['check', 'missing.json', 'taskdef.json'],
      ['check', '--select', 'nope', 'taskdef.json'],
      ['check', '--ignore', 'invalid-typ', 'taskdef.json'],
      ['explain', 'unknown-feld'],
    ]) {
      const { npm, native } = both(args, { cwd: dir });
      assert.equal(npm.stderr, native.stderr, args.join(' '));
    }
    for (const args of [
      ['check', 'bad'],
      ['check', 'glob'],
      ['check', '--config', 'nope.toml'],
      ['check', '--format', 'xml'],
      ['check', '--kind', 'x'],
      ['check', '--unsafe-fixes'],
      ['schema', 'x'],
      ['nope'],
      [],
    ]) {
      const { npm } = both(args, { cwd: dir });
      assert.equal(npm.status, 2, args.join(' '));
    }
  } finally {
    removeTree(dir);
  }
});
