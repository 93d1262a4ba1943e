// The service ↔ task definition pairs of a workspace, found as the CLI finds them: the
// `[[pair]]` tables of `ecslint.toml` (paths relative to that file) first; else, for a service
// whose `taskDefinition` names a family (`web`, `web:12` or a task definition ARN), the task
// definition with that `family` (the one in the service's folder if there are several, then
// the nearest, then the first by path). Each pair is linted with the package's `lintPair`.

import { dirname } from './config.js';

/**
 * The value of a JSON text that may have the slips ecslint recovers from (comments, trailing
 * commas), or `undefined` if it still does not parse. Only used to read a few values
 * (`family`, `taskDefinition`): the linter reports the slips themselves.
 */
export function parseLoose(text) {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch {
    // below
  }
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
      out += '\n';
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
      out += ' ';
    } else {
      out += c;
    }
  }
  out = out.replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

/** The `family` of a task definition text (top level, or inside a `taskDefinition` wrapper). */
export function taskDefinitionFamily(value) {
  if (!isObject(value)) return null;
  const inner = isObject(value.taskDefinition) ? value.taskDefinition : value;
  return typeof inner.family === 'string' && inner.family !== '' ? inner.family : null;
}

/** The family a service's `taskDefinition` names: `web`, `web:12`, or `arn:…:task-definition/web:12` → `web`. */
export function serviceTaskFamily(value) {
  if (!isObject(value) || typeof value.taskDefinition !== 'string') return null;
  return familyOfReference(value.taskDefinition);
}

/** `web:12` → `web`; `arn:aws:ecs:region:account:task-definition/web:12` → `web`. */
export function familyOfReference(reference) {
  let ref = reference.trim();
  const marker = ref.lastIndexOf('task-definition/');
  if (ref.startsWith('arn:') && marker >= 0) ref = ref.slice(marker + 'task-definition/'.length);
  ref = ref.replace(/:\d+$/, '');
  return ref === '' ? null : ref;
}

/**
 * The pairs a service takes part in.
 *
 * @param {string} service the service's path (absolute, forward slashes)
 * @param {{ path: string, family: string | null }[]} taskDefinitions the workspace's task definitions
 * @param {string | null} family what the service's `taskDefinition` names
 * @param {{ service: string, taskDefinition: string }[]} configPairs the `[[pair]]` tables
 *   of the service's `ecslint.toml`, their paths resolved
 * @returns {{ service: string, taskDefinition: string, how: 'config' | 'family' }[]}
 */
export function pairsOfService(service, taskDefinitions, family, configPairs) {
  const fromConfig = (configPairs ?? [])
    .filter((p) => p.service === service)
    .map((p) => ({ service, taskDefinition: p.taskDefinition, how: 'config' }));
  if (fromConfig.length > 0) return fromConfig;
  if (!family) return [];
  const candidates = taskDefinitions.filter((t) => t.family === family && t.path !== service);
  if (candidates.length === 0) return [];
  const dir = dirname(service);
  candidates.sort(
    (a, b) => distance(dir, dirname(a.path)) - distance(dir, dirname(b.path)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  return [{ service, taskDefinition: candidates[0].path, how: 'family' }];
}

/**
 * The services paired with a task definition.
 *
 * @param {string} taskDefinition its path
 * @param {{ path: string, family: string | null, configPairs: Parameters<typeof pairsOfService>[3] }[]} services
 *   the workspace's services: what their `taskDefinition` names and their `[[pair]]` tables
 * @param {{ path: string, family: string | null }[]} taskDefinitions every task definition (to
 *   know which one each service picks)
 */
export function servicesOfTaskDefinition(taskDefinition, services, taskDefinitions) {
  return services
    .filter((s) =>
      pairsOfService(s.path, taskDefinitions, s.family, s.configPairs).some((p) => p.taskDefinition === taskDefinition),
    )
    .map((s) => s.path)
    .sort();
}

/** How many folders apart two folders are. */
function distance(a, b) {
  const pa = a.split('/').filter(Boolean);
  const pb = b.split('/').filter(Boolean);
  let common = 0;
  while (common < pa.length && common < pb.length && pa[common] === pb[common]) common += 1;
  return pa.length - common + (pb.length - common);
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
