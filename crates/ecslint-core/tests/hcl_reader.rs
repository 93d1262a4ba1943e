//! The HCL reader (`read::hcl`) on real Terraform files (`tests/hcl/real/`, see its
//! SOURCES.md) and on ECS fixtures (`tests/hcl/ecs/`):
//!
//! - every file reads without a problem and every range holds its invariants;
//! - Terraform agrees they are valid (`terraform fmt -check`; skipped, with a message, when
//!   `terraform` is not on PATH);
//! - python-hcl2 (PyPI `python-hcl2` 8.1) reads the same literal values (skipped, with a
//!   message, when it is not installed: `pip install python-hcl2==8.1.*`);
//! - property tests: any text, and real files cut or spliced anywhere, never panic and keep
//!   the invariants.

use std::path::{Path, PathBuf};
use std::process::Command;

use ecslint_core::read::hcl::{self, Body, Expr, ExprKind};
use proptest::prelude::*;
use serde_json::Value;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hcl")
}

fn tf_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            tf_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "tf") {
            out.push(path);
        }
    }
}

fn test_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    tf_files(&data_dir(), &mut files);
    assert!(files.len() >= 10, "tests/hcl holds the test files");
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[test]
fn real_files_read_without_problems() {
    for path in test_files() {
        let text = read(&path);
        let out = hcl::parse(&text);
        let problems: Vec<_> = out
            .problems
            .iter()
            .map(|p| {
                format!(
                    "{}:{}: {}",
                    path.display(),
                    line_of(&text, p.range.start),
                    p.message
                )
            })
            .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        hcl::check_invariants(&text, &out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!out.body.blocks.is_empty(), "{}", path.display());
    }
}

#[test]
fn the_ecs_fixture_reads_as_expected() {
    let text = read(&data_dir().join("ecs/container-definitions-forms.tf"));
    let body = hcl::parse(&text).body;
    let td = |name: &str| {
        body.blocks_of("resource")
            .find(|b| b.label_values().eq(["aws_ecs_task_definition", name]))
            .unwrap_or_else(|| panic!("{name}"))
    };
    let defs = |name: &str| {
        &td(name)
            .body
            .attribute("container_definitions")
            .unwrap()
            .expr
    };
    // jsonencode(<tuple of objects>)
    let call = defs("jsonencode").as_call().unwrap();
    assert_eq!(call.name.name, "jsonencode");
    let ExprKind::Tuple(containers) = &call.args[0].kind else {
        panic!()
    };
    let ExprKind::Object(items) = &containers[0].kind else {
        panic!()
    };
    let keys: Vec<_> = items.iter().filter_map(|i| i.key.name()).collect();
    assert_eq!(
        keys,
        [
            "name",
            "image",
            "essential",
            "portMappings",
            "environment",
            "logConfiguration"
        ]
    );
    assert_eq!(items[1].value.as_path().unwrap(), ["var", "image"]);
    assert_eq!(items[1].value.source(&text), "var.image");
    // A heredoc: its body is JSON text with interpolations.
    let ExprKind::Heredoc(h) = &defs("heredoc").kind else {
        panic!()
    };
    assert_eq!(h.marker.name, "DEFINITION");
    assert!(text[h.body.start..h.body.end].starts_with("[\n  {\n    \"name\": \"worker\""));
    assert_eq!(
        h.template
            .parts
            .iter()
            .filter(|p| matches!(p, hcl::TemplatePart::Interpolation(_)))
            .count(),
        2
    );
    // An indented heredoc: literal, indentation removed, `$${` unescaped, offsets mapped.
    let e = defs("indented_heredoc");
    let value = e.as_str().unwrap();
    assert!(
        value.starts_with("[\n  {\n    \"name\": \"worker\""),
        "{value}"
    );
    assert!(value.contains("echo ${HOME}"));
    let ExprKind::Heredoc(h) = &e.kind else {
        panic!()
    };
    let at = value.find("\"busybox\"").unwrap();
    let file = h.template.file_offset(at).unwrap();
    assert_eq!(&text[file..file + 9], "\"busybox\"");
    let at = value.find("${HOME}").unwrap();
    let file = h.template.file_offset(at).unwrap();
    assert_eq!(&text[file..file + 8], "$${HOME}");
    // A quoted string: escapes undone, offsets mapped.
    let e = defs("quoted");
    let value = e.as_str().unwrap();
    assert!(value.starts_with("[{\"name\": \"tiny\""));
    let ExprKind::String(s) = &e.kind else {
        panic!()
    };
    let at = value.find("busybox").unwrap();
    assert_eq!(&text[s.file_offset(at)..s.file_offset(at) + 7], "busybox");
    assert_eq!(&text[s.file_offset(2)..s.file_offset(2) + 2], "\\\"");
    // file("…") and templatefile("…", {…})
    assert_eq!(defs("file").as_call().unwrap().name.name, "file");
    let call = defs("templatefile").as_call().unwrap();
    assert_eq!(call.args.len(), 2);
    assert!(matches!(call.args[1].kind, ExprKind::Object(_)));
    // variable defaults and locals
    let image = body
        .blocks_of("variable")
        .find(|b| b.label_values().eq(["image"]))
        .unwrap();
    assert_eq!(
        image
            .body
            .attribute("default")
            .unwrap()
            .expr
            .as_str()
            .unwrap(),
        "public.ecr.aws/nginx/nginx:1.27"
    );
    let locals = body.blocks_of("locals").next().unwrap();
    assert!(matches!(
        locals.body.attribute("port").unwrap().expr.kind,
        ExprKind::Number("8080")
    ));
    // A service with count, a dynamic block and a for expression.
    let service = body
        .blocks_of("resource")
        .find(|b| b.label_values().eq(["aws_ecs_service", "web"]))
        .unwrap();
    assert!(matches!(
        service.body.attribute("count").unwrap().expr.kind,
        ExprKind::Conditional(_)
    ));
    let dynamic = service.body.blocks_of("dynamic").next().unwrap();
    assert!(matches!(
        dynamic.body.attribute("for_each").unwrap().expr.kind,
        ExprKind::For(_)
    ));
}

/// Terraform itself accepts every test file (`terraform fmt -check` reads the native syntax
/// and fails on any syntax error; formatting differences are not errors here).
#[test]
fn terraform_accepts_the_test_files() {
    if Command::new("terraform").arg("version").output().is_err() {
        eprintln!("terraform_accepts_the_test_files: skipped: `terraform` is not on PATH");
        return;
    }
    for path in test_files() {
        let out = Command::new("terraform")
            .args(["fmt", "-check", "-list=false"])
            .arg(&path)
            .output()
            .expect("terraform runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("Error"),
            "terraform refuses {}: {stderr}",
            path.display()
        );
    }
}

/// A literal attribute's value as JSON; `None` for what is not literal, and for what
/// python-hcl2 does not give as a value: heredocs (it re-escapes their text and drops the
/// last newline) and numbers with an exponent (it keeps them as `${…}` expressions).
fn literal_json(e: &Expr<'_>) -> Option<Value> {
    Some(match &e.kind {
        ExprKind::Null => Value::Null,
        ExprKind::Bool(b) => Value::Bool(*b),
        ExprKind::Number(raw) if raw.contains(['e', 'E']) => return None,
        ExprKind::Number(raw) => serde_json::from_str::<Value>(raw).ok()?,
        ExprKind::String(s) => Value::String(s.value.to_string()),
        ExprKind::Tuple(items) => {
            Value::Array(items.iter().map(literal_json).collect::<Option<_>>()?)
        }
        ExprKind::Object(items) => {
            let mut map = serde_json::Map::new();
            for item in items {
                map.insert(item.key.name()?.to_owned(), literal_json(&item.value)?);
            }
            Value::Object(map)
        }
        _ => return None,
    })
}

fn same(mine: &Value, theirs: &Value) -> bool {
    match (mine, theirs) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => mine == theirs,
    }
}

/// Compares the literal attributes of `body` with python-hcl2's dictionary for it.
fn compare(
    body: &Body<'_>,
    theirs: &Value,
    path: &str,
    compared: &mut usize,
    diffs: &mut Vec<String>,
) {
    for a in &body.attributes {
        let Some(mine) = literal_json(&a.expr) else {
            continue;
        };
        let here = format!("{path}.{}", a.key);
        match theirs.get(a.key) {
            Some(t) if same(&mine, t) => *compared += 1,
            other => diffs.push(format!("{here}: ecslint {mine}, python-hcl2 {other:?}")),
        }
    }
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for block in &body.blocks {
        let index = seen.entry(block.ident.name).or_default();
        let here = format!("{path}.{}[{index}]", block.ident.name);
        let mut node = theirs
            .get(block.ident.name)
            .and_then(|list| list.get(*index));
        *index += 1;
        for label in &block.labels {
            node = node.and_then(|n| n.get(label.value.as_ref()));
        }
        match node {
            Some(node) => compare(&block.body, node, &here, compared, diffs),
            None => diffs.push(format!("{here}: no such block in python-hcl2's output")),
        }
    }
}

#[test]
fn literal_values_agree_with_python_hcl2() {
    const SCRIPT: &str = r#"
import json, sys
try:
    import hcl2
    from hcl2.utils import SerializationOptions
except ImportError:
    print("SKIP")
    sys.exit(0)
options = SerializationOptions(strip_string_quotes=True, preserve_heredocs=False, with_comments=False)
out = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        out.append(hcl2.loads(f.read(), serialization_options=options))
print(json.dumps(out))
"#;
    let files = test_files();
    let output = match Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .args(&files)
        .output()
    {
        Ok(o) => o,
        Err(_) => {
            eprintln!("literal_values_agree_with_python_hcl2: skipped: no python3");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    if stdout.trim() == "SKIP" {
        eprintln!("literal_values_agree_with_python_hcl2: skipped: python-hcl2 is not installed (pip install python-hcl2==8.1.*)");
        return;
    }
    assert!(
        output.status.success(),
        "python-hcl2 failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let theirs: Vec<Value> = serde_json::from_str(&stdout).expect("python-hcl2's JSON");
    let mut compared = 0;
    let mut diffs = Vec::new();
    for (path, theirs) in files.iter().zip(&theirs) {
        let text = read(path);
        let name = path.file_name().unwrap().to_string_lossy();
        compare(
            &hcl::parse(&text).body,
            theirs,
            &name,
            &mut compared,
            &mut diffs,
        );
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
    assert!(
        compared > 300,
        "only {compared} literal attributes compared"
    );
    eprintln!("literal_values_agree_with_python_hcl2: {compared} literal attributes agree");
}

/// `ECSLINT_HCL_DIR=<dir> cargo test --test hcl_reader -- --ignored --nocapture`: reads
/// every `.tf` file under a folder and prints the problems (for measuring on a checkout).
#[test]
#[ignore]
fn read_folder_from_env() {
    let dir = std::env::var("ECSLINT_HCL_DIR").expect("ECSLINT_HCL_DIR");
    let mut files = Vec::new();
    tf_files(Path::new(&dir), &mut files);
    let mut bad = 0;
    for file in &files {
        let text = read(file);
        let out = hcl::parse(&text);
        hcl::check_invariants(&text, &out).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if !out.problems.is_empty() {
            bad += 1;
            for p in &out.problems {
                println!(
                    "{}:{}: {}",
                    file.display(),
                    line_of(&text, p.range.start),
                    p.message
                );
            }
        }
    }
    println!("{} files, {bad} with problems", files.len());
}

/// The test files' texts, read once.
fn texts() -> &'static [String] {
    static TEXTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| test_files().iter().map(|p| read(p)).collect())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let out = hcl::parse(text);
    hcl::check_invariants(text, &out).map_err(TestCaseError::fail)
}

/// The characters HCL gives a meaning to, and a few others.
fn hcl_char() -> impl Strategy<Value = char> {
    prop::sample::select(
        "abcxyz_-019 \t\n\r\"\\$%{}[]()<>=!&|?:,.*+/#~'é€EOF"
            .chars()
            .collect::<Vec<_>>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_keeps_the_invariants(text in ".{0,200}") {
        check(&text)?;
    }

    #[test]
    fn hcl_like_text_keeps_the_invariants(chars in prop::collection::vec(hcl_char(), 0..300)) {
        let text: String = chars.into_iter().collect();
        check(&text)?;
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn real_files_cut_or_spliced_keep_the_invariants(
        file in 0usize..100,
        cut in 0usize..100_000,
        len in 0usize..400,
        insert in prop::collection::vec(hcl_char(), 0..8),
    ) {
        let files = texts();
        let text = &files[file % files.len()];
        let mut at = cut % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let inserted: String = insert.into_iter().collect();
        check(&text[..at])?;
        check(&format!("{}{inserted}{}", &text[..at], &text[end..]))?;
    }
}
