// Types of the `ecslint` npm package: every entry point (Node `import` and `require`,
// browsers and bundlers) has this API. The report types mirror the Rust contract in
// crates/ecslint-core/src/report.rs (`ecslint check --format json`) and are declared here
// only; test/types.test.mjs checks them against real reports.

// ---- report types (the JSON contract, version 1) ----------------------------------------

/** How serious a finding is. `error`: the API rejects it; `warning`: accepted, but fails or
 * is ignored at run time; `info`: advice. */
export type Severity = 'error' | 'warning' | 'info';

/** The kind of document a file was linted as. */
export type DocumentKind =
  | 'task-definition'
  | 'describe-task-definition'
  | 'container-definitions'
  | 'container-definition'
  | 'service'
  | 'update-service'
  /** A CloudFormation template (JSON or YAML): its `AWS::ECS::TaskDefinition` and
   * `AWS::ECS::Service` resources are linted; pointers and names are the template's. */
  | 'cloudformation'
  /** Terraform: a `.tf` file (its `aws_ecs_task_definition` and `aws_ecs_service` resources;
   * pointers are the arguments' paths, `aws_ecs_service.web.load_balancer[0].container_port`)
   * or a plan's JSON (`terraform show -json`). */
  | 'terraform'
  | 'unknown';

/** 1-based line, 1-based column in Unicode characters, and the byte offset (UTF-8). */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A range of the document: `start` inclusive, `end` exclusive. */
export interface Span {
  start: Position;
  end: Position;
}

/** Replace the text in `range` with `newText`. */
export interface ReportEdit {
  range: Span;
  newText: string;
}

/** Text edits that resolve a diagnostic. `safe` fixes are applied by `--fix`; `unsafe` ones
 * only with `--unsafe-fixes` (or `fix(doc, { unsafe: true })`). */
export interface ReportFix {
  applicability: 'safe' | 'unsafe';
  message: string;
  edits: ReportEdit[];
}

/** A secondary location that explains a diagnostic. */
export interface ReportRelated {
  message: string;
  range: Span;
  /** The related value's JSON pointer, if known. */
  pointer: string | null;
  /** Another document's path; `null` for the same file. */
  path: string | null;
}

/** One finding. */
export interface ReportDiagnostic {
  /** The stable rule id (`unknown-field`). */
  rule: string;
  severity: Severity;
  /** What is wrong (lowercase start, no trailing period). */
  message: string;
  /** RFC 6901 JSON pointer of the value (for a missing member: where it belongs). */
  pointer: string;
  range: Span;
  /** What to do about it. */
  help: string | null;
  fix: ReportFix | null;
  related: ReportRelated[];
}

/** A deployer as reports name it: its id and where that was read (`null` when configured or
 * assumed). See docs/deployers.md. */
export interface DeployedBy {
  name: Deployer;
  source: { path: string; line: number } | null;
}

/** The tools ecslint knows the deployment of (`--deployer`, `deployer` in ecslint.toml). */
export type Deployer =
  | 'aws-cli'
  | 'ecs-deploy-action'
  | 'ecs-deploy-action@v1'
  | 'ecspresso'
  | 'terraform'
  | 'codedeploy';

/** The findings of one document. */
export interface FileReport {
  path: string;
  kind: DocumentKind;
  /** Who deploys the file (the first of `deployers`): its severities follow that tool. */
  deployer: DeployedBy | null;
  /** Every way the file is deployed; each judged it. */
  deployers: DeployedBy[];
  diagnostics: ReportDiagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** What `ecslint check --format json` prints; members may be added, none is removed or
 * renamed without a new `version`. */
export interface Report {
  version: 1;
  files: FileReport[];
  /** Files a directory walk found and did not lint, and why (empty from the wasm API). */
  skipped: { path: string; reason: string }[];
  summary: Summary;
}

// ---- end of report types -----------------------------------------------------------------

/** `ecslint.toml` as an object (the keys as in TOML). */
export interface Config {
  select?: string[] | null;
  ignore?: string[];
  rules?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  files?: { include?: string[]; exclude?: string[] };
  assume?: {
    'launch-type'?: 'FARGATE' | 'EC2' | 'EXTERNAL' | 'MANAGED_INSTANCES' | null;
    'operating-system-family'?: string | null;
  };
  pair?: { service: string; 'task-definition': string }[];
  /** How every file is deployed, unless a `[[deploy]]` table says otherwise (docs/deployers.md). */
  deployer?: Deployer;
  /** `[[deploy]]`: how the files matching `files` (globs) are deployed. Applied by the CLI and
   * the npm bin, which know the file's path in the project; `lint` reads `deployer` only. */
  deploy?: { files: string[]; via: Deployer }[];
}

/** A document: its text, or the bytes of a file (which may not be UTF-8: `invalid-utf8`). */
export type DocumentInput = string | Uint8Array;

export interface LintOptions {
  /** The file entry's `path` (default `<input>`). Its name chooses the reader: `.yaml` and
   * `.yml` are YAML (a CloudFormation template, or a task definition in YAML), `.json` JSON,
   * others by their first character. */
  path?: string;
  /** Lint as this kind instead of detecting it from the keys (a `.tf` path is read as
   * Terraform). */
  kind?: Exclude<DocumentKind, 'unknown'>;
  /** `ecslint.toml` text (TOML; JSON text when it starts with `{`) or the object. */
  config?: string | Config;
  /** Like `--select`: rule ids, categories or `ALL`; replaces the configuration's `select`. */
  select?: string[];
  /** Like `--ignore`: extends the configuration's `ignore`. */
  ignore?: string[];
  /** Overrides the configuration's `[assume]`: for documents that do not say. */
  assume?: {
    launchType?: 'FARGATE' | 'EC2' | 'EXTERNAL' | 'MANAGED_INSTANCES';
    operatingSystemFamily?: string;
  };
  /** Report a document that is none of the known kinds (`unknown-document-kind`); default
   * true. `ecslint check` turns it off for files found by walking a directory. */
  reportUnknownKind?: boolean;
  /** For a service: the task definition it runs (as `--task-definition` gives it). The
   * service is checked against it; cross-check findings carry `related[].path` = `path`. */
  taskDefinition?: { path: string; text: string };
  /** For a service: an ecspresso configuration names the file (ecspresso supplies
   * `serviceName` and the task definition, and drops read-only fields). */
  ecspresso?: boolean;
  /** For a service without `taskDefinition`: why none was found, when the host knows more
   * than "nothing matched" (said by `service-task-definition-not-found`). */
  pairNote?: string;
  /** How the document is deployed, as `--deployer` says it; else the configuration's
   * `deployer`, else `repository`'s evidence. */
  deployer?: Deployer;
  /** The repository the document is in, to find its deployer as `ecslint check` does: the
   * texts of its evidence files (`.github/workflows/*.yml`, ecspresso configurations,
   * `appspec.yaml`, `*.tf`), paths relative to the root with `/`. */
  repository?: {
    /** The root as reports show it (prefixed to the evidence's paths); default `''`. */
    root?: string;
    /** The document's path relative to the root. */
    path: string;
    /** `shown`: the path reports show for the file (default: `root` and `path`). */
    files: { path: string; text: string; shown?: string }[];
  };
  /** Other files the host read for this one, paths as reports show them: for a `.tf` file,
   * the other `.tf` files of its folder (its Terraform module: variables, locals, the task
   * definition a service runs) and the files its `container_definitions` read
   * (`terraformReadFiles`); for such a file, the `.tf` files of the module that reads it, so
   * that it is checked as that task definition's containers. Related places may point into
   * them (`related[].path`). */
  files?: { path: string; text: string }[];
}

export interface FixOptions extends LintOptions {
  /** Also apply unsafe fixes (`--unsafe-fixes`). */
  unsafe?: boolean;
}

export interface FixResult {
  /** Whether any fix was applied. A document that cannot be parsed is never touched. */
  fixed: boolean;
  /** The fixed text (the input, unchanged, when `fixed` is false). */
  text: string;
  /** Every fix applied, in order. */
  applied: { rule: string; message: string }[];
  /** The report of `text`. */
  report: Report;
}

export type Category =
  | 'syntax'
  | 'structure'
  | 'correctness'
  | 'suspicious'
  | 'security'
  | 'best-practice';

/** Where a rule's fact comes from. */
export type RuleSource =
  | { type: 'api-reference'; lines: [number, number]; quote: string }
  | { type: 'botocore'; shape: string }
  | { type: 'botocore-doc'; member: string; quote: string }
  | { type: 'aws-docs'; url: string; note: string }
  | { type: 'json'; note: string }
  | { type: 'error-message'; text: string; seen_in: string }
  | { type: 'tool'; tool: string; version: string; url: string; note: string }
  | { type: 'peer'; tool: string; rule: string };

export interface RuleInfo {
  id: string;
  /** The rule's type name (`UnknownField`). */
  name: string;
  /** The default severity. */
  severity: Severity;
  category: Category;
  fix: 'none' | 'safe' | 'unsafe';
  /** The first sentence of the documentation. */
  summary: string;
  /** The documentation, Markdown. */
  docs: string;
  sources: RuleSource[];
}

export type Format = 'pretty' | 'json' | 'sarif' | 'github' | 'junit';

export interface PrettyOptions {
  /** ANSI colours (default false). */
  color?: boolean;
  /** No "No problems found" line. */
  quiet?: boolean;
  /** Say how many problems `--fix` would fix (default true). */
  fixHint?: boolean;
}

export type ErrorCode =
  | 'invalid-options'
  | 'invalid-config'
  | 'invalid-select'
  | 'unknown-rule'
  | 'unknown-kind'
  | 'unknown-format'
  | 'invalid-report'
  | 'not-initialized'
  | 'internal';

/** What the functions throw for invalid input (never for problems in a document). */
export interface EcslintError extends Error {
  code: ErrorCode;
  /** The bare message, as the CLI prints it after its own prefix. */
  reason: string;
  /** For a configuration given as text: where in it the problem is. */
  range: Span | null;
}

/** Loads the WebAssembly module. Browsers and bundlers: required once before anything else
 * (`input`: where to load the .wasm from; default: the asset beside the package); it also
 * imports the documentation (`dist/ecslint_docs.js`, which `rules`, `explain`, `schema` and
 * SARIF read) and resolves when both are in. Node: a no-op (the module is loaded when the
 * package is, the documentation when first needed). */
export function init(
  input?: string | URL | Request | Response | Promise<Response> | BufferSource | WebAssembly.Module,
): Promise<void>;
/** Like `init`, synchronously, from the bytes or a compiled module (a no-op in Node). The
 * documentation follows in the background: `rules`, `explain`, `schema` and SARIF throw
 * `not-initialized` until it is in (`await init()` waits for it). */
export function initSync(input?: BufferSource | WebAssembly.Module): void;
/** The version of ecslint. */
export function version(): string;
/** Lints one document: a report with one file entry. */
export function lint(document: DocumentInput, options?: LintOptions): Report;
/** Lints a service and the task definition it runs: a report with two file entries (the
 * service first). The service is checked against the task definition (load balancer
 * containers and ports, `networkConfiguration` for awsvpc, Service Connect port names, …);
 * those findings point into the task definition through `related[].path` (`taskDefName`). */
export function lintPair(
  serviceText: DocumentInput,
  serviceName: string,
  taskDefText: DocumentInput,
  taskDefName: string,
  options?: Omit<LintOptions, 'kind' | 'path' | 'taskDefinition' | 'pairNote'>,
): Report;
/** Applies fixes as `ecslint check --fix` does. */
export function fix(document: DocumentInput, options?: FixOptions): FixResult;
/** Reads `ecslint.toml` text (or JSON text), checks it, and returns it with `select` /
 * `ignore` applied, ready for `LintOptions.config`. Throws `invalid-config` (with `range`) or
 * `invalid-select`. */
export function loadConfig(text: string, options?: { select?: string[]; ignore?: string[] }): Config;
/** Every rule. */
export function rules(): RuleInfo[];
/** A rule's documentation as `ecslint explain` prints it (Markdown under `id (severity,
 * category)`). Throws `unknown-rule` (with a did-you-mean). */
export function explain(id: string): string;
/** The JSON Schema (draft 2020-12) of a kind of file. Throws `unknown-kind`. */
export function schema(kind: 'task-definition' | 'service' | 'container-definitions'): Record<string, unknown>;
/** A report (or its JSON text) in a format: `json`, `sarif`, `github` and `junit` are byte
 * for byte what `ecslint check --format …` prints; `pretty` is this package's own compact
 * rendering (the CLI's shows source snippets). */
export function formatReport(report: Report | string, format: Format, options?: PrettyOptions): string;
/** One report from several (the file entries in order, the summary recounted). */
export function mergeReports(reports: Report[]): Report;
/** The files the `container_definitions` of a `.tf` file's task definitions read with
 * `file()` or `templatefile()`, resolved against the folder of `path` (`infra/main.tf` →
 * `infra/containers.json`): read them and pass them in `LintOptions.files`. */
export function terraformReadFiles(path: string, text: string): string[];
/** The formats `formatReport` takes. */
export const formats: readonly Format[];
/** The kinds `LintOptions.kind` takes. */
export const documentKinds: readonly Exclude<DocumentKind, 'unknown'>[];

declare const ecslint: {
  init: typeof init;
  initSync: typeof initSync;
  version: typeof version;
  lint: typeof lint;
  lintPair: typeof lintPair;
  fix: typeof fix;
  loadConfig: typeof loadConfig;
  rules: typeof rules;
  explain: typeof explain;
  schema: typeof schema;
  formatReport: typeof formatReport;
  mergeReports: typeof mergeReports;
  terraformReadFiles: typeof terraformReadFiles;
  formats: typeof formats;
  documentKinds: typeof documentKinds;
};
export default ecslint;
