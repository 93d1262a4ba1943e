// The playground's settings mirror ecslint.toml: `deployer`, `select`, `ignore`, `[rules]`
// severities and `[assume]`. They become the `config` object of `lint()`, are shown as the equivalent
// ecslint.toml text, and can be read back from such a text (through the package's
// `loadConfig`, so the playground accepts exactly what the CLI accepts).

export const LAUNCH_TYPES = ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'];
export const SEVERITIES = ['error', 'warning', 'info', 'off'];

/**
 * The deployers a document can be judged by (ecslint_core::Deployer; docs/deployers.md), with
 * what the picker says. `''`: none said, so `aws ecs register-task-definition` input (strict).
 */
export const DEPLOYERS = [
  ['', 'AWS CLI (strict)'],
  ['ecs-deploy-action', 'ECS deploy GitHub action'],
  ['ecs-deploy-action@v1', 'ECS deploy GitHub action v1'],
  ['ecspresso', 'ecspresso'],
  ['terraform', 'Terraform file()'],
  ['codedeploy', 'CodeDeploy (taskdef.json)'],
];

/**
 * @typedef {{ deployer: string, launchType: string, os: string, select: string[], ignore: string[],
 *   rules: Record<string, string> }} Settings
 */

/** @returns {Settings} */
export function defaultSettings() {
  return { deployer: '', launchType: '', os: '', select: [], ignore: [], rules: {} };
}

/** Checks and completes settings from storage or a share link (unknown members dropped). */
export function normalizeSettings(value) {
  const s = defaultSettings();
  if (!value || typeof value !== 'object') return s;
  if (DEPLOYERS.some(([id]) => id === value.deployer)) s.deployer = value.deployer;
  if (typeof value.launchType === 'string') s.launchType = value.launchType;
  if (typeof value.os === 'string') s.os = value.os;
  if (Array.isArray(value.select)) s.select = value.select.filter((x) => typeof x === 'string');
  if (Array.isArray(value.ignore)) s.ignore = value.ignore.filter((x) => typeof x === 'string');
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, sev] of Object.entries(value.rules)) {
      if (SEVERITIES.includes(sev)) s.rules[id] = sev;
    }
  }
  return s;
}

export function isDefault(s) {
  return (
    !s.deployer && !s.launchType && !s.os && s.select.length === 0 && s.ignore.length === 0 && Object.keys(s.rules).length === 0
  );
}

/** The `config` option of lint() (an ecslint.toml as an object). */
export function toConfig(s) {
  const config = {};
  if (s.deployer) config.deployer = s.deployer;
  if (s.select.length > 0) config.select = [...s.select];
  if (s.ignore.length > 0) config.ignore = [...s.ignore];
  if (Object.keys(s.rules).length > 0) config.rules = { ...s.rules };
  const assume = {};
  if (s.launchType) assume['launch-type'] = s.launchType;
  if (s.os) assume['operating-system-family'] = s.os;
  if (Object.keys(assume).length > 0) config.assume = assume;
  return config;
}

/** Settings from a configuration object as `loadConfig` returns it. */
export function fromConfig(config) {
  return normalizeSettings({
    deployer: config.deployer ?? '',
    launchType: config.assume?.['launch-type'] ?? '',
    os: config.assume?.['operating-system-family'] ?? '',
    select: config.select ?? [],
    ignore: config.ignore ?? [],
    rules: config.rules ?? {},
  });
}

const tomlString = (v) => JSON.stringify(v); // TOML basic strings escape like JSON's
const tomlKey = (k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : tomlString(k));
const tomlArray = (xs) => `[${xs.map(tomlString).join(', ')}]`;

/** The settings as ecslint.toml text. */
export function toToml(s) {
  const out = ['# ecslint.toml: put it next to your task definitions (or pass --config)'];
  out.push(
    s.deployer
      ? `deployer = ${tomlString(s.deployer)}`
      : '# deployer = "ecs-deploy-action"   # default: found in the repository, else aws-cli',
  );
  out.push(s.select.length > 0 ? `select = ${tomlArray(s.select)}` : '# select = ["ALL"]   # default: the rules on by default');
  out.push(s.ignore.length > 0 ? `ignore = ${tomlArray(s.ignore)}` : '# ignore = []');
  const rules = Object.entries(s.rules);
  if (rules.length > 0) {
    out.push('', '[rules]');
    for (const [id, sev] of rules) out.push(`${tomlKey(id)} = ${tomlString(sev)}`);
  }
  if (s.launchType || s.os) {
    out.push('', '[assume]                # for files that do not say');
    if (s.launchType) out.push(`launch-type = ${tomlString(s.launchType)}`);
    if (s.os) out.push(`operating-system-family = ${tomlString(s.os)}`);
  }
  return `${out.join('\n')}\n`;
}

/** `a, b c` → ['a', 'b', 'c'] */
export function splitList(text) {
  return text
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}
