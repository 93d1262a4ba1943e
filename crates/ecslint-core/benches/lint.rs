//! Benchmarks of the core, each beside its baseline in the same run: a plain
//! `serde_json::from_slice::<serde_json::Value>` of the same bytes. The goal is linting
//! within 2x of that parse (docs/performance.md has the figures).
//!
//! - `typical`: `examples/fargate-web/taskdef.json` (1.3 KB; the corpus's median file is
//!   1.1 KB);
//! - `64k`: that task definition grown to 64 KB the way real ones grow: ten containers with
//!   long `environment` and `secrets` lists;
//! - `corpus`: every file of `../shared/corpus` (220 files, 450 KB), one after the other
//!   (skipped when the corpus is not there).
//!
//! Each group measures `serde_json` (the baseline), `parse` (ecslint's own parser, which
//! keeps every range and recovers from slips), `lint` (parse, structural walk and every rule
//! on by default) and `lint-all-rules` (`select = ["ALL"]`).
//!
//! `cargo bench -p ecslint-core --bench lint` (about a minute); `-- --quick` for a rough run.
//!
//! Instruction counts (callgrind: they do not move with the machine's load, unlike times):
//! `ECSLINT_BENCH_RUN=<group>/<what>[:<times>]` runs one measurement `times` times (100 unless
//! given) in [`measured`] and exits, without criterion; for example
//!
//! ```sh
//! bin=$(cargo bench -p ecslint-core --bench lint --no-run 2>&1 | grep -o 'target/[^)]*')
//! ECSLINT_BENCH_RUN=typical/lint:1000 valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*measured*' $bin
//! ```
//!
//! then divide the instructions (`Collected` or `callgrind_annotate`) by the times and the
//! documents.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use ecslint_core::{json, lint_bytes, Config, LintOptions, Settings};
use serde_json::{json as j, Value};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn typical() -> Vec<u8> {
    std::fs::read(manifest_dir().join("../../examples/fargate-web/taskdef.json"))
        .expect("examples/fargate-web/taskdef.json")
}

/// The typical task definition grown to at least 64 KB: ten containers (the API's limit),
/// each with long `environment` and `secrets` lists, pretty-printed as people write them.
pub fn large(target: usize) -> Vec<u8> {
    let mut doc: Value = serde_json::from_slice(&typical()).expect("valid JSON");
    let template = doc["containerDefinitions"][0].clone();
    let mut containers = Vec::new();
    for c in 0..10 {
        let mut container = template.clone();
        container["name"] = j!(format!("app-{c}"));
        container["portMappings"][0]["containerPort"] = j!(8080 + c);
        container["portMappings"][0]["name"] = j!(format!("http-{c}"));
        container["environment"] = j!([]);
        container["secrets"] = j!([]);
        containers.push(container);
    }
    doc["containerDefinitions"] = Value::Array(containers);
    let mut i = 0;
    loop {
        let text = serde_json::to_vec_pretty(&doc).expect("serialises");
        if text.len() >= target {
            return text;
        }
        let c = i % 10;
        let container = &mut doc["containerDefinitions"][c];
        container["environment"]
            .as_array_mut()
            .expect("array")
            .push(j!({ "name": format!("SETTING_{i}"), "value": format!("value-of-setting-number-{i}") }));
        if i % 4 == 0 {
            container["secrets"].as_array_mut().expect("array").push(j!({
                "name": format!("SECRET_{i}"),
                "valueFrom": format!("arn:aws:ssm:us-east-1:123456789012:parameter/app/secret-{i}")
            }));
        }
        i += 1;
    }
}

fn corpus() -> Option<Vec<Vec<u8>>> {
    let dir = std::env::var_os("ECSLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("../../../shared/corpus"));
    let mut paths = Vec::new();
    for group in ["taskdefs", "services"] {
        for entry in std::fs::read_dir(dir.join(group)).ok()? {
            paths.push(entry.ok()?.path());
        }
    }
    paths.sort();
    Some(
        paths
            .iter()
            .map(|p| std::fs::read(p).expect("readable"))
            .collect(),
    )
}

fn all_rules() -> Settings {
    let config = Config {
        select: Some(vec!["ALL".to_owned()]),
        ..Config::default()
    };
    Settings::from_config(&config).expect("valid")
}

/// One group: the baseline and ecslint on the same documents.
fn group(c: &mut Criterion, name: &str, docs: &[Vec<u8>]) {
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let default = Settings::default();
    let all = all_rules();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(BenchmarkId::new("serde_json", bytes), |b| {
        b.iter(|| {
            for doc in docs {
                // Some corpus files are not JSON at all until rendered: errors count too.
                let _ = std::hint::black_box(serde_json::from_slice::<Value>(doc));
            }
        })
    });
    g.bench_function(BenchmarkId::new("parse", bytes), |b| {
        b.iter(|| {
            for doc in docs {
                let text = std::str::from_utf8(doc).unwrap_or("");
                std::hint::black_box(json::parse(text));
            }
        })
    });
    g.bench_function(BenchmarkId::new("lint", bytes), |b| {
        let options = LintOptions::new(&default);
        b.iter(|| {
            for doc in docs {
                std::hint::black_box(lint_bytes(doc, &options));
            }
        })
    });
    g.bench_function(BenchmarkId::new("lint-all-rules", bytes), |b| {
        let options = LintOptions::new(&all);
        b.iter(|| {
            for doc in docs {
                std::hint::black_box(lint_bytes(doc, &options));
            }
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    group(c, "typical", &[typical()]);
    group(c, "64k", &[large(64 * 1024)]);
    match corpus() {
        Some(docs) => group(c, "corpus", &docs),
        None => eprintln!("corpus: skipped (no ../shared/corpus; set ECSLINT_CORPUS)"),
    }
}

/// The loop callgrind counts (`--toggle-collect='*measured*'`).
#[inline(never)]
fn measured(what: &str, docs: &[Vec<u8>], settings: &Settings, times: usize) {
    let options = LintOptions::new(settings);
    for _ in 0..times {
        for doc in docs {
            match what {
                "serde_json" => {
                    let _ = std::hint::black_box(serde_json::from_slice::<Value>(doc));
                }
                "parse" => {
                    let text = std::str::from_utf8(doc).unwrap_or("");
                    std::hint::black_box(json::parse(text));
                }
                _ => {
                    std::hint::black_box(lint_bytes(doc, &options));
                }
            }
        }
    }
}

/// `ECSLINT_BENCH_RUN=<group>/<what>[:<times>]`: see the module's documentation.
fn run_once(spec: &str) {
    let (name, times) = spec.split_once(':').unwrap_or((spec, "100"));
    let times: usize = times.parse().expect("a number of times");
    let (group, what) = name.split_once('/').expect("<group>/<what>");
    let docs = match group {
        "typical" => vec![typical()],
        "64k" => vec![large(64 * 1024)],
        "corpus" => corpus().expect("the corpus (set ECSLINT_CORPUS)"),
        other => panic!("no group {other}: typical, 64k, corpus"),
    };
    let settings = match what {
        "lint-all-rules" => all_rules(),
        "serde_json" | "parse" | "lint" => Settings::default(),
        other => panic!("no measurement {other}: serde_json, parse, lint, lint-all-rules"),
    };
    measured(what, &docs, &settings, times);
    eprintln!("{group}/{what}: {times} times {} documents", docs.len());
}

criterion_group! {
    name = lint;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = benches
}
fn main() {
    if let Ok(spec) = std::env::var("ECSLINT_BENCH_RUN") {
        run_once(&spec);
        return;
    }
    lint();
    Criterion::default().configure_from_args().final_summary();
}
