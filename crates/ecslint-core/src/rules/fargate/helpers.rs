//! The Fargate task size table (`data/fargate-task-sizes.json`): which task `cpu` values
//! Fargate runs, and which `memory` values go with each. Rules read the table, so a new tier
//! is a data change and a snapshot review.

use std::sync::OnceLock;

use serde_json::Value;

use crate::rules::task::helpers::{cpu_label, or_list, per_1024};

/// The whole table.
#[derive(Debug)]
pub(crate) struct FargateSizes {
    /// Where the table comes from, and when it was read (kept with the data, read by tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub source: String,
    #[cfg_attr(not(test), allow(dead_code))]
    pub retrieved: String,
    /// The smallest task cpu for Windows containers on Fargate.
    pub windows_min_cpu: u64,
    pub tiers: Vec<Tier>,
}

/// One task cpu value and the memory values it allows.
#[derive(Debug)]
pub(crate) struct Tier {
    pub cpu: u64,
    /// The allowed memory values, when they are a short list.
    pub memory: Vec<u64>,
    /// The allowed memory values, when they are a range.
    pub memory_range: Option<MemoryRange>,
    /// `LINUX`, `WINDOWS`.
    pub os: Vec<String>,
    /// The tier needs this Linux platform version or later.
    pub min_linux_platform_version: Option<String>,
}

#[derive(Debug)]
pub(crate) struct MemoryRange {
    pub min: u64,
    pub max: u64,
    pub step: u64,
}

/// The two tables' JSON, read by hand over a [`Value`] (members the types do not have are
/// skipped; an absent list is empty, an absent or `null` string `None`): serde's derived
/// `Deserialize` of these types cost the npm package's WebAssembly about 12 KB. The tables
/// are the crate's own data, checked by the tests below: a malformed one panics.
mod read {
    use super::Value;

    pub(super) fn json(text: &str, name: &str) -> Value {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{name} is valid JSON: {e}"))
    }

    pub(super) fn string(v: &Value, what: &str) -> String {
        v.as_str()
            .unwrap_or_else(|| panic!("`{what}` is a string"))
            .to_owned()
    }

    pub(super) fn optional_string(v: &Value) -> Option<String> {
        v.as_str().map(str::to_owned)
    }

    pub(super) fn number(v: &Value, what: &str) -> u64 {
        v.as_u64()
            .unwrap_or_else(|| panic!("`{what}` is a non-negative integer"))
    }

    /// A list (absent: empty).
    pub(super) fn list<T>(v: &Value, read: impl Fn(&Value) -> T) -> Vec<T> {
        v.as_array()
            .map(|items| items.iter().map(read).collect())
            .unwrap_or_default()
    }
}

/// The table, parsed once.
pub(crate) fn fargate_sizes() -> &'static FargateSizes {
    static TABLE: OnceLock<FargateSizes> = OnceLock::new();
    TABLE.get_or_init(|| {
        let v = read::json(
            include_str!("../../../data/fargate-task-sizes.json"),
            "data/fargate-task-sizes.json",
        );
        FargateSizes {
            source: read::string(&v["source"], "source"),
            retrieved: read::string(&v["retrieved"], "retrieved"),
            windows_min_cpu: read::number(&v["windows_min_cpu"], "windows_min_cpu"),
            tiers: read::list(&v["tiers"], |t| Tier {
                cpu: read::number(&t["cpu"], "cpu"),
                memory: read::list(&t["memory"], |m| read::number(m, "memory")),
                memory_range: t["memory_range"].as_object().map(|_| MemoryRange {
                    min: read::number(&t["memory_range"]["min"], "min"),
                    max: read::number(&t["memory_range"]["max"], "max"),
                    step: read::number(&t["memory_range"]["step"], "step"),
                }),
                os: read::list(&t["os"], |o| read::string(o, "os")),
                min_linux_platform_version: read::optional_string(&t["min_linux_platform_version"]),
            }),
        }
    })
}

/// The Fargate platform versions (`data/fargate-platform-versions.json`), per operating
/// system family.
#[derive(Debug)]
pub(crate) struct PlatformVersions {
    #[cfg_attr(not(test), allow(dead_code))]
    pub source: String,
    pub linux: PlatformFamily,
    pub windows: PlatformFamily,
}

#[derive(Debug)]
pub(crate) struct PlatformFamily {
    /// What `LATEST` is.
    pub latest: String,
    pub versions: Vec<PlatformVersion>,
}

#[derive(Debug)]
pub(crate) struct PlatformVersion {
    pub version: String,
    /// `current` or `retired`.
    pub status: String,
    /// From this day no new task or service can use the version.
    pub retired_on: Option<String>,
    /// The day AWS stopped the tasks still running on it, if it did.
    pub tasks_stopped_on: Option<String>,
}

impl PlatformFamily {
    /// The version `v` (`1.3.0`), if AWS has it.
    pub fn find(&self, v: &str) -> Option<&PlatformVersion> {
        self.versions.iter().find(|p| p.version == v)
    }
}

/// The platform version table, parsed once.
pub(crate) fn platform_versions() -> &'static PlatformVersions {
    static TABLE: OnceLock<PlatformVersions> = OnceLock::new();
    TABLE.get_or_init(|| {
        let v = read::json(
            include_str!("../../../data/fargate-platform-versions.json"),
            "data/fargate-platform-versions.json",
        );
        let family = |f: &Value| PlatformFamily {
            latest: read::string(&f["latest"], "latest"),
            versions: read::list(&f["versions"], |p| PlatformVersion {
                version: read::string(&p["version"], "version"),
                status: read::string(&p["status"], "status"),
                retired_on: read::optional_string(&p["retired_on"]),
                tasks_stopped_on: read::optional_string(&p["tasks_stopped_on"]),
            }),
        };
        PlatformVersions {
            source: read::string(&v["source"], "source"),
            linux: family(&v["LINUX"]),
            windows: family(&v["WINDOWS"]),
        }
    })
}

impl FargateSizes {
    /// The tier for `cpu` units.
    pub fn tier(&self, cpu: u64) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.cpu == cpu)
    }

    /// The tiers usable by the task's operating system (`windows`: Windows containers).
    pub fn tiers_for(&self, windows: bool) -> impl Iterator<Item = &Tier> {
        self.tiers.iter().filter(move |t| !windows || t.windows())
    }

    /// The cpu values that allow `memory` MiB.
    pub fn cpus_for_memory(&self, memory: u64, windows: bool) -> Vec<u64> {
        self.tiers_for(windows)
            .filter(|t| t.allows(memory))
            .map(|t| t.cpu)
            .collect()
    }

    /// "256 (0.25 vCPU), 512 (0.5 vCPU), … or 16384 (16 vCPU)".
    pub fn cpu_choices(&self, windows: bool) -> String {
        let labels: Vec<String> = self.tiers_for(windows).map(|t| cpu_label(t.cpu)).collect();
        or_list(&labels)
    }

    /// The whole table on one line: "256: 512, 1024 or 2048; 512: 1024 to 4096; …".
    pub fn summary(&self, windows: bool) -> String {
        let rows: Vec<String> = self
            .tiers_for(windows)
            .map(|t| format!("cpu {} takes {}", t.cpu, t.memory_choices_short()))
            .collect();
        rows.join("; ")
    }
}

impl Tier {
    pub fn windows(&self) -> bool {
        self.os.iter().any(|o| o == "WINDOWS")
    }

    /// Whether `memory` MiB goes with this cpu.
    pub fn allows(&self, memory: u64) -> bool {
        self.memory.contains(&memory)
            || self.memory_range.as_ref().is_some_and(|r| {
                (r.min..=r.max).contains(&memory) && (memory - r.min) % r.step == 0
            })
    }

    /// "512, 1024 or 2048 MiB (0.5, 1 or 2 GB)" or
    /// "4096 to 16384 MiB in steps of 1024 (4 to 16 GB in 1 GB steps)".
    pub fn memory_choices(&self) -> String {
        if let Some(r) = &self.memory_range {
            format!(
                "{} to {} MiB in steps of {} ({} to {} GB in {} GB steps)",
                r.min,
                r.max,
                r.step,
                per_1024(r.min),
                per_1024(r.max),
                per_1024(r.step)
            )
        } else {
            let gb: Vec<String> = self.memory.iter().map(|m| per_1024(*m)).collect();
            format!("{} MiB ({} GB)", or_list(&self.memory), or_list(&gb))
        }
    }

    /// "512, 1024 or 2048" / "4096 to 16384 in steps of 1024".
    pub fn memory_choices_short(&self) -> String {
        match &self.memory_range {
            Some(r) => format!("{} to {} in steps of {}", r.min, r.max, r.step),
            None => or_list(&self.memory),
        }
    }

    /// The allowed memory values next to `memory` (below and above), when `memory` lies
    /// between this tier's smallest and largest value.
    pub fn neighbours(&self, memory: u64) -> Option<(u64, u64)> {
        let values: Vec<u64> = match &self.memory_range {
            Some(r) => (r.min..=r.max).step_by(r.step as usize).collect(),
            None => self.memory.clone(),
        };
        let below = values.iter().copied().filter(|v| *v < memory).max()?;
        let above = values.iter().copied().filter(|v| *v > memory).min()?;
        Some((below, above))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_and_answers() {
        let t = fargate_sizes();
        assert!(t.source.starts_with("https://docs.aws.amazon.com/"));
        assert!(!t.retrieved.is_empty());
        assert_eq!(t.tiers.len(), 8);
        assert!(t.tier(32768).unwrap().allows(249856));
        assert!(!t.tier(32768).unwrap().allows(131072));
        assert!(!t.tier(32768).unwrap().windows());
        assert!(t.tier(256).unwrap().allows(2048));
        assert!(!t.tier(256).unwrap().allows(1536));
        assert!(t.tier(8192).unwrap().allows(20480));
        assert!(!t.tier(8192).unwrap().allows(18432));
        assert_eq!(t.cpus_for_memory(4096, false), vec![512, 1024, 2048]);
        assert_eq!(t.cpus_for_memory(4096, true), vec![1024, 2048]);
        assert_eq!(
            t.tier(8192).unwrap().neighbours(18432),
            Some((16384, 20480))
        );
        assert_eq!(t.windows_min_cpu, 1024);
    }

    #[test]
    fn platform_versions_load() {
        let p = platform_versions();
        assert!(p.source.starts_with("https://docs.aws.amazon.com/"));
        assert_eq!(p.linux.latest, "1.4.0");
        let v = p.linux.find("1.3.0").unwrap();
        assert_eq!(v.status, "retired");
        assert_eq!(v.retired_on.as_deref(), Some("2026-06-15"));
        assert_eq!(p.windows.find("1.0.0").unwrap().status, "current");
    }
}
