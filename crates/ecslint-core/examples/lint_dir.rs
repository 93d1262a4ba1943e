//! Lints every file under a directory and prints one line per finding (a development aid).
use ecslint_core::{lint_bytes, LintOptions, Settings};

fn main() {
    let settings = Settings::default();
    let options = LintOptions::new(&settings);
    for dir in std::env::args().skip(1) {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("a directory")
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let result = lint_bytes(&bytes, &options);
            let name = path.file_name().unwrap().to_string_lossy();
            for d in &result.diagnostics {
                println!(
                    "{name}\t{}\t{}\t{}\t{}\t{}",
                    result.kind.as_str(),
                    d.severity,
                    d.rule,
                    d.pointer,
                    d.message
                );
            }
        }
    }
}
