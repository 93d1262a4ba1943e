//! Template placeholders in values (`{{ must_env "X" }}`, `${image}`, `$VAR`, `<account-id>`).
//!
//! Real task definitions are often templates rendered by ecspresso, envsubst, Terraform or a
//! CI script. A placeholder where a value belongs says nothing about the final value, so
//! checks of a value's form (enums, patterns, ARNs) skip it.

const BRACE: u8 = 1;
const WRAP: u8 = 2;
const ANGLE: u8 = 4;
const HASH: u8 = 8;

/// For each byte, the placeholder syntaxes it may start: `{` (`{{ }}`, `${}`, `#{}`, `{x}`),
/// `$ % @ _` (`$VAR`, `%VAR%`, `@VAR@`, `__VAR__`), `<` (`<x>`), `#` (`#{}`).
static TRIGGERS: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'{' as usize] = BRACE;
    table[b'$' as usize] = WRAP;
    table[b'%' as usize] = WRAP;
    table[b'@' as usize] = WRAP;
    table[b'_' as usize] = WRAP;
    table[b'<' as usize] = ANGLE;
    table[b'#' as usize] = HASH;
    table
};

/// Whether `s` is, or contains, a template placeholder.
pub fn is_placeholder(s: &str) -> bool {
    // Most values hold none of the bytes a placeholder needs: one pass over them decides,
    // and the searches below run only for the syntaxes whose bytes occur.
    let seen = s
        .bytes()
        .fold(0u8, |seen, b| seen | TRIGGERS[usize::from(b)]);
    if seen & (BRACE | WRAP | ANGLE) == 0 {
        return false;
    }
    let (brace, wrap, angle, hash) = (
        seen & BRACE != 0,
        seen & WRAP != 0,
        seen & ANGLE != 0,
        seen & HASH != 0,
    );
    let s = s.trim();
    if brace
        && ((s.contains("{{") && s.contains("}}"))
            || contains_delimited(s, "${", '}')
            || (hash && contains_delimited(s, "#{", '}')))
    {
        return true;
    }
    if wrap && has_wrapped_variable(s) {
        return true;
    }
    // Documentation-style markers: `<your-account-id>` or `{account_id}` anywhere, and an
    // unterminated `<…` description.
    (angle && (s.starts_with('<') || contains_delimited(s, "<", '>')))
        || (brace && contains_delimited(s, "{", '}'))
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

    /// The function before its byte pre-filter: the two agree on every string.
    fn unfiltered(s: &str) -> bool {
        use super::{contains_delimited, has_wrapped_variable};
        let s = s.trim();
        (s.contains("{{") && s.contains("}}"))
            || contains_delimited(s, "${", '}')
            || contains_delimited(s, "#{", '}')
            || has_wrapped_variable(s)
            || s.starts_with('<')
            || contains_delimited(s, "<", '>')
            || contains_delimited(s, "{", '}')
    }

    #[test]
    fn the_pre_filter_changes_no_answer() {
        let alphabet: Vec<char> = "{}$#<>%@_Aa1 ".chars().collect();
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .filter(|s| s.len() == strings.last().map_or(0, String::len))
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        assert!(strings.len() > 30_000);
        for s in &strings {
            assert_eq!(is_placeholder(s), unfiltered(s), "{s:?}");
        }
    }
}
