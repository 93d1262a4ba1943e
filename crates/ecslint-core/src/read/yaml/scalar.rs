//! What an untagged plain scalar means: null, a boolean, a number or a string, under the
//! schema of the tool that reads the file.
//!
//! - [`Schema::Yaml11`]: the resolver of PyYAML's `SafeLoader` (YAML 1.1), which cfn-lint
//!   uses for CloudFormation templates (CloudFormation documents YAML 1.1 support).
//! - [`Schema::Core`]: YAML 1.2's core schema (spec §10.3.2), the default of the `yaml` npm
//!   package (2.x) that the ECS deploy GitHub action reads task definitions with.
//!
//! A number becomes a [`Number`] whose `raw` is in JSON syntax: borrowed from the text when the
//! text already is (`512`, `0.25`), else the same value written in JSON (`0x1F` → `31`).
//! Values JSON cannot hold (`.inf`, `.nan`) and YAML 1.1 timestamps stay strings, as written.

use std::borrow::Cow;

use super::Schema;
use crate::json::{Number, Value};

/// The value of the plain scalar `text` (as written, one line or folded) under `schema`.
pub(super) fn resolve<'s>(text: Cow<'s, str>, schema: Schema) -> Value<'s> {
    let s: &str = &text;
    if is_null(s) {
        return Value::Null;
    }
    if let Some(b) = bool_of(s, schema) {
        return Value::Bool(b);
    }
    let first = s.as_bytes()[0];
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
        let number = match schema {
            Schema::Yaml11 => int_11(s).or_else(|| float_11(s)),
            Schema::Core => int_core(s).or_else(|| float_core(s)),
        };
        if let Some(raw) = number {
            let raw = match (raw, text) {
                (Raw::AsWritten, Cow::Borrowed(b)) => Cow::Borrowed(b),
                (Raw::AsWritten, Cow::Owned(o)) => Cow::Owned(o),
                (Raw::Json(j), _) => Cow::Owned(j),
            };
            return Value::Number(Number { raw });
        }
    }
    Value::String(text)
}

fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

fn bool_of(s: &str, schema: Schema) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ if schema == Schema::Core => None,
        "yes" | "Yes" | "YES" | "on" | "On" | "ON" => Some(true),
        "no" | "No" | "NO" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

/// A number's JSON text: the scalar as written, or rewritten.
enum Raw {
    AsWritten,
    Json(String),
}

/// Whether `s` is in JSON's number syntax: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
pub(crate) fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

fn split_sign(s: &str) -> (bool, &str) {
    match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

/// `digits` (no sign, no underscores left) read in `radix`, as a decimal JSON integer; `None`
/// past `u64` (such an integer stays a string).
fn radix_to_json(negative: bool, digits: &str, radix: u32) -> Option<String> {
    if digits.is_empty() {
        return None;
    }
    let value = u64::from_str_radix(digits, radix).ok()?;
    Some(signed(negative, value.to_string()))
}

fn signed(negative: bool, magnitude: String) -> String {
    if negative && magnitude != "0" {
        format!("-{magnitude}")
    } else {
        magnitude
    }
}

/// A decimal integer without sign as JSON writes it: no leading zeros.
fn decimal_to_json(negative: bool, digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    signed(
        negative,
        if trimmed.is_empty() {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        },
    )
}

fn all(s: &str, f: impl Fn(u8) -> bool) -> bool {
    !s.is_empty() && s.bytes().all(f)
}

/// YAML 1.1 integers as PyYAML resolves them:
/// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ |
/// [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`.
fn int_11(s: &str) -> Option<Raw> {
    let (negative, body) = split_sign(s);
    let clean = |t: &str| t.replace('_', "");
    if let Some(bin) = body.strip_prefix("0b") {
        return all(bin, |c| matches!(c, b'0' | b'1' | b'_'))
            .then(|| radix_to_json(negative, &clean(bin), 2).map(Raw::Json))
            .flatten();
    }
    if let Some(hex) = body.strip_prefix("0x") {
        return all(hex, |c| c.is_ascii_hexdigit() || c == b'_')
            .then(|| radix_to_json(negative, &clean(hex), 16).map(Raw::Json))
            .flatten();
    }
    if body == "0" {
        return Some(if s == "0" || s == "-0" {
            Raw::AsWritten
        } else {
            Raw::Json("0".to_owned())
        });
    }
    if let Some(oct) = body.strip_prefix('0') {
        return all(oct, |c| matches!(c, b'0'..=b'7' | b'_'))
            .then(|| radix_to_json(negative, &clean(oct), 8).map(Raw::Json))
            .flatten();
    }
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if all(body, |c| c.is_ascii_digit() || c == b'_') {
        return Some(if is_json_number(s) {
            Raw::AsWritten
        } else {
            Raw::Json(decimal_to_json(negative, &clean(body)))
        });
    }
    // Base 60: `1:30` is 90.
    let mut parts = body.split(':');
    let head = parts.next()?;
    if !all(head, |c| c.is_ascii_digit() || c == b'_') {
        return None;
    }
    let mut value: u64 = clean(head).parse().ok()?;
    let mut any = false;
    for part in parts {
        if part.is_empty() || part.len() > 2 || !all(part, |c| c.is_ascii_digit()) {
            return None;
        }
        if part.len() == 2 && part.as_bytes()[0] > b'5' {
            return None;
        }
        value = value.checked_mul(60)?.checked_add(part.parse().ok()?)?;
        any = true;
    }
    any.then(|| Raw::Json(signed(negative, value.to_string())))
}

/// YAML 1.1 floats as PyYAML resolves them (a dot is required, an exponent needs a sign):
/// `[-+]?([0-9][0-9_]*)\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9][0-9_]*([eE][-+][0-9]+)? |
/// [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`; `.inf` and `.nan` stay strings.
fn float_11(s: &str) -> Option<Raw> {
    let (negative, body) = split_sign(s);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if let Some(exp) = exponent {
        let digits = exp.strip_prefix(['+', '-'])?;
        if !all(digits, |c| c.is_ascii_digit()) {
            return None;
        }
    }
    let (int_part, frac_part) = mantissa.split_once('.')?;
    if !all(frac_part, |c| c.is_ascii_digit() || c == b'_') && !frac_part.is_empty() {
        return None;
    }
    if int_part.contains(':') {
        // Base 60 with a fraction: `1:30.5`.
        if exponent.is_some() {
            return None;
        }
        let Some(Raw::Json(whole)) = int_11(int_part) else {
            return None;
        };
        // The integer part plus the fraction as written: exact, no float formatting.
        let frac = frac_part.replace('_', "");
        let text = format!("{whole}.{}", if frac.is_empty() { "0" } else { &frac });
        return Some(Raw::Json(signed(negative, text)));
    }
    if int_part.is_empty() {
        // `.5` (no sign allowed by PyYAML's pattern).
        if s.starts_with(['+', '-']) || !frac_part.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
    } else if !int_part.starts_with(|c: char| c.is_ascii_digit())
        || !all(int_part, |c| c.is_ascii_digit() || c == b'_')
    {
        return None;
    }
    Some(float_json(s, negative, int_part, frac_part, exponent))
}

/// The float `int.frac e exp` in JSON syntax (borrowed when `s` already is).
fn float_json(s: &str, negative: bool, int_part: &str, frac: &str, exp: Option<&str>) -> Raw {
    if is_json_number(s) {
        return Raw::AsWritten;
    }
    let int_digits = int_part.replace('_', "");
    let int_digits = int_digits.trim_start_matches('0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(if int_digits.is_empty() {
        "0"
    } else {
        int_digits
    });
    let frac = frac.replace('_', "");
    out.push('.');
    out.push_str(if frac.is_empty() { "0" } else { &frac });
    if let Some(exp) = exp {
        out.push('e');
        out.push_str(exp);
    }
    Raw::Json(out)
}

/// YAML 1.2 core schema integers: `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`.
fn int_core(s: &str) -> Option<Raw> {
    if let Some(oct) = s.strip_prefix("0o") {
        return all(oct, |c| matches!(c, b'0'..=b'7'))
            .then(|| radix_to_json(false, oct, 8).map(Raw::Json))
            .flatten();
    }
    if let Some(hex) = s.strip_prefix("0x") {
        return all(hex, |c| c.is_ascii_hexdigit())
            .then(|| radix_to_json(false, hex, 16).map(Raw::Json))
            .flatten();
    }
    let (negative, body) = split_sign(s);
    if !all(body, |c| c.is_ascii_digit()) {
        return None;
    }
    Some(if is_json_number(s) {
        Raw::AsWritten
    } else {
        Raw::Json(decimal_to_json(negative, body))
    })
}

/// YAML 1.2 core schema floats: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`;
/// `.inf` and `.nan` stay strings.
fn float_core(s: &str) -> Option<Raw> {
    let (negative, body) = split_sign(s);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if let Some(exp) = exponent {
        let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
        if !all(digits, |c| c.is_ascii_digit()) {
            return None;
        }
    }
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let has_dot = mantissa.contains('.');
    let digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    if !digits(int_part) || !digits(frac_part) {
        return None;
    }
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if int_part.is_empty() && !has_dot {
        return None;
    }
    if is_json_number(s) {
        return Some(Raw::AsWritten);
    }
    let int_digits = int_part.trim_start_matches('0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(if int_digits.is_empty() {
        "0"
    } else {
        int_digits
    });
    if has_dot {
        out.push('.');
        out.push_str(if frac_part.is_empty() { "0" } else { frac_part });
    }
    if let Some(exp) = exponent {
        out.push('e');
        out.push_str(exp);
    }
    Some(Raw::Json(out))
}

/// The name a resolved scalar key takes in the tree: what `JSON.stringify` or Python's
/// `json.dumps` write for it (`true`, `31`), or the text for null keys.
pub(super) fn key_name<'s>(value: Value<'s>, text: Cow<'s, str>) -> Cow<'s, str> {
    match value {
        Value::String(s) => s,
        Value::Number(n) => n.raw,
        Value::Bool(true) => Cow::Borrowed("true"),
        Value::Bool(false) => Cow::Borrowed("false"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str, schema: Schema) -> String {
        match resolve(Cow::Borrowed(s), schema) {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => format!("n:{}", n.raw),
            Value::String(s) => format!("s:{s}"),
            _ => unreachable!(),
        }
    }

    #[test]
    fn yaml_1_1_as_pyyaml() {
        let cases = [
            ("", "null"),
            ("~", "null"),
            ("NULL", "null"),
            ("yes", "true"),
            ("Off", "false"),
            ("y", "s:y"),
            ("0", "n:0"),
            ("-0", "n:-0"),
            ("+0", "n:0"),
            ("512", "n:512"),
            ("+12", "n:12"),
            ("-12", "n:-12"),
            ("1_000", "n:1000"),
            ("0x1F", "n:31"),
            ("-0x1F", "n:-31"),
            ("0b101", "n:5"),
            ("017", "n:15"),
            ("09", "s:09"),
            ("1:30", "n:90"),
            ("190:20:30", "n:685230"),
            ("1.5", "n:1.5"),
            ("1.", "n:1.0"),
            (".5", "n:0.5"),
            ("-.5", "s:-.5"),
            ("1e3", "s:1e3"),
            ("1.0e+3", "n:1.0e+3"),
            ("1.0e3", "s:1.0e3"),
            ("1_0.5", "n:10.5"),
            ("1:30.5", "n:90.5"),
            (".inf", "s:.inf"),
            (".nan", "s:.nan"),
            ("2010-09-09", "s:2010-09-09"),
            ("0o17", "s:0o17"),
            ("12abc", "s:12abc"),
            ("-", "s:-"),
            ("+", "s:+"),
            (".", "s:."),
            ("0x", "s:0x"),
            ("0x_", "s:0x_"),
        ];
        for (input, want) in cases {
            assert_eq!(show(input, Schema::Yaml11), want, "{input:?}");
        }
    }

    #[test]
    fn yaml_1_2_core() {
        let cases = [
            ("yes", "s:yes"),
            ("True", "true"),
            ("017", "n:17"),
            ("0o17", "n:15"),
            ("0x1F", "n:31"),
            ("-0x1F", "s:-0x1F"),
            ("1_000", "s:1_000"),
            ("1e3", "n:1e3"),
            ("+1.5", "n:1.5"),
            ("1.", "n:1.0"),
            (".5", "n:0.5"),
            ("-.5E-2", "n:-0.5e-2"),
            (".", "s:."),
            ("1:30", "s:1:30"),
            (".inf", "s:.inf"),
        ];
        for (input, want) in cases {
            assert_eq!(show(input, Schema::Core), want, "{input:?}");
        }
    }

    #[test]
    fn json_number_syntax() {
        for ok in ["0", "-0", "1", "10", "1.5", "1e5", "1E+5", "-0.5e-3"] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in ["", "-", "01", "1.", ".5", "+1", "1e", "0x1", "1_0", "1.e5"] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
