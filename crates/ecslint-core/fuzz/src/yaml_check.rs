//! The invariants of the YAML reader (`read::yaml`), shared by the `yaml` fuzz target and
//! `tests/yaml_reader.rs`:
//!
//! - it never panics, with either set of options;
//! - every range (keys, values, problems, related places) lies inside the text, on character
//!   boundaries; a child's range lies inside its parent's; a sequence's items are in order;
//! - without a tree there is an `invalid-yaml` problem that says why;
//! - the JSON pointer of every value (up to a bound) resolves, to that value when no key is
//!   repeated: to that very node when the text has no alias and no merge key (whose copies
//!   share one range), so a value never has the range of the one it is in (an indentless
//!   sequence of one item once had its item's range).

use ecslint_core::json::{Node, ParseOutput, Value};
use ecslint_core::read::yaml::{self, Options};
use ecslint_core::text::TextRange;

/// Values whose pointers are checked, per document (pointers cost O(depth) each).
const POINTER_CHECKS: usize = 2_000;

pub fn check_yaml(text: &str) {
    for options in [Options::CLOUDFORMATION, Options::ECS_DEPLOY_ACTION] {
        let out = yaml::parse_with(text, &options);
        let exact = out.aliases.is_empty() && out.merge_keys.is_empty();
        check_output_with(text, &out.parsed, exact);
        for alias in &out.aliases {
            check_range(text, alias.range, "alias");
            check_range(text, alias.anchor, "anchor");
        }
    }
}

pub fn check_output(text: &str, out: &ParseOutput<'_>) {
    check_output_with(text, out, false);
}

/// `exact`: every value's pointer names that node itself, not another of the same range.
pub fn check_output_with(text: &str, out: &ParseOutput<'_>, exact: bool) {
    for p in &out.problems {
        check_range(text, p.range, &p.message);
        assert!(!p.message.is_empty(), "a problem without a message");
        if let Some((r, m)) = &p.related {
            check_range(text, *r, m);
        }
    }
    let Some(root) = &out.root else {
        assert!(
            out.problems.iter().any(|p| p.rule == "invalid-yaml"),
            "no tree and no invalid-yaml problem: {:?}",
            out.problems
        );
        return;
    };
    check_node(text, root, root.range);
    // A repeated key hides its first value from pointers (the last one wins, as in JSON).
    if !out.problems.iter().any(|p| p.rule == "duplicate-key") {
        let mut budget = POINTER_CHECKS;
        check_children(root, root, &mut budget, exact);
    }
}

fn check_range(text: &str, r: TextRange, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what}: {r:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what}: {r:?} splits a character"
    );
}

fn check_node(text: &str, node: &Node<'_>, parent: TextRange) {
    check_range(text, node.range, "value");
    assert!(
        parent.contains_range(node.range),
        "{:?} outside its parent {parent:?}",
        node.range
    );
    match &node.value {
        Value::Array(items) => {
            for pair in items.windows(2) {
                assert!(
                    pair[0].range.end <= pair[1].range.end,
                    "items out of order: {:?} then {:?}",
                    pair[0].range,
                    pair[1].range
                );
            }
            for item in items {
                check_node(text, item, node.range);
            }
        }
        Value::Object(members) => {
            for m in members {
                check_range(text, m.key.range, "key");
                assert!(
                    node.range.contains_range(m.key.range),
                    "key {:?} outside its object {:?}",
                    m.key.range,
                    node.range
                );
                check_node(text, &m.value, node.range);
            }
        }
        Value::Number(n) => assert!(
            n.raw.parse::<f64>().is_ok() && !n.raw.starts_with(['+', '.']),
            "a number not in JSON syntax: {:?}",
            n.raw
        ),
        _ => {}
    }
}

fn resolve<'a, 's>(root: &'a Node<'s>, pointer: &str) -> Option<&'a Node<'s>> {
    let mut node = root;
    if pointer.is_empty() {
        return Some(node);
    }
    for raw in pointer.strip_prefix('/')?.split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        node = match &node.value {
            Value::Object(_) => node.get(&segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The pointer of every value below `node` (the root's own pointer is `""` by definition).
fn check_children(root: &Node<'_>, node: &Node<'_>, budget: &mut usize, exact: bool) {
    // The short form `!GetAtt A` reads as `{"Fn::GetAtt": ["A"]}`: an array and its item made
    // from one scalar, with one range.
    let children: Vec<(&Node<'_>, bool)> = match &node.value {
        Value::Array(items) => items.iter().map(|n| (n, exact)).collect(),
        Value::Object(members) => members
            .iter()
            .map(|m| (&m.value, exact && m.key.name != "Fn::GetAtt"))
            .collect(),
        _ => return,
    };
    for (child, exact) in children {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        let pointer = root.pointer_to(child.range);
        let found = resolve(root, &pointer);
        assert!(
            found.is_some(),
            "the pointer {pointer:?} of {:?} does not resolve",
            child.range
        );
        assert_eq!(
            found.unwrap().range,
            child.range,
            "the pointer {pointer:?} names another value"
        );
        assert!(
            !exact || std::ptr::eq(found.unwrap(), child),
            "the pointer {pointer:?} names another value of the same range {:?}",
            child.range
        );
        check_children(root, child, budget, exact);
    }
}
