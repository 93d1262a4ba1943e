//! Every entry of the rule catalogues distilled from the API reference
//! (`../shared/spec/taskdef-rules.json`, `../shared/spec/service-rules.json`) is a rule, is
//! covered by one (a `Covers:` line in its docs), or is listed in
//! `tests/catalogue/{taskdef,service}-coverage.tsv` with the reason it is not one.
//!
//! And the catalogue never falls behind the API model: every member of the request shapes in
//! botocore's model (`crates/ecslint-core/data/botocore-ecs-2014-11-13-service-2.json`), walked
//! down to the leaves, is listed in `tests/catalogue/{taskdef,service}-members.tsv` with the
//! rules that check it or the reason it needs none. A member the model adds fails until
//! someone decides.
//!
//! The tables in `docs/taskdef-catalogue.md` and `docs/service-catalogue.md` are generated
//! from all of these; rewrite them with `ECSLINT_BLESS=1 cargo test -p ecslint-core --test
//! catalogue`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ecslint_core::registry;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

struct Entry {
    name: String,
    severity: String,
    seed_lines: Vec<u64>,
}

fn catalogue(file: &str) -> Vec<Entry> {
    let path = shared().join("spec").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|r| Entry {
            name: r["name"].as_str().unwrap().to_owned(),
            severity: r["severity"].as_str().unwrap().to_owned(),
            seed_lines: r["seed_lines"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|l| l.as_u64())
                .collect(),
        })
        .collect()
}

/// Catalogue ids named in `Covers:` lines, with the rule that covers them.
fn covered() -> BTreeMap<String, &'static str> {
    let mut map = BTreeMap::new();
    for meta in registry::rules() {
        for line in meta.docs().lines() {
            if let Some(rest) = line.trim().strip_prefix("Covers:") {
                for id in rest.split([',', ' ', '`', '.']).filter(|s| !s.is_empty()) {
                    map.insert(id.to_owned(), meta.id);
                }
            }
        }
    }
    map
}

fn not_rules(file: &str) -> BTreeMap<String, (String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/catalogue")
        .join(file);
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.splitn(3, '\t').collect();
            assert_eq!(cols.len(), 3, "malformed line: {l}");
            (cols[0].to_owned(), (cols[1].to_owned(), cols[2].to_owned()))
        })
        .collect()
}

/// Appends the "Known from outside the seed" table of `<kind>-outside-seed.tsv` (beside
/// `coverage`); every rule id it names in backticks must exist.
fn outside_seed(coverage: &str, table: &mut String, problems: &mut Vec<String>) {
    let file = coverage.replace("-coverage.tsv", "-outside-seed.tsv");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/catalogue")
        .join(&file);
    let text = std::fs::read_to_string(path).unwrap();
    table.push_str(&format!(
        "\n## Known from outside the seed\n\nThe catalogue's list of facts the API reference does not state, confirmed against current AWS\ndocumentation or botocore (`tests/catalogue/{file}`).\n\n| item | ecslint |\n| --- | --- |\n"
    ));
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let Some((item, handled)) = line.split_once('\t') else {
            problems.push(format!("{file}: malformed line: {line}"));
            continue;
        };
        for (i, part) in handled.split('`').enumerate() {
            let is_rule_id = part.contains('-')
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if i % 2 == 1 && is_rule_id && registry::find(part).is_none() {
                problems.push(format!("{file}: `{part}` is not a rule"));
            }
        }
        writeln!(table, "| {item} | {handled} |").unwrap();
    }
}

/// The request shapes whose members `taskdef-members.tsv` lists.
const TASKDEF_REQUESTS: &[&str] = &["RegisterTaskDefinitionRequest"];
/// The request shapes whose members `service-members.tsv` lists. When the UpdateService
/// document kind lands, add `UpdateServiceRequest` here: the members both share are listed
/// once, and its own (`service`, `forceNewDeployment`) then need rows.
const SERVICE_REQUESTS: &[&str] = &["CreateServiceRequest", "UpdateServiceRequest"];

#[test]
fn every_catalogue_entry_is_accounted_for() {
    check_catalogue(
        "taskdef-rules.json",
        "taskdef-coverage.tsv",
        "taskdef-catalogue.md",
        "Task-definition",
        (TASKDEF_REQUESTS, "taskdef-members.tsv"),
    );
}

#[test]
fn every_service_catalogue_entry_is_accounted_for() {
    check_catalogue(
        "service-rules.json",
        "service-coverage.tsv",
        "service-catalogue.md",
        "Service",
        (SERVICE_REQUESTS, "service-members.tsv"),
    );
}

#[test]
fn every_task_definition_request_member_is_accounted_for() {
    let (_, problems) = members_section(TASKDEF_REQUESTS, "taskdef-members.tsv");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_service_request_member_is_accounted_for() {
    let (_, problems) = members_section(SERVICE_REQUESTS, "service-members.tsv");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every member path under `shape` in botocore's model: `a`, `a.b`, `a[].b` (an array
/// element), `a{}.b` (a map value). A shape that contains itself is not walked again.
fn member_paths(
    shapes: &serde_json::Value,
    shape: &str,
    prefix: &str,
    stack: &mut Vec<String>,
    out: &mut Vec<String>,
) {
    let s = &shapes[shape];
    match s["type"].as_str() {
        Some("structure") => {
            if stack.iter().any(|x| x == shape) {
                return;
            }
            stack.push(shape.to_owned());
            // By name, whatever order serde_json keeps: the generated docs must not change
            // with its features.
            let mut members: Vec<(&String, &serde_json::Value)> =
                s["members"].as_object().into_iter().flatten().collect();
            members.sort_by_key(|(name, _)| name.as_str());
            for (name, member) in members {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                out.push(path.clone());
                member_paths(shapes, member["shape"].as_str().unwrap(), &path, stack, out);
            }
            stack.pop();
        }
        Some("list") => {
            let member = s["member"]["shape"].as_str().unwrap();
            member_paths(shapes, member, &format!("{prefix}[]"), stack, out);
        }
        Some("map") => {
            let value = s["value"]["shape"].as_str().unwrap();
            member_paths(shapes, value, &format!("{prefix}{{}}"), stack, out);
        }
        _ => {}
    }
}

/// Whether `s` looks like a rule id (lowercase words joined by hyphens).
fn is_rule_id(s: &str) -> bool {
    s.contains('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The "Every member of the API model" section for `requests` and the problems of `file`:
/// members of the model it does not list, rows for members the model does not have, rows
/// naming rules that do not exist, and rows that give neither a rule nor a status.
fn members_section(requests: &[&str], file: &str) -> (String, Vec<String>) {
    let model_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/botocore-ecs-2014-11-13-service-2.json");
    let text = std::fs::read_to_string(&model_path)
        .unwrap_or_else(|e| panic!("{}: {e}", model_path.display()));
    let model: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut paths: Vec<String> = Vec::new();
    for request in requests {
        let mut found = Vec::new();
        member_paths(&model["shapes"], request, "", &mut Vec::new(), &mut found);
        assert!(!found.is_empty(), "{request} has no members in the model");
        for p in found {
            if !paths.contains(&p) {
                paths.push(p);
            }
        }
    }
    let tsv = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/catalogue")
        .join(file);
    let listed_text = std::fs::read_to_string(&tsv).unwrap();
    let mut problems = Vec::new();
    let mut listed: BTreeMap<&str, &str> = BTreeMap::new();
    for line in listed_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let Some((path, handled)) = line.split_once('\t') else {
            problems.push(format!("{file}: malformed line: {line}"));
            continue;
        };
        if listed.insert(path, handled).is_some() {
            problems.push(format!("{file}: `{path}` is listed twice"));
        }
        if !paths.iter().any(|p| p == path) {
            problems.push(format!(
                "{file}: `{path}` is not a member of {} in botocore's model",
                requests.join(" or ")
            ));
        }
        let mut rules = 0;
        for (i, part) in handled.split('`').enumerate() {
            if i % 2 == 1 && is_rule_id(part) {
                if registry::find(part).is_none() {
                    problems.push(format!(
                        "{file}: `{path}` names `{part}`, which is not a rule"
                    ));
                }
                rules += 1;
            }
        }
        let status = ["structural:", "not-checkable:", "none:"]
            .into_iter()
            .find(|s| handled.starts_with(s));
        if status.is_none() && rules == 0 {
            problems.push(format!(
                "{file}: `{path}` names no rule and gives no status (structural:, not-checkable: or none: with the reason)"
            ));
        }
    }
    let mut table = format!(
        "\n## Every member of the API model\n\n\
         Each member of `{}` in botocore's model (`crates/ecslint-core/data`), with the rules that check\n\
         it or why it needs none (`tests/catalogue/{file}`). Every member also gets the structural\n\
         checks (names, JSON types, enums, the model's ranges, required members). A member the\n\
         model adds fails `tests/catalogue.rs` until it is listed.\n\n\
         | member | ecslint |\n| --- | --- |\n",
        requests.join("`, `")
    );
    let (mut rules, mut structural, mut live, mut none) = (0, 0, 0, 0);
    for path in &paths {
        let Some(handled) = listed.get(path.as_str()) else {
            problems.push(format!(
                "`{path}` is a member of {} in botocore's model, but {file} does not list it: add it with the rules that check it, or the reason it needs none",
                requests.join(" or ")
            ));
            writeln!(table, "| `{path}` | **not accounted for** |").unwrap();
            continue;
        };
        if handled.starts_with("structural:") {
            structural += 1;
        } else if handled.starts_with("not-checkable:") {
            live += 1;
        } else if handled.starts_with("none:") {
            none += 1;
        } else {
            rules += 1;
        }
        writeln!(table, "| `{path}` | {handled} |").unwrap();
    }
    writeln!(
        table,
        "\n{} members: {rules} checked by rules, {structural} by the structural checks only, {live} need live AWS state, {none} need no check.",
        paths.len()
    )
    .unwrap();
    (table, problems)
}

fn check_catalogue(
    spec: &str,
    coverage: &str,
    doc_name: &str,
    title: &str,
    members: (&[&str], &str),
) {
    let entries = catalogue(spec);
    let covered = covered();
    let not_rules = not_rules(coverage);
    let mut problems = Vec::new();
    let mut table = format!(
        "# {title} rule catalogue → ecslint rules\n\n\
         Generated by `crates/ecslint-core/tests/catalogue.rs` from `../shared/spec/{spec}` (the catalogue\n\
         distilled from the ECS API reference), the rule registry and `tests/catalogue/{coverage}`.\n\
         Class: the catalogue's (`api` rejected, `runtime` fails or is ignored at run time, `advice`).\n\n\
         | catalogue entry | class | seed lines | ecslint | severity |\n| --- | --- | --- | --- | --- |\n",
    );
    let (mut rules, mut structural, mut todo) = (0, 0, 0);
    for e in &entries {
        let lines = e
            .seed_lines
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let (cell, severity) = if let Some(meta) = registry::find(&e.name) {
            rules += 1;
            if not_rules.contains_key(&e.name) {
                problems.push(format!(
                    "{} is a rule and also listed in {coverage}",
                    e.name
                ));
            }
            (format!("`{}`", meta.id), meta.severity.to_string())
        } else if let Some(rule) = covered.get(&e.name) {
            rules += 1;
            (
                format!("covered by `{rule}`"),
                registry::find(rule).unwrap().severity.to_string(),
            )
        } else if let Some((status, reason)) = not_rules.get(&e.name) {
            match status.as_str() {
                "structural" => structural += 1,
                "todo" => todo += 1,
                _ => {}
            }
            (format!("{status}: {reason}"), String::new())
        } else {
            problems.push(format!(
                "{} ({}) is neither a rule nor listed in {coverage}",
                e.name, e.severity
            ));
            continue;
        };
        writeln!(
            table,
            "| `{}` | {} | {lines} | {cell} | {severity} |",
            e.name, e.severity
        )
        .unwrap();
    }
    for id in not_rules.keys() {
        if !entries.iter().any(|e| &e.name == id) {
            problems.push(format!("{id} in {coverage} is not a catalogue entry"));
        }
    }
    writeln!(
        table,
        "\n{} entries: {rules} rules (or covered by one), {structural} enforced by the structural layer, {todo} not yet implemented, the rest not checkable from the file or deliberately not a rule (see each reason).",
        entries.len()
    )
    .unwrap();
    outside_seed(coverage, &mut table, &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The members' own problems are every_*_request_member_is_accounted_for's report.
    table.push_str(&members_section(members.0, members.1).0);

    let doc = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs")
        .join(doc_name);
    if std::env::var_os("ECSLINT_BLESS").is_some() {
        std::fs::write(&doc, &table).unwrap();
    }
    let current = std::fs::read_to_string(&doc).unwrap_or_default();
    assert!(
        current == table,
        "docs/{doc_name} is out of date: run ECSLINT_BLESS=1 cargo test -p ecslint-core --test catalogue"
    );
}
