// End-to-end tests of the built playground (web/dist) in real headless Chromium (Debian's
// `chromium`, driven by playwright-core), served by a tiny static server on 127.0.0.1 under a
// sub-path, as GitHub Pages would serve it.
//
//   cd web && npm run build && node --test test/
//
// CHROMIUM overrides the browser (default /usr/bin/chromium). ECSLINT_SCREENSHOT=1 writes
// web/screenshot.png (the picture in docs/readme-web.md); otherwise it goes to a temp dir.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic, serveTrap } from './server.mjs';
import * as ecslint from '../../npm/src/node.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const web = join(here, '..');
const dist = join(web, 'dist');
const PREFIX = '/ecslint/playground/';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let server;
let trap;
let browser;
let context;
/** Every request any page made, as Chromium saw it. */
const requests = [];

before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), 'web/dist is missing: run `npm run build` in web/ first');
  server = await serveStatic(dist, PREFIX);
  trap = await serveTrap();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  context.setDefaultTimeout(10_000);
  context.on('request', (request) => requests.push(request.url()));
  // Every Content-Security-Policy violation of a page, to check that the policy and the page
  // agree (nothing the page needs is blocked).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await trap?.close();
});

/** A fresh page on the playground (optionally with a URL fragment), once it is ready. */
async function openPlayground(fragment = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.errors = errors;
  await page.goto(server.url + fragment);
  await page.waitForSelector('body[data-state=ready]');
  return page;
}

async function closePage(page) {
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, [], 'the page hit its own Content-Security-Policy');
  assert.deepEqual(page.errors, [], 'uncaught errors in the page');
  await page.close();
}

const lintGeneration = (page) => page.evaluate(() => Number(document.body.dataset.lintGeneration));

/** Waits until the page has linted again since `since` (a generation number). */
async function nextLint(page, since) {
  await page.waitForFunction((n) => Number(document.body.dataset.lintGeneration) > n, since);
}

async function chooseExample(page, id) {
  const since = await lintGeneration(page);
  await page.selectOption('#examples', id);
  await nextLint(page, since);
}

const problems = (page) =>
  page.$$eval('#problem-list li.problem', (items) =>
    items.map((li) => ({ rule: li.dataset.rule, pointer: li.dataset.pointer, doc: li.dataset.doc })),
  );

const example = (name) => readFileSync(join(web, 'examples', name), 'utf8');

test('the page loads from a sub-path, with its Content-Security-Policy, and lints', async () => {
  const page = await openPlayground();
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(csp, 'no CSP meta tag');
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  for (const values of Object.values(directives)) {
    for (const v of values) {
      assert.ok(!/^(https?:|\*|'unsafe-inline'$|'unsafe-eval'$)/.test(v), `CSP allows ${v}`);
    }
  }
  assert.equal(await page.textContent('#version'), ecslint.version());
  // The first visit shows an example with its problems.
  assert.ok(Number(await page.getAttribute('#summary', 'data-total')) > 0);
  // The package's documentation (rule docs, field docs) came as a chunk of its own, beside
  // the .wasm, which does not hold it.
  const assets = requests.filter((u) => u.includes('/assets/')).map((u) => new URL(u).pathname.split('/').pop());
  assert.ok(assets.some((name) => /^ecslint_docs-\w+\.js$/.test(name)), assets.join(' '));
  assert.ok(assets.some((name) => /^ecslint_wasm_bg-\w+\.wasm$/.test(name)), assets.join(' '));
  await closePage(page);
});

test('an example shows exactly the diagnostics of the npm package, with squiggles and hovers', async () => {
  const page = await openPlayground();
  await chooseExample(page, 'broken-task');
  const text = example('broken-taskdef.json');
  assert.equal(await page.evaluate(() => window.ecslintPlayground.getText('task')), text);
  const expected = ecslint.lint(text, { path: 'taskdef.json' }).files[0].diagnostics;
  assert.deepEqual(
    await problems(page),
    expected.map((d) => ({ rule: d.rule, pointer: d.pointer, doc: 'task' })),
  );
  const rules = new Set(expected.map((d) => d.rule));
  for (const rule of ['read-only-field', 'invalid-type', 'unknown-field', 'invalid-enum-value', 'invalid-json']) {
    assert.ok(rules.has(rule), `the broken example no longer shows ${rule}`);
  }
  assert.match(await page.textContent('#summary'), /errors/);
  assert.match(await page.textContent('.pane[data-doc=task] [data-role=kind]'), /describe output/);
  assert.ok((await page.$$('.cm-lintRange-error')).length >= 10, 'no squiggles');

  // Hover a squiggle: the message, the help, the rule (with its documentation) and the fix.
  const cpu = expected.find((d) => d.pointer === '/cpu');
  const squiggle = page.locator('.cm-lintRange-error', { hasText: /^256$/ }).first();
  await squiggle.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.waitFor();
  assert.match(await tooltip.textContent(), new RegExp(cpu.message.replace(/`/g, '')));
  assert.match(await tooltip.locator('.diag-help').textContent(), /write it as a string/);
  assert.ok(await tooltip.locator('.cm-diagnosticAction').count(), 'no quick-fix button in the hover');
  await tooltip.locator('.rule-link').click();
  await page.waitForSelector('#rule-docs:not([hidden])');
  assert.equal(await page.textContent('#rule-docs-title'), 'invalid-type');
  assert.match(await page.textContent('#rule-docs-body'), /What it does/);
  await page.keyboard.press('Escape');
  await closePage(page);
});

test('a Terraform example: HCL highlighting and the diagnostics of the npm package, in Terraform\'s names', async () => {
  const page = await openPlayground();
  await chooseExample(page, 'terraform-service');
  const text = example('terraform-service.tf');
  assert.equal(await page.evaluate(() => window.ecslintPlayground.getText('task')), text);
  const file = ecslint.lint(text, { path: 'main.tf' }).files[0];
  assert.equal(file.kind, 'terraform');
  assert.ok(file.diagnostics.some((d) => d.severity === 'error'));
  assert.deepEqual(
    await problems(page),
    file.diagnostics.map((d) => ({ rule: d.rule, pointer: d.pointer, doc: 'task' })),
  );
  assert.equal(await page.textContent('.pane[data-doc=task] [data-role=file]'), 'main.tf');
  assert.match(await page.textContent('.pane[data-doc=task] [data-role=kind]'), /Terraform/);
  // Messages name the arguments as written.
  assert.match(await page.textContent('#problem-list'), /aws_ecs_task_definition\.web/);
  // HCL highlighting: the block type is a keyword, not JSON's error token.
  assert.ok(await page.locator('.pane[data-doc=task] .cm-line span', { hasText: /^resource$/ }).count(), 'resource not highlighted');
  await closePage(page);
});

test('typing a fix clears the diagnostic; the problems list jumps to it', async () => {
  const page = await openPlayground();
  await chooseExample(page, 'broken-task');
  const cpuRow = '#problem-list li[data-pointer="/cpu"][data-rule=invalid-type]';
  assert.equal(await page.locator(cpuRow).count(), 1);
  // Clicking the problem selects `256` in the editor…
  await page.click(`${cpuRow} .problem-go`);
  assert.equal(await page.evaluate(() => window.ecslintPlayground.selection('task')), '256');
  // …and typing the quoted value over it fixes it, as you type.
  const since = await lintGeneration(page);
  await page.keyboard.type('"256"');
  await nextLint(page, since);
  await page.waitForFunction((sel) => !document.querySelector(sel), cpuRow);
  assert.match(await page.evaluate(() => window.ecslintPlayground.getText('task')), /"cpu": "256",/);
  await closePage(page);
});

test('quick fixes: one problem from the list, then every safe fix; copy the fixed JSON', async () => {
  const page = await openPlayground();
  await chooseExample(page, 'broken-task');
  const essential = '#problem-list li[data-pointer="/containerDefinitions/0/essential"]';
  await page.click(`${essential} button.fix`);
  await page.waitForFunction((sel) => !document.querySelector(sel), essential);
  assert.match(await page.evaluate(() => window.ecslintPlayground.getText('task')), /"essential": true,/);

  const expected = ecslint.fix(example('broken-taskdef.json'), { path: 'taskdef.json' }).text;
  await page.click('.pane[data-doc=task] [data-act=copy-fixed]');
  await page.waitForFunction(() => !document.querySelector('#toast').hidden);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);

  const since = await lintGeneration(page);
  await page.click('.pane[data-doc=task] [data-act=fix-all]');
  await nextLint(page, since);
  assert.equal(await page.evaluate(() => window.ecslintPlayground.getText('task')), expected);
  const left = await problems(page);
  const report = ecslint.lint(expected, { path: 'taskdef.json' }).files[0].diagnostics;
  assert.deepEqual(left.map((p) => p.rule), report.map((d) => d.rule));
  assert.ok(report.every((d) => !d.fix || d.fix.applicability !== 'safe'));
  await closePage(page);
});

test('completion and hover documentation come from the JSON Schema', async () => {
  const page = await openPlayground();
  await page.evaluate(() => window.ecslintPlayground.setText('task', '{\n  "family": "web",\n  \n}\n'));
  await page.click('.pane[data-doc=task] .cm-line:nth-child(3)');
  await page.keyboard.press('End');
  await page.keyboard.type('"netw');
  const popup = page.locator('.cm-tooltip-autocomplete');
  await popup.waitFor();
  assert.match(await popup.textContent(), /networkMode/);
  // CodeMirror ignores Enter for 75 ms after the list opens or changes (its
  // `interactionDelay`, against accepting by accident while typing): wait past it.
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  // The key went in with an empty string, and the enum's values are offered next.
  await page.waitForFunction(() => /"networkMode": ""/.test(window.ecslintPlayground.getText('task')));
  await popup.waitFor();
  assert.match(await popup.textContent(), /awsvpc/);
  await page.keyboard.type('awsv');
  await page.waitForFunction(() => {
    const root = document.querySelector('.pane[data-doc=task] .editor-host').shadowRoot;
    return root.querySelector('.cm-tooltip-autocomplete li[aria-selected]')?.textContent.startsWith('awsvpc');
  });
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /"networkMode": "awsvpc"\n/.test(window.ecslintPlayground.getText('task')));

  // Hovering a key shows its documentation.
  const { x, y } = await page.evaluate(() => window.ecslintPlayground.coordsOf('task', '"family"'));
  await page.mouse.move(x, y);
  const hover = page.locator('.schema-hover');
  await hover.waitFor();
  assert.match(await hover.textContent(), /family/);
  assert.match(await hover.textContent(), /required/);
  // botocore's documentation of the field (from the package's docs, not its .wasm).
  const doc = ecslint.schema('task-definition').$defs.RegisterTaskDefinitionRequest.properties.family.description;
  const start = doc.replaceAll('`', '').slice(0, 40); // inline code is rendered as <code>
  assert.ok(start.length === 40, doc);
  assert.ok((await hover.textContent()).includes(start), `${await hover.textContent()} lacks ${start}`);
  await closePage(page);
});

test('service and task definition side by side, linted together', async () => {
  const page = await openPlayground();
  await chooseExample(page, 'mismatched');
  assert.equal(await page.evaluate(() => window.ecslintPlayground.mode), 'pair');
  assert.ok(await page.isVisible('.pane[data-doc=task]'));
  assert.ok(await page.isVisible('.pane[data-doc=service]'));
  const report = ecslint.lintPair(
    example('mismatched-service.json'),
    'service.json',
    example('mismatched-taskdef.json'),
    'taskdef.json',
  );
  const expected = [
    ...report.files[1].diagnostics.map((d) => ({ rule: d.rule, pointer: d.pointer, doc: 'task' })),
    ...report.files[0].diagnostics.map((d) => ({ rule: d.rule, pointer: d.pointer, doc: 'service' })),
  ];
  assert.ok(expected.length > 0);
  assert.deepEqual(await problems(page), expected);
  // Switching to one kind hides the other editor and keeps both texts.
  await page.click('.mode label:has(input[value=service])');
  await page.waitForFunction(() => window.ecslintPlayground.mode === 'service');
  assert.ok(!(await page.isVisible('.pane[data-doc=task]')));
  assert.equal(await page.evaluate(() => window.ecslintPlayground.getText('task')), example('mismatched-taskdef.json'));
  const alone = ecslint.lint(example('mismatched-service.json'), { path: 'service.json' }).files[0].diagnostics;
  assert.deepEqual((await problems(page)).map((p) => p.rule), alone.map((d) => d.rule));
  if (alone.some((d) => d.rule === 'service-task-definition-not-found')) {
    // "No task definition found" offers to bring the other editor back.
    await page.click('#problem-list li[data-rule=service-task-definition-not-found] button.fix');
    await page.waitForFunction(() => window.ecslintPlayground.mode === 'pair');
    assert.deepEqual(await problems(page), expected);
  }
  await closePage(page);
});

test('settings: an assumed launch type and rule severities, mirrored as ecslint.toml', async () => {
  const page = await openPlayground();
  const doc = '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 512 }]\n}\n';
  let since = await lintGeneration(page);
  await page.evaluate((text) => window.ecslintPlayground.setText('task', text), doc);
  await nextLint(page, since);
  const plain = ecslint.lint(doc, { path: 'taskdef.json' }).files[0];
  assert.deepEqual((await problems(page)).map((p) => p.rule), plain.diagnostics.map((d) => d.rule));
  await page.click('#settings-toggle');
  since = await lintGeneration(page);
  await page.selectOption('#set-launch-type', 'FARGATE');
  await nextLint(page, since);
  const withFargate = ecslint.lint(doc, { path: 'taskdef.json', assume: { launchType: 'FARGATE' } }).files[0];
  assert.ok(withFargate.diagnostics.length > 0);
  assert.deepEqual(
    (await problems(page)).map((p) => p.rule),
    withFargate.diagnostics.map((d) => d.rule),
  );
  assert.match(await page.inputValue('#toml'), /\[assume\][^]*launch-type = "FARGATE"/);
  // Turn one of those rules off through ecslint.toml text, as a user would paste it.
  const off = withFargate.diagnostics[0].rule;
  await page.fill('#toml', `[assume]\nlaunch-type = "FARGATE"\n\n[rules]\n${off} = "off"\n`);
  since = await lintGeneration(page);
  await page.click('#toml-apply');
  await nextLint(page, since);
  assert.ok(!(await problems(page)).some((p) => p.rule === off));
  assert.equal(await page.inputValue(`#rule-table tr[data-rule="${off}"] select`), 'off');
  // A bad ecslint.toml is reported, not applied.
  await page.fill('#toml', 'select = ["no-such-rule"]\n');
  await page.click('#toml-apply');
  await page.waitForSelector('#toml-error:not([hidden])');
  since = await lintGeneration(page);
  await page.click('#settings-reset');
  await nextLint(page, since);
  assert.deepEqual((await problems(page)).map((p) => p.rule), plain.diagnostics.map((d) => d.rule));
  await closePage(page);
});

test('the deployer picked: describe output deployed by the ECS deploy action has no error', async () => {
  const page = await openPlayground();
  const doc =
    '{\n  "family": "web",\n  "revision": 4,\n  "status": "ACTIVE",\n  "taskRoleArn": null,\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 512 }]\n}\n';
  let since = await lintGeneration(page);
  await page.evaluate((text) => window.ecslintPlayground.setText('task', text), doc);
  await nextLint(page, since);
  const strict = ecslint.lint(doc, { path: 'taskdef.json' }).files[0];
  assert.ok(strict.diagnostics.some((d) => d.severity === 'error'));
  assert.deepEqual(await problems(page), strict.diagnostics.map((d) => ({ rule: d.rule, pointer: d.pointer, doc: 'task' })));
  assert.equal(await page.textContent('.pane[data-doc=task] [data-role=deployed]'), '');
  since = await lintGeneration(page);
  await page.selectOption('#deployer', 'ecs-deploy-action');
  await nextLint(page, since);
  const action = ecslint.lint(doc, { path: 'taskdef.json', config: { deployer: 'ecs-deploy-action' } }).files[0];
  assert.ok(action.diagnostics.length > 0 && action.diagnostics.every((d) => d.severity !== 'error'));
  const shown = await page.$$eval('#problem-list li.problem', (items) => items.map((li) => li.className));
  assert.deepEqual(shown, action.diagnostics.map((d) => `problem sev-${d.severity}`));
  assert.match(await page.textContent('.pane[data-doc=task] [data-role=deployed]'), /ecs-deploy-action/);
  // The same choice as ecslint.toml's `deployer`.
  await page.click('#settings-toggle');
  assert.match(await page.inputValue('#toml'), /^deployer = "ecs-deploy-action"$/m);
  since = await lintGeneration(page);
  await page.click('#settings-reset');
  await nextLint(page, since);
  assert.equal(await page.inputValue('#deployer'), '');
  await closePage(page);
});

test('share links carry the documents in the URL fragment and round-trip', async () => {
  const page = await openPlayground();
  await chooseExample(page, 'fargate-web');
  const edited = `${example('fargate-web-service.json').trimEnd()}\n// ünïcode, emoji 🚢 and a comment\n`;
  let since = await lintGeneration(page);
  await page.evaluate((text) => window.ecslintPlayground.setText('service', text), edited);
  await nextLint(page, since);
  await page.click('#settings-toggle');
  since = await lintGeneration(page);
  await page.selectOption('#set-launch-type', 'EC2');
  await nextLint(page, since);
  await page.click('#share');
  await page.waitForSelector('#share-dialog[open]');
  const url = await page.inputValue('#share-url');
  assert.ok(url.startsWith(`${server.url}#v1=`), url);
  assert.match(url.split('#')[1], /^v1=[A-Za-z0-9_-]+$/);
  await page.click('#share-copy');
  await page.waitForFunction(() => !document.querySelector('#toast').hidden);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  const before = await problems(page);
  await page.click('#share-close');
  await page.click('#settings-reset');
  await closePage(page);

  const served = server.requests.length;
  const other = await openPlayground(url.slice(server.url.length));
  assert.equal(await other.evaluate(() => window.ecslintPlayground.mode), 'pair');
  assert.equal(await other.evaluate(() => window.ecslintPlayground.getText('service')), edited);
  assert.equal(await other.evaluate(() => window.ecslintPlayground.getText('task')), example('fargate-web-taskdef.json'));
  assert.equal(await other.inputValue('#set-launch-type'), 'EC2');
  assert.deepEqual(await problems(other), before);
  // The server saw the page's files, never the fragment.
  assert.ok(server.requests.slice(served).every((r) => !r.includes('v1=')));
  // A damaged link says so and leaves the page usable.
  await other.goto(`${server.url}#v1=AAAA`);
  await other.waitForSelector('body[data-state=ready]');
  await other.waitForFunction(() => /damaged/.test(document.querySelector('#toast').textContent));
  await closePage(other);
});

test('open a local file and download the text', async () => {
  const page = await openPlayground();
  const body = example('windows-taskdef.json');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.click('.pane[data-doc=task] [data-act=open]'),
  ]);
  await chooser.setFiles({ name: 'my-task.json', mimeType: 'application/json', buffer: Buffer.from(body) });
  await page.waitForFunction(() => /my-task\.json/.test(document.querySelector('.pane[data-doc=task] [data-role=file]').textContent));
  assert.equal(await page.evaluate(() => window.ecslintPlayground.getText('task')), body);
  assert.deepEqual(await problems(page), []);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.pane[data-doc=task] [data-act=download]'),
  ]);
  assert.equal(download.suggestedFilename(), 'my-task.json');
  assert.equal(readFileSync(await download.path(), 'utf8'), body);

  // A file dropped on the editor replaces its text.
  const dropped = example('broken-service.json');
  const since = await lintGeneration(page);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped-service.json', { type: 'application/json' }));
    const root = document.querySelector('.pane[data-doc=task] .editor-host').shadowRoot;
    root.querySelector('.cm-content').dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  }, dropped);
  await nextLint(page, since);
  assert.equal(await page.evaluate(() => window.ecslintPlayground.getText('task')), dropped);
  assert.equal(await page.textContent('.pane[data-doc=task] [data-role=file]'), 'dropped-service.json');
  // A service dropped where a task definition goes is still linted as what it is.
  assert.equal(await page.textContent('.pane[data-doc=task] [data-role=kind]'), 'service');
  await closePage(page);
});

test('a 64 KB task definition is linted as it is edited', async (t) => {
  const page = await openPlayground();
  const big = bigTaskDefinition(64 * 1024);
  const rulesOf = (text) => ecslint.lint(text, { path: 'taskdef.json' }).files[0].diagnostics.map((d) => d.rule);
  const started = Date.now();
  const { lintMs } = await page.evaluate((text) => {
    window.ecslintPlayground.setText('task', text);
    const t = performance.now();
    window.ecslintPlayground.lintNow();
    return { lintMs: performance.now() - t };
  }, big);
  assert.deepEqual((await problems(page)).map((p) => p.rule), rulesOf(big));
  assert.ok(!rulesOf(big).includes('invalid-type'));
  // An edit deep in the file: a string where the API wants an integer.
  const edited = big.replace('"containerPort": 8007', '"containerPort": "8007"');
  assert.notEqual(edited, big);
  const since = await lintGeneration(page);
  await page.evaluate((text) => window.ecslintPlayground.setText('task', text), edited);
  await nextLint(page, since);
  const after = (await problems(page)).map((p) => p.rule);
  assert.deepEqual(after, rulesOf(edited));
  assert.ok(after.includes('invalid-type'));
  t.diagnostic(`64 KB document: one lint and render in ${lintMs.toFixed(1)} ms (whole step ${Date.now() - started} ms)`);
  await closePage(page);
});

test('screenshot', async (t) => {
  const page = await openPlayground();
  await chooseExample(page, 'broken-task');
  const squiggle = page.locator('.cm-lintRange-error', { hasText: /^"true"$/ }).first();
  await squiggle.hover();
  await page.locator('.cm-tooltip-lint').waitFor();
  const path = process.env.ECSLINT_SCREENSHOT ? join(web, 'screenshot.png') : join(tmpdir(), 'ecslint-web-screenshot.png');
  await page.screenshot({ path });
  t.diagnostic(`screenshot: ${path}`);
  await closePage(page);
});

test('every request of every test above went to the playground itself', () => {
  assert.ok(requests.length > 0);
  const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== server.origin);
  assert.deepEqual(foreign, []);
  const paths = new Set(requests.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).pathname));
  for (const path of paths) assert.ok(path.startsWith(PREFIX), `request outside the site's sub-path: ${path}`);
});

test('the Content-Security-Policy blocks a script that tries to reach elsewhere', async () => {
  const page = await openPlayground();
  // A script in the page trying to reach another origin is stopped by the policy…
  const outcome = await page.evaluate(async (url) => {
    const results = [];
    try {
      await fetch(`${url}/fetch`);
      results.push('fetch reached');
    } catch {
      results.push('fetch blocked');
    }
    await new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve(results.push('img reached'));
      img.onerror = () => resolve(results.push('img blocked'));
      img.src = `${url}/img.png`;
    });
    return results;
  }, trap.origin);
  assert.deepEqual(outcome, ['fetch blocked', 'img blocked']);
  const violations = await page.evaluate(() => window.__cspViolations.splice(0));
  assert.deepEqual(violations.map((v) => v.split(' ')[0]).sort(), ['connect-src', 'img-src']);
  // …and the other server never heard of it.
  assert.deepEqual(trap.hits, []);
  await closePage(page);
});

/** A realistic task definition of at least `size` bytes: eight containers (under the limit
 * of ten) with long environments. */
function bigTaskDefinition(size) {
  const td = {
    family: 'big',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '4096',
    memory: '8192',
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    containerDefinitions: Array.from({ length: 8 }, (_, i) => ({
      name: `app${i}`,
      image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app${i}:1.2.3`,
      cpu: 256,
      memory: 512,
      essential: i === 0,
      portMappings: [{ containerPort: 8000 + i, protocol: 'tcp' }],
      environment: [],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': `app${i}` },
      },
    })),
  };
  for (let j = 0; JSON.stringify(td, null, 2).length < size; j += 1) {
    for (const c of td.containerDefinitions) c.environment.push({ name: `SETTING_${j}`, value: `value-${c.name}-${j}` });
  }
  return JSON.stringify(td, null, 2);
}
