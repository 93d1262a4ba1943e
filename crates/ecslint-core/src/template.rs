//! Template placeholders in values (`{{ must_env "X" }}`, `${image}`, `$VAR`, `<account-id>`).
//!
//! Real task definitions are often templates rendered by ecspresso, envsubst, Terraform or a
//! CI script. A placeholder where a value belongs says nothing about the final value, so
//! checks of a value's form (enums, patterns, ARNs) skip it.

/// Whether `s` is, or contains, a template placeholder.
pub fn is_placeholder(s: &str) -> bool {
    let s = s.trim();
    if (s.contains("{{") && s.contains("}}"))
        || contains_delimited(s, "${", '}')
        || contains_delimited(s, "#{", '}')
    {
        return true;
    }
    if has_wrapped_variable(s) {
        return true;
    }
    // Documentation-style markers: `<your-account-id>` or `{account_id}` anywhere, and an
    // unterminated `<…` description.
    s.starts_with('<') || contains_delimited(s, "<", '>') || contains_delimited(s, "{", '}')
}

/// `$VAR`, `$$$VAR$$$`, `%VAR%`, `@VAR@`, `__VAR__` anywhere in `s`: an upper-case name
/// led by `$`, or wrapped in a repeated `$`, `%`, `@` or `_` delimiter.
fn has_wrapped_variable(s: &str) -> bool {
    let b = s.as_bytes();
    let is_name = |c: u8| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let delim = b[i];
        if matches!(delim, b'$' | b'%' | b'@' | b'_') {
            let mut j = i;
            while j < b.len() && b[j] == delim {
                j += 1;
            }
            let open = j - i;
            let name_start = j;
            // A single `_` may join words inside `__AWS_REGION__`; two close it.
            while j < b.len()
                && is_name(b[j])
                && (b[j] != delim || (delim == b'_' && b.get(j + 1).is_some_and(|&n| n != b'_')))
            {
                j += 1;
            }
            let has_name = j > name_start && b[name_start].is_ascii_uppercase();
            let mut k = j;
            while k < b.len() && b[k] == delim {
                k += 1;
            }
            let closed = k - j >= open.clamp(1, 2) && k > j;
            if has_name && (delim == b'$' || closed) && (delim != b'_' || open >= 2) {
                return true;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    false
}

/// `open`, then at least one character, then `close`.
fn contains_delimited(s: &str, open: &str, close: char) -> bool {
    s.find(open)
        .is_some_and(|i| s[i + open.len()..].find(close).is_some_and(|j| j > 0))
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn recognises_common_template_syntaxes() {
        for s in [
            "{{ must_env `IMAGE` }}",
            "${image}",
            "$IMAGE_TAG",
            "<account-id>",
            "#{Octopus.Var}",
            "123.dkr.ecr.us-east-1.amazonaws.com/app:${TAG}",
            "$$$NETWORK_MODE$$$",
            "arn:aws:iam::%ACCOUNT_ID%:role/x",
            "__IMAGE__",
            "@TAG@",
        ] {
            assert!(is_placeholder(s), "{s}");
        }
        for s in [
            "FARGATE",
            "awsvpc",
            "$",
            "a<b",
            "100$",
            "MY_VAR",
            "a_B_c",
            "50%",
            "user@EXAMPLE.COM",
            "_",
        ] {
            assert!(!is_placeholder(s), "{s}");
        }
    }
}
