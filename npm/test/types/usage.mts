// Type-checked by test/types.test.mjs (tsc --noEmit): the declarations as an ES module user sees them.
import ecslint, {
  init,
  lint,
  lintPair,
  fix,
  rules,
  explain,
  schema,
  formatReport,
  loadConfig,
  mergeReports,
  terraformReadFiles,
  version,
  formats,
  type Report,
  type ReportDiagnostic,
  type EcslintError,
  type FixResult,
  type RuleInfo,
  type Config,
} from 'ecslint';

await init();
const report: Report = lint('{}', { path: 'td.json', kind: 'task-definition', select: ['ALL'], assume: { launchType: 'FARGATE' } });
const first: ReportDiagnostic | undefined = report.files[0]?.diagnostics[0];
const line: number | undefined = first?.range.start.line;
const fixApplicability: 'safe' | 'unsafe' | undefined = first?.fix?.applicability;
const pair: Report = lintPair('{}', 's.json', new Uint8Array([123, 125]), 't.json', { config: 'ignore = []' });
const paired: Report = lint('{}', { kind: 'service', taskDefinition: { path: 't.json', text: '{}' }, ecspresso: true });
const unpaired: Report = lint('{}', { kind: 'service', pairNote: 'two task definitions have family web' });
const tf = 'resource "aws_ecs_task_definition" "web" {\n  container_definitions = file("c.json")\n}\n';
const read: string[] = terraformReadFiles('infra/main.tf', tf);
const module: Report = lint(tf, { path: 'infra/main.tf', files: read.map((path) => ({ path, text: '[]' })) });
const forced: Report = lint(tf, { kind: 'terraform' });
// @ts-expect-error: lintPair takes the task definition as its own argument
lintPair('{}', 's.json', '{}', 't.json', { taskDefinition: { path: 't.json', text: '{}' } });
const fixed: FixResult = fix('{}', { unsafe: true });
const text: string = fixed.text;
const all: RuleInfo[] = rules();
const doc: string = explain(all[0]!.id);
const s: Record<string, unknown> = schema('service');
const out: string = formatReport(mergeReports([report, pair]), 'sarif');
const pretty: string = formatReport(report, 'pretty', { color: false, quiet: true });
const config: Config = loadConfig('select = ["ALL"]', { ignore: ['duplicate-key'] });
const v: string = version() + formats.join(',') + ecslint.version();
try {
  explain('nope');
} catch (e) {
  const error = e as EcslintError;
  const code: string = error.code;
  void code;
}
// @ts-expect-error: not a kind
lint('{}', { kind: 'taskdef' });
// @ts-expect-error: not a format
formatReport(report, 'xml');
void [line, fixApplicability, text, doc, s, out, pretty, config, v, paired, unpaired, module, forced];
