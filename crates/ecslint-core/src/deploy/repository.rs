//! A repository's evidence of deployment, from the texts of the files that drive the tools:
//! which file each tool deploys, and how. Pure (the host reads the files and hands their
//! texts in), so that the CLI, the npm package and the editor find the same deployers.
//!
//! Files and paths are relative to the repository's root, with `/` separators:
//! `.github/workflows/*.yml`, `**/ecspresso.{yml,yaml,json,jsonnet}`,
//! `**/appspec.{yaml,yml,json}` (its task definition is `taskdef.json` beside it), and `*.tf`
//! files whose `container_definitions` reads a file (`file("…")`, `templatefile("…")`).

use std::collections::HashMap;

use super::detect::{self, Base, Deploys};
use super::{Deployer, Deployment, Evidence};

/// Whether a repository file is one that [`Repository::read`] reads.
pub fn is_evidence_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    (path.starts_with(".github/workflows/") && (name.ends_with(".yml") || name.ends_with(".yaml")))
        || crate::pair::ECSPRESSO_CONFIG_FILES.contains(&name)
        || matches!(name, "appspec.yaml" | "appspec.yml" | "appspec.json")
        || name.ends_with(".tf")
}

/// The deployments of each file of a repository.
#[derive(Debug, Default, Clone)]
pub struct Repository {
    by_file: HashMap<String, Vec<Deployment>>,
}

impl Repository {
    /// Reads the evidence files (path relative to the root, text), in the order given.
    pub fn read<'t>(files: impl IntoIterator<Item = (&'t str, &'t str)>) -> Self {
        let files: Vec<(&str, &str)> = files.into_iter().collect();
        let mut repo = Repository::default();
        let mut runs: Vec<detect::EcspressoRun> = Vec::new();
        let text_of = |path: &str| files.iter().find(|(p, _)| *p == path).map(|(_, t)| *t);
        for (path, text) in &files {
            if !path.starts_with(".github/workflows/") {
                continue;
            }
            let found = detect::workflow(path, text);
            for deploys in found.deploys {
                let appspec = deploys.appspec.as_deref().and_then(|a| {
                    let a = normalize(a);
                    detect::appspec(&a, text_of(&a)?)
                });
                repo.add("", deploys, appspec, None);
            }
            runs.extend(found.ecspresso);
        }
        for (path, text) in &files {
            let (dir, name) = match path.rsplit_once('/') {
                Some((d, n)) => (d, n),
                None => ("", *path),
            };
            if crate::pair::ECSPRESSO_CONFIG_FILES.contains(&name) {
                // The workflow step that runs ecspresso with this configuration.
                let run = runs
                    .iter()
                    .find(|r| match &r.config {
                        Some(c) => normalize(c) == *path,
                        None => dir.is_empty(),
                    })
                    .cloned();
                for deploys in detect::ecspresso_config(path, text) {
                    repo.add(dir, deploys, None, run.clone());
                }
            } else if matches!(name, "appspec.yaml" | "appspec.yml" | "appspec.json") {
                let Some(facts) = detect::appspec(path, text) else {
                    continue;
                };
                let mut deployment = Deployment::new(Deployer::Codedeploy);
                deployment.evidence = Some(facts.container_name.as_ref().map_or_else(
                    || Evidence {
                        path: (*path).to_owned(),
                        line: 1,
                        range: None,
                    },
                    |(_, e)| e.clone(),
                ));
                deployment.appspec = Some(facts);
                repo.merge(join(dir, "taskdef.json"), deployment);
            } else if name.ends_with(".tf") {
                for (file, line) in terraform_files(text) {
                    let mut deployment = Deployment::new(Deployer::Terraform);
                    deployment.evidence = Some(Evidence {
                        path: (*path).to_owned(),
                        line,
                        range: None,
                    });
                    repo.merge(join(dir, &file), deployment);
                }
            }
        }
        repo
    }

    /// The deployments of the file at `path` (relative to the root).
    pub fn deployments(&self, path: &str) -> Vec<Deployment> {
        self.by_file
            .get(&normalize(path))
            .cloned()
            .unwrap_or_default()
    }

    /// Adds what `deploys` says; its path is relative to the root or to `dir`.
    fn add(
        &mut self,
        dir: &str,
        deploys: Deploys,
        appspec: Option<detect::Appspec>,
        run: Option<detect::EcspressoRun>,
    ) {
        let path = match deploys.base {
            Base::RepositoryRoot => normalize(&deploys.path),
            Base::FileFolder => join(dir, &deploys.path),
        };
        let mut deployment = Deployment::new(deploys.deployer);
        deployment.evidence = Some(deploys.evidence);
        deployment.rendered = deploys.rendered;
        deployment.keep_empty_keys = deploys.keep_empty_keys;
        deployment.appspec = appspec;
        deployment.ecspresso_run = run;
        self.merge(path, deployment);
    }

    /// One deployment per tool and file: a second step of the same tool adds its render
    /// steps, and the first evidence is kept.
    fn merge(&mut self, path: String, deployment: Deployment) {
        let list = self.by_file.entry(path).or_default();
        match list.iter_mut().find(|d| d.deployer == deployment.deployer) {
            Some(existing) => {
                existing.rendered.extend(deployment.rendered);
                existing.appspec = existing.appspec.take().or(deployment.appspec);
                existing.ecspresso_run = existing.ecspresso_run.take().or(deployment.ecspresso_run);
            }
            None => list.push(deployment),
        }
    }
}

/// `dir` and `path` joined and normalized.
fn join(dir: &str, path: &str) -> String {
    if dir.is_empty() {
        normalize(path)
    } else {
        normalize(&format!("{dir}/{path}"))
    }
}

/// A relative path without `.`, `..` (within the repository) or doubled separators.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The files a Terraform module reads as container definitions: `file("x.json")` and
/// `templatefile("x.tpl", …)` (`${path.module}/` removed), with their 1-based line.
fn terraform_files(text: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !line.contains("container_definitions") {
            continue;
        }
        for call in ["templatefile(\"", "file(\""] {
            let Some(at) = line.find(call) else { continue };
            let rest = &line[at + call.len()..];
            let Some(end) = rest.find('"') else { continue };
            let path = rest[..end].trim_start_matches("${path.module}/");
            if !path.is_empty() && !path.contains("${") {
                out.push((path.to_owned(), i as u32 + 1));
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_reads_container_definitions_files() {
        let tf = "resource \"aws_ecs_task_definition\" \"app\" {\n  container_definitions = file(\"${path.module}/containers.json\")\n}\nresource \"x\" \"y\" {\n  container_definitions = templatefile(\"./tpl/app.json.tpl\", { image = var.image })\n}\n";
        assert_eq!(
            terraform_files(tf),
            [
                ("containers.json".to_owned(), 2),
                ("./tpl/app.json.tpl".to_owned(), 5)
            ]
        );
    }

    #[test]
    fn a_repository_names_each_file_s_deployers() {
        let workflow = "jobs:\n  d:\n    steps:\n      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          task-definition: ./.aws/task-definition.json\n      - run: ecspresso deploy --config deploy/ecspresso.yml\n        env:\n          TAG: x\n";
        let repo = Repository::read([
            (".github/workflows/deploy.yml", workflow),
            (
                "deploy/ecspresso.yml",
                "service: web\ntask_definition: ecs-task-def.json\n",
            ),
            ("cd/appspec.yaml", "Resources:\n  - TargetService:\n      Properties:\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n"),
            ("infra/main.tf", "  container_definitions = file(\"../defs/app.json\")\n"),
        ]);
        let ids = |p: &str| -> Vec<&str> {
            repo.deployments(p)
                .iter()
                .map(|d| d.deployer.id())
                .collect()
        };
        assert_eq!(ids(".aws/task-definition.json"), ["ecs-deploy-action"]);
        assert_eq!(ids("deploy/ecs-task-def.json"), ["ecspresso"]);
        let run = repo.deployments("deploy/ecs-task-def.json")[0]
            .ecspresso_run
            .clone()
            .unwrap();
        assert_eq!(run.env, ["TAG"]);
        assert_eq!(ids("cd/taskdef.json"), ["codedeploy"]);
        assert_eq!(ids("defs/app.json"), ["terraform"]);
        assert!(ids("other.json").is_empty());
        assert!(is_evidence_file(".github/workflows/deploy.yml"));
        assert!(!is_evidence_file("deploy.yml"));
    }
}
