//! `cargo xtask codegen --check`: the checked-in `generated.rs` is what the generator
//! writes from the botocore model on disk (skipped when that model or rustfmt is missing).

use std::process::Command;

#[test]
fn generated_rs_is_up_to_date() {
    let botocore = xtask::codegen::default_botocore_path();
    if !botocore.exists() {
        eprintln!("skipped: no botocore model at {}", botocore.display());
        return;
    }
    if Command::new("rustfmt").arg("--version").output().is_err() {
        eprintln!("skipped: rustfmt is not installed");
        return;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--check"])
        .output()
        .expect("run xtask");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
