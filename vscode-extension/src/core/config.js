// The extension's settings and the workspace's `ecslint.toml`, turned into the options of the
// package's `lint` / `lintPair` / `fix`.
//
// Precedence, as with the CLI's flags over the file: `ecslint.toml` (the nearest one upward
// from the document, inside its workspace folder) is the base; the settings `ecslint.rules`
// (levels, merged over `[rules]`), `ecslint.select` (replaces `select` when not empty),
// `ecslint.ignore` (extends `ignore`) and `ecslint.assume.*` (override `[assume]`) go on top.

import { DEFAULT_EXCLUDE, DEFAULT_PATTERNS } from './detect.js';

/** The name of the configuration file. */
export const CONFIG_FILE = 'ecslint.toml';

/** Every setting with its default (package.json's `contributes.configuration` says the same). */
export const DEFAULT_SETTINGS = Object.freeze({
  enable: true,
  run: 'onType',
  debounce: 300,
  'files.patterns': DEFAULT_PATTERNS,
  'files.exclude': DEFAULT_EXCLUDE,
  'files.detectByContent': true,
  'files.maxFileSize': 5_000_000,
  useConfigFile: true,
  rules: {},
  select: [],
  ignore: [],
  'assume.launchType': '',
  'assume.operatingSystemFamily': '',
  crossCheck: true,
});

/**
 * The settings as one object, from a getter of the raw values (`(key) => value | undefined`,
 * e.g. `workspace.getConfiguration('ecslint', uri).get`), with defaults and sanity checks.
 */
export function readSettings(get) {
  const value = (key) => {
    const v = get(key);
    return v === undefined || v === null ? DEFAULT_SETTINGS[key] : v;
  };
  const strings = (key) => {
    const v = value(key);
    return Array.isArray(v) ? v.filter((s) => typeof s === 'string' && s.trim() !== '') : [...DEFAULT_SETTINGS[key]];
  };
  const debounce = Number(value('debounce'));
  const maxFileSize = Number(value('files.maxFileSize'));
  const rules = value('rules');
  return {
    enable: value('enable') !== false,
    run: value('run') === 'onSave' ? 'onSave' : 'onType',
    debounce: Number.isFinite(debounce) && debounce >= 0 ? debounce : DEFAULT_SETTINGS.debounce,
    files: {
      patterns: strings('files.patterns'),
      exclude: strings('files.exclude'),
      detectByContent: value('files.detectByContent') !== false,
      maxFileSize: Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_SETTINGS['files.maxFileSize'],
    },
    useConfigFile: value('useConfigFile') !== false,
    rules: rules && typeof rules === 'object' && !Array.isArray(rules) ? { ...rules } : {},
    select: strings('select'),
    ignore: strings('ignore'),
    assume: {
      launchType: String(value('assume.launchType') || ''),
      operatingSystemFamily: String(value('assume.operatingSystemFamily') || ''),
    },
    crossCheck: value('crossCheck') !== false,
  };
}

/**
 * The lint options of one document.
 *
 * @param {ReturnType<typeof readSettings>} settings
 * @param {import('ecslint').Config | null} config `ecslint.toml` as loaded by `loadConfig`
 * @param {{ withSettings?: boolean }} [how] `withSettings: false` leaves the settings out
 *   (used when they are invalid, so that the file is still linted)
 */
export function lintOptions(settings, config, how = {}) {
  const withSettings = how.withSettings !== false;
  const options = {};
  let merged = config ? { ...config } : null;
  if (withSettings && Object.keys(settings.rules).length > 0) {
    merged = { ...(merged ?? {}), rules: { ...(merged?.rules ?? {}), ...settings.rules } };
  }
  if (merged) options.config = merged;
  if (withSettings) {
    if (settings.select.length > 0) options.select = [...settings.select];
    if (settings.ignore.length > 0) options.ignore = [...settings.ignore];
    const assume = {};
    if (settings.assume.launchType) assume.launchType = settings.assume.launchType;
    if (settings.assume.operatingSystemFamily) assume.operatingSystemFamily = settings.assume.operatingSystemFamily;
    if (Object.keys(assume).length > 0) options.assume = assume;
  }
  return options;
}

/** The codes of the errors that mean "the options are wrong", not "the linter broke". */
const OPTION_ERRORS = new Set(['invalid-options', 'invalid-config', 'invalid-select', 'unknown-rule']);

/**
 * Runs `call(options)` with the settings; if the settings are invalid (an unknown rule in
 * `ecslint.rules`, a bad `ecslint.select`…), runs it again without them and says why.
 *
 * @returns {{ result: any, settingsError: Error | null }}
 */
export function withSettingsFallback(settings, config, call) {
  try {
    return { result: call(lintOptions(settings, config)), settingsError: null };
  } catch (error) {
    if (!error || !OPTION_ERRORS.has(error.code)) throw error;
    return { result: call(lintOptions(settings, config, { withSettings: false })), settingsError: error };
  }
}

/**
 * Loads `ecslint.toml` text with the package's `loadConfig`.
 *
 * @returns {{ config: import('ecslint').Config | null, error: { message: string, range: import('ecslint').Span | null } | null }}
 */
export function loadConfigText(ecslint, text) {
  try {
    return { config: ecslint.loadConfig(text), error: null };
  } catch (error) {
    if (error && (error.code === 'invalid-config' || error.code === 'invalid-select' || error.code === 'unknown-rule')) {
      return { config: null, error: { message: error.reason ?? error.message, range: error.range ?? null } };
    }
    throw error;
  }
}

/** The parent of a path or URI (`file:///a/b.json` → `file:///a`). */
export function dirname(path) {
  const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}
