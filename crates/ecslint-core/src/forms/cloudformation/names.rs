//! How a finding about a resource is said in the template's terms: the pointer into the
//! template (`/Resources/TaskDef/Properties/ContainerDefinitions/0/PortMappings/0/HostPort`),
//! the properties as CloudFormation spells them, and where a value brought from elsewhere
//! (a parameter's default, a mapping) comes from.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use super::convert::{self, Resolved};
use super::generated::DEFS;
use super::schema::{CfnType, Def};
use crate::diagnostic::Diagnostic;
use crate::forms::FormNames;
use crate::json::{push_pointer_segment, Node, Value};
use crate::text::TextRange;

/// The names of one resource (or one scenario of it).
pub struct CfnNames<'s> {
    /// `/Resources/<logical id>`.
    pub prefix: String,
    /// The resource's node in the template (`Resources/<logical id>`), shared by its
    /// scenarios.
    pub resource: Rc<Node<'s>>,
    pub def: &'static Def,
    /// What the form itself found (the structural check), messages without the label.
    pub diagnostics: Vec<Diagnostic>,
    pub resolved: Vec<Resolved>,
    /// For a scenario: the index of the resource's own document among the form's.
    pub variant_of: Option<usize>,
    /// The definitions along the last pointer translated, innermost last: the context in
    /// which `member` reads a message's names.
    context: RefCell<Vec<&'static Def>>,
}

impl<'s> CfnNames<'s> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        logical_id: &str,
        resource: Rc<Node<'s>>,
        def: &'static Def,
        diagnostics: Vec<Diagnostic>,
        resolved: Vec<Resolved>,
        variant_of: Option<usize>,
    ) -> Self {
        let mut prefix = String::from("/Resources");
        push_pointer_segment(&mut prefix, logical_id);
        CfnNames {
            prefix,
            resource,
            def,
            diagnostics,
            resolved,
            variant_of,
            context: RefCell::new(vec![def]),
        }
    }
}

/// The value at `pointer` below `root`.
fn resolve<'a, 's>(root: &'a Node<'s>, pointer: &str) -> Option<&'a Node<'s>> {
    let mut node = root;
    for segment in segments(pointer) {
        node = match &node.value {
            Value::Object(_) => node.get(&segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Splits a JSON pointer into its unescaped segments.
fn segments(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> {
    pointer.split('/').skip(1).map(|s| {
        if s.contains('~') {
            Cow::Owned(s.replace("~1", "/").replace("~0", "~"))
        } else {
            Cow::Borrowed(s)
        }
    })
}

impl FormNames for CfnNames<'_> {
    fn file_pointer(&self, api_pointer: &str, range: TextRange) -> String {
        let empty = Node {
            range: self
                .resource
                .get("Properties")
                .map_or(self.resource.range, |p| p.range),
            value: Value::Object(Vec::new()),
        };
        self.file_pointer_in(&empty, api_pointer, range)
    }

    fn file_pointer_in(&self, root: &Node<'_>, api_pointer: &str, _range: TextRange) -> String {
        // Down the document as far as the pointer goes, keeping the definitions met.
        let mut node = root;
        let mut ty: Option<&'static CfnType> = None;
        let mut def: Option<&'static Def> = Some(self.def);
        let mut context = vec![self.def];
        let mut rest: Vec<Cow<'_, str>> = Vec::new();
        for segment in segments(api_pointer) {
            if !rest.is_empty() {
                rest.push(segment);
                continue;
            }
            let next = match &node.value {
                Value::Object(_) => node.get(&segment),
                Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            let Some(next) = next else {
                rest.push(segment);
                continue;
            };
            // The CloudFormation type of `next`.
            let next_ty = match (&node.value, def, ty) {
                (Value::Object(_), Some(d), _) => d.prop_for_api(&segment).map(|p| p.ty),
                (Value::Array(_), _, Some(CfnType::Array { items, .. })) => Some(*items),
                (Value::Object(_), None, Some(CfnType::Map { values })) => Some(*values),
                _ => None,
            };
            ty = next_ty;
            def = match next_ty {
                Some(CfnType::Object(d)) => {
                    context.push(d);
                    Some(d)
                }
                _ => None,
            };
            node = next;
        }
        // The deepest value the document has, as the template points at it.
        let relative = self.resource.pointer_to(node.range);
        let mut pointer = format!("{}{relative}", self.prefix);
        let mut written = resolve(&self.resource, &relative);
        // The members it lacks, as CloudFormation names them.
        for segment in rest {
            // The template has the member, but not as an object (`NetworkConfiguration:` left
            // empty is null; the form drops it): the pointer names that value, where the
            // members would go, rather than members under a null.
            if written.is_some_and(|w| !matches!(w.value, Value::Object(_))) {
                break;
            }
            match def.and_then(|d| d.prop_for_api(&segment)) {
                Some(p) => {
                    push_pointer_segment(&mut pointer, p.name);
                    written = written.and_then(|w| w.get(p.name));
                    def = match p.ty {
                        CfnType::Object(d) => {
                            context.push(d);
                            Some(d)
                        }
                        _ => None,
                    };
                }
                None => {
                    push_pointer_segment(&mut pointer, &segment);
                    written = written.and_then(|w| w.get(&segment));
                    def = None;
                }
            }
        }
        *self.context.borrow_mut() = context;
        pointer
    }

    fn member(&self, api: &str) -> Option<Cow<'static, str>> {
        let context = self.context.borrow();
        if let Some(p) = context.iter().rev().find_map(|d| d.prop_for_api(api)) {
            return Some(Cow::Borrowed(p.name));
        }
        // Outside the finding's own path (a member of the paired task definition named in
        // a service's message): only names that cannot be a value (`portMappings`, not
        // `host` or `awsvpc`).
        if !api.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        DEFS.iter()
            .find_map(|d| d.prop_for_api(api))
            .map(|p| Cow::Borrowed(p.name))
    }

    fn checks_structure(&self) -> bool {
        true
    }

    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn variant_of(&self) -> Option<usize> {
        self.variant_of
    }

    fn adjust(&self, d: &mut Diagnostic) {
        // The API's names in JSON snippets of the help (`"hostPort"`), and in the fix.
        if let Some(help) = &d.help {
            d.help = Some(rename_quoted(help, self));
        }
        if let Some(fix) = &mut d.fix {
            fix.message = rename_quoted(&crate::forms::rename_members(&fix.message, self), self);
        }
        // A value brought from elsewhere: say where it comes from, and never edit the
        // intrinsic that brought it.
        for r in &self.resolved {
            if r.site.contains_range(d.range) && !d.related.iter().any(|x| x.range == r.source) {
                d.related.push(convert::related(r));
            }
        }
        if let Some(fix) = &d.fix {
            let touches = fix.edits.iter().any(|e| {
                self.resolved.iter().any(|r| {
                    r.site.start < e.range.end.max(e.range.start + 1) && e.range.start < r.site.end
                })
            });
            if touches {
                d.fix = None;
            }
        }
    }
}

/// Renames the API member names written in double quotes (`"hostPort"`) in a JSON snippet.
fn rename_quoted(text: &str, names: &dyn FormNames) -> String {
    if !text.contains('"') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('"').peekable();
    let mut i = 0;
    while let Some(part) = parts.next() {
        if i > 0 {
            out.push('"');
        }
        // An odd part between two quotes.
        let inside = i % 2 == 1 && parts.peek().is_some();
        match names.member(part).filter(|_| inside && !part.contains(' ')) {
            Some(name) => out.push_str(&name),
            None => out.push_str(part),
        }
        i += 1;
    }
    out
}
