// What the extension computes, without the `vscode` API: for one document, whether it is an
// ECS document, its diagnostics (with its service ↔ task definition partner when there is
// one), the `ecslint.toml` that applies and whether that file is broken; the workspace index
// the pairing needs; fixes. src/extension.js supplies a host (files, settings, paths) and
// turns the results into VS Code objects; the tests supply one over a temporary folder.
//
// Documents are named by keys (URI strings in the extension); every path operation goes
// through the host, so virtual file systems (vscode.dev) work as well as disks.

import { classify, isTaskDefinitionKind, isTerraformFile, shouldShow } from './detect.js';
import { matchAny } from './glob.js';
import { CONFIG_FILE, loadConfigText, withSettingsFallback } from './config.js';
import { pairsOfService, parseLoose, serviceTaskFamily, servicesOfTaskDefinition, taskDefinitionFamily } from './pairing.js';

/**
 * @typedef {object} Host
 * @property {(key: string) => Promise<string | null>} readText a file's text (an open
 *   document's current text), `null` if there is none
 * @property {(key: string) => ReturnType<import('./config.js').readSettings>} settings
 * @property {(key: string) => string} relative the path shown in reports and matched by the
 *   file patterns: relative to the workspace folder (else the base name)
 * @property {(key: string) => string | null} parent the folder of a key, `null` above the
 *   workspace folder (so `ecslint.toml` is searched inside it only)
 * @property {(folder: string, relative: string) => string} join a path relative to a folder
 * @property {() => Promise<string[]>} listFiles the workspace's JSON files (excluded ones left out)
 * @property {(key: string) => Promise<string[]>} [listEvidence] the files of the document's
 *   workspace folder that say how files are deployed (`isEvidenceFile`)
 * @property {(folder: string) => Promise<string[]>} [listFolder] the files directly in a
 *   folder (for a Terraform module: the `.tf` files of one folder)
 *
 * @typedef {object} ConfigInfo
 * @property {string | null} key the `ecslint.toml` that applies, if any
 * @property {import('ecslint').Config | null} config loaded, `null` if absent or broken
 * @property {{ message: string, range: import('ecslint').Span | null } | null} error
 * @property {string | null} text the file's text
 *
 * @typedef {object} Result
 * @property {string} key
 * @property {string} text the text that was linted
 * @property {import('ecslint').FileReport | null} fileReport `null`: not an ECS document (or
 *   linting is off): no diagnostics to show
 * @property {'name' | 'content' | null} how
 * @property {ConfigInfo} config
 * @property {Error | null} settingsError the settings were invalid and left out
 * @property {string[]} partners the documents paired with this one
 * @property {Map<string, { key: string, text: string }>} others the partners by their report path
 */

export class Engine {
  /** @param {typeof import('ecslint')} ecslint @param {Host} host */
  constructor(ecslint, host) {
    this.ecslint = ecslint;
    this.host = host;
    /** @type {Map<string, Promise<ConfigInfo>>} folder key → its configuration */
    this.configs = new Map();
    /** @type {Map<string, { kind: string, family: string | null, configPairs: { service: string, taskDefinition: string }[] }>} */
    this.index = new Map();
    /** @type {Promise<void> | null} */
    this.indexing = null;
    this.indexed = false;
    /** @type {Map<string, Promise<{ path: string, text: string }[]>>} workspace folder → its evidence */
    this.evidence = new Map();
  }

  /** Forget the deployment evidence read (a workflow, ecspresso configuration, appspec or
   * `.tf` file came, changed or went). */
  invalidateEvidence() {
    this.evidence.clear();
  }

  /**
   * The evidence files of the document's workspace folder, read once: the repository
   * `ecslint check` reads (its root is the folder with `.git`; here, the workspace folder).
   */
  evidenceOf(key) {
    const folder = this.host.relative(key) === key ? '' : key.slice(0, key.length - this.host.relative(key).length);
    let pending = this.evidence.get(folder);
    if (!pending) {
      pending = (async () => {
        const keys = this.host.listEvidence ? await this.host.listEvidence(key) : [];
        const files = [];
        for (const k of keys) {
          const text = await this.host.readText(k);
          if (text !== null) files.push({ path: this.host.relative(k), text });
        }
        return files;
      })();
      this.evidence.set(folder, pending);
    }
    return pending;
  }

  /**
   * The other files a document's lint reads (the `files` option), as `ecslint check` hands
   * them: for a `.tf` file, the other `.tf` files of its folder (its module) and the files
   * their `container_definitions` read; for another file, the `.tf` files of the nearest
   * module (its folder, then the ones above it) that reads it with `file()` or
   * `templatefile()`, so that it is checked as that task definition's containers.
   */
  async terraformFiles(key, relative, text) {
    if (!this.host.listFolder) return [];
    const base = key.slice(0, key.length - relative.length);
    const moduleIn = async (folder) => {
      const keys = (await this.host.listFolder(folder)).filter((k) => isTerraformFile(k)).sort();
      const files = [];
      for (const k of keys) {
        const t = k === key ? text : await this.host.readText(k);
        if (t !== null) files.push({ key: k, path: this.host.relative(k), text: t });
      }
      return files;
    };
    const readsOf = (tfs) => {
      const paths = [];
      for (const tf of tfs) {
        for (const p of this.ecslint.terraformReadFiles(tf.path, tf.text)) if (!paths.includes(p)) paths.push(p);
      }
      return paths;
    };
    const folderOf = (k) => this.host.parent(k);
    if (isTerraformFile(relative)) {
      const folder = folderOf(key);
      if (folder === null) return [];
      const tfs = await moduleIn(folder);
      const out = tfs.filter((f) => f.key !== key).map(({ path, text: t }) => ({ path, text: t }));
      for (const p of readsOf(tfs)) {
        const t = await this.host.readText(`${base}${p}`);
        if (t !== null) out.push({ path: p, text: t });
      }
      return out;
    }
    // Only modules whose `.tf` files name the file at all are parsed: this runs on every lint
    // of every document, and most read no file.
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    for (let folder = folderOf(key); folder !== null; folder = folderOf(folder)) {
      const tfs = await moduleIn(folder);
      if (tfs.some((tf) => tf.text.includes(name)) && readsOf(tfs).includes(relative)) {
        return tfs.map(({ path, text: t }) => ({ path, text: t }));
      }
      if (folderOf(folder) === folder) break;
    }
    return [];
  }

  /**
   * How a document is deployed, as lint options (src/deployers.rs's order): a `[[deploy]]`
   * table of its `ecslint.toml` whose `files` match it, else that file's `deployer` (which
   * the package reads from `config`), else the evidence of its workspace folder.
   */
  async deployOptions(key, relative, info) {
    const rules = info.config?.deploy;
    if (Array.isArray(rules) && rules.length > 0 && info.key !== null) {
      const folder = this.host.parent(info.key);
      const prefix = folder === null ? '' : `${folder}/`;
      const fromConfig = key.startsWith(prefix) ? key.slice(prefix.length) : relative;
      const rule = rules.find((r) => Array.isArray(r.files) && matchAny(r.files, fromConfig));
      if (rule) return { deployer: rule.via };
    }
    if (info.config?.deployer) return {};
    return { repository: { path: relative, files: await this.evidenceOf(key) } };
  }

  /** Forget every loaded `ecslint.toml` (one was created, changed or deleted). */
  invalidateConfigs() {
    this.configs.clear();
  }

  /** Forget the workspace index (the next cross-check rebuilds it). */
  invalidateIndex() {
    this.index.clear();
    this.indexing = null;
    this.indexed = false;
  }

  /** Whether the workspace index is built (the cross-check does not have to wait for it). */
  isIndexed() {
    return this.indexed;
  }

  /** A file is gone. */
  forget(key) {
    this.index.delete(key);
  }

  /**
   * The configuration of a document: the nearest `ecslint.toml` in its folder or above it
   * (inside the workspace folder), unless `ecslint.useConfigFile` is off.
   *
   * @returns {Promise<ConfigInfo>}
   */
  async configFor(key, settings = this.host.settings(key)) {
    const none = { key: null, config: null, error: null, text: null };
    if (!settings.useConfigFile) return none;
    const folder = this.host.parent(key);
    return folder === null ? none : this.configOfFolder(folder);
  }

  configOfFolder(folder) {
    let pending = this.configs.get(folder);
    if (!pending) {
      pending = (async () => {
        const key = this.host.join(folder, CONFIG_FILE);
        const text = await this.host.readText(key);
        if (text !== null) {
          const { config, error } = loadConfigText(this.ecslint, text);
          return { key, config, error, text };
        }
        const parent = this.host.parent(folder);
        if (parent === null || parent === folder) return { key: null, config: null, error: null, text: null };
        return this.configOfFolder(parent);
      })();
      this.configs.set(folder, pending);
    }
    return pending;
  }

  /** The `[[pair]]` tables of a configuration, their paths resolved to keys. */
  configPairs(info) {
    if (!info.config || !Array.isArray(info.config.pair) || info.key === null) return [];
    const folder = this.host.parent(info.key) ?? info.key;
    return info.config.pair.map((p) => ({
      service: this.host.join(folder, p.service),
      taskDefinition: this.host.join(folder, p['task-definition']),
    }));
  }

  /**
   * Whether "Lint Workspace" takes a file, as `ecslint check DIR` would: the `[files]`
   * `include` / `exclude` globs of its `ecslint.toml`, relative to that file's folder.
   */
  async walkable(key) {
    const info = await this.configFor(key);
    const files = info.config?.files;
    if (!files || info.key === null) return true;
    const folder = this.host.parent(info.key);
    const prefix = folder === null ? '' : `${folder}/`;
    const relative = key.startsWith(prefix) ? key.slice(prefix.length) : this.host.relative(key);
    if (files.exclude?.length && matchAny(files.exclude, relative)) return false;
    if (files.include?.length && !matchAny(files.include, relative)) return false;
    return true;
  }

  /**
   * Lints one document (its text, or the file's): the result to show.
   *
   * @param {string} key
   * @param {string | null} [text] the document's text (default: read through the host)
   * @param {{ pairs?: boolean }} [how] `pairs: false`: without the cross-check (no waiting
   *   for the workspace index)
   * @returns {Promise<Result>}
   */
  async lint(key, text = null, how = {}) {
    const source = text ?? (await this.host.readText(key)) ?? '';
    const settings = this.host.settings(key);
    const relative = this.host.relative(key);
    const config = await this.configFor(key, settings);
    const result = {
      key,
      text: source,
      fileReport: null,
      how: null,
      config,
      settingsError: null,
      partners: [],
      others: new Map(),
    };
    if (!settings.enable) return result;
    const detected = classify(relative, source, settings.files);
    result.how = detected;
    if (!detected) {
      this.index.delete(key);
      return result;
    }
    const deploy = await this.deployOptions(key, relative, config);
    const files = await this.terraformFiles(key, relative, source);
    if (files.length > 0) deploy.files = files;
    const { result: report, settingsError } = withSettingsFallback(settings, config.config, (options) =>
      this.ecslint.lint(source, { ...options, ...deploy, path: relative, reportUnknownKind: detected === 'name' }),
    );
    result.settingsError = settingsError;
    const file = report.files[0];
    if (!shouldShow(detected, file)) {
      this.index.delete(key);
      return result;
    }
    this.remember(key, file.kind, source, config);
    result.fileReport = file;
    if (!settings.crossCheck || how.pairs === false) return result;

    // Paired: the diagnostics are lintPair's (which replace some of the file's own, such as
    // "the task definition is not in the workspace"), merged over every pair the document
    // is in (a task definition several services run).
    const partners = await this.partnersOf(key);
    const seen = new Set();
    const diagnostics = [];
    for (const partner of partners) {
      const partnerText = await this.host.readText(partner);
      if (partnerText === null) continue;
      const partnerRelative = this.host.relative(partner);
      const isService = file.kind === 'service';
      // `deploy` is this document's (both halves of the pair are judged by it; only this
      // document's half is kept).
      const { result: pair } = withSettingsFallback(settings, config.config, (options) =>
        isService
          ? this.ecslint.lintPair(source, relative, partnerText, partnerRelative, { ...options, ...deploy })
          : this.ecslint.lintPair(partnerText, partnerRelative, source, relative, { ...options, ...deploy }),
      );
      const mine = pair.files[isService ? 0 : 1];
      for (const d of mine.diagnostics) {
        const id = JSON.stringify(d);
        if (!seen.has(id)) {
          seen.add(id);
          diagnostics.push(d);
        }
      }
      result.partners.push(partner);
      result.others.set(partnerRelative, { key: partner, text: partnerText });
    }
    if (result.partners.length > 0) {
      result.fileReport = { ...file, diagnostics: result.partners.length > 1 ? sortDiagnostics(diagnostics) : diagnostics };
    }
    return result;
  }

  /** Updates the index entry of a document from its text and kind. */
  remember(key, kind, text, config) {
    if (kind !== 'service' && !isTaskDefinitionKind(kind)) {
      this.index.delete(key);
      return;
    }
    const value = parseLoose(text);
    this.index.set(key, {
      kind,
      family: kind === 'service' ? serviceTaskFamily(value) : taskDefinitionFamily(value),
      configPairs: kind === 'service' ? this.configPairs(config) : [],
    });
  }

  /**
   * The documents paired with `key` (its task definition if it is a service, its services if
   * it is a task definition). Builds the workspace index the first time.
   */
  async partnersOf(key) {
    await this.ensureIndex();
    const entry = this.index.get(key);
    if (!entry) return [];
    const taskDefinitions = [];
    const services = [];
    for (const [path, e] of this.index) {
      if (e.kind === 'service') services.push({ path, family: e.family, configPairs: e.configPairs });
      else taskDefinitions.push({ path, family: e.family });
    }
    if (entry.kind === 'service') {
      return pairsOfService(key, taskDefinitions, entry.family, entry.configPairs).map((p) => p.taskDefinition);
    }
    return servicesOfTaskDefinition(key, services, taskDefinitions);
  }

  /** Reads every JSON file of the workspace once, to know its services and task definitions. */
  ensureIndex() {
    if (!this.indexing) {
      this.indexing = (async () => {
        const keys = await this.host.listFiles();
        for (const key of keys) {
          if (this.index.has(key)) continue;
          await this.indexFile(key);
        }
        this.indexed = true;
      })();
    }
    return this.indexing;
  }

  /** Puts one file into the index (or takes it out), from its current text. */
  async indexFile(key, text = null) {
    const settings = this.host.settings(key);
    const source = text ?? (await this.host.readText(key));
    if (source === null || !settings.enable) {
      this.index.delete(key);
      return;
    }
    const how = classify(this.host.relative(key), source, settings.files);
    if (!how) {
      this.index.delete(key);
      return;
    }
    let kind;
    try {
      kind = this.ecslint.lint(source, { reportUnknownKind: false }).files[0].kind;
    } catch {
      this.index.delete(key);
      return;
    }
    this.remember(key, kind, source, await this.configFor(key, settings));
  }

  /**
   * The whole document with every safe fix applied (`fix()`), or `null` when there is
   * nothing to fix.
   */
  async fixAll(key, text) {
    const settings = this.host.settings(key);
    const config = await this.configFor(key, settings);
    const relative = this.host.relative(key);
    const deploy = await this.deployOptions(key, relative, config);
    const files = await this.terraformFiles(key, relative, text);
    if (files.length > 0) deploy.files = files;
    const { result } = withSettingsFallback(settings, config.config, (options) =>
      this.ecslint.fix(text, { ...options, ...deploy, path: relative }),
    );
    return result.fixed ? result.text : null;
  }
}

/** In document order, as the CLI prints them. */
function sortDiagnostics(diagnostics) {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.range.start.offset - b.d.range.start.offset || a.i - b.i)
    .map(({ d }) => d);
}
