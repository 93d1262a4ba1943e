//! Real CloudFormation templates (`tests/cloudformation/corpus/`, INDEX.tsv says where each comes
//! from: hand-written YAML and JSON, SAM, CDK synth output), and the same task definition as
//! API JSON and as a template.
//!
//! - `corpus_findings_match_the_reviewed_expectations`: the findings on the templates are the
//!   reviewed list in `tests/cloudformation/corpus/expectations.tsv` (rewrite it with
//!   `ECSLINT_BLESS=1`; a new line gets `UNREVIEWED`, which fails for an error until it is
//!   justified). The templates deploy: none may get an error.
//! - `a_task_definition_gives_the_same_findings_as_a_template`: every task definition of
//!   `../shared/corpus` (RegisterTaskDefinition input), written as the `Properties` of an
//!   `AWS::ECS::TaskDefinition` with CloudFormation's names (the generated mapping, in
//!   reverse), gets the same findings (rule, severity, the same place) as the JSON, but for
//!   the differences the form makes on purpose ([`DIFFERENT_BY_DESIGN`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ecslint_core::forms::cloudformation::generated::TASK_DEFINITION;
use ecslint_core::forms::cloudformation::schema::{CfnType, Def};
use ecslint_core::{detect_kind, lint, DocumentKind, LintOptions, Settings, Severity};
use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cloudformation/corpus")
}

const UNREVIEWED: &str = "UNREVIEWED";

type Finding = (String, String, String, String);

fn actual() -> Vec<Finding> {
    let index = std::fs::read_to_string(corpus().join("INDEX.tsv")).unwrap();
    let settings = Settings::default();
    let mut out = Vec::new();
    let mut files = 0;
    for line in index.lines().skip(1) {
        let name = line.split('\t').next().unwrap();
        let text = std::fs::read_to_string(corpus().join(name)).unwrap();
        let mut options = LintOptions::new(&settings);
        options.path = Some(name);
        let result = lint(&text, &options);
        assert_eq!(result.kind, DocumentKind::CloudFormation, "{name}");
        files += 1;
        for d in &result.diagnostics {
            out.push((
                name.to_owned(),
                d.severity.to_string(),
                d.rule.to_owned(),
                d.pointer.clone(),
            ));
        }
    }
    assert!(files >= 18, "read {files} templates");
    out
}

#[test]
fn corpus_findings_match_the_reviewed_expectations() {
    let path = corpus().join("expectations.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut expected: BTreeMap<Finding, (usize, String)> = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.splitn(5, '\t').collect();
        let key = (
            cols[0].into(),
            cols[1].into(),
            cols[2].into(),
            cols[3].into(),
        );
        let e = expected
            .entry(key)
            .or_insert((0, cols.get(4).unwrap_or(&"").to_string()));
        e.0 += 1;
    }
    let mut found: BTreeMap<Finding, usize> = BTreeMap::new();
    for f in actual() {
        *found.entry(f).or_default() += 1;
    }
    if std::env::var_os("ECSLINT_BLESS").is_some() {
        let mut out = String::from(
            "# Reviewed findings of ecslint on the CloudFormation corpus: file, severity, rule, JSON pointer, justification.\n\
             # These templates deploy: an error here is a false error unless its justification shows the template is wrong.\n",
        );
        for (k, n) in &found {
            let why = expected.get(k).map_or(UNREVIEWED, |(_, w)| w.as_str());
            for _ in 0..*n {
                out.push_str(&format!("{}\t{}\t{}\t{}\t{why}\n", k.0, k.1, k.2, k.3));
            }
        }
        std::fs::write(&path, out).unwrap();
        return;
    }
    let mut diff = Vec::new();
    for (k, n) in &found {
        let had = expected.get(k).map_or(0, |e| e.0);
        if had != *n {
            diff.push(format!(
                "+ {}\t{}\t{}\t{} (found {n}, expected {had})",
                k.0, k.1, k.2, k.3
            ));
        }
    }
    for (k, (n, _)) in &expected {
        if !found.contains_key(k) {
            diff.push(format!(
                "- {}\t{}\t{}\t{} (expected {n}, found none)",
                k.0, k.1, k.2, k.3
            ));
        }
    }
    assert!(
        diff.is_empty(),
        "the CloudFormation corpus findings changed:\n{}\nreview, then ECSLINT_BLESS=1 cargo test -p ecslint-core --test cloudformation_corpus",
        diff.join("\n")
    );
    let errors: Vec<_> = expected
        .iter()
        .filter(|(k, (_, why))| {
            k.1 == "error" && (why.trim().is_empty() || why.contains(UNREVIEWED))
        })
        .map(|(k, _)| format!("{}\t{}\t{}", k.0, k.2, k.3))
        .collect();
    assert!(
        errors.is_empty(),
        "errors without a reviewed justification:\n{}",
        errors.join("\n")
    );
}

/// Rules whose findings differ between the API's JSON and a template on purpose:
///
/// - The structural rules: the JSON is checked against botocore's model (`cpu` must be a
///   string), the template against CloudFormation's schema, which converts (`Cpu: 256` is
///   fine), and where a member exists only on one side it cannot be written on the other.
/// - `family` is required by the API and filled by CloudFormation.
const DIFFERENT_BY_DESIGN: &[&str] = &[
    "invalid-type",
    "unknown-field",
    "missing-required-field",
    "null-value",
    "invalid-enum-value",
    "read-only-field",
    "field-name-case",
    "number-out-of-range",
    "family-format",
];

/// `value` (of the API type) with CloudFormation's names, for definition `def`; `None` when
/// some member has no property (the API's and CloudFormation's sets differ there).
fn to_cfn(value: &Value, ty: &CfnType) -> Option<Value> {
    match (value, ty) {
        (Value::Object(map), CfnType::Object(def)) => object(map, def),
        (Value::Array(items), CfnType::Array { items: t, .. }) => items
            .iter()
            .map(|v| to_cfn(v, t))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array),
        (Value::Null, _) => None,
        (v, _) => Some(v.clone()),
    }
}

fn object(map: &serde_json::Map<String, Value>, def: &Def) -> Option<Value> {
    let mut out = serde_json::Map::new();
    for (k, v) in map {
        let prop = def.prop_for_api(k)?;
        out.insert(prop.name.to_owned(), to_cfn(v, prop.ty)?);
    }
    Some(Value::Object(out))
}

static ROOT: CfnType = CfnType::Object(&TASK_DEFINITION);

/// The template pointer of an API pointer into the task definition.
fn template_pointer(api: &str) -> String {
    let mut out = String::from("/Resources/TaskDef/Properties");
    let mut ty: Option<&'static CfnType> = Some(&ROOT);
    for segment in api.split('/').skip(1) {
        out.push('/');
        ty = match ty {
            Some(CfnType::Object(d)) => match d.prop_for_api(segment) {
                Some(p) => {
                    out.push_str(p.name);
                    Some(p.ty)
                }
                None => {
                    out.push_str(segment);
                    None
                }
            },
            Some(CfnType::Array { items, .. }) => {
                out.push_str(segment);
                Some(*items)
            }
            Some(CfnType::Map { values }) => {
                out.push_str(segment);
                Some(*values)
            }
            _ => {
                out.push_str(segment);
                None
            }
        };
    }
    out
}

fn shared_taskdefs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/taskdefs");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("../shared/corpus")
        .flatten()
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

#[test]
fn a_task_definition_gives_the_same_findings_as_a_template() {
    let settings = Settings::default();
    let mut compared = 0;
    let mut findings = 0;
    let mut failures = Vec::new();
    for path in shared_taskdefs() {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(json) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let parsed = ecslint_core::json::parse(&text);
        let Some(root) = parsed.root else { continue };
        if detect_kind(&root) != DocumentKind::TaskDefinition {
            continue;
        }
        let Some(properties) = to_cfn(&json, &CfnType::Object(&TASK_DEFINITION)) else {
            continue;
        };
        let template = serde_json::json!({
            "AWSTemplateFormatVersion": "2010-09-09",
            "Resources": {"TaskDef": {"Type": "AWS::ECS::TaskDefinition", "Properties": properties}}
        });
        let template_text = serde_json::to_string_pretty(&template).unwrap();
        let mut options = LintOptions::new(&settings);
        options.path = Some("taskdef.json");
        let api: Vec<(String, Severity, String)> = lint(&text, &options)
            .diagnostics
            .into_iter()
            .filter(|d| !DIFFERENT_BY_DESIGN.contains(&d.rule))
            .map(|d| (d.rule.to_owned(), d.severity, template_pointer(&d.pointer)))
            .collect();
        options.path = Some("template.json");
        let cfn: Vec<(String, Severity, String)> = lint(&template_text, &options)
            .diagnostics
            .into_iter()
            .filter(|d| !DIFFERENT_BY_DESIGN.contains(&d.rule))
            .map(|d| (d.rule.to_owned(), d.severity, d.pointer))
            .collect();
        compared += 1;
        findings += api.len();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for f in &api {
            if !cfn.contains(f) {
                failures.push(format!("{name}: only as JSON: {f:?}"));
            }
        }
        for f in &cfn {
            if !api.contains(f) {
                failures.push(format!("{name}: only as a template: {f:?}"));
            }
        }
    }
    assert!(compared > 100, "compared only {compared} task definitions");
    assert!(findings > 100, "only {findings} findings compared");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
