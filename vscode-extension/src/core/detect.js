// Which JSON files are ECS documents. Two ways, both configurable:
//
// - by name: the patterns below (the same ones the package.json `jsonValidation`
//   contribution gives the JSON Schema to, test/package.test.mjs keeps them equal). Such a
//   file is always linted, so an empty or unparseable `taskdef.json` gets its diagnostic.
// - by content: any other JSON file whose text mentions one of the keys an ECS document has
//   is linted with `reportUnknownKind: false`, and its diagnostics are shown only when the
//   linter recognised it (a task definition, DescribeTaskDefinition output, container
//   definitions or a service): `package.json` stays quiet.

import { matchAny } from './glob.js';

/** File names of task definitions (RegisterTaskDefinition input or describe output). */
export const TASK_DEFINITION_PATTERNS = Object.freeze([
  '*task-def*.json',
  '*task_def*.json',
  '*taskdef*.json',
  '*task-definition*.json',
  '*task_definition*.json',
  '*taskDefinition*.json',
]);

/** File names of service definitions (CreateService input; ecspresso's `ecs-service-def.json`). */
export const SERVICE_PATTERNS = Object.freeze([
  '*service-def*.json',
  '*service_def*.json',
  '*service-definition*.json',
]);

/** File names of bare container definition arrays (Terraform's `container_definitions`). */
export const CONTAINER_DEFINITIONS_PATTERNS = Object.freeze([
  '*container-definitions*.json',
  '*container_definitions*.json',
  '*containerDefinitions*.json',
]);

/** The default of `ecslint.files.patterns`. */
export const DEFAULT_PATTERNS = Object.freeze([
  ...TASK_DEFINITION_PATTERNS,
  ...SERVICE_PATTERNS,
  ...CONTAINER_DEFINITIONS_PATTERNS,
]);

/** The default of `ecslint.files.exclude`. */
export const DEFAULT_EXCLUDE = Object.freeze([
  '**/node_modules/**',
  '**/.git/**',
  '**/cdk.out/**',
  '**/.terraform/**',
]);

/** Language ids of the documents looked at: JSON, YAML for CloudFormation templates, and
 * Terraform (HashiCorp's extension, hashicorp/vscode-terraform 2.34.5's package.json, names
 * `.tf` files `terraform`; without it a `.tf` file is plain text, which `isTerraformFile`
 * lets in by its name). */
export const LANGUAGE_IDS = Object.freeze(['json', 'jsonc', 'yaml', 'terraform']);

/** Whether a path names a Terraform file. */
export function isTerraformFile(path) {
  return path.endsWith('.tf');
}

/** An ECS resource of a Terraform file. */
const TERRAFORM_HINT = /resource\s+"aws_ecs_(?:task_definition|service|task_set)"/;

/** Keys that only an ECS document is likely to have (PascalCase copies included). */
const HINT = /"(?:containerDefinitions|taskDefinition|family|serviceName|launchType|requiresCompatibilities|desiredCount|image)"\s*:/i;

/**
 * How a file is linted: `'name'` (its name matches a pattern: always linted, every
 * diagnostic shown), `'content'` (it looks like an ECS document: linted, diagnostics shown
 * only if the linter recognises its kind) or `null` (not linted).
 *
 * @param {string} relativePath path relative to the workspace folder, forward slashes
 * @param {string | null} text the document's text (null: not read yet; then only the name counts)
 * @param {{ patterns: string[], exclude: string[], detectByContent: boolean, maxFileSize: number }} files
 */
export function classify(relativePath, text, files) {
  if (matchAny(files.exclude, relativePath)) return null;
  if (matchAny(files.patterns, relativePath)) return 'name';
  if (!files.detectByContent || text === null || text === undefined) return null;
  if (text.length > files.maxFileSize) return null;
  return looksLikeEcs(text) ? 'content' : null;
}

/** An ECS resource of a CloudFormation template (JSON or YAML). */
const TEMPLATE_HINT = /AWS::ECS::(?:TaskDefinition|Service)\b/;

/** A cheap first look at a text: a JSON object or array that mentions an ECS key, a
 * CloudFormation template (JSON or YAML) or a Terraform file with an ECS resource. */
export function looksLikeEcs(text) {
  if (TEMPLATE_HINT.test(text) || TERRAFORM_HINT.test(text)) return true;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return false;
  return HINT.test(text);
}

/** Whether a file's lint result is shown, given how it was classified. */
export function shouldShow(how, fileReport) {
  if (how === 'name') return true;
  return how === 'content' && fileReport.kind !== 'unknown';
}

/** Whether a document kind is a task definition (either form). */
export function isTaskDefinitionKind(kind) {
  return kind === 'task-definition' || kind === 'describe-task-definition';
}

/**
 * Whether a file (its path relative to the workspace folder, with `/`) says how files are
 * deployed: a GitHub workflow, an ecspresso configuration, a CodeDeploy appspec, a `.tf` file.
 * The same files as ecslint_core::deploy::repository::is_evidence_file.
 */
export function isEvidenceFile(relative) {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  return (
    (relative.startsWith('.github/workflows/') && (name.endsWith('.yml') || name.endsWith('.yaml'))) ||
    ['ecspresso.yml', 'ecspresso.yaml', 'ecspresso.json', 'ecspresso.jsonnet'].includes(name) ||
    ['appspec.yaml', 'appspec.yml', 'appspec.json'].includes(name) ||
    name.endsWith('.tf')
  );
}

/** A glob of the files `isEvidenceFile` may take (for a workspace search and a watcher). */
export const EVIDENCE_GLOB = `{${[
  '.github/workflows/*.yml',
  '.github/workflows/*.yaml',
  ...['yml', 'yaml', 'json', 'jsonnet'].map((ext) => `**/ecspresso.${ext}`),
  ...['yml', 'yaml', 'json'].map((ext) => `**/appspec.${ext}`),
  '**/*.tf',
].join(',')}}`; // one level of braces: VS Code's globs do not nest them
