use super::*;
use crate::json::Value;

fn problems(text: &str) -> Vec<(&'static str, String)> {
    parse(text)
        .problems
        .into_iter()
        .map(|p| (p.rule, p.message))
        .collect()
}

fn messages(text: &str) -> Vec<String> {
    problems(text).into_iter().map(|(_, m)| m).collect()
}

#[test]
fn valid_json_has_no_problems_and_keeps_ranges() {
    let text = r#"{"a": [1, -2.5e3, "x\n\u00e9"], "b": {"c": null, "d": true}}"#;
    let out = parse(text);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    let root = out.root.unwrap();
    let a = root.get("a").unwrap();
    assert_eq!(
        &text[a.range.start..a.range.end],
        r#"[1, -2.5e3, "x\n\u00e9"]"#
    );
    let items = a.as_array().unwrap();
    assert_eq!(items[2].as_str(), Some("x\né"));
    assert_eq!(root.pointer_to(items[1].range), "/a/1");
    let member = root.get("b").unwrap().member("d").unwrap();
    assert_eq!(root.pointer_to(member.key.range), "/b/d");
}

#[test]
fn trailing_comma_is_recovered_with_a_safe_fix() {
    let out = parse(r#"{"a": 1, "b": [1, 2,],}"#);
    assert!(out.root.is_some());
    assert_eq!(out.problems.len(), 2);
    assert!(out
        .problems
        .iter()
        .all(|p| p.message.starts_with("trailing comma")));
    assert!(out
        .problems
        .iter()
        .all(|p| p.fix.as_ref().unwrap().applicability == crate::diagnostic::Applicability::Safe));
}

#[test]
fn comments_single_quotes_unquoted_keys_and_missing_commas_are_recovered() {
    let text = "{\n // note\n 'a': 'x', b: 2 /* c */ \"c\": True\n}";
    let out = parse(text);
    let root = out.root.expect("recovered");
    assert_eq!(root.get("a").unwrap().as_str(), Some("x"));
    assert_eq!(root.get("c").unwrap().as_bool(), Some(true));
    let msgs: Vec<_> = out.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "comments are not allowed in JSON",
            "strings must be in double quotes, not single quotes",
            "strings must be in double quotes, not single quotes",
            "the key `b` is not in double quotes",
            "comments are not allowed in JSON",
            "missing comma",
            "`True` is not a JSON value: JSON writes it `true`",
        ]
    );
}

#[test]
fn truncated_file_stops_with_the_opening_brace_as_related() {
    let out = parse("{\"a\": [1, 2");
    assert!(out.root.is_none());
    assert_eq!(out.problems.len(), 1);
    assert_eq!(
        out.problems[0].message,
        "unexpected end of file: an array is not closed"
    );
    assert_eq!(
        out.problems[0].related.as_ref().unwrap().0,
        TextRange::new(6, 7)
    );
}

#[test]
fn empty_and_whitespace_files() {
    assert_eq!(messages(""), ["the file is empty"]);
    assert_eq!(messages("  \n"), ["the file is empty"]);
}

#[test]
fn bom_is_reported_and_skipped() {
    let out = parse("\u{feff}{\"a\": 1}");
    assert!(out.root.is_some());
    assert_eq!(out.problems[0].rule, "json-bom");
}

#[test]
fn duplicate_keys_point_at_both() {
    let out = parse(r#"{"memory": 1, "memory": 2}"#);
    let root = out.root.unwrap();
    assert_eq!(
        root.get("memory").unwrap().as_number().unwrap().raw,
        "2",
        "the last one wins"
    );
    assert_eq!(out.problems.len(), 1);
    assert_eq!(out.problems[0].rule, "duplicate-key");
    assert_eq!(
        out.problems[0].related.as_ref().unwrap().0,
        TextRange::new(1, 9)
    );
}

#[test]
fn numbers() {
    assert_eq!(problems("1e400")[0].0, "number-out-of-range");
    assert!(
        problems("123456789012345678901234567890").is_empty(),
        "big integers are a matter for the field's type"
    );
    assert_eq!(
        messages("+1"),
        ["`+1` is not a valid JSON number (a leading `+` is not allowed)"]
    );
    assert_eq!(
        messages("007"),
        ["`007` is not a valid JSON number (leading zeros are not allowed)"]
    );
    assert_eq!(
        messages(".5"),
        ["`.5` is not a valid JSON number (digits must come before the decimal point)"]
    );
    assert_eq!(
        messages("1.2.3"),
        ["`1.2.3` is not a valid number (unexpected characters in the number)"]
    );
    assert_eq!(
        messages("-"),
        ["`-` is not a valid number (digits must come before the decimal point)"]
    );
}

#[test]
fn strings() {
    assert_eq!(
        messages(r#""a\qb""#),
        ["`\\q` is not a valid escape sequence"]
    );
    assert_eq!(
        messages("\"a\tb\""),
        ["a raw control character (U+0009) inside a string"]
    );
    assert_eq!(
        messages("\"abc\n\""),
        ["a string is not closed before the end of the line"]
    );
    assert_eq!(
        messages("\"abc"),
        ["unexpected end of file: a string is not closed"]
    );
    assert_eq!(messages(r#""\ud83d\ude00""#), Vec::<String>::new());
    assert_eq!(
        parse(r#""\ud83d\ude00""#).root.unwrap().as_str(),
        Some("😀")
    );
    assert_eq!(
        messages(r#""\ud83d""#),
        ["a `\\u` escape names half of a surrogate pair"]
    );
    assert_eq!(
        messages(r#""\u12""#),
        ["invalid `\\u` escape: expected four hexadecimal digits"]
    );
}

#[test]
fn garbage_stops_with_one_clear_problem() {
    assert_eq!(
        messages("{\"image\": nginx}"),
        ["`nginx` is not a JSON value"]
    );
    assert_eq!(
        messages("{\"a\" 1}"),
        ["expected `:` after the key `a`, found `1`"]
    );
    assert_eq!(
        messages("[1 }"),
        ["expected `]` to close the array, found `}`"]
    );
    assert_eq!(
        messages("{} {}"),
        ["unexpected text after the end of the JSON document"]
    );
    assert_eq!(messages("@"), ["expected a value, found `@`"]);
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = "[".repeat(100_000);
    let out = parse(&deep);
    assert!(out.root.is_none());
    assert_eq!(out.problems[0].rule, "json-too-deep");
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).problems.is_empty());
}

#[test]
fn a_large_document_parses() {
    let item = r#"{"name": "app", "image": "nginx:1.27", "memory": 512, "environment": [{"name": "A", "value": "b"}]},"#;
    let text = format!("[{} {{}}]", item.repeat(100_000));
    let out = parse(&text);
    assert!(out.problems.is_empty());
    match out.root.unwrap().value {
        Value::Array(items) => assert_eq!(items.len(), 100_001),
        _ => unreachable!(),
    }
}

#[test]
fn no_input_panics() {
    // Every prefix of a document with every kind of token: truncation anywhere is handled.
    let text = "\u{feff}{\"a\": [1, -2.5e3, 'x', {b: \"\\u00e9\\n\"}, true, null], // c\n \"é\": /* d */ 0,}";
    for end in 0..=text.len() {
        if text.is_char_boundary(end) {
            let _ = parse(&text[..end]);
        }
    }
}

#[test]
fn duplicate_keys_are_found_alike_in_small_and_large_objects() {
    // Objects of up to 16 members compare keys pairwise, larger ones hash them: both report
    // each repeat once, at the repeat, with the first occurrence as the related place.
    for filler in [0, 40] {
        let mut members: Vec<String> = (0..filler).map(|i| format!("\"k{i}\": {i}")).collect();
        members
            .extend(["\"a\": 1", "\"b\": 2", "\"a\": 3", "\"a\": 4", "\"b\": 5"].map(String::from));
        let text = format!("{{{}}}", members.join(", "));
        let out = parse(&text);
        let found: Vec<(&str, usize)> = out
            .problems
            .iter()
            .map(|p| {
                let (first, _) = p.related.clone().unwrap();
                (&text[p.range.start..p.range.end], first.start)
            })
            .collect();
        let first_a = text.find("\"a\"").unwrap();
        let first_b = text.find("\"b\"").unwrap();
        assert_eq!(
            found,
            vec![("\"a\"", first_a), ("\"a\"", first_a), ("\"b\"", first_b)],
            "{filler} other members"
        );
    }
}
