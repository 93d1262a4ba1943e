//! The command line, declared with clap's derive API.
//!
//! Kept apart from the commands so that `--help` reads as the CLI's reference and the
//! commands receive plain, already validated values.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use ecslint_core::{Deployer, DocumentKind};

/// Lint Amazon ECS task definitions and service definitions before AWS rejects them.
#[derive(Debug, Parser)]
#[command(name = "ecslint", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories (default: the current directory).
    Check(CheckArgs),
    /// List every rule.
    Rules(RulesArgs),
    /// Print a rule's documentation.
    Explain(ExplainArgs),
    /// Print the JSON Schema of a kind of file.
    Schema(SchemaArgs),
    /// Run the language server (LSP over standard input and output) for editors.
    Server(ServerArgs),
}

#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Talk over standard input and output (the only transport; accepted because many
    /// editors pass it).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    pub format: Format,

    /// Only these rules (ids or categories, comma-separated); replaces the config's `select`.
    #[arg(long, value_name = "RULE", value_delimiter = ',', action = clap::ArgAction::Append)]
    pub select: Option<Vec<String>>,

    /// Turn these rules off (ids or categories, comma-separated); extends the config's `ignore`.
    #[arg(long, value_name = "RULE", value_delimiter = ',', action = clap::ArgAction::Append)]
    pub ignore: Vec<String>,

    /// Use this ecslint.toml for every file instead of discovering one per directory.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Lint every file as this kind instead of detecting it.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,

    /// Exit with 1 when there are warnings, not only errors.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Print less: no "No problems found" line, no list of fixes.
    #[arg(long, short)]
    pub quiet: bool,

    /// How the files are deployed, whatever the repository says: aws-cli, ecs-deploy-action,
    /// ecs-deploy-action@v1, ecspresso, terraform or codedeploy.
    #[arg(long, value_name = "NAME", value_parser = parse_deployer)]
    pub deployer: Option<Deployer>,

    /// Also say which files a directory walk found and skipped, and why (on stderr).
    #[arg(long, short)]
    pub verbose: bool,

    /// Apply safe fixes to the files (to standard input: print the fixed document).
    #[arg(long)]
    pub fix: bool,

    /// With `--fix`, also apply unsafe fixes.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,

    /// The path to report standard input as (and to find its ecslint.toml from).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Check every service against this task definition (also linted).
    #[arg(long, value_name = "PATH")]
    pub task_definition: Option<PathBuf>,
}

/// How `ecslint check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source snippets for people.
    Pretty,
    /// The stable JSON report.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
}

/// `--kind`: the kinds a file can be forced to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    TaskDefinition,
    DescribeTaskDefinition,
    ContainerDefinitions,
    ContainerDefinition,
    Service,
    UpdateService,
    Cloudformation,
    Terraform,
}

impl KindArg {
    pub fn kind(self) -> DocumentKind {
        match self {
            KindArg::TaskDefinition => DocumentKind::TaskDefinition,
            KindArg::DescribeTaskDefinition => DocumentKind::DescribeTaskDefinition,
            KindArg::ContainerDefinitions => DocumentKind::ContainerDefinitions,
            KindArg::ContainerDefinition => DocumentKind::ContainerDefinition,
            KindArg::Service => DocumentKind::Service,
            KindArg::UpdateService => DocumentKind::UpdateService,
            KindArg::Cloudformation => DocumentKind::CloudFormation,
            KindArg::Terraform => DocumentKind::Terraform,
        }
    }
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// A table.
    Text,
    /// A JSON array.
    Json,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. `unknown-field`.
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// `task-definition`, `service` or `container-definitions`.
    #[arg(value_parser = ["task-definition", "service", "container-definitions"])]
    pub kind: String,
}

/// `--deployer`'s value.
fn parse_deployer(s: &str) -> Result<Deployer, String> {
    Deployer::parse(s).ok_or_else(|| {
        let ids: Vec<&str> = Deployer::ALL.iter().map(|d| d.id()).collect();
        format!("not a deployer: use one of {}", ids.join(", "))
    })
}
