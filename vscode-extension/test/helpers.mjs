// Shared by the tests: the real package (its wasm), an in-memory workspace host for the
// engine, and small text helpers.

import ecslint from 'ecslint';
import { readSettings } from '../src/core/config.js';
import { isEvidenceFile } from '../src/core/detect.js';

export { ecslint };

/** The text an editor range covers. */
export function textOf(text, range) {
  const lines = text.split(/\r\n|\r|\n/);
  const offset = (p) => {
    let o = 0;
    const breaks = text.match(/\r\n|\r|\n/g) ?? [];
    for (let i = 0; i < p.line; i += 1) o += lines[i].length + breaks[i].length;
    return o + p.character;
  };
  return text.slice(offset(range.start), offset(range.end));
}

/**
 * A workspace folder in memory: `files` maps paths under the folder (`svc/ecs-service-def.json`)
 * to their text. Keys are `file:///ws/<path>`; the folder is `file:///ws`.
 */
export function memoryHost(files, settings = {}) {
  const root = 'file:///ws';
  const store = new Map(Object.entries(files).map(([p, t]) => [`${root}/${p}`, t]));
  const reads = [];
  return {
    root,
    store,
    reads,
    key: (path) => `${root}/${path}`,
    async readText(key) {
      reads.push(key);
      return store.has(key) ? store.get(key) : null;
    },
    settings: () => readSettings((k) => settings[k]),
    relative: (key) => (key.startsWith(`${root}/`) ? key.slice(root.length + 1) : key.slice(key.lastIndexOf('/') + 1)),
    parent(key) {
      if (key === root) return null;
      const i = key.lastIndexOf('/');
      const parent = key.slice(0, i);
      return parent.length < root.length ? null : parent;
    },
    join(folder, relative) {
      const parts = `${folder.slice('file://'.length)}/${relative}`.split('/');
      const out = [];
      for (const p of parts) {
        if (p === '' || p === '.') continue;
        if (p === '..') out.pop();
        else out.push(p);
      }
      return `file:///${out.join('/')}`;
    },
    async listFiles() {
      return [...store.keys()].filter((k) => k.endsWith('.json')).sort();
    },
    async listFolder(folder) {
      return [...store.keys()].filter((k) => k.startsWith(`${folder}/`) && !k.slice(folder.length + 1).includes('/'));
    },
    async listEvidence() {
      return [...store.keys()].filter((k) => isEvidenceFile(k.slice(root.length + 1))).sort();
    },
  };
}

export const TASKDEF = `{
  "family": "web",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": 256,
  "memory": "512",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "essential": "true", "memoryReservaton": 256 }
  ]
}
`;

export const SERVICE = `{
  "serviceName": "web",
  "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
  "launchType": "fargate",
  "desiredCount": 2
}
`;
