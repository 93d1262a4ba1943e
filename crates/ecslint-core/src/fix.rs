//! Applying fixes: minimal text edits, every other byte left as it was.

use crate::diagnostic::{Applicability, Edit};
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
        let mut edits: Vec<&Edit> = Vec::new();
        let mut round = Vec::new();
        for d in &result.diagnostics {
            let Some(fix) = &d.fix else { continue };
            if applicability == Applicability::Safe && fix.applicability != Applicability::Safe {
                continue;
            }
            let overlaps = fix
                .edits
                .iter()
                .any(|e| taken.iter().any(|t| overlap(*t, e.range)));
            if overlaps || fix.edits.is_empty() {
                continue;
            }
            taken.extend(fix.edits.iter().map(|e| e.range));
            edits.extend(fix.edits.iter());
            round.push((d.rule, fix.message.clone()));
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
