//! Task size values as the API reads them: `cpu` in CPU units ("1024") or vCPUs ("1 vCPU",
//! "1vcpu", "0.25 vCPU"), `memory` in MiB ("2048") or GB ("2GB", "2 GB", "2gb"). The API
//! converts the string forms at registration (1 vCPU = 1024 units, 1 GB = 1024 MiB); every
//! rule that compares task sizes reads them through this one parser.

use crate::model::{RegisterTaskDefinitionRequest, Str};
use crate::template::is_placeholder;

/// Why a task size string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Malformed {
    /// What is wrong, for a message: "`2 GiB` uses the unit `GiB`".
    pub reason: String,
    /// How to write it instead.
    pub help: String,
}

/// The task's `cpu` in CPU units.
pub(crate) fn parse_cpu(s: &str) -> Result<u64, Malformed> {
    parse_size(s, &CPU)
}

/// The task's `memory` in MiB.
pub(crate) fn parse_memory(s: &str) -> Result<u64, Malformed> {
    parse_size(s, &MEMORY)
}

/// A task-level size as written: the string, unless it is a template placeholder.
pub(crate) fn size_value<'a>(value: Option<Str<'a>>) -> Option<Str<'a>> {
    value.filter(|v| !is_placeholder(v.value()))
}

/// The task's cpu in CPU units, when it is written and readable.
pub(crate) fn task_cpu(task: RegisterTaskDefinitionRequest<'_>) -> Option<u64> {
    size_value(task.cpu()).and_then(|v| parse_cpu(v.value()).ok())
}

/// The task's memory in MiB, when it is written and readable.
pub(crate) fn task_memory(task: RegisterTaskDefinitionRequest<'_>) -> Option<u64> {
    size_value(task.memory()).and_then(|v| parse_memory(v.value()).ok())
}

struct Unit {
    /// The field, for messages.
    field: &'static str,
    /// The unit of a plain number.
    base: &'static str,
    /// The larger unit, as the API spells it (compared without case).
    unit: &'static str,
    /// How the docs write it.
    unit_display: &'static str,
    example_plain: &'static str,
    example_unit: &'static str,
}

const CPU: Unit = Unit {
    field: "cpu",
    base: "CPU units",
    unit: "vcpu",
    unit_display: "vCPU",
    example_plain: "\"1024\"",
    example_unit: "\"1 vCPU\"",
};

const MEMORY: Unit = Unit {
    field: "memory",
    base: "MiB",
    unit: "gb",
    unit_display: "GB",
    example_plain: "\"2048\"",
    example_unit: "\"2 GB\"",
};

fn parse_size(s: &str, unit: &Unit) -> Result<u64, Malformed> {
    // Built only for a malformed size: most are read without a word.
    let how = || {
        format!(
            "write {} as a whole number of {} ({}) or in {} ({}); 1 {} = 1024 {}",
            unit.field,
            unit.base,
            unit.example_plain,
            unit.unit_display,
            unit.example_unit,
            unit.unit_display,
            unit.base
        )
    };
    let malformed = |reason: String| Malformed {
        reason,
        help: how(),
    };
    let t = s.trim();
    if t.is_empty() {
        return Err(malformed("it is empty".to_owned()));
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, rest) = t.split_at(split);
    let rest = rest.trim_start();
    let Some((whole, frac)) = split_decimal(number) else {
        return Err(malformed(format!("`{s}` is not a number")));
    };
    if rest.is_empty() {
        if !frac.is_empty() || number.ends_with('.') {
            return Err(malformed(format!(
                "`{s}` has a fraction, and a plain number counts whole {}",
                unit.base
            )));
        }
        return whole
            .parse::<u64>()
            .map_err(|_| malformed(format!("`{s}` is too large")));
    }
    if !rest.eq_ignore_ascii_case(unit.unit) {
        let hint = unit_hint(rest, unit);
        return Err(Malformed {
            reason: format!("`{s}` uses the unit `{rest}`, which the API does not read"),
            help: match hint {
                Some(h) => format!("{h}; {}", how()),
                None => how(),
            },
        });
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole
            .parse()
            .map_err(|_| malformed(format!("`{s}` is too large")))?
    };
    let frac = frac.trim_end_matches('0');
    if frac.len() > 10 {
        return Err(malformed(format!(
            "`{s}` is not a whole number of {}",
            unit.base
        )));
    }
    let scale = 10u64.pow(frac.len() as u32);
    let frac_value: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().unwrap_or(0)
    };
    let scaled = frac_value * 1024;
    if scaled % scale != 0 {
        let exact = (whole as f64 + frac_value as f64 / scale as f64) * 1024.0;
        return Err(malformed(format!(
            "`{s}` is {} {}, not a whole number",
            crate::text::format_f64(exact),
            unit.base
        )));
    }
    whole
        .checked_mul(1024)
        .and_then(|w| w.checked_add(scaled / scale))
        .ok_or_else(|| malformed(format!("`{s}` is too large")))
}

/// `"12.5"` → `("12", "5")`; `None` unless it is digits with at most one point and at least
/// one digit.
fn split_decimal(number: &str) -> Option<(&str, &str)> {
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    if frac.contains('.') || (whole.is_empty() && frac.is_empty()) {
        return None;
    }
    Some((whole, frac))
}

/// A targeted hint for a unit people often write instead.
fn unit_hint(rest: &str, unit: &Unit) -> Option<String> {
    let lower = rest.to_ascii_lowercase();
    match (unit.field, lower.as_str()) {
        ("memory", "mb" | "mib" | "m") => Some("MiB are written as a plain number".to_owned()),
        ("memory", "gib" | "g" | "gigabytes" | "gigabyte") => {
            Some("the API reads `GB` (1 GB = 1024 MiB), not `GiB` or `G`".to_owned())
        }
        ("cpu", "vcpus" | "cpu" | "cpus" | "core" | "cores") => {
            Some("the API reads `vCPU` (singular), as in \"2 vCPU\"".to_owned())
        }
        _ => None,
    }
}

/// `1024` → `"1"`, `256` → `"0.25"`, `128` → `"0.125"`: a count of 1024ths as a decimal.
pub(crate) fn per_1024(value: u64) -> String {
    let whole = value / 1024;
    let rem = value % 1024;
    if rem == 0 {
        return whole.to_string();
    }
    // 1024 = 2^10, so every remainder has an exact decimal of at most ten digits.
    let frac = rem * 9_765_625; // rem / 1024 * 10^10
    let digits = format!("{frac:010}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// `"256 (0.25 vCPU)"`.
pub(crate) fn cpu_label(units: u64) -> String {
    format!("{units} ({} vCPU)", per_1024(units))
}

/// `"2048 MiB (2 GB)"`, or `"1000 MiB"` when the GB figure is not short.
pub(crate) fn memory_label(mib: u64) -> String {
    if mib % 256 == 0 {
        format!("{mib} MiB ({} GB)", per_1024(mib))
    } else {
        format!("{mib} MiB")
    }
}

/// How a written cpu value reads: "`256` (0.25 vCPU)", "`1 vCPU` (1024 CPU units)".
pub(crate) fn cpu_as_written(raw: &str, units: u64) -> String {
    if raw.trim().bytes().all(|b| b.is_ascii_digit()) {
        if units % 128 != 0 {
            return format!("`{raw}` CPU units");
        }
        format!("`{raw}` ({} vCPU)", per_1024(units))
    } else {
        format!("`{raw}` ({units} CPU units)")
    }
}

/// How a written memory value reads: "`4096` MiB (4 GB)", "`4GB` (4096 MiB)".
pub(crate) fn memory_as_written(raw: &str, mib: u64) -> String {
    if raw.trim().bytes().all(|b| b.is_ascii_digit()) {
        if mib % 256 == 0 {
            format!("`{raw}` MiB ({} GB)", per_1024(mib))
        } else {
            format!("`{raw}` MiB")
        }
    } else {
        format!("`{raw}` ({mib} MiB)")
    }
}

/// "a, b or c".
pub(crate) fn or_list<T: std::fmt::Display>(items: &[T]) -> String {
    join(items, "or")
}

/// "a, b and c".
pub(crate) fn and_list<T: std::fmt::Display>(items: &[T]) -> String {
    join(items, "and")
}

fn join<T: std::fmt::Display>(items: &[T], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(ToString::to_string).collect();
            format!("{} {word} {last}", init.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_spelling_the_api_accepts() {
        for (s, units) in [
            ("1024", 1024),
            ("1 vCPU", 1024),
            ("1vcpu", 1024),
            ("1 VCPU", 1024),
            ("0.25 vCPU", 256),
            (".5 vcpu", 512),
            ("16 vCPU", 16384),
            ("0.125 vCPU", 128),
        ] {
            assert_eq!(parse_cpu(s), Ok(units), "{s}");
        }
        for (s, mib) in [
            ("2048", 2048),
            ("2GB", 2048),
            ("2 GB", 2048),
            ("2gb", 2048),
            ("0.5GB", 512),
            ("120 GB", 122880),
        ] {
            assert_eq!(parse_memory(s), Ok(mib), "{s}");
        }
    }

    #[test]
    fn refuses_other_spellings() {
        for s in [
            "",
            "1 core",
            "2 vCPUs",
            "1.5",
            "0.3 vCPU",
            "abc",
            "1..2 vCPU",
        ] {
            assert!(parse_cpu(s).is_err(), "{s}");
        }
        for s in ["512MB", "2 GiB", "2G", "0.1GB", "1.5"] {
            assert!(parse_memory(s).is_err(), "{s}");
        }
        assert!(parse_memory("2 GiB").unwrap_err().help.contains("GiB"));
    }

    #[test]
    fn formats_fractions_of_1024() {
        assert_eq!(per_1024(256), "0.25");
        assert_eq!(per_1024(128), "0.125");
        assert_eq!(per_1024(3072), "3");
        assert_eq!(per_1024(1536), "1.5");
        assert_eq!(cpu_label(512), "512 (0.5 vCPU)");
        assert_eq!(memory_label(512), "512 MiB (0.5 GB)");
        assert_eq!(or_list(&[1, 2, 3]), "1, 2 or 3");
    }
}
