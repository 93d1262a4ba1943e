//! Fast: any text through the core's TOML reader (`toml_reader`, which reads
//! `ecslint.toml`), once: it never panics, an error's range lies inside the text on
//! character boundaries, and in a table it reads every key and value has its range inside
//! the text, on character boundaries, each key is found again by `Table::get`, and nesting
//! stays bounded (`MAX_DEPTH`). (The `config` target reads the same text on into a
//! configuration, as TOML and as JSON.)
#![no_main]

use ecslint_core::text::TextRange;
use ecslint_core::toml_reader::{self, Item, Table, Value, MAX_DEPTH};
use libfuzzer_sys::fuzz_target;

fn check_range(text: &str, range: TextRange, what: &str) {
    let (start, end) = (range.start, range.end);
    assert!(
        start <= end && end <= text.len(),
        "{what}: {range:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {range:?} splits a character"
    );
}

fn check_table(text: &str, table: &Table, depth: usize) {
    // Counted here one level for an array and one for a table, so `[[a.b]]` (a table in an
    // array in a table in an array) is four levels for the reader's two key parts.
    assert!(depth <= 2 * (MAX_DEPTH + 1), "nested {depth} deep");
    for entry in &table.entries {
        check_range(text, entry.key_range, "a key");
        let found = table.get(&entry.key).expect("a key of the table is found");
        assert!(
            std::ptr::eq(found, &entry.value),
            "`{}` finds another value",
            entry.key
        );
        check_item(text, &entry.value, depth);
    }
}

fn check_item(text: &str, item: &Item, depth: usize) {
    check_range(text, item.range, "a value");
    match &item.value {
        Value::Table(table) => check_table(text, table, depth + 1),
        Value::Array(array) => {
            for item in &array.items {
                check_item(text, item, depth + 1);
            }
        }
        Value::Float(_)
        | Value::Integer(_)
        | Value::Boolean(_)
        | Value::String(_)
        | Value::Datetime(_) => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match toml_reader::parse(text) {
        Ok(root) => check_table(text, &root, 0),
        Err(e) => {
            assert!(!e.message.is_empty(), "an error without a message");
            check_range(text, e.range, "the error");
        }
    }
});
