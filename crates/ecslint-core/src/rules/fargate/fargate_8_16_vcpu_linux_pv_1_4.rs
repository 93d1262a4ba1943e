use crate::rules::fargate::helpers::fargate_sizes;
use crate::rules::prelude::*;
use crate::rules::task::helpers::{cpu_as_written, parse_cpu, size_value};

declare_rule! {
    /// ## What it does
    /// Reports a Fargate task definition for Windows containers whose task `cpu` is one of the
    /// Linux-only Fargate sizes: 8 vCPU (8192), 16 vCPU (16384) and 32 vCPU (32768, added in
    /// 2026).
    ///
    /// ## Why is this bad?
    /// The 8, 16 and 32 vCPU sizes need Linux platform version 1.4.0 or later, and Fargate offers
    /// them only for Linux; Windows containers on Fargate run at 1, 2 or 4 vCPU. On Linux the
    /// platform version is chosen when the task runs (`LATEST` is 1.4.0 or later), so the
    /// version itself is not checked here. Not proven to be rejected at registration, hence
    /// a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "iis", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "cpu": "8192", "memory": "16384", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "iis", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "cpu": "4096", "memory": "16384", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Use 4 vCPU (4096) or less for Windows containers, or run the task on Linux.
    pub Fargate816VcpuLinuxPv14 {
        id: "fargate-8-16-vcpu-linux-pv-1-4",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11742, 11748), quote: "This option requires Linux platform 1.4.0 or later." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html", note: "the table lists only Linux for 8 and 16 vCPU" },
            Source::Peer { tool: "cfn-lint 1.58.0", rule: "E3047 (fargate_cpu_memory.json: 32 vCPU, Linux only)" },
        ],
    }
}

impl Fargate816VcpuLinuxPv14 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate || !doc.facts.windows {
            return;
        }
        let Some(cpu) = size_value(task.cpu()) else {
            return;
        };
        let Ok(units) = parse_cpu(cpu.value()) else {
            return;
        };
        let table = fargate_sizes();
        let Some(tier) = table.tier(units) else {
            return;
        };
        if tier.windows() || units < table.windows_min_cpu {
            return;
        }
        let version = tier
            .min_linux_platform_version
            .as_deref()
            .unwrap_or("1.4.0");
        let d = out
            .report(&Self::META, cpu.range(), format!("Fargate runs `cpu` {} only for Linux (platform version {version} or later), and this task runs Windows containers", cpu_as_written(cpu.value(), units)))
            .help(format!("for Windows containers on Fargate, use cpu {}", table.cpu_choices(true)));
        if let Some(os) = task
            .runtime_platform()
            .and_then(|p| p.operating_system_family())
        {
            d.related(os.range(), "the task runs Windows containers");
        }
    }
}
