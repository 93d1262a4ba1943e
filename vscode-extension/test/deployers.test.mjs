// The deployer fixture repositories (tests/fixtures/deployers, issue 14) as workspaces of the
// extension's engine: each file the CLI lints gets the same findings, judged by the same
// deployer read from the same place (the workspace folder is the repository).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Engine } from '../src/core/engine.js';
import { cases, deployersDir, expectedFindings, fileFindings } from '../../tests/fixtures/deployers/findings.mjs';
import { ecslint, memoryHost } from './helpers.mjs';

/** Whether this build's wasm reads Terraform (the `terraform` feature of the core). */
const readsTerraform = !ecslint
  .lint('resource "aws_ecs_task_definition" "a" {}\n', { path: 'main.tf' })
  .files[0].diagnostics.some((d) => d.rule === 'unknown-document-kind');

/** Every file of a folder, by its path relative to the folder. */
function filesOf(dir, prefix = '') {
  const out = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, filesOf(path.join(dir, entry.name), `${relative}/`));
    else out[relative] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return out;
}

for (const name of cases()) {
  test(`deployer fixture ${name}: the extension's engine finds what the CLI finds`, async (t) => {
    const expected = expectedFindings(name);
    if (!readsTerraform && [...expected.keys()].some((f) => f.endsWith('.tf'))) {
      t.skip("this build's wasm does not read Terraform");
      return;
    }
    const host = memoryHost(filesOf(path.join(deployersDir, name)));
    const engine = new Engine(ecslint, host);
    for (const [file, text] of expected) {
      const result = await engine.lint(host.key(file));
      assert.ok(result.fileReport, `${name}/${file}: linted`);
      assert.equal(fileFindings({ ...result.fileReport, path: file }), text, `${name}/${file}`);
    }
  });
}
