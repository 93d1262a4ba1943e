//! Lints every real task and service definition in `../shared/corpus` and compares the
//! findings with the reviewed list in `tests/corpus/expectations.tsv`.
//!
//! A change in what the corpus produces fails this test, so that every new or vanished
//! finding on real files is looked at in review. After checking the change, rewrite the list
//! with `ECSLINT_BLESS=1 cargo test -p ecslint-core --test corpus`: justifications of
//! unchanged lines are kept, new lines get `UNREVIEWED`, which fails the test for errors until
//! a one-line justification replaces it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ecslint_core::{lint_bytes, LintOptions, Settings};

fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("ECSLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    assert!(
        dir.join("INDEX.tsv").is_file(),
        "the corpus is expected at {} (the shared/ folder beside the checkout), or set ECSLINT_CORPUS",
        dir.display()
    );
    dir
}

const EXPECTATIONS: &str = "tests/corpus/expectations.tsv";
const UNREVIEWED: &str = "UNREVIEWED";

/// `(file, severity, rule, pointer)`, in a stable order.
type Finding = (String, String, String, String);

fn actual_findings() -> Vec<Finding> {
    let dir = corpus_dir();
    let settings = Settings::default();
    let options = LintOptions::new(&settings);
    let mut findings = Vec::new();
    let mut files = 0;
    for group in ["taskdefs", "services"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join(group))
            .expect("corpus folder")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("readable");
            let result = lint_bytes(&bytes, &options);
            files += 1;
            let name = format!("{group}/{}", path.file_name().unwrap().to_string_lossy());
            for d in &result.diagnostics {
                assert!(
                    d.range.end <= bytes.len(),
                    "{name}: range past the end: {d:?}"
                );
                findings.push((
                    name.clone(),
                    d.severity.to_string(),
                    d.rule.to_owned(),
                    d.pointer.clone(),
                ));
            }
        }
    }
    assert!(files > 200, "expected the whole corpus, read {files} files");
    findings
}

fn read_expectations(path: &Path) -> BTreeMap<Finding, (usize, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut map = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.splitn(5, '\t').collect();
        assert!(cols.len() >= 4, "malformed line in {EXPECTATIONS}: {line}");
        let key = (
            cols[0].to_owned(),
            cols[1].to_owned(),
            cols[2].to_owned(),
            cols[3].to_owned(),
        );
        let entry = map
            .entry(key)
            .or_insert((0, cols.get(4).unwrap_or(&"").to_string()));
        entry.0 += 1;
    }
    map
}

#[test]
fn corpus_findings_match_the_reviewed_expectations() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXPECTATIONS);
    let expected = read_expectations(&path);
    let mut actual: BTreeMap<Finding, usize> = BTreeMap::new();
    for f in actual_findings() {
        *actual.entry(f).or_default() += 1;
    }

    if std::env::var_os("ECSLINT_BLESS").is_some() {
        let mut out = String::from(
            "# Reviewed findings of ecslint on ../shared/corpus: file, severity, rule, JSON pointer, justification.\n\
             # Every error must be a real problem (the API rejects it or the task fails); see tests/corpus.rs.\n",
        );
        for (key, count) in &actual {
            let why = expected.get(key).map_or(UNREVIEWED, |(_, w)| w.as_str());
            for _ in 0..*count {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    key.0, key.1, key.2, key.3, why
                ));
            }
        }
        std::fs::write(&path, out).expect("write expectations");
        return;
    }

    let mut diff = Vec::new();
    for (key, count) in &actual {
        let had = expected.get(key).map_or(0, |e| e.0);
        if had != *count {
            diff.push(format!(
                "+ {}\t{}\t{}\t{} (found {count}, expected {had})",
                key.0, key.1, key.2, key.3
            ));
        }
    }
    for (key, (count, _)) in &expected {
        if !actual.contains_key(key) {
            diff.push(format!(
                "- {}\t{}\t{}\t{} (expected {count}, found none)",
                key.0, key.1, key.2, key.3
            ));
        }
    }
    assert!(
        diff.is_empty(),
        "the corpus findings changed ({} lines):\n{}\nReview each; then run ECSLINT_BLESS=1 cargo test -p ecslint-core --test corpus and justify the new lines",
        diff.len(),
        diff.join("\n")
    );
    let unjustified: Vec<_> = expected
        .iter()
        .filter(|(k, (_, why))| {
            k.1 == "error" && (why.trim().is_empty() || why.contains(UNREVIEWED))
        })
        .map(|(k, _)| format!("{}\t{}\t{}", k.0, k.2, k.3))
        .collect();
    assert!(
        unjustified.is_empty(),
        "errors without a reviewed justification:\n{}",
        unjustified.join("\n")
    );
}
