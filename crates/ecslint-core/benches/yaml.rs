//! The YAML reader (`read::yaml`) beside a plain parse with the crate it builds on: the same
//! bytes through `saphyr_parser::Parser` (every event pulled, nothing built: the floor any
//! reader on that crate pays) and through `read::yaml::parse_with` (events → the tree with
//! byte ranges, scalar typing, CloudFormation short forms, anchors, duplicate keys).
//!
//! - `template`: `tests/yaml/ecs-fargate-service.yaml`, an 11.7 KB CloudFormation template
//!   (an ECS cluster, task definition with three containers, service, roles), also linted
//!   whole (`ecslint_core::lint` of a `.yaml` file: the reader, the CloudFormation form, every
//!   rule on the task definition and the service, the findings rendered in the template's
//!   terms), which issue 15 holds to within twice a plain parse of the same bytes;
//! - `corpus-as-yaml`: the JSON files of `../shared/corpus` (JSON is YAML) through both, and
//!   through the JSON parser for comparison (skipped without the corpus).
//!
//! `cargo bench -p ecslint-core --bench yaml` (`-- --quick` for a rough run); figures in
//! docs/performance.md.
//!
//! Instruction counts, as in `benches/lint.rs`: `ECSLINT_BENCH_RUN=<group>/<what>[:<times>]`
//! (`template` or `corpus-as-yaml`; `events`, `read`, `read-core`, `lint` or `json`) runs one
//! measurement `times` times (100 unless given) in [`measured`] and exits:
//!
//! ```sh
//! bin=$(cargo bench -p ecslint-core --bench yaml --no-run 2>&1 | grep -o 'target/[^)]*')
//! ECSLINT_BENCH_RUN=template/read:200 valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*measured*' $bin
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use ecslint_core::json;
use ecslint_core::read::yaml::{self, Options};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every event of `text`, nothing kept.
fn saphyr_events(text: &str) -> usize {
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    let mut n = 0;
    while let Some(Ok(event)) = parser.next_event() {
        std::hint::black_box(&event);
        n += 1;
    }
    n
}

/// Lints `text` as the CLI lints a file named `template.yaml`.
fn lint_template(text: &str) -> usize {
    let settings = ecslint_core::Settings::default();
    let mut options = ecslint_core::LintOptions::new(&settings);
    options.path = Some("template.yaml");
    ecslint_core::lint(text, &options).diagnostics.len()
}

fn group(c: &mut Criterion, name: &str, docs: &[String], with_json: bool) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(BenchmarkId::new("saphyr-parser events", bytes), |b| {
        b.iter(|| docs.iter().map(|d| saphyr_events(d)).sum::<usize>())
    });
    for (label, options) in [
        ("read::yaml cloudformation", Options::CLOUDFORMATION),
        ("read::yaml core", Options::ECS_DEPLOY_ACTION),
    ] {
        g.bench_function(BenchmarkId::new(label, bytes), |b| {
            b.iter(|| {
                for d in docs {
                    std::hint::black_box(yaml::parse_with(d, &options));
                }
            })
        });
    }
    if !with_json {
        g.bench_function(BenchmarkId::new("lint (cloudformation)", bytes), |b| {
            b.iter(|| docs.iter().map(|d| lint_template(d)).sum::<usize>())
        });
    }
    if with_json {
        g.bench_function(BenchmarkId::new("json::parse", bytes), |b| {
            b.iter(|| {
                for d in docs {
                    std::hint::black_box(json::parse(d));
                }
            })
        });
    }
    g.finish();
}

fn corpus() -> Option<Vec<String>> {
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
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect(),
    )
}

fn template() -> String {
    std::fs::read_to_string(manifest_dir().join("tests/yaml/ecs-fargate-service.yaml"))
        .expect("tests/yaml/ecs-fargate-service.yaml")
}

#[inline(never)]
fn measured(what: &str, docs: &[String], times: usize) {
    for _ in 0..times {
        for d in docs {
            match what {
                "events" => {
                    std::hint::black_box(saphyr_events(d));
                }
                "read" => {
                    std::hint::black_box(yaml::parse_with(d, &Options::CLOUDFORMATION));
                }
                "read-core" => {
                    std::hint::black_box(yaml::parse_with(d, &Options::ECS_DEPLOY_ACTION));
                }
                "json" => {
                    std::hint::black_box(json::parse(d));
                }
                "lint" => {
                    std::hint::black_box(lint_template(d));
                }
                other => panic!("no measurement {other}: events, read, read-core, lint, json"),
            }
        }
    }
}

fn benches(c: &mut Criterion) {
    group(c, "template", &[template()], false);
    if let Some(docs) = corpus() {
        group(c, "corpus-as-yaml", &docs, true);
    }
}

criterion_group! {
    name = yaml_benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
fn main() {
    if let Ok(spec) = std::env::var("ECSLINT_BENCH_RUN") {
        let (name, times) = spec.split_once(':').unwrap_or((&spec, "100"));
        let times: usize = times.parse().expect("a number of times");
        let (group, what) = name.split_once('/').expect("<group>/<what>");
        let docs = match group {
            "template" => vec![template()],
            "corpus-as-yaml" => corpus().expect("the corpus (set ECSLINT_CORPUS)"),
            other => panic!("no group {other}: template, corpus-as-yaml"),
        };
        measured(what, &docs, times);
        return;
    }
    yaml_benches();
    Criterion::default().configure_from_args().final_summary();
}
