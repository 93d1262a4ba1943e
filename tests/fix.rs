//! `ecslint check --fix`, always on temporary copies of the fixtures: minimal edits, every
//! other byte kept, unparseable and foreign files untouched, stdin fixed to stdout.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

fn ecslint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs ecslint")
}

/// A temporary directory holding copies of `names` from the fixtures.
fn copies(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        let to = dir.path().join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixtures().join(name), to).unwrap();
    }
    dir
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// `problems.json` with its safe fixes applied by hand.
fn problems_safely_fixed() -> String {
    fixture("problems.json")
        .replacen("\"cpu\": 256,", "\"cpu\": \"256\",", 1)
        .replacen(
            "\"memory\": \"512\",\n      \"memoryReservaton\"",
            "\"memory\": 512,\n      \"memoryReservaton\"",
            1,
        )
        .replacen(
            "\"essential\": true,\n    }",
            "\"essential\": true\n    }",
            1,
        )
}

#[test]
fn safe_fixes_change_only_what_they_fix() {
    let dir = copies(&["problems.json"]);
    let out = ecslint(
        dir.path(),
        &["check", "--fix", "--format", "json", "problems.json"],
    );
    let fixed = std::fs::read_to_string(dir.path().join("problems.json")).unwrap();
    assert_eq!(fixed, problems_safely_fixed());
    assert!(
        stderr(&out).starts_with("Fixed 3 problems in problems.json: "),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("remove the trailing comma"),
        "{}",
        stderr(&out)
    );
    // The remaining problems are those of the fixed text: the typo (an unsafe fix) and the
    // duplicate key.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["unknown-field", "duplicate-key"]);
    assert_eq!(out.status.code(), Some(1));
    // Nothing left over in the directory.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["problems.json"]);
}

#[test]
fn unsafe_fixes_only_when_asked() {
    let dir = copies(&["problems.json"]);
    let out = ecslint(
        dir.path(),
        &["check", "--fix", "--unsafe-fixes", "problems.json"],
    );
    let fixed = std::fs::read_to_string(dir.path().join("problems.json")).unwrap();
    assert_eq!(
        fixed,
        problems_safely_fixed().replacen("memoryReservaton", "memoryReservation", 1)
    );
    // Only the duplicate key, a warning, is left.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = ecslint(dir.path(), &["check", "--unsafe-fixes", "problems.json"]);
    assert_eq!(out.status.code(), Some(2), "--unsafe-fixes needs --fix");
}

#[test]
fn an_unparseable_file_is_never_touched() {
    let dir = copies(&["walk/broken-taskdef.json"]);
    let path = dir.path().join("walk/broken-taskdef.json");
    let before = std::fs::read(&path).unwrap();
    let out = ecslint(dir.path(), &["check", "--fix", "walk/broken-taskdef.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(stderr(&out), "");
}

#[test]
fn files_that_are_not_ecs_documents_are_not_fixed() {
    let dir = copies(&["walk/package.json", "walk/taskdef.json"]);
    let out = ecslint(dir.path(), &["check", "--fix", "walk"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("walk/package.json")).unwrap(),
        fixture("walk/package.json")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("walk/taskdef.json")).unwrap(),
        fixture("walk/taskdef.json").replacen("\"cpu\": 256", "\"cpu\": \"256\"", 1)
    );
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copies(&["walk/taskdef.json"]);
    let path = dir.path().join("walk/taskdef.json");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = ecslint(dir.path(), &["check", "--fix", "walk/taskdef.json"]);
    assert_eq!(out.status.code(), Some(0));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn stdin_is_fixed_to_stdout_with_the_report_on_stderr() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args([
            "check",
            "--fix",
            "--format",
            "json",
            "--stdin-filename",
            "problems.json",
            "-",
        ])
        .current_dir(fixtures())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(fixture("problems.json").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        problems_safely_fixed()
    );
    let err = stderr(&out);
    let mut lines = err.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Fixed 3 problems in problems.json"),
        "{err}"
    );
    let report: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(out.status.code(), Some(1));
}
