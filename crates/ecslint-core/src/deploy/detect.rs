//! Evidence of deployment in a repository: which file a tool deploys, read from the files
//! that drive the tool. Pure functions of a file's text; the host finds the files (GitHub
//! workflows, ecspresso configurations, CodeDeploy appspec files), resolves the paths they
//! name and hands the result to the lint as [`super::Deployment`]s.
//!
//! - A GitHub workflow step `uses: aws-actions/amazon-ecs-deploy-task-definition@v2` with
//!   `task-definition: path` deploys that file (`@v1` selects the older SDK's profile). When
//!   the input is `${{ steps.<id>.outputs.task-definition }}`, the step `<id>` is a render step
//!   (`aws-actions/amazon-ecs-render-task-definition`), possibly one of a chain, whose own
//!   `task-definition` input is the file; every render step of the chain fills the containers
//!   its `container-name` names. A `codedeploy-appspec` input names the appspec.
//! - A workflow that runs ecspresso (`uses: kayac/ecspresso@…`, or a `run:` calling
//!   `ecspresso`) provides the environment its steps, jobs and workflow set (`env:`), which
//!   ecspresso's `must_env` reads.
//! - An ecspresso configuration names its `task_definition` and `service_definition`.
//! - An appspec (`appspec.yaml`, `.yml`, `.json`) of CodeDeploy's ECS blue/green deployment
//!   names the container and port of the load balancer; its task definition is `taskdef.json`
//!   beside it (CodePipeline's default `TaskDefinitionTemplatePath`).

use crate::json::{Node, Value};
use crate::read::yaml;
use crate::text::{LineIndex, TextRange};

use super::{Deployer, Evidence};

/// Paths a deploying file names are relative to:
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// the repository's root (GitHub Actions run in `$GITHUB_WORKSPACE`, the checkout);
    RepositoryRoot,
    /// the folder of the file that names them (ecspresso's configuration).
    FileFolder,
}

/// A file that a tool deploys, as another file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deploys {
    /// The path as written.
    pub path: String,
    pub base: Base,
    pub deployer: Deployer,
    pub evidence: Evidence,
    /// Containers render steps fill before the deploy step reads the file.
    pub rendered: Vec<RenderStep>,
    /// `keep-null-value-keys` of the deploy action.
    pub keep_empty_keys: Vec<String>,
    /// The appspec a deploy step hands to CodeDeploy (`codedeploy-appspec`), as written.
    pub appspec: Option<String>,
}

/// A render step's containers and the fields it sets in them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderStep {
    pub containers: Vec<String>,
    pub fields: Vec<&'static str>,
    pub evidence: Evidence,
}

/// The environment a workflow gives the steps that run ecspresso.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EcspressoRun {
    pub evidence: Evidence,
    /// Variables set by `env:` of the workflow, the job or the step.
    pub env: Vec<String>,
    /// The step may get variables from elsewhere (`--envfile`, `$GITHUB_ENV`, a `.env`): what
    /// it provides is not known.
    pub env_open: bool,
    /// `--config X` on the command line, as written (relative to the step's directory).
    pub config: Option<String>,
}

/// What a GitHub workflow says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workflow {
    pub deploys: Vec<Deploys>,
    pub ecspresso: Vec<EcspressoRun>,
}

const DEPLOY_ACTION: &str = "aws-actions/amazon-ecs-deploy-task-definition";
const RENDER_ACTION: &str = "aws-actions/amazon-ecs-render-task-definition";

/// Reads a GitHub workflow (`.github/workflows/*.yml`) at `path`.
pub fn workflow(path: &str, text: &str) -> Workflow {
    let mut out = Workflow::default();
    let parsed = yaml::parse_with(text, &yaml::Options::ECS_DEPLOY_ACTION).parsed;
    let Some(root) = parsed.root else {
        return out;
    };
    let lines = LineIndex::new(text);
    let evidence = |range: TextRange| Evidence {
        path: path.to_owned(),
        line: lines.position(text, range.start).line as u32,
        range: Some(range),
    };
    let workflow_env = env_keys(root.get("env"));
    let Some(jobs) = root.get("jobs").and_then(Node::as_object) else {
        return out;
    };
    for job in jobs {
        let job_env = env_keys(job.value.get("env"));
        let Some(steps) = job.value.get("steps").and_then(Node::as_array) else {
            continue;
        };
        for step in steps {
            let uses = step.get("uses").and_then(Node::as_str).unwrap_or("");
            let with = |key: &str| step.get("with").and_then(|w| w.get(key));
            let with_str = |key: &str| with(key).and_then(Node::as_str);
            if action_name(uses) == DEPLOY_ACTION {
                let Some(td) = with("task-definition") else {
                    continue;
                };
                let v1 = uses.ends_with("@v1") || uses.contains("@v1.");
                let deployer = if v1 {
                    Deployer::EcsDeployActionV1
                } else {
                    Deployer::EcsDeployAction
                };
                let mut rendered = Vec::new();
                let Some(file) = source_file(td, steps, &mut rendered, &evidence) else {
                    continue;
                };
                out.deploys.push(Deploys {
                    path: file,
                    base: Base::RepositoryRoot,
                    deployer,
                    evidence: evidence(td.range),
                    rendered,
                    keep_empty_keys: with_str("keep-null-value-keys")
                        .map(|k| {
                            k.split(',')
                                .map(|s| s.trim().to_owned())
                                .filter(|s| !s.is_empty())
                                .collect()
                        })
                        .unwrap_or_default(),
                    appspec: with_str("codedeploy-appspec")
                        .filter(|p| !p.contains("${{"))
                        .map(str::to_owned),
                });
            }
            let run = step.get("run").and_then(Node::as_str).unwrap_or("");
            let runs_ecspresso = action_name(uses) == "kayac/ecspresso"
                && with_str("args").is_some()
                || run
                    .split(|c: char| c.is_whitespace() || c == ';' || c == '&')
                    .any(|w| w == "ecspresso" || w.ends_with("/ecspresso"));
            if runs_ecspresso {
                let step_env = env_keys(step.get("env"));
                let mut env = workflow_env.clone();
                env.extend(job_env.iter().cloned());
                env.extend(step_env);
                let config = run
                    .split_whitespace()
                    .skip_while(|w| *w != "--config")
                    .nth(1)
                    .or_else(|| {
                        run.split_whitespace()
                            .find_map(|w| w.strip_prefix("--config="))
                    })
                    .filter(|c| !c.contains("${{") && !c.contains('$'))
                    .map(str::to_owned);
                out.ecspresso.push(EcspressoRun {
                    evidence: evidence(
                        step.get("run")
                            .or(step.get("uses"))
                            .map_or(step.range, |n| n.range),
                    ),
                    env_open: run.contains("--envfile")
                        || env.iter().any(|k| k == "ECSPRESSO_ENVFILE")
                        || text.contains("GITHUB_ENV"),
                    env,
                    config,
                });
            }
        }
    }
    out
}

/// `aws-actions/amazon-ecs-deploy-task-definition@v2` → the action's name.
fn action_name(uses: &str) -> &str {
    uses.split('@').next().unwrap_or("").trim_end_matches('/')
}

/// The names an `env:` mapping sets.
fn env_keys(env: Option<&Node<'_>>) -> Vec<String> {
    env.and_then(Node::as_object)
        .map(|members| members.iter().map(|m| m.key.name.to_string()).collect())
        .unwrap_or_default()
}

/// The file a step's `task-definition` input names, following render steps: a path, or
/// `${{ steps.<id>.outputs.task-definition }}` of a render step whose input is followed in
/// turn. `None` when the chain ends in an expression (an input, an environment variable).
fn source_file(
    input: &Node<'_>,
    steps: &[Node<'_>],
    rendered: &mut Vec<RenderStep>,
    evidence: &dyn Fn(TextRange) -> Evidence,
) -> Option<String> {
    let mut value = input.as_str()?.trim().to_owned();
    // A chain cannot be longer than the job.
    for _ in 0..=steps.len() {
        let Some(id) = step_output(&value) else {
            return (!value.contains("${{") && !value.is_empty()).then_some(value);
        };
        let step = steps
            .iter()
            .find(|s| s.get("id").and_then(Node::as_str) == Some(id))?;
        let uses = step.get("uses").and_then(Node::as_str).unwrap_or("");
        if action_name(uses) != RENDER_ACTION {
            return None;
        }
        let with = step.get("with")?;
        if let Some(names) = with.get("container-name") {
            if let Some(list) = names.as_str().filter(|n| !n.contains("${{")) {
                rendered.push(RenderStep {
                    containers: list
                        .split(',')
                        .map(|n| n.trim().to_owned())
                        .filter(|n| !n.is_empty())
                        .collect(),
                    fields: rendered_fields(with),
                    evidence: evidence(names.range),
                });
            }
        }
        value = with.get("task-definition")?.as_str()?.trim().to_owned();
    }
    None
}

/// `${{ steps.render.outputs.task-definition }}` → `render`.
fn step_output(value: &str) -> Option<&str> {
    let inner = value.strip_prefix("${{")?.strip_suffix("}}")?.trim();
    let rest = inner.strip_prefix("steps.")?;
    let (id, output) = rest.split_once('.')?;
    (output == "outputs.task-definition").then_some(id)
}

/// The container fields a render step sets, from its inputs (render action v1.9.0).
fn rendered_fields(with: &Node<'_>) -> Vec<&'static str> {
    let mut fields = vec!["image"];
    for (input, field) in [
        ("environment-variables", "environment"),
        ("env-files", "environmentFiles"),
        ("secrets", "secrets"),
        ("command", "command"),
        ("docker-labels", "dockerLabels"),
        ("log-configuration-log-driver", "logConfiguration"),
        ("log-configuration-options", "logConfiguration"),
    ] {
        if with.get(input).is_some() && !fields.contains(&field) {
            fields.push(field);
        }
    }
    fields
}

/// The files an ecspresso configuration at `path` deploys (relative to its folder).
pub fn ecspresso_config(path: &str, text: &str) -> Vec<Deploys> {
    let lines = LineIndex::new(text);
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let config = crate::pair::EcspressoConfig::parse(line);
        for file in [config.task_definition, config.service_definition]
            .into_iter()
            .flatten()
        {
            out.push(Deploys {
                path: file,
                base: Base::FileFolder,
                deployer: Deployer::Ecspresso,
                evidence: Evidence {
                    path: path.to_owned(),
                    line: lines.position(text, offset).line as u32,
                    range: Some(TextRange::new(offset, offset + line.trim_end().len())),
                },
                rendered: Vec::new(),
                keep_empty_keys: Vec::new(),
                appspec: None,
            });
        }
        offset += line.len();
    }
    out
}

/// What a CodeDeploy appspec says about the task definition it deploys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appspec {
    pub path: String,
    /// `LoadBalancerInfo.ContainerName`, with its place.
    pub container_name: Option<(String, Evidence)>,
    /// `LoadBalancerInfo.ContainerPort`, with its place.
    pub container_port: Option<(i64, Evidence)>,
}

/// Reads a CodeDeploy appspec (YAML or JSON) for ECS: the first `TargetService`'s load
/// balancer container. Keys are matched in any letter case, as CodeDeploy reads them.
pub fn appspec(path: &str, text: &str) -> Option<Appspec> {
    let parsed = yaml::parse_with(text, &yaml::Options::ECS_DEPLOY_ACTION).parsed;
    let root = parsed.root?;
    let lines = LineIndex::new(text);
    let evidence = |range: TextRange| Evidence {
        path: path.to_owned(),
        line: lines.position(text, range.start).line as u32,
        range: Some(range),
    };
    let resources = get_any_case(&root, "Resources")?.as_array()?;
    let properties = resources.iter().find_map(|r| {
        let Value::Object(members) = &r.value else {
            return None;
        };
        members
            .iter()
            .find_map(|m| get_any_case(&m.value, "Properties"))
    })?;
    let info = get_any_case(properties, "LoadBalancerInfo");
    let name = info.and_then(|i| get_any_case(i, "ContainerName"));
    let port = info.and_then(|i| get_any_case(i, "ContainerPort"));
    Some(Appspec {
        path: path.to_owned(),
        container_name: name.and_then(|n| Some((n.as_str()?.to_owned(), evidence(n.range)))),
        container_port: port.and_then(|p| {
            let value = p
                .as_number()
                .and_then(|n| n.as_i64())
                .or_else(|| p.as_str()?.trim().parse().ok())?;
            Some((value, evidence(p.range)))
        }),
    })
}

fn get_any_case<'n, 's>(node: &'n Node<'s>, key: &str) -> Option<&'n Node<'s>> {
    node.as_object()?
        .iter()
        .rev()
        .find(|m| m.key.name.eq_ignore_ascii_case(key))
        .map(|m| &m.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKFLOW: &str = r#"name: deploy
on: push
env:
  AWS_REGION: us-east-1
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Render web
        id: render-web
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: .aws/task-definition.json
          container-name: web
          image: ${{ steps.build.outputs.image }}
          environment-variables: |
            LOG_LEVEL=info
      - name: Render sidecar
        id: render-sidecar
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ${{ steps.render-web.outputs.task-definition }}
          container-name: log-router
          image: amazon/aws-for-fluent-bit:stable
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render-sidecar.outputs.task-definition }}
          service: web
          cluster: prod
          keep-null-value-keys: command
  direct:
    runs-on: ubuntu-latest
    env:
      IMAGE_TAG: abc
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v1
        with:
          task-definition: deploy/worker.json
          codedeploy-appspec: deploy/appspec.yaml
      - run: ecspresso deploy --config ecspresso/ecspresso.yml
        env:
          CLUSTER: prod
"#;

    #[test]
    fn reads_deploy_steps_and_render_chains() {
        let w = workflow(".github/workflows/deploy.yml", WORKFLOW);
        assert_eq!(w.deploys.len(), 2);
        let web = &w.deploys[0];
        assert_eq!(web.path, ".aws/task-definition.json");
        assert_eq!(web.deployer, Deployer::EcsDeployAction);
        assert_eq!(web.evidence.line, 28);
        assert_eq!(web.keep_empty_keys, ["command"]);
        let containers: Vec<&str> = web
            .rendered
            .iter()
            .flat_map(|r| r.containers.iter().map(String::as_str))
            .collect();
        assert_eq!(containers, ["log-router", "web"]);
        assert_eq!(web.rendered[1].fields, ["image", "environment"]);
        let worker = &w.deploys[1];
        assert_eq!(worker.path, "deploy/worker.json");
        assert_eq!(worker.deployer, Deployer::EcsDeployActionV1);
        assert_eq!(worker.appspec.as_deref(), Some("deploy/appspec.yaml"));
        assert_eq!(w.ecspresso.len(), 1);
        let run = &w.ecspresso[0];
        assert_eq!(run.config.as_deref(), Some("ecspresso/ecspresso.yml"));
        assert_eq!(run.env, ["AWS_REGION", "IMAGE_TAG", "CLUSTER"]);
        assert!(!run.env_open);
    }

    #[test]
    fn an_input_from_an_expression_is_not_a_file() {
        let text = "jobs:\n  a:\n    steps:\n      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          task-definition: ${{ inputs.td }}\n";
        assert!(workflow("w.yml", text).deploys.is_empty());
        assert!(workflow("w.yml", "not: [yaml").deploys.is_empty());
    }

    #[test]
    fn reads_ecspresso_configs_and_appspecs() {
        let d = ecspresso_config(
            "ecspresso.yml",
            "region: us-east-1\nservice: web\nservice_definition: ecs-service-def.json\ntask_definition: ecs-task-def.json\n",
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].path, "ecs-service-def.json");
        assert_eq!(d[0].evidence.line, 3);
        assert_eq!(d[1].path, "ecs-task-def.json");
        let a = appspec(
            "appspec.yaml",
            "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: \"web\"\n          ContainerPort: 8080\n",
        )
        .unwrap();
        assert_eq!(a.container_name.as_ref().unwrap().0, "web");
        assert_eq!(a.container_port.as_ref().unwrap().0, 8080);
        assert_eq!(a.container_port.as_ref().unwrap().1.line, 9);
    }
}
