//! How Terraform names the API's members and places: `network_mode` for `networkMode`,
//! `aws_ecs_task_definition.app.container_definitions[0].portMappings[0].hostPort` for
//! `/containerDefinitions/0/portMappings/0/hostPort`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::generated::RESOURCES;
use super::schema::{Api, Block};
use crate::forms::FormNames;
use crate::model::{Shape, Type, CONTAINER_DEFINITION};
use crate::text::TextRange;

/// The names of one document.
pub(super) struct TfNames {
    /// API pointer → Terraform path, and whether what is below is JSON (`container_definitions`).
    paths: HashMap<String, (String, bool)>,
    /// A task definition: names that are also container definitions' members keep the API's
    /// spelling in messages (the containers are JSON).
    task_definition: bool,
}

impl TfNames {
    pub fn new(paths: Vec<(String, String, bool)>, task_definition: bool) -> Self {
        let mut map = HashMap::with_capacity(paths.len());
        for (api, tf, json) in paths {
            map.entry(api).or_insert((tf, json));
        }
        TfNames {
            paths: map,
            task_definition,
        }
    }

    /// The Terraform path of an API pointer: the longest known prefix, then the rest of its
    /// segments (`[0]` for an index; inside JSON as written, else in Terraform's names).
    pub fn path(&self, api_pointer: &str) -> String {
        let mut prefix = api_pointer;
        loop {
            if let Some((tf, json)) = self.paths.get(prefix) {
                let mut out = tf.clone();
                for seg in api_pointer[prefix.len()..].split('/').skip(1) {
                    let seg = seg.replace("~1", "/").replace("~0", "~");
                    if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
                        out.push('[');
                        out.push_str(&seg);
                        out.push(']');
                    } else {
                        out.push('.');
                        match (json, terraform_name(&seg)) {
                            (false, Some(name)) => out.push_str(name),
                            _ => out.push_str(&seg),
                        }
                    }
                }
                return out;
            }
            match prefix.rfind('/') {
                Some(i) => prefix = &prefix[..i],
                None if !prefix.is_empty() => prefix = "",
                None => return api_pointer.to_owned(),
            }
        }
    }
}

impl FormNames for TfNames {
    fn file_pointer(&self, api_pointer: &str, _range: TextRange) -> String {
        self.path(api_pointer)
    }

    fn member(&self, api: &str) -> Option<Cow<'static, str>> {
        if self.task_definition && container_members().contains(api) {
            return None;
        }
        terraform_name(api).map(Cow::Borrowed)
    }
}

/// The Terraform name of an API member (the last segment of its path), when the two differ.
pub(super) fn terraform_name(api: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for r in RESOURCES {
            collect(r.block, &mut map);
        }
        map
    })
    .get(api)
    .copied()
}

fn collect(block: &'static Block, map: &mut HashMap<&'static str, &'static str>) {
    for a in block.arguments {
        if let Api::Member { path, .. } = &a.api {
            if let Some(last) = path.last() {
                if *last != a.name {
                    map.entry(*last).or_insert(a.name);
                }
            }
        }
    }
    for b in block.blocks {
        if let Some(api) = &b.api {
            if let Some(last) = api.path.last() {
                if *last != b.name {
                    map.entry(*last).or_insert(b.name);
                }
            }
        }
        collect(b.block, map);
    }
}

/// Every member name found under a container definition.
fn container_members() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = HashSet::new();
        let mut seen = HashSet::new();
        walk(&CONTAINER_DEFINITION, &mut set, &mut seen);
        set
    })
}

fn walk(shape: &'static Shape, set: &mut HashSet<&'static str>, seen: &mut HashSet<&'static str>) {
    if !seen.insert(shape.name) {
        return;
    }
    for m in shape.members {
        set.insert(m.name);
        let mut ty = m.ty;
        while let Type::List { member, .. } = ty {
            ty = member;
        }
        if let Type::Structure(s) = ty {
            walk(s, set, seen);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_names() {
        let names = TfNames::new(
            vec![
                (String::new(), "aws_ecs_task_definition.app".into(), false),
                (
                    "/containerDefinitions".into(),
                    "aws_ecs_task_definition.app.container_definitions".into(),
                    true,
                ),
                (
                    "/networkMode".into(),
                    "aws_ecs_task_definition.app.network_mode".into(),
                    false,
                ),
            ],
            true,
        );
        assert_eq!(
            names.path("/containerDefinitions/0/portMappings/0/hostPort"),
            "aws_ecs_task_definition.app.container_definitions[0].portMappings[0].hostPort"
        );
        assert_eq!(
            names.path("/requiresCompatibilities"),
            "aws_ecs_task_definition.app.requires_compatibilities"
        );
        assert_eq!(names.path(""), "aws_ecs_task_definition.app");
        assert_eq!(names.member("networkMode").as_deref(), Some("network_mode"));
        // A name containers have too keeps the API's spelling.
        assert_eq!(names.member("hostPort"), None);
        assert_eq!(terraform_name("serviceName"), Some("name"));
        assert_eq!(terraform_name("volumes"), Some("volume"));
    }
}
