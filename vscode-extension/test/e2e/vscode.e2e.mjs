// End to end in real VS Code (code-server + Chromium, see harness.mjs): the packaged .vsix
// installed, a broken task definition opened, and what a user sees checked in the workbench.
// scripts/test-vscode installs everything and runs this file with:
//
//   CODE_SERVER         the code-server executable (its Node 24 first on PATH)
//   ECSLINT_VSIX        the .vsix to install
//   CHROMIUM            the browser (default /usr/bin/chromium)
//   ECSLINT_SCREENSHOT  where to save the screenshot (default .e2e/screenshot.png)
//
// No fixed sleeps: every step waits for what it needs to see, with a generous deadline.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ecslint from 'ecslint';
import { STEP, startVsCode } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const extensionDir = join(here, '..', '..');
const options = {
  codeServer: process.env.CODE_SERVER,
  vsix: process.env.ECSLINT_VSIX,
  browserPath: process.env.CHROMIUM ?? '/usr/bin/chromium',
};
const screenshotPath = process.env.ECSLINT_SCREENSHOT ?? join(extensionDir, '.e2e', 'screenshot.png');

// A task definition with problems, one of them after a character outside the BMP on its line
// (`𝔸`: 1 character, 2 UTF-16 units, 4 bytes): VS Code counts UTF-16 units, so the column it
// shows is one more than the report's character column, three less than a byte column.
const TASKDEF = `{
  "family": "web",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": 256,
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "essential": true,
      "memoryReservaton": 256,
      "portMappings": [{ "containerPort": 80 }]
    },
    { "name": "𝔸pi", "image": "busybox:1.36", "essential": "yes" }
  ]
}
`;

// The service that runs it, which nobody opens: "ecslint: Lint Workspace" finds its problems,
// cross-checked against the task definition (same family).
const SERVICE = `{
  "serviceName": "web",
  "cluster": "default",
  "taskDefinition": "web",
  "launchType": "fargate",
  "desiredCount": 2
}
`;

const FILES = {
  'taskdef.json': TASKDEF,
  'ecs-service-def.json': SERVICE,
  'package.json': '{ "name": "not-ecs", "version": "1.0.0" }\n',
};

/** Runs the steps in order; after a failure the rest are skipped and a screenshot is saved. */
function stepper(t, page) {
  let failed = false;
  return (name, fn) =>
    t.test(name, async (st) => {
      if (failed) {
        st.skip('an earlier step failed');
        return;
      }
      try {
        await fn();
      } catch (error) {
        failed = true;
        const shot = join(dirname(screenshotPath), `failure-${name.replace(/\W+/g, '-')}.png`);
        mkdirSync(dirname(shot), { recursive: true });
        await page.screenshot({ path: shot }).catch(() => {});
        throw error;
      }
    });
}

test('the desktop entry in VS Code: diagnostics, quick fix, hover, completion, workspace, cross-check', async (t) => {
  assert.ok(options.codeServer && options.vsix, 'CODE_SERVER and ECSLINT_VSIX are not set: run scripts/test-vscode');
  const { page, workspace, ui, stop } = await startVsCode({ ...options, files: FILES });
  t.after(stop);
  const step = stepper(t, page);

  await step('the Problems panel shows ecslint diagnostics of the open task definition', async () => {
    await ui.openFile('taskdef.json');
    await ui.runCommand('Problems: Focus on Problems View');
    await page.locator('.markers-panel').waitFor();
    const rows = await ui.waitForProblem(/`cpu` must be a string, found an integer/);
    assert.ok(rows.some((r) => /unknown field `memoryReservaton`/.test(r)), rows.join('\n'));
    // Nothing in the workspace says how it is deployed: judged as the AWS CLI's input, and
    // the status bar says so.
    await page.locator('.statusbar-item', { hasText: 'aws-cli' }).first().waitFor({ timeout: STEP });
    assert.ok(rows.some((r) => /ecslint/.test(r) && /invalid-type/.test(r)), 'source and rule shown');
    // `"cpu": 256` on line 5: the value starts at column 10.
    assert.ok(rows.some((r) => /`cpu` must be a string[\s\S]*\[Ln 5, Col 10\]/.test(r)), rows.join('\n'));
    // After the `𝔸`: `"yes"` starts at UTF-16 column 61 (the report says character column 60).
    const line = TASKDEF.split('\n')[14];
    const column = line.indexOf('"yes"') + 1;
    assert.equal(column, 61);
    const essential = ecslint.lint(TASKDEF).files[0].diagnostics.find((d) => d.pointer.endsWith('/1/essential'));
    assert.equal(essential.range.start.column, 60);
    assert.ok(
      rows.some((r) => new RegExp(`\`essential\` must be a boolean[\\s\\S]*\\[Ln 15, Col ${column}\\]`).test(r)),
      rows.join('\n'),
    );
    // package.json is not an ECS document: nothing about it.
    assert.ok(!rows.some((r) => /package\.json/.test(r)), rows.join('\n'));
    // The JSON Schema of the jsonValidation contribution validates too (VS Code's JSON
    // language server, which may report after ecslint).
    await ui.waitForProblem(/Incorrect type\. Expected "string"/);
  });

  await step('hovering a problem shows the rule documentation', async () => {
    await page.locator('.editor-group-container .view-line span', { hasText: 'memoryReservaton' }).first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'What it does' }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    assert.match(text, /unknown-field/);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 700);
  });

  await step('ecslint: Explain Rule opens the rule\'s page', async () => {
    await ui.runCommand('ecslint: Explain Rule');
    const input = page.locator('.quick-input-widget input[placeholder="ecslint: the rule to explain"]');
    await input.waitFor();
    await input.fill('unknown-field');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'unknown-field' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'unknown-field.md' }).first().waitFor();
    // Back to the task definition (with a click: the preview's webview keeps the keyboard).
    await page.locator('.tab', { hasText: 'taskdef.json' }).first().click();
    await page.locator('.tab.active', { hasText: 'taskdef.json' }).waitFor();
  });

  await step('a quick fix applies', async () => {
    // Enter on a problem selects its range in the editor and focuses it; Ctrl+. opens the
    // quick fix menu there.
    await page.locator('.markers-panel .monaco-list-row', { hasText: '`cpu` must be a string' }).first().click();
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .monaco-editor.focused').waitFor();
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Fix: quote the value' }).first();
    // The first Ctrl+. can come before the editor takes keys: ask again until the menu shows.
    const end = Date.now() + STEP;
    for (;;) {
      await page.keyboard.press('Control+Period');
      try {
        await item.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (Date.now() > end) throw error;
        await page.keyboard.press('Escape');
        await page.locator('.markers-panel .monaco-list-row', { hasText: '`cpu` must be a string' }).first().click();
        await page.keyboard.press('Enter');
      }
    }
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
    await item.click();
    await page.keyboard.press('Control+S');
    const saved = Date.now() + STEP;
    let text = '';
    while (Date.now() < saved) {
      text = readFileSync(join(workspace, 'taskdef.json'), 'utf8');
      if (text.includes('"cpu": "256"')) break;
      await page.waitForTimeout(200);
    }
    assert.equal(text, TASKDEF.replace('"cpu": 256,', '"cpu": "256",'));
    // The diagnostic is gone from the Problems panel, the others stay.
    const rows = await ui.waitForProblems(
      (r) => !r.some((x) => /`cpu` must be a string/.test(x)) && r.some((x) => /memoryReservaton/.test(x)),
      'the cpu diagnostic should be gone, the others stay',
    );
    assert.ok(rows.length > 0);
  });

  await step('completion from the JSON Schema', async () => {
    await page.locator('.editor-group-container .view-line span', { hasText: '"family"' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"execution');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'executionRoleArn' }).first().waitFor();
    await page.keyboard.press('Escape');
  });

  await step('typing updates the diagnostics', async () => {
    // The line typed above is a key without a value: ecslint says so while it is there.
    await ui.waitForProblem(/invalid-json/);
    await ui.runCommand('File: Revert File');
    await ui.waitForProblems(
      (r) => r.some((x) => /memoryReservaton/.test(x)) && !r.some((x) => /invalid-json/.test(x)),
      'back to the saved file\'s problems',
    );
  });

  await step('ecslint: Lint Workspace reports files that are not open, cross-checked', async () => {
    await ui.runCommand('ecslint: Lint Workspace');
    // Only the service's rows: the panel renders the rows it has room for.
    await page.locator('.markers-panel-container .viewpane-filter input, .markers-panel .viewpane-filter input, .viewpane-filter input').first().fill('ecs-service-def');
    const fixedTask = readFileSync(join(workspace, 'taskdef.json'), 'utf8');
    const expected = ecslint.lintPair(SERVICE, 'ecs-service-def.json', fixedTask, 'taskdef.json').files[0].diagnostics;
    assert.ok(expected.some((d) => d.rule === 'invalid-enum-value'));
    const rows = await ui.waitForProblems(
      (r) => r.some((x) => /^ecs-service-def\.json/.test(x)) && expected.every((d) => r.some((x) => x.includes(d.message))),
      `the service's file and every diagnostic lintPair reports for it: ${expected.map((d) => d.message).join(' | ')}`,
    );
    assert.ok(!rows.some((r) => /not in the workspace|not found/i.test(r)), 'paired: the task definition was found');
  });

  await step('the output channel says which entry runs', async () => {
    await ui.runCommand('ecslint: Show Output');
    await page.locator('.output-view, .panel .monaco-editor', { hasText: 'activated (desktop entry)' }).first().waitFor();
  });
});

test('the web entry in VS Code (the web worker extension host, as in vscode.dev)', async (t) => {
  assert.ok(options.codeServer && options.vsix, 'CODE_SERVER and ECSLINT_VSIX are not set: run scripts/test-vscode');
  // Preferring the `web` kind runs the extension's `browser` entry in the workbench's web
  // worker, on the same .wasm, loaded through the workspace file system.
  const { page, ui, stop } = await startVsCode({
    ...options,
    files: FILES,
    settings: { 'remote.extensionKind': { 'ecslint.ecslint': ['web'] } },
  });
  t.after(stop);
  const step = stepper(t, page);

  await step('diagnostics from the web entry', async () => {
    await ui.openFile('taskdef.json');
    await ui.runCommand('Problems: Focus on Problems View');
    const rows = await ui.waitForProblem(/`cpu` must be a string, found an integer/);
    assert.ok(rows.some((r) => /\[Ln 15, Col 61\]/.test(r)), rows.join('\n'));
  });

  await step('the output channel says which entry runs', async () => {
    await ui.runCommand('ecslint: Show Output');
    await page.locator('.output-view, .panel .monaco-editor', { hasText: 'activated (web entry)' }).first().waitFor();
  });
});
