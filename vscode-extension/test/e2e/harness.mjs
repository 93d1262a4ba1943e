// Real VS Code for the end-to-end tests: VS Code OSS served by code-server on 127.0.0.1 with
// its own user data, extensions folder and configuration in a temporary folder, the .vsix
// installed into it, and Chromium (Debian's, through playwright-core) showing the workbench.
// Nothing leaves the machine: the extension gallery is switched off.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** The deadline of one wait (a cold start of the workbench takes ~10 s on 2 cores). */
export const STEP = 60_000;

const BROWSER_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** User settings that keep the workbench quiet and predictable. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'editor.fontSize': 13,
  'editor.lightbulb.enabled': 'off',
  // Typed text stays unsaved until a step saves it (the typing step reverts it).
  'files.autoSave': 'off',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a new workspace folder holding `files`, with the .vsix installed,
 * and opens it in Chromium.
 *
 * @param {{ codeServer: string, vsix: string, browserPath: string, files: Record<string, string>,
 *   settings?: Record<string, unknown> }} options
 */
export async function startVsCode({ codeServer, vsix, browserPath, files, settings = {} }) {
  const tmp = mkdtempSync(join(tmpdir(), 'ecslint-vscode-e2e-'));
  const userData = join(tmp, 'user-data');
  const workspace = join(tmp, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);

  const env = {
    ...process.env,
    // code-server's default gallery is open-vsx.org: none, so nothing leaves the machine.
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
    XDG_DATA_HOME: join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
  };
  const common = ['--user-data-dir', userData, '--extensions-dir', join(tmp, 'extensions'), '--config', join(tmp, 'config.yaml')];
  const install = spawnSync(codeServer, [...common, '--install-extension', vsix], { env, encoding: 'utf8' });
  assert.equal(install.status, 0, `--install-extension failed:\n${install.stdout}\n${install.stderr}`);
  assert.match(install.stdout + install.stderr, /was successfully installed/);

  const log = [];
  const port = await freePort();
  const server = spawn(
    codeServer,
    [
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      workspace,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.on('data', (d) => log.push(String(d)));
  server.stderr.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;

  let browser = null;
  const stop = async () => {
    await browser?.close().catch(() => {});
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (!process.env.ECSLINT_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
  };

  try {
    const end = Date.now() + STEP;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (server.exitCode !== null || Date.now() > end) {
        throw new Error(`code-server did not start:\n${log.join('')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_FLAGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    page.setDefaultTimeout(STEP);
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    return { page, workspace, log, stop, ui: workbench(page, log) };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Steps on the workbench. */
function workbench(page, log) {
  const ui = {
    /** Runs a command through the command palette. */
    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    },

    /** Opens a workspace file through Quick Open. */
    async openFile(name) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: name }).waitFor();
      await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor();
    },

    /** The texts of the Problems panel's rows (only the rows it has rendered). */
    problemRows() {
      return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    },

    /** Waits until `ok(rows)` holds. */
    async waitForProblems(ok, what) {
      const end = Date.now() + STEP;
      let rows = [];
      while (Date.now() < end) {
        rows = await ui.problemRows();
        if (ok(rows)) return rows;
        await page.waitForTimeout(200);
      }
      throw new Error(`Problems panel: ${what}; its rows:\n${rows.join('\n---\n')}\n\ncode-server:\n${log.join('')}`);
    },

    /** Waits until a row matches. */
    waitForProblem(pattern) {
      return ui.waitForProblems((rows) => rows.some((r) => pattern.test(r)), `no row matches ${pattern}`);
    },
  };
  return ui;
}
