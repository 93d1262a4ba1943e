//! Property tests: the invariants of `fuzz/src/check.rs` on documents generated from the API
//! model (`fuzz/src/model_json.rs`), on small mutations of the real files in
//! `../shared/corpus`, on services paired with task definitions (both kinds of input), on
//! every corpus file as it is, and on the regression fixtures of
//! `tests/regressions/` (inputs that fuzzing or these tests once broke).
//!
//! - every diagnostic's range lies inside the document and its pointer resolves (or names a
//!   missing member of an object that exists);
//! - applying all safe fixes (`fix::fix_all`) gives a document that still parses, with no
//!   more problems than before;
//! - linting is deterministic.
//!
//! The fuzz targets (`scripts/test-fuzz`) check the same invariants, longer and on raw
//! bytes. A failure here prints the shrunk input: save it under `tests/regressions/`.

#[path = "../fuzz/src/check.rs"]
#[allow(dead_code)]
mod check;
#[path = "../fuzz/src/model_json.rs"]
mod model_json;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arbitrary::Unstructured;
use ecslint_core::DocumentKind;
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed};

// ----- inputs ------------------------------------------------------------------------------

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

/// Every corpus file's bytes, sorted by path.
fn corpus() -> &'static [(String, Vec<u8>)] {
    static FILES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = corpus_dir();
        let mut files = Vec::new();
        for group in ["taskdefs", "services"] {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join(group))
                .expect("corpus folder")
                .map(|e| e.expect("entry").path())
                .collect();
            paths.sort();
            for path in paths {
                let name = format!("{group}/{}", path.file_name().unwrap().to_string_lossy());
                files.push((name, std::fs::read(&path).expect("readable")));
            }
        }
        assert!(files.len() > 200, "expected the whole corpus");
        files
    })
}

/// Text inserted by mutations: syntax slips, hostile values, and members that rules check.
const TOKENS: &[&str] = &[
    ",",
    "}",
    "{",
    "]",
    "[",
    "\"",
    "'",
    ":",
    "null",
    "True",
    "None",
    "1e400",
    "-0",
    "01",
    "+1",
    ".5",
    "\"x\"",
    "// comment\n",
    "/*",
    "\\",
    "\\u",
    "\\ud800",
    "\\uDC00",
    "\u{feff}",
    "é",
    "😀",
    "${IMAGE}",
    "{{ .Env.X }}",
    "[[[[[[[[[[[[[[[[[[[[",
    "\n",
    "\r\n",
    "\t",
    "\u{0}",
];

/// Members inserted right after an opening brace, so that rules see them.
const MEMBERS: &[&str] = &[
    "\"memoryReservaton\": 1, ",
    "\"cpu\": 256, ",
    "\"memory\": \"512\", ",
    "\"essential\": false, ",
    "\"portMappings\": [{\"containerPort\": 80, \"hostPort\": 8080, \"protocol\": \"http\"}], ",
    "\"networkMode\": \"host\", ",
    "\"networkMode\": \"awsvpc\", ",
    "\"requiresCompatibilities\": [\"FARGATE\"], ",
    "\"links\": [\"db\"], ",
    "\"dependsOn\": [{\"containerName\": \"nope\", \"condition\": \"START\"}], ",
    "\"image\": \"nginx:latest\", ",
    "\"name\": \"app\", ",
    "\"privileged\": true, ",
    "\"revision\": 3, ",
    "\"taskDefinitionArn\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/x:1\", ",
    "\"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {}}, ",
    "\"healthCheck\": {\"command\": \"curl localhost\"}, ",
    "\"environment\": [{\"name\": \"AWS_SECRET_ACCESS_KEY\", \"value\": \"x\"}], ",
    "\"secrets\": [{\"name\": \"DB\"}], ",
    "\"volumes\": [{\"name\": \"v\", \"efsVolumeConfiguration\": {}}], ",
    "\"mountPoints\": [{\"sourceVolume\": \"missing\", \"containerPath\": \"/x\"}], ",
    "\"ulimits\": [{\"name\": \"nofile\", \"softLimit\": 2, \"hardLimit\": 1}], ",
    "\"tags\": [{\"key\": \"aws:x\", \"value\": \"\"}], ",
    "\"desiredCount\": -1, ",
    "\"launchType\": \"fargate\", ",
    "\"loadBalancers\": [{\"containerName\": \"nope\", \"containerPort\": 1}], ",
    "\"x\": {\"x\": {\"x\": {\"x\": {\"x\": {}}}}}, ",
    "\"family\": null, ",
    "\"containerDefinitions\": {}, ",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// Delete up to `len` bytes at `at`.
    Delete { at: u32, len: u8 },
    /// Insert `TOKENS[token]` at `at`.
    Insert { at: u32, token: usize },
    /// Insert `MEMBERS[member]` after the `nth` opening brace.
    Member { nth: u8, member: usize },
    /// Replace the character at `at` with `TOKENS[token]`.
    Replace { at: u32, token: usize },
    /// Cut the document at `at`.
    Truncate { at: u32 },
    /// Repeat `len` bytes at `at`.
    Duplicate { at: u32, len: u8 },
    /// Insert a byte that is never valid UTF-8 (or a lone continuation byte).
    RawByte { at: u32, byte: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<u32>(), any::<u8>()).prop_map(|(at, len)| Mutation::Delete { at, len: len % 24 }),
        3 => (any::<u32>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        6 => (any::<u8>(), 0..MEMBERS.len()).prop_map(|(nth, member)| Mutation::Member { nth, member }),
        2 => (any::<u32>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Replace { at, token }),
        1 => any::<u32>().prop_map(|at| Mutation::Truncate { at }),
        1 => (any::<u32>(), any::<u8>()).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        1 => (any::<u32>(), prop_oneof![Just(0xffu8), Just(0x80), Just(0xc3), Just(0xed)])
            .prop_map(|(at, byte)| Mutation::RawByte { at, byte }),
    ]
}

/// A position in `bytes` from `at`, moved back to the start of a UTF-8 character.
fn position(bytes: &[u8], at: u32) -> usize {
    let mut i = at as usize % (bytes.len() + 1);
    while i > 0 && i < bytes.len() && (bytes[i] & 0xc0) == 0x80 {
        i -= 1;
    }
    i
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    match *m {
        Mutation::Delete { at, len } => {
            let start = position(bytes, at);
            let end = position(bytes, (start + len as usize).min(bytes.len()) as u32);
            bytes.drain(start..end.max(start));
        }
        Mutation::Insert { at, token } => {
            let i = position(bytes, at);
            bytes.splice(i..i, TOKENS[token].bytes());
        }
        Mutation::Member { nth, member } => {
            let braces: Vec<usize> = bytes
                .iter()
                .enumerate()
                .filter(|(_, &b)| b == b'{')
                .map(|(i, _)| i)
                .collect();
            if !braces.is_empty() {
                let i = braces[nth as usize % braces.len()] + 1;
                bytes.splice(i..i, MEMBERS[member].bytes());
            }
        }
        Mutation::Replace { at, token } => {
            let start = position(bytes, at);
            let mut end = (start + 1).min(bytes.len());
            while end < bytes.len() && (bytes[end] & 0xc0) == 0x80 {
                end += 1;
            }
            bytes.splice(start..end, TOKENS[token].bytes());
        }
        Mutation::Truncate { at } => {
            let i = position(bytes, at);
            bytes.truncate(i);
        }
        Mutation::Duplicate { at, len } => {
            let start = position(bytes, at);
            let end = position(bytes, (start + len as usize).min(bytes.len()) as u32).max(start);
            let copy = bytes[start..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::RawByte { at, byte } => {
            let i = position(bytes, at);
            bytes.insert(i, byte);
        }
    }
}

// ----- the properties ----------------------------------------------------------------------

/// Lints `bytes` as detected and as each kind, checks the invariants, then fixes.
fn check_all(bytes: &[u8]) {
    let settings = check::all_rules();
    let detected = check::check_bytes(bytes, None, &settings);
    for kind in [DocumentKind::TaskDefinition, DocumentKind::Service] {
        check::check_bytes(bytes, Some(kind), &settings);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        check::check_each_fix(text, &detected);
        check_fixes_help(text, &settings);
    }
}

/// Fixes (`check::check_fixes`): the result parses, has no more syntax problems, no more
/// diagnostics of the rules that were fixed, and no fix left to apply.
fn check_fixes_help(text: &str, settings: &ecslint_core::Settings) {
    check::check_fixes(text, None, settings, false);
    check::check_fixes(text, None, settings, true);
}

/// `cases` per property from a fixed seed, so that a test run is reproducible; a longer or
/// other search with `PROPTEST_CASES=20000` and `PROPTEST_RNG_SEED=<n>`.
fn config(cases: u32) -> ProptestConfig {
    let defaults = ProptestConfig::default(); // reads PROPTEST_* from the environment
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        defaults.cases
    } else {
        cases
    };
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        defaults.rng_seed
    } else {
        RngSeed::Fixed(0xec5_1147)
    };
    ProptestConfig {
        cases,
        rng_seed,
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..defaults
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Documents built from the API model (keys, types and enums of `model::SHAPES`), with
    /// and without syntax slips.
    #[test]
    fn model_documents_keep_the_invariants(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let mut u = Unstructured::new(&bytes);
        let slips = u.arbitrary::<bool>().unwrap_or(false);
        let text = model_json::document(&mut u, slips);
        check_all(text.as_bytes());
    }

    /// Real files from the corpus with a few small mutations.
    #[test]
    fn mutated_corpus_files_keep_the_invariants(
        index in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let files = corpus();
        let (_, original) = &files[index.index(files.len())];
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_all(&bytes);
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// A service and a task definition built from the model, linted as a pair (the
    /// cross-document checks) and fixed.
    #[test]
    fn model_pairs_keep_the_invariants(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let mut u = Unstructured::new(&bytes);
        let slips = u.arbitrary::<bool>().unwrap_or(false);
        let service = model_json::document_of(&mut u, model_json::Kind::Service, slips);
        let task = model_json::document_of(&mut u, model_json::Kind::TaskDefinition, slips);
        check::check_pair(&service, &task, &check::all_rules());
    }

    /// A corpus service and a corpus task definition, each with a few mutations, as a pair.
    #[test]
    fn mutated_corpus_pairs_keep_the_invariants(
        service in any::<prop::sample::Index>(),
        task in any::<prop::sample::Index>(),
        service_mutations in proptest::collection::vec(mutation(), 0..3),
        task_mutations in proptest::collection::vec(mutation(), 0..3),
    ) {
        let (services, tasks): (Vec<_>, Vec<_>) =
            corpus().iter().partition(|(name, _)| name.starts_with("services/"));
        let mut service = services[service.index(services.len())].1.clone();
        let mut task = tasks[task.index(tasks.len())].1.clone();
        for m in &service_mutations {
            apply(&mut service, m);
        }
        for m in &task_mutations {
            apply(&mut task, m);
        }
        if let (Ok(service), Ok(task)) = (std::str::from_utf8(&service), std::str::from_utf8(&task)) {
            check::check_pair(service, task, &check::all_rules());
        }
    }
}

#[test]
fn every_corpus_service_keeps_the_invariants_with_every_task_definition() {
    // Each service of the corpus against a spread of the corpus's task definitions.
    let (services, tasks): (Vec<_>, Vec<_>) = corpus()
        .iter()
        .partition(|(name, _)| name.starts_with("services/"));
    let settings = check::all_rules();
    for (i, (name, service)) in services.iter().enumerate() {
        for (task_name, task) in tasks.iter().skip(i % 7).step_by(7) {
            let (Ok(service), Ok(task)) = (std::str::from_utf8(service), std::str::from_utf8(task))
            else {
                continue;
            };
            let result = std::panic::catch_unwind(|| check::check_pair(service, task, &settings));
            if let Err(e) = result {
                panic!("{name} with {task_name}: {}", panic_message(&e));
            }
        }
    }
}

#[test]
fn every_corpus_file_keeps_the_invariants() {
    for (name, bytes) in corpus() {
        let result = std::panic::catch_unwind(|| check_all(bytes));
        if let Err(e) = result {
            panic!("{name}: {}", panic_message(&e));
        }
    }
}

/// Inputs that once broke an invariant (from fuzzing or these tests), one file each, named
/// for what they hold. Any extension: `.bin` files hold bytes that are not UTF-8.
#[test]
fn regression_fixtures_keep_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/regressions")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e != "md"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no regression fixtures in {}",
        dir.display()
    );
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable");
        // YAML and Terraform inputs are also read as their name says, as the read_yaml and
        // read_hcl fuzz targets read theirs.
        let name = match path.extension().and_then(|e| e.to_str()) {
            Some(ext @ ("yaml" | "yml" | "tf")) => Some(format!("regression.{ext}")),
            _ => None,
        };
        let result = std::panic::catch_unwind(|| {
            check_all(&bytes);
            if let Some(name) = &name {
                check::check_once(&bytes, Some(name), &check::all_rules());
            }
        });
        if let Err(e) = result {
            panic!("{}: {}", path.display(), panic_message(&e));
        }
    }
}

/// Rules that look for a name (or port) used twice in a list used to compare every element
/// with every earlier one: long lists (far beyond the API's 64 KiB) must still give one
/// finding per repeat, pointing back at the first use. Not timed: a quadratic search shows
/// as a test that takes minutes.
#[test]
fn long_lists_give_each_repeat_once() {
    const N: usize = 20_000;
    let mut env = Vec::new();
    for i in 0..N {
        // Every fifth name repeats the one before.
        let name = if i % 5 == 4 { i - 1 } else { i };
        env.push(format!(r#"{{"name": "V{name}", "value": "x"}}"#));
    }
    let mut ports = Vec::new();
    for i in 0..N {
        ports.push(format!(r#"{{"containerPort": {}}}"#, 10_000 + i % 30_000));
    }
    for i in 0..N / 10 {
        // The same port for another protocol.
        ports.push(format!(
            r#"{{"containerPort": {}, "protocol": "udp"}}"#,
            10_000 + i
        ));
    }
    for k in 0..1000 {
        // Ranges, each overlapping the one before.
        let start = 40_000 + 10 * k;
        ports.push(format!(
            r#"{{"containerPortRange": "{start}-{}"}}"#,
            start + 15
        ));
    }
    let mut containers = vec![format!(
        r#"{{"name": "app", "image": "nginx:1.27", "memory": 512, "environment": [{}],
            "secrets": [{{"name": "V3", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/v3"}}],
            "portMappings": [{}]}}"#,
        env.join(","),
        ports.join(",")
    )];
    for i in 0..3000 {
        let name = if i % 3 == 2 { i - 1 } else { i };
        containers.push(format!(
            r#"{{"name": "c{name}", "image": "nginx:1.27", "memory": 512}}"#
        ));
    }
    let volumes: Vec<String> = (0..N)
        .map(|i| format!(r#"{{"name": "v{}"}}"#, if i % 4 == 3 { i - 1 } else { i }))
        .collect();
    let tags: Vec<String> = (0..N)
        .map(|i| {
            format!(
                r#"{{"key": "k{}", "value": "v"}}"#,
                if i % 2 == 1 { i - 1 } else { i }
            )
        })
        .collect();
    let text = format!(
        r#"{{"family": "big", "networkMode": "bridge", "containerDefinitions": [{}], "volumes": [{}], "tags": [{}]}}"#,
        containers.join(","),
        volumes.join(","),
        tags.join(",")
    );
    let result = ecslint_core::lint(&text, &ecslint_core::LintOptions::new(&check::all_rules()));
    assert!(result.parsed);
    let found = |rule: &str| -> Vec<&ecslint_core::Diagnostic> {
        result
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .collect()
    };
    let expected = [
        // N / 5 repeats, and `V3` both plain and secret.
        ("environment-precedence", N / 5 + 1),
        ("container-name-unique", 1000),
        ("volume-name-unique", N / 4),
        ("tag-key-unique", N / 2),
        ("port-mapping-no-multi-protocol", N / 10),
        // 999 overlaps, and more than 100 ranges.
        ("container-port-range-overlap", 1000),
    ];
    for (rule, count) in expected {
        let diagnostics = found(rule);
        assert_eq!(diagnostics.len(), count, "{rule}");
        for d in diagnostics {
            if let Some(first) = d.related.first() {
                assert!(
                    first.range.start < d.range.start || rule == "environment-precedence",
                    "{rule}: {d:?}"
                );
                if rule != "container-port-range-overlap"
                    && rule != "port-mapping-no-multi-protocol"
                {
                    assert_eq!(
                        &text[first.range.start..first.range.end],
                        &text[d.range.start..d.range.end],
                        "{rule}: {d:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_generator_reaches_the_rules() {
    // A guard for the generator itself: most model documents parse, are detected as the
    // kind they were built as, and give diagnostics of many different rules.
    let settings = check::all_rules();
    let mut rules = std::collections::BTreeSet::new();
    let mut parsed = 0;
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..200 {
        let bytes: Vec<u8> = (0..2000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect();
        let mut u = Unstructured::new(&bytes);
        let text = model_json::document(&mut u, false);
        let result = check::check_text(&text, None, &settings);
        parsed += usize::from(result.parsed);
        rules.extend(result.diagnostics.iter().map(|d| d.rule));
    }
    assert!(parsed >= 190, "only {parsed} of 200 model documents parse");
    assert!(
        rules.len() >= 30,
        "model documents reach only {} rules: {rules:?}",
        rules.len()
    );
}

fn panic_message(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "panic".to_owned())
}
