// A report's diagnostics as the editor shows them: ranges in UTF-16 positions, severities,
// the rule as the code, the help on a second line, related locations (in this document or in
// the paired one). Plain objects: src/extension.js turns them into vscode.Diagnostic.

import { TextIndex } from './positions.js';

/** The `source` of every diagnostic. */
export const SOURCE = 'ecslint';

/**
 * @param {string} text the text that was linted
 * @param {import('ecslint').FileReport} fileReport its entry in the report
 * @param {(path: string) => ({ uri: string, text: string } | null)} [resolveRelated] the
 *   document of a `related[].path` (the other file of a service / task definition pair)
 * @returns {EditorDiagnostic[]}
 *
 * @typedef {{ line: number, character: number }} EditorPosition
 * @typedef {{ start: EditorPosition, end: EditorPosition }} EditorRange
 * @typedef {{
 *   range: EditorRange, severity: 'error' | 'warning' | 'info', message: string, code: string,
 *   source: string, related: { uri: string | null, range: EditorRange, message: string }[],
 *   report: import('ecslint').ReportDiagnostic,
 * }} EditorDiagnostic
 */
export function toEditorDiagnostics(text, fileReport, resolveRelated = () => null) {
  const index = new TextIndex(text);
  const others = new Map();
  return fileReport.diagnostics.map((d) => {
    const related = [];
    for (const r of d.related ?? []) {
      if (r.path === null || r.path === undefined || r.path === fileReport.path) {
        related.push({ uri: null, range: index.range(r.range), message: r.message });
        continue;
      }
      if (!others.has(r.path)) {
        const doc = resolveRelated(r.path);
        others.set(r.path, doc ? { uri: doc.uri, index: new TextIndex(doc.text) } : null);
      }
      const other = others.get(r.path);
      if (other) related.push({ uri: other.uri, range: other.index.range(r.range), message: r.message });
    }
    return {
      range: index.range(d.range),
      severity: d.severity,
      message: d.help ? `${d.message}\nhelp: ${d.help}` : d.message,
      code: d.rule,
      source: SOURCE,
      related,
      report: d,
    };
  });
}

/** Whether two editor ranges overlap or touch (a cursor at either end counts). */
export function rangesTouch(a, b) {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(p, q) {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

/** Whether a position lies in a range (ends included). */
export function rangeContains(range, position) {
  return !before(position, range.start) && !before(range.end, position);
}

/** Counts of a set of reports' diagnostics. */
export function summarize(fileReports) {
  const summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  for (const f of fileReports) {
    if (f.diagnostics.length > 0) summary.files += 1;
    for (const d of f.diagnostics) {
      if (d.severity === 'error') summary.errors += 1;
      else if (d.severity === 'warning') summary.warnings += 1;
      else summary.infos += 1;
    }
  }
  return summary;
}

/** `3 errors, 1 warning in 2 files` (or `no problems`). */
export function describeSummary(summary) {
  const parts = [];
  const plural = (n, what) => (n === 1 ? `1 ${what}` : `${n} ${what}s`);
  if (summary.errors) parts.push(plural(summary.errors, 'error'));
  if (summary.warnings) parts.push(plural(summary.warnings, 'warning'));
  if (summary.infos) parts.push(plural(summary.infos, 'info'));
  if (parts.length === 0) return 'no problems';
  return `${parts.join(', ')} in ${plural(summary.files, 'file')}`;
}

/** What each deployer id stands for (ecslint_core::Deployer; docs/deployers.md). */
const DEPLOYER_NAMES = {
  'aws-cli': '`aws ecs register-task-definition --cli-input-json` (the AWS CLI)',
  'ecs-deploy-action': 'the ECS deploy GitHub action (aws-actions/amazon-ecs-deploy-task-definition)',
  'ecs-deploy-action@v1': 'the ECS deploy GitHub action, v1',
  ecspresso: 'ecspresso',
  terraform: "Terraform's AWS provider",
  codedeploy: "CodePipeline's ECS blue/green action (CodeDeploy)",
};

/**
 * The status bar item of a document's deployers (`FileReport.deployers`, the first is the
 * one its severities follow): `{ text, tooltip, source }`, `source` the first deployer's
 * evidence (`{ path, line }`, relative to the workspace folder) or `null`.
 *
 * @param {import('ecslint').DeployedBy[]} deployers
 */
export function describeDeployers(deployers) {
  const [first] = deployers;
  const more = deployers.length > 1 ? ` +${deployers.length - 1}` : '';
  const lines = deployers.map((d) => {
    const name = DEPLOYER_NAMES[d.name] ?? d.name;
    if (d.source) return `${name}: ${d.source.path}:${d.source.line}`;
    if (d.name === 'aws-cli') return `${name}: nothing in the workspace says how this file is deployed`;
    return `${name}: configured (ecslint.toml)`;
  });
  const tooltip = [
    'ecslint judges this file as its deployer sends it to ECS:',
    ...lines.map((l) => `• ${l}`),
    first.source ? 'Click to open where this was read.' : 'Set `deployer` or `[[deploy]]` in ecslint.toml to say how it is deployed.',
  ].join('\n');
  return { text: `$(rocket) ${first.name}${more}`, tooltip, source: first.source ?? null };
}
