//! The HCL reader (`read::hcl::parse`) against a plain parse of the same bytes by `hcl-edit`
//! 0.10 (the parser behind `hcl-rs`; a dev-dependency only, never in the engine).
//!
//! - `module`: `tests/hcl/real/tam-ecs__modules__service__main.tf` (76 KB, the ECS service
//!   module of terraform-aws-modules: 128 `dynamic` blocks);
//! - `typical`: `tests/hcl/ecs/container-definitions-forms.tf` (3 KB: task definitions in
//!   every `container_definitions` form, a service);
//! - `all`: every file of `tests/hcl/` one after the other.
//!
//! `cargo bench -p ecslint-core --bench hcl`; `-- --quick` for a rough run. Each group also
//! times `lint` of the same files (the Terraform form, every rule), against the plain parse.
//!
//! Instruction counts, as in `benches/lint.rs`: `ECSLINT_BENCH_RUN=<group>/<what>[:<times>]`
//! (`module`, `typical` or `all`; `hcl-edit`, `read` or `lint`) runs one measurement `times`
//! times (100 unless given) in [`measured`] and exits:
//!
//! ```sh
//! bin=$(cargo bench -p ecslint-core --bench hcl --no-run 2>&1 | grep -o 'target/[^)]*')
//! ECSLINT_BENCH_RUN=typical/lint:200 valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*measured*' $bin
//! ```

use std::path::Path;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use ecslint_core::read::hcl;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).expect(relative)
}

fn all() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["tests/hcl/real", "tests/hcl/ecs"] {
        let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(&full)
            .expect(dir)
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "tf"))
            .collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("utf-8")),
        );
    }
    texts
}

/// Lints a `.tf` file as `ecslint check main.tf` does (alone: no other file of its module).
fn lint_tf(text: &str) -> usize {
    let settings = ecslint_core::Settings::default();
    let mut options = ecslint_core::LintOptions::new(&settings);
    options.path = Some("main.tf");
    ecslint_core::lint(text, &options).diagnostics.len()
}

fn groups() -> [(&'static str, Vec<String>); 3] {
    [
        (
            "module",
            vec![read("tests/hcl/real/tam-ecs__modules__service__main.tf")],
        ),
        (
            "typical",
            vec![read("tests/hcl/ecs/container-definitions-forms.tf")],
        ),
        ("all", all()),
    ]
}

/// One measurement, `times` times (for callgrind: see the module's documentation).
#[inline(never)]
fn measured(what: &str, texts: &[String], times: usize) {
    for _ in 0..times {
        for text in texts {
            match what {
                "hcl-edit" => {
                    std::hint::black_box(hcl_edit::parser::parse_body(text).is_ok());
                }
                "read" => {
                    std::hint::black_box(hcl::parse(text).body.blocks.len());
                }
                "lint" => {
                    std::hint::black_box(lint_tf(text));
                }
                other => panic!("no measurement {other}: hcl-edit, read, lint"),
            }
        }
    }
}

fn bench(c: &mut Criterion) {
    for (name, texts) in &groups() {
        let bytes: usize = texts.iter().map(String::len).sum();
        for text in texts {
            assert!(hcl::parse(text).problems.is_empty());
            assert!(hcl_edit::parser::parse_body(text).is_ok());
        }
        let mut group = c.benchmark_group(*name);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("hcl-edit", bytes), texts, |b, texts| {
            b.iter(|| {
                for text in texts {
                    std::hint::black_box(hcl_edit::parser::parse_body(text).is_ok());
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("ecslint", bytes), texts, |b, texts| {
            b.iter(|| {
                for text in texts {
                    std::hint::black_box(hcl::parse(text).body.blocks.len());
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("lint", bytes), texts, |b, texts| {
            b.iter(|| {
                for text in texts {
                    std::hint::black_box(lint_tf(text));
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Ok(spec) = std::env::var("ECSLINT_BENCH_RUN") {
        let (name, times) = spec.split_once(':').unwrap_or((&spec, "100"));
        let times: usize = times.parse().expect("a number of times");
        let (group, what) = name.split_once('/').expect("<group>/<what>");
        let Some((_, texts)) = groups().into_iter().find(|(n, _)| *n == group) else {
            panic!("no group {group}: module, typical, all");
        };
        measured(what, &texts, times);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
