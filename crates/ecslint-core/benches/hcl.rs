//! The HCL reader (`read::hcl::parse`) against a plain parse of the same bytes by `hcl-edit`
//! 0.10 (the parser behind `hcl-rs`; a dev-dependency only, never in the engine).
//!
//! - `module`: `tests/hcl/real/tam-ecs__modules__service__main.tf` (76 KB, the ECS service
//!   module of terraform-aws-modules: 128 `dynamic` blocks);
//! - `typical`: `tests/hcl/ecs/container-definitions-forms.tf` (3 KB: task definitions in
//!   every `container_definitions` form, a service);
//! - `all`: every file of `tests/hcl/` one after the other.
//!
//! `cargo bench -p ecslint-core --bench hcl`; `-- --quick` for a rough run.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
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

fn bench(c: &mut Criterion) {
    let groups = [
        (
            "module",
            vec![read("tests/hcl/real/tam-ecs__modules__service__main.tf")],
        ),
        (
            "typical",
            vec![read("tests/hcl/ecs/container-definitions-forms.tf")],
        ),
        ("all", all()),
    ];
    for (name, texts) in &groups {
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
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
