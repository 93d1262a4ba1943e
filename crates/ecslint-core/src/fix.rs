//! Applying fixes: minimal text edits, every other byte left as it was.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::json::{self, Node, Value};
use crate::lint::{lint, LintOptions, LintResult};
use crate::text::TextRange;

/// What `fix_all` did.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    /// The fixed text.
    pub text: String,
    /// The rule id and fix message of every fix applied, in order.
    pub applied: Vec<(&'static str, String)>,
    /// The fixed text, linted.
    pub result: LintResult,
}

/// Rounds of fixing before giving up on fixes that keep producing new ones.
const MAX_ROUNDS: usize = 10;

/// Applies every fix at least as safe as `applicability` (`Safe`: safe fixes only;
/// `Unsafe`: safe and unsafe ones), re-linting between rounds so that overlapping fixes are
/// applied one after the other. Returns `None` when the text cannot be parsed (it is never
/// touched then) or nothing was fixed.
pub fn fix_all(
    text: &str,
    options: &LintOptions<'_>,
    applicability: Applicability,
) -> Option<FixOutcome> {
    let mut result = lint(text, options);
    if !result.parsed {
        return None;
    }
    let mut current = text.to_owned();
    let mut applied = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let mut taken: Vec<TextRange> = Vec::new();
        // The keys this round's fixes add or rename to, by the start of their object: two
        // fixes that make the same key (an add of `networkMode` and a rename of `NetworkMode`)
        // would leave it twice, so one waits for the next round, where its rule sees the key.
        let mut made: Vec<(usize, String)> = Vec::new();
        let tree = json::parse(&current).root;
        let mut candidates: Vec<Candidate<'_>> = Vec::new();
        for d in &result.diagnostics {
            let Some(fix) = &d.fix else { continue };
            if applicability == Applicability::Safe && fix.applicability != Applicability::Safe {
                continue;
            }
            let (keys, renames) = tree.as_ref().map(|r| keys_made(r, fix)).unwrap_or_default();
            candidates.push(Candidate {
                rule: d.rule,
                fix,
                keys,
                renames,
            });
        }
        // A rename keeps the value that was written: of two fixes that make the same key, the
        // rename goes first.
        candidates.sort_by_key(|c| !c.renames);
        let mut edits: Vec<&Edit> = Vec::new();
        let mut round = Vec::new();
        for Candidate {
            rule, fix, keys, ..
        } in candidates
        {
            let overlaps = fix
                .edits
                .iter()
                .any(|e| taken.iter().any(|t| overlap(*t, e.range)));
            if overlaps || fix.edits.is_empty() {
                continue;
            }
            if keys.iter().any(|k| made.contains(k)) {
                continue;
            }
            made.extend(keys);
            taken.extend(fix.edits.iter().map(|e| e.range));
            edits.extend(fix.edits.iter());
            round.push((rule, fix.message.clone()));
        }
        if round.is_empty() {
            break;
        }
        let next = apply_edits(&current, &edits);
        let next_result = lint(&next, options);
        if !next_result.parsed {
            // A fix that breaks the document is a bug; keep the last good text.
            break;
        }
        applied.extend(round);
        current = next;
        result = next_result;
    }
    (!applied.is_empty()).then_some(FixOutcome {
        text: current,
        applied,
        result,
    })
}

/// A fix of this round and the keys it makes.
struct Candidate<'r> {
    rule: &'static str,
    fix: &'r Fix,
    keys: Vec<(usize, String)>,
    renames: bool,
}

/// The keys `fix` adds to an object or renames a key to, each with the start of its object:
/// an edit that replaces a key with another name, or inserts members (`"x": 1,`); and whether
/// it renames a key.
fn keys_made(root: &Node<'_>, fix: &Fix) -> (Vec<(usize, String)>, bool) {
    let mut keys = Vec::new();
    let mut renames = false;
    for edit in &fix.edits {
        let Some(object) = innermost_container(root, edit.range.start) else {
            continue;
        };
        let Value::Object(members) = &object.value else {
            continue;
        };
        let at = object.range.start;
        if members.iter().any(|m| m.key.range == edit.range) {
            if let Some(Value::String(name)) = json::parse(&edit.new_text).root.map(|n| n.value) {
                keys.push((at, name.into_owned()));
                renames = true;
            }
            continue;
        }
        let inserted = edit
            .new_text
            .trim_matches(|c: char| c == ',' || c.is_ascii_whitespace());
        if !inserted.starts_with('"') {
            continue;
        }
        let wrapped = format!("{{{inserted}}}");
        let parsed = json::parse(&wrapped);
        if let (Some(Value::Object(added)), true) =
            (parsed.root.map(|n| n.value), parsed.problems.is_empty())
        {
            keys.extend(added.into_iter().map(|m| (at, m.key.name.into_owned())));
        }
    }
    (keys, renames)
}

/// The innermost object or array whose brackets enclose `at`.
fn innermost_container<'n, 's>(root: &'n Node<'s>, at: usize) -> Option<&'n Node<'s>> {
    let inside = |n: &Node<'_>| {
        matches!(n.value, Value::Object(_) | Value::Array(_))
            && n.range.start < at
            && at < n.range.end
    };
    if !inside(root) {
        return None;
    }
    let mut node = root;
    loop {
        let next = match &node.value {
            Value::Object(members) => members.iter().map(|m| &m.value).find(|v| inside(v)),
            Value::Array(items) => items.iter().find(|v| inside(v)),
            _ => None,
        };
        match next {
            Some(child) => node = child,
            None => return Some(node),
        }
    }
}

/// Two edits conflict when they overlap, start at the same place, or one inserts inside the
/// other.
fn overlap(a: TextRange, b: TextRange) -> bool {
    if a.start == b.start {
        true
    } else if a.is_empty() {
        b.start < a.start && a.start < b.end
    } else if b.is_empty() {
        a.start < b.start && b.start < a.end
    } else {
        a.start < b.end && b.start < a.end
    }
}

/// Applies non-overlapping edits to `text`.
pub fn apply_edits(text: &str, edits: &[&Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for edit in sorted {
        if edit.range.start < last || edit.range.end > text.len() {
            continue;
        }
        out.push_str(&text[last..edit.range.start]);
        out.push_str(&edit.new_text);
        last = edit.range.end;
    }
    out.push_str(&text[last..]);
    out
}
