use crate::rules::prelude::*;
use crate::rules::task::helpers::and_list;

declare_rule! {
    /// ## What it does
    /// Reports a `family` that is empty, longer than 255 characters, or holds characters
    /// other than letters, digits, hyphens and underscores.
    ///
    /// ## Why is this bad?
    /// The family names the task definition (`web:3` is revision 3 of family `web`), and the
    /// API allows "up to 255 letters (uppercase and lowercase), numbers, underscores, and
    /// hyphens". Dots, slashes, colons and spaces are the usual mistakes.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web.frontend", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web-frontend", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// The unsafe fix replaces each character that is not allowed with `-`. A new name
    /// starts a new family: services and scripts that name the old one must follow.
    pub FamilyFormat {
        id: "family-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (11779, 11779), quote: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." },
        ],
    }
}

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

impl FamilyFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(family) = doc.task_definition.and_then(|t| t.family()) else {
            return;
        };
        let name = family.value();
        if is_placeholder(name) {
            return;
        }
        let help = "use up to 255 letters, digits, hyphens (-) and underscores (_)";
        if name.is_empty() {
            out.report(&Self::META, family.range(), "`family` is empty")
                .help(help);
            return;
        }
        let mut bad: Vec<char> = name.chars().filter(|c| !allowed(*c)).collect();
        bad.dedup();
        let count = name.chars().count();
        if bad.is_empty() && count <= 255 {
            return;
        }
        let message = if bad.is_empty() {
            format!("`family` is {count} characters long; the limit is 255")
        } else {
            let shown: Vec<String> = bad
                .iter()
                .take(5)
                .map(|c| format!("`{}`", c.escape_default()))
                .collect();
            format!(
                "`family` `{name}` contains {}, which a family name cannot hold",
                and_list(&shown)
            )
        };
        let d = out.report(&Self::META, family.range(), message).help(help);
        if !bad.is_empty() {
            let fixed: String = name
                .chars()
                .map(|c| if allowed(c) { c } else { '-' })
                .take(255)
                .collect();
            if fixed.chars().any(|c| c.is_ascii_alphanumeric()) {
                d.fix(Fix::unsafe_(
                    format!("rename the family to `{fixed}`"),
                    vec![Edit::replace(family.range(), format!("\"{fixed}\""))],
                ));
            }
        }
    }
}
