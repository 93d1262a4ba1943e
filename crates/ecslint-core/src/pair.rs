//! A service and the task definition it runs.
//!
//! Most CreateService failures come from the service disagreeing with its task definition: a
//! `containerName` that is not there, a `networkConfiguration` for a `bridge` task, an
//! `awsvpc` task without one. The core checks a service against a task definition when the
//! host hands one over in [`Pairing`]; finding it is the host's job (no I/O here), with the
//! pure helpers of this module, which every host (the CLI, the wasm build) shares so that
//! they pair the same files:
//!
//! 1. an explicit pairing (`--task-definition`, `lintPair`);
//! 2. `[[pair]]` in `ecslint.toml` (paths relative to the configuration file);
//! 3. an ecspresso configuration (`ecspresso.yml`, `.yaml`, `.json`, `.jsonnet`) in the
//!    service's directory or above whose `service_definition` is the service file: its
//!    `task_definition` ([`EcspressoConfig::parse`]);
//! 4. a task definition linted in the same run whose `family` is the one the service's
//!    `taskDefinition` names (`family`, `family:revision` or an ARN, [`reference_family`]),
//!    preferring one in the service's directory; several equally near are ambiguous.
//!
//! When none is found the service-only rules still run, and `service-task-definition-not-found`
//! says once that the cross-checks did not.

use crate::document::{detect_kind, DocumentKind};
use crate::json;
use crate::template::is_placeholder;

/// The task definition a service runs, as the host read it.
#[derive(Debug, Clone, Copy)]
pub struct PairedTaskDefinition<'a> {
    /// The name reports use for it (its path for the CLI); `related[].path` of cross-checks.
    pub path: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// What the host knows about the service's task definition and how it is deployed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pairing<'a> {
    /// The task definition to check the service against.
    pub task_definition: Option<PairedTaskDefinition<'a>>,
    /// Why none was found, when the host knows more than "nothing matched" (an ambiguity):
    /// said by `service-task-definition-not-found`.
    pub note: Option<&'a str>,
    /// The service file is named by an ecspresso configuration: ecspresso supplies
    /// `serviceName` (and the task definition) itself and drops read-only fields.
    pub ecspresso: bool,
}

/// The family a `taskDefinition` reference names: `web`, `web:3` and
/// `arn:aws:ecs:us-east-1:123456789012:task-definition/web:3` all name `web`. `None` for a
/// template placeholder or a value that is none of these.
pub fn reference_family(reference: &str) -> Option<&str> {
    let r = reference.trim();
    if r.is_empty() || is_placeholder(r) {
        return None;
    }
    let rest = if r.starts_with("arn:") {
        r.split_once(":task-definition/")?.1
    } else {
        r
    };
    let family = match rest.rsplit_once(':') {
        Some((family, revision)) if revision.bytes().all(|b| b.is_ascii_digit()) => family,
        Some(_) => return None,
        None => rest,
    };
    (!family.is_empty() && family.bytes().all(family_byte)).then_some(family)
}

fn family_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// What pairing needs to know of a file, read without linting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub kind: DocumentKind,
    /// A task definition's `family`.
    pub family: Option<String>,
    /// The family a service's `taskDefinition` names (see [`reference_family`]).
    pub task_definition_family: Option<String>,
}

/// Reads the kind and family of a document (`None` when it is not JSON at all). `kind`
/// forces the kind, as `--kind` does.
pub fn summarize(text: &str, kind: Option<DocumentKind>) -> Option<Summary> {
    let parsed = json::parse(text);
    let root = parsed.root.as_ref()?;
    let kind = kind.unwrap_or_else(|| detect_kind(root));
    let mut summary = Summary {
        kind,
        family: None,
        task_definition_family: None,
    };
    match kind {
        DocumentKind::TaskDefinition | DocumentKind::DescribeTaskDefinition => {
            let task = root
                .get("taskDefinition")
                .filter(|t| t.as_object().is_some())
                .unwrap_or(root);
            summary.family = task
                .get("family")
                .and_then(|f| f.as_str())
                .filter(|f| !f.is_empty() && !is_placeholder(f))
                .map(str::to_owned);
        }
        DocumentKind::Service | DocumentKind::UpdateService => {
            summary.task_definition_family = root
                .get("taskDefinition")
                .and_then(|t| t.as_str())
                .and_then(reference_family)
                .map(str::to_owned);
        }
        _ => {}
    }
    Some(summary)
}

/// The names of an ecspresso configuration file, in the order they are looked for.
pub const ECSPRESSO_CONFIG_FILES: &[&str] = &[
    "ecspresso.yml",
    "ecspresso.yaml",
    "ecspresso.json",
    "ecspresso.jsonnet",
];

/// The two paths of an ecspresso configuration that pairing reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EcspressoConfig {
    /// `service_definition`, relative to the configuration's directory.
    pub service_definition: Option<String>,
    /// `task_definition`, relative to the configuration's directory.
    pub task_definition: Option<String>,
}

impl EcspressoConfig {
    /// Reads `service_definition` and `task_definition` from an ecspresso configuration in
    /// YAML, JSON or Jsonnet: the top-level `key: value` (or `"key": "value"`) pairs, by a
    /// tolerant scan rather than a full parser. Values that are templates (`{{ … }}`,
    /// `std.extVar(…)`) are not paths and are skipped.
    pub fn parse(text: &str) -> EcspressoConfig {
        let mut config = EcspressoConfig::default();
        for line in text.lines() {
            let Some((key, value)) = scalar_entry(line) else {
                continue;
            };
            let slot = match key {
                "service_definition" => &mut config.service_definition,
                "task_definition" => &mut config.task_definition,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        config
    }
}

/// `key: value`, `"key": "value",` or `key: 'value'` on one line: the key and the unquoted
/// value, if the value is a plain path.
fn scalar_entry(line: &str) -> Option<(&str, String)> {
    let line = line.trim();
    if line.starts_with('#') || line.starts_with("//") {
        return None;
    }
    let (key, rest) = line.split_once(':')?;
    let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
    let mut value = rest.trim();
    // A YAML comment after the value.
    if let Some(at) = value.find(" #") {
        value = value[..at].trim_end();
    }
    let value = value.trim_end_matches(',').trim();
    let value = match value.as_bytes().first() {
        Some(b'"') | Some(b'\'') => {
            let quote = value.as_bytes()[0] as char;
            let inner = &value[1..];
            &inner[..inner.find(quote)?]
        }
        _ => value,
    };
    if value.is_empty()
        || is_placeholder(value)
        || value.contains('(')
        || value.starts_with(['{', '[', '|', '>', '&', '*'])
    {
        return None;
    }
    Some((key, value.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_their_family() {
        assert_eq!(reference_family("web"), Some("web"));
        assert_eq!(reference_family("web:12"), Some("web"));
        assert_eq!(
            reference_family("arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:3"),
            Some("web-api")
        );
        assert_eq!(reference_family("{{ must_env `TD` }}"), None);
        assert_eq!(reference_family("web:latest"), None);
        assert_eq!(reference_family(""), None);
    }

    #[test]
    fn ecspresso_configs_in_yaml_json_and_jsonnet() {
        let yaml = "region: ap-northeast-1\ncluster: default\nservice: web\nservice_definition: ecs-service-def.json # the service\ntask_definition: 'ecs-task-def.json'\n";
        let config = EcspressoConfig::parse(yaml);
        assert_eq!(
            config.service_definition.as_deref(),
            Some("ecs-service-def.json")
        );
        assert_eq!(config.task_definition.as_deref(), Some("ecs-task-def.json"));
        let json =
            "{\n  \"service_definition\": \"svc.json\",\n  \"task_definition\": \"td.json\"\n}";
        let config = EcspressoConfig::parse(json);
        assert_eq!(config.service_definition.as_deref(), Some("svc.json"));
        assert_eq!(config.task_definition.as_deref(), Some("td.json"));
        let jsonnet =
            "{\n  service_definition: 'svc.jsonnet',\n  task_definition: std.extVar('td'),\n}";
        let config = EcspressoConfig::parse(jsonnet);
        assert_eq!(config.service_definition.as_deref(), Some("svc.jsonnet"));
        assert_eq!(config.task_definition, None);
    }

    #[test]
    fn summaries() {
        let s = summarize("{\"family\": \"web\", \"containerDefinitions\": []}", None).unwrap();
        assert_eq!(s.family.as_deref(), Some("web"));
        let s = summarize(
            "{\"serviceName\": \"a\", \"taskDefinition\": \"web:2\"}",
            None,
        )
        .unwrap();
        assert_eq!(s.kind, DocumentKind::Service);
        assert_eq!(s.task_definition_family.as_deref(), Some("web"));
    }
}
