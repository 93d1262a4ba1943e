//! A Terraform module as the form reads it: the `.tf` files of one folder, with their
//! variables, locals and resources, and the other files they read (`file()`,
//! `templatefile()`). The host reads the files ([`crate::LintOptions::files`]); paths are
//! compared after [`normalize`].

use crate::read::hcl::{self, Block, Body, Expr, ExprKind, TemplatePart, TraversalRoot};

/// One file of the module, parsed.
pub(super) struct ModFile<'s> {
    pub path: String,
    pub text: &'s str,
    pub body: Body<'s>,
}

/// The `.tf` files of one folder.
pub(super) struct Module<'s> {
    /// The folder (normalised, `""` for the current one).
    pub dir: String,
    pub files: Vec<ModFile<'s>>,
}

/// A resource block of the module.
#[derive(Clone, Copy)]
pub(super) struct ResourceRef<'m, 's> {
    pub file: usize,
    pub kind: &'m str,
    pub name: &'m str,
    pub block: &'m Block<'s>,
}

impl<'s> Module<'s> {
    /// `variable "name" { default = … }`: the default's expression and its file.
    pub fn variable_default(&self, name: &str) -> Option<(usize, &Expr<'s>)> {
        self.files.iter().enumerate().find_map(|(i, f)| {
            f.body
                .blocks_of("variable")
                .find(|b| b.labels.first().is_some_and(|l| l.value == name))
                .and_then(|b| b.body.attribute("default"))
                .map(|a| (i, &a.expr))
        })
    }

    /// `locals { name = … }`: the expression and its file.
    pub fn local(&self, name: &str) -> Option<(usize, &Expr<'s>)> {
        self.files.iter().enumerate().find_map(|(i, f)| {
            f.body
                .blocks_of("locals")
                .find_map(|b| b.body.attribute(name))
                .map(|a| (i, &a.expr))
        })
    }

    /// Every `resource` block, file by file.
    pub fn resources(&self) -> impl Iterator<Item = ResourceRef<'_, 's>> + '_ {
        self.files.iter().enumerate().flat_map(|(i, f)| {
            f.body.blocks_of("resource").filter_map(move |b| {
                let mut labels = b.labels.iter();
                let kind = labels.next()?;
                let name = labels.next()?;
                Some(ResourceRef {
                    file: i,
                    kind: &kind.value,
                    name: &name.value,
                    block: b,
                })
            })
        })
    }

    /// The resource `kind.name`.
    pub fn resource(&self, kind: &str, name: &str) -> Option<ResourceRef<'_, 's>> {
        self.resources().find(|r| r.kind == kind && r.name == name)
    }

    /// The path a `file()`/`templatefile()` argument names, resolved against the module's
    /// folder (`path.module`, `path.root` and `path.cwd` are the folder), when it is known.
    pub fn file_path(&self, expr: &Expr<'_>) -> Option<String> {
        let mut out = String::new();
        // `${path.module}/x`: already under the folder.
        let mut rooted = false;
        match &expr.kind {
            ExprKind::String(s) => out.push_str(&s.value),
            ExprKind::Template(t) => {
                for part in &t.parts {
                    match part {
                        TemplatePart::Literal(l) => out.push_str(&l.value),
                        TemplatePart::Interpolation(i) => {
                            let path = i.expr.as_path()?;
                            if path.len() == 2
                                && path[0] == "path"
                                && matches!(path[1], "module" | "root" | "cwd")
                            {
                                rooted |= out.is_empty();
                                out.push_str(if self.dir.is_empty() { "." } else { &self.dir });
                            } else {
                                return None;
                            }
                        }
                        TemplatePart::Directive(_) => return None,
                    }
                }
            }
            _ => return None,
        }
        if out.is_empty() {
            return None;
        }
        let joined = if rooted || out.starts_with('/') || self.dir.is_empty() {
            out
        } else {
            format!("{}/{out}", self.dir)
        };
        Some(normalize(&joined))
    }
}

/// A path with `/` separators, without `.` segments and with `..` applied where it can be
/// (`a/./b/../c.json` → `a/c.json`).
pub fn normalize(path: &str) -> String {
    let path = path.replace('\\', "/");
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The folder of a path (`""` for a bare name).
pub fn dir_of(path: &str) -> String {
    let path = normalize(path);
    match path.rsplit_once('/') {
        Some((dir, _)) => dir.to_owned(),
        None if path.starts_with('/') => "/".to_owned(),
        None => String::new(),
    }
}

/// The resource a traversal names, when it is `aws_x.name…`: `("aws_x", "name")`.
pub fn resource_reference<'e>(expr: &'e Expr<'_>) -> Option<(&'e str, &'e str)> {
    let ExprKind::Traversal(t) = &expr.kind else {
        return None;
    };
    let TraversalRoot::Name(root) = &t.root else {
        return None;
    };
    let first = t.steps.first()?;
    match first.kind {
        hcl::StepKind::Attr(name) if root.name.starts_with("aws_") => Some((root.name, name)),
        _ => None,
    }
}

/// Every resource reference inside an expression (`"${aws_x.y.family}:${aws_x.y.revision}"`).
pub fn resource_references<'e>(expr: &'e Expr<'_>, out: &mut Vec<(&'e str, &'e str)>) {
    if let Some(r) = resource_reference(expr) {
        out.push(r);
        return;
    }
    match &expr.kind {
        ExprKind::Template(t) => {
            for part in &t.parts {
                if let TemplatePart::Interpolation(i) = part {
                    resource_references(&i.expr, out);
                }
            }
        }
        ExprKind::Parens(e) => resource_references(e, out),
        ExprKind::Conditional(c) => {
            resource_references(&c.then, out);
            resource_references(&c.otherwise, out);
        }
        ExprKind::Call(c) => {
            for a in &c.args {
                resource_references(a, out);
            }
        }
        _ => {}
    }
}

/// Parses the module's files: `primary` first, then the `.tf` files among `others` that are
/// in the same folder.
pub(super) fn read<'s>(
    primary: (&str, &'s str),
    others: &[(&str, &'s str)],
) -> (Module<'s>, Vec<crate::json::SyntaxProblem>) {
    read_if(primary, others, |_| true)
}

/// [`read`], parsing the other files only when `needs_others` says so of the primary file's
/// body: a file without an ECS resource needs nothing of its module, and a walk of a folder
/// of `n` files then parses each file once, not `n` times.
pub(super) fn read_if<'s>(
    primary: (&str, &'s str),
    others: &[(&str, &'s str)],
    needs_others: impl FnOnce(&Body<'s>) -> bool,
) -> (Module<'s>, Vec<crate::json::SyntaxProblem>) {
    let dir = dir_of(primary.0);
    let first = hcl::parse(primary.1);
    let problems = first.problems;
    let wanted = needs_others(&first.body);
    let mut files = vec![ModFile {
        path: normalize(primary.0),
        text: primary.1,
        body: first.body,
    }];
    for (path, text) in others.iter().filter(|_| wanted) {
        let norm = normalize(path);
        if !norm.ends_with(".tf") || dir_of(&norm) != dir || norm == files[0].path {
            continue;
        }
        files.push(ModFile {
            path: norm,
            text,
            body: hcl::parse(text).body,
        });
    }
    (Module { dir, files }, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(normalize("./a/./b/../c.json"), "a/c.json");
        assert_eq!(normalize("a\\b.tf"), "a/b.tf");
        assert_eq!(normalize("../x/y"), "../x/y");
        assert_eq!(dir_of("infra/main.tf"), "infra");
        assert_eq!(dir_of("main.tf"), "");
    }

    #[test]
    fn file_paths_resolve_against_the_folder() {
        let text =
            "a = file(\"${path.module}/c.json\")\nb = file(\"c.json\")\nc = file(\"${var.x}\")\n";
        let (m, _) = read(("infra/main.tf", text), &[]);
        let attr = |n: &str| &m.files[0].body.attribute(n).unwrap().expr;
        let arg = |n: &str| attr(n).as_call().unwrap().args[0].clone();
        assert_eq!(m.file_path(&arg("a")).as_deref(), Some("infra/c.json"));
        assert_eq!(m.file_path(&arg("b")).as_deref(), Some("infra/c.json"));
        assert_eq!(m.file_path(&arg("c")), None);
    }
}
