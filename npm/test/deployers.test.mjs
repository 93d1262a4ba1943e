// The deployer fixture repositories (tests/fixtures/deployers, issue 14) through the npm
// package's bin, as a directory and file by file: the same findings as the native CLI wrote
// in each `<case>.findings`, deployers and their evidence included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cases, copyCase, expectedFindings, fileFindings } from '../../tests/fixtures/deployers/findings.mjs';
import { lint } from '../src/node.mjs';
import { removeTree, runBin } from './helpers.mjs';

/** Whether this build's wasm reads Terraform (the `terraform` feature of the core). */
const readsTerraform = !lint('resource "aws_ecs_task_definition" "a" {}\n', { path: 'main.tf' }).files[0].diagnostics.some(
  (d) => d.rule === 'unknown-document-kind',
);

/** The files of a JSON report, as `.findings` writes them, by path. */
function byFile(run) {
  assert.ok(run.stdout.startsWith('{'), `${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout);
  return new Map(report.files.map((f) => [f.path, fileFindings(f)]));
}

for (const name of cases()) {
  test(`deployer fixture ${name}: the npm bin finds what the CLI finds`, (t) => {
    const dir = copyCase(name);
    try {
      const expected = expectedFindings(name);
      if (!readsTerraform && [...expected.keys()].some((f) => f.endsWith('.tf'))) {
        // Without the Terraform form a file that `file()` reads is judged from the evidence
        // alone, not with its resource (another message and evidence line).
        t.skip("this build's wasm does not read Terraform");
        return;
      }
      const walked = byFile(runBin(['check', '--format', 'json', '.'], { cwd: dir }));
      assert.deepEqual([...walked.keys()].sort(), [...expected.keys()].sort(), 'the files found');
      const named = byFile(runBin(['check', '--format', 'json', ...expected.keys()], { cwd: dir }));
      for (const [file, text] of expected) {
        assert.equal(walked.get(file), text, `${name}/${file} (directory)`);
        assert.equal(named.get(file), text, `${name}/${file} (named)`);
      }
    } finally {
      removeTree(dir);
    }
  });
}
