//! The structural walk: one pass over the document against the API model, reporting unknown
//! fields, wrong JSON types, invalid enum values, missing required members, `null`s and
//! read-only output fields.

use super::{
    DescribeOutputWrapper, InvalidEnumValue, InvalidType, MissingRequiredField, NullValue,
    ReadOnlyField, UnknownField,
};
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Document, DocumentKind};
use crate::json::{push_pointer_segment, Member, Node, Value};
use crate::model::{
    EnumDef, Shape, Type, CONTAINER_DEFINITION, CREATE_SERVICE_REQUEST,
    REGISTER_TASK_DEFINITION_REQUEST, SERVICE_OUTPUT_ONLY, TAG, TASK_DEFINITION_OUTPUT_ONLY,
    UPDATE_SERVICE_REQUEST,
};
use crate::rules::syntax::NumberOutOfRange;
use crate::rules::Reporter;
use crate::suggest::did_you_mean;
use crate::template::is_placeholder;
use crate::text::{format_f64, TextRange};

/// Names people use for a field that the API spells otherwise (Docker Compose, docker run).
const ALIASES: &[(&str, &str)] = &[
    ("ports", "portMappings"),
    ("portBindings", "portMappings"),
    ("env", "environment"),
    ("environmentVariables", "environment"),
    ("envFile", "environmentFiles"),
    ("env_file", "environmentFiles"),
    ("volumes", "mountPoints"),
    ("depends_on", "dependsOn"),
    ("healthcheck", "healthCheck"),
    ("entrypoint", "entryPoint"),
    ("labels", "dockerLabels"),
    ("cap_add", "linuxParameters"),
    ("mem_limit", "memory"),
    ("mem_reservation", "memoryReservation"),
    ("logging", "logConfiguration"),
    ("restart", "restartPolicy"),
];

pub(crate) fn check(doc: &Document<'_>, out: &mut Reporter<'_>) {
    let mut walker = Walker { out };
    let root = doc.root;
    let root_anchor = crate::rules::edits::opening(root.range);
    match doc.kind {
        DocumentKind::TaskDefinition => {
            walker.structure(
                root,
                &REGISTER_TASK_DEFINITION_REQUEST,
                root_anchor,
                TASK_DEFINITION_OUTPUT_ONLY,
            );
        }
        DocumentKind::DescribeTaskDefinition => match root.member("taskDefinition") {
            Some(inner) if inner.value.as_object().is_some() => {
                walker
                    .out
                    .report(&DescribeOutputWrapper::META, inner.key.range, "this is DescribeTaskDefinition output: RegisterTaskDefinition takes the task definition itself, not wrapped in `taskDefinition`")
                    .help("move the members of `taskDefinition` (and `tags`) to the top level, and remove the read-only fields");
                for member in root.as_object().unwrap_or_default() {
                    match &*member.key.name {
                        "taskDefinition" => {}
                        "tags" => walker.value(
                            &member.value,
                            &TAG_LIST,
                            Name::Plain("tags"),
                            member.key.range,
                        ),
                        _ => walker.unknown_member(
                            root,
                            member,
                            "DescribeTaskDefinition output",
                            &["taskDefinition", "tags"],
                        ),
                    }
                }
                let anchor = inner.key.range;
                walker.structure(
                    &inner.value,
                    &REGISTER_TASK_DEFINITION_REQUEST,
                    anchor,
                    TASK_DEFINITION_OUTPUT_ONLY,
                );
            }
            _ => walker.structure(
                root,
                &REGISTER_TASK_DEFINITION_REQUEST,
                root_anchor,
                TASK_DEFINITION_OUTPUT_ONLY,
            ),
        },
        DocumentKind::ContainerDefinitions => {
            walker.value(
                root,
                &CONTAINER_LIST,
                Name::Plain("the container definitions"),
                root_anchor,
            );
        }
        DocumentKind::ContainerDefinition => {
            walker.structure(root, &CONTAINER_DEFINITION, root_anchor, &[]);
        }
        DocumentKind::UpdateService => {
            walker.structure(
                root,
                &UPDATE_SERVICE_REQUEST,
                root_anchor,
                SERVICE_OUTPUT_ONLY,
            );
        }
        DocumentKind::Service => {
            walker.structure(
                root,
                &CREATE_SERVICE_REQUEST,
                root_anchor,
                SERVICE_OUTPUT_ONLY,
            );
        }
        // Files of several documents: each is walked as its own kind.
        DocumentKind::CloudFormation | DocumentKind::Terraform | DocumentKind::Unknown => {}
    }
}

static TAG_LIST: Type = Type::List {
    member: &Type::Structure(&TAG),
    min: None,
    max: None,
};
static CONTAINER_LIST: Type = Type::List {
    member: &Type::Structure(&CONTAINER_DEFINITION),
    min: None,
    max: None,
};

struct Walker<'r, 'a> {
    out: &'r mut Reporter<'a>,
}

impl Walker<'_, '_> {
    /// Checks an object against `shape`. `anchor` is where a missing member is reported (the
    /// key that holds the object, or its opening brace); `output_only` names members that are
    /// read-only output of the API.
    fn structure(
        &mut self,
        node: &Node<'_>,
        shape: &'static Shape,
        anchor: TextRange,
        output_only: &[&str],
    ) {
        let Some(members) = node.as_object() else {
            return;
        };
        // The shape's phrase and the object's pointer are only built for a message: most
        // objects never need them.
        for member in members {
            let name: &str = &member.key.name;
            match shape.member(name) {
                Some(def) => {
                    if member.value.is_null() {
                        self.null(members, member, name);
                    } else {
                        self.value(&member.value, def.ty, Name::Plain(name), member.key.range);
                    }
                }
                None if output_only.contains(&name) => {
                    let removal = member_removal(members, member);
                    let what = shape_phrase(shape.name);
                    self.out
                        .report(&ReadOnlyField::META, member.key.range, format!("`{name}` is a read-only field of the API's output, not a parameter"))
                        .help(format!("remove `{name}`: it was copied from describe output, and the API refuses it in {what}"))
                        .fix(Fix::safe(format!("remove `{name}`"), vec![Edit::delete(removal)]));
                }
                None if shape.name == "UpdateServiceRequest"
                    && CREATE_SERVICE_REQUEST.member(name).is_some() =>
                {
                    self.out
                        .report(&UnknownField::META, member.key.range, format!("`{name}` is not a field of the service update: it is set when the service is created, and UpdateService cannot change it"))
                        .help(format!("remove `{name}`; to change it, create the service again (a launch type can be replaced by a capacityProviderStrategy in an update)"));
                }
                None => {
                    let names: Vec<&str> = shape.members.iter().map(|m| m.name).collect();
                    let what = shape_phrase(shape.name);
                    self.unknown_member(node, member, &what, &names);
                }
            }
        }
        for def in shape.members.iter().filter(|m| m.required) {
            // ecspresso supplies the service name from its configuration, other tools from
            // their command line.
            if shape.name == "CreateServiceRequest" && def.name == "serviceName" {
                continue;
            }
            if node.get(def.name).is_none() {
                let what = shape_phrase(shape.name);
                let mut pointer = self.pointer_of(node);
                push_pointer_segment(&mut pointer, def.name);
                self.out
                    .report(
                        &MissingRequiredField::META,
                        anchor,
                        format!("{what} is missing the required field `{}`", def.name),
                    )
                    .help(format!("add `{}` ({})", def.name, def.ty.article_name()))
                    .pointer(pointer);
            }
        }
    }

    fn pointer_of(&self, node: &Node<'_>) -> String {
        self.out.pointer_to(node.range)
    }

    fn element_anchor(node: &Node<'_>) -> TextRange {
        crate::rules::edits::opening(node.range)
    }

    fn unknown_member(
        &mut self,
        object: &Node<'_>,
        member: &Member<'_>,
        what: &str,
        names: &[&'static str],
    ) {
        let name: &str = &member.key.name;
        let alias = ALIASES
            .iter()
            .find(|(from, to)| *from == name && names.contains(to))
            .map(|(_, to)| *to);
        let suggestion = alias.or_else(|| did_you_mean(name, names.iter().copied()));
        // What a deployer does with an unknown key (Terraform and the deploy action drop it)
        // is said by its profile (`crate::deploy`).
        let fix = suggestion.filter(|s| object.get(s).is_none()).map(|s| {
            let edit = vec![Edit::replace(member.key.range, format!("\"{s}\""))];
            if s.eq_ignore_ascii_case(name) {
                Fix::safe(format!("rename to `{s}`"), edit)
            } else {
                Fix::unsafe_(format!("rename to `{s}`"), edit)
            }
        });
        let hint = match suggestion {
            Some(s) if s.eq_ignore_ascii_case(name) => {
                format!("did you mean `{s}`? {}", case_difference(name, s))
            }
            Some(s) => format!("did you mean `{s}`?"),
            None if names.len() <= 12 => format!("the fields of {what} are: {}", names.join(", ")),
            None => format!("`{name}` is not a field of {what}; `ecslint schema` lists the fields"),
        };
        let d = self
            .out
            .report(
                &UnknownField::META,
                member.key.range,
                format!("unknown field `{name}` in {what}"),
            )
            .help(hint);
        if let Some(fix) = fix {
            d.fix(fix);
        }
    }

    fn null(&mut self, members: &[Member<'_>], member: &Member<'_>, name: &str) {
        let removal = member_removal(members, member);
        self.out
            .report(
                &NullValue::META,
                member.value.range,
                format!("`{name}` is null"),
            )
            .help("the AWS CLI refuses null values: leave the field out to leave it unset")
            .fix(Fix::safe(
                format!("remove `{name}`"),
                vec![Edit::delete(removal)],
            ));
    }

    /// Checks `node` against `ty`; `name` says what it is in messages.
    fn value(&mut self, node: &Node<'_>, ty: &'static Type, name: Name<'_>, anchor: TextRange) {
        match (&node.value, ty) {
            // A botocore `document` (any JSON), such as a lifecycle hook's `hookDetails`.
            (_, Type::Structure(shape)) if shape.members.is_empty() => {}
            // Known only when deployed (an intrinsic, an expression): nothing to check.
            (Value::Unknown, _) => {}
            (Value::Null, _) => {
                self.out
                    .report(
                        &NullValue::META,
                        node.range,
                        format!("{} is null", quoted(name)),
                    )
                    .help("the API needs a value here: remove the element or give it a value");
            }
            (Value::String(s), Type::Enum(def)) => self.enum_value(node, s, def, name),
            (Value::String(_), Type::String { .. } | Type::Timestamp) => {}
            (Value::Number(_), Type::Timestamp) => {}
            (Value::Number(n), Type::Integer { min, max } | Type::Long { min, max }) => {
                let (lo, hi) = match ty {
                    Type::Integer { .. } => (i64::from(i32::MIN), i64::from(i32::MAX)),
                    _ => (i64::MIN, i64::MAX),
                };
                if !n.is_integer_syntax() {
                    let v = n.as_f64();
                    let d = self
                        .out
                        .report(
                            &InvalidType::META,
                            node.range,
                            format!("{} must be an integer, found `{}`", quoted(name), n.raw),
                        )
                        .help("write a whole number without a fraction or exponent");
                    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
                        d.fix(Fix::safe(
                            format!("write {}", v as i64),
                            vec![Edit::replace(node.range, format!("{}", v as i64))],
                        ));
                    }
                    return;
                }
                match n.as_i64().filter(|v| (lo..=hi).contains(v)) {
                    None => {
                        self.out
                            .report(
                                &NumberOutOfRange::META,
                                node.range,
                                format!(
                                    "{} is out of range: the API takes a {} integer",
                                    quoted(name),
                                    if lo == i64::MIN { "64-bit" } else { "32-bit" }
                                ),
                            )
                            .help(format!("use a value from {lo} to {hi}"));
                    }
                    Some(v) => {
                        if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
                            self.out
                                .report(
                                    &NumberOutOfRange::META,
                                    node.range,
                                    format!("{} is {v}, outside the API's range", quoted(name)),
                                )
                                .help(format!(
                                    "use a value from {} to {}",
                                    min.unwrap_or(lo),
                                    max.unwrap_or(hi)
                                ));
                        }
                    }
                }
            }
            (Value::Number(_), Type::Double) => {}
            (Value::Bool(_), Type::Boolean) => {}
            (Value::Array(items), Type::List { member, .. }) => {
                let element = Name::Element(&name);
                for item in items {
                    self.value(item, member, element, Self::element_anchor(item));
                }
            }
            (Value::Object(members), Type::Map { value }) => {
                for m in members {
                    if m.value.is_null() {
                        self.null(members, m, &m.key.name);
                    } else {
                        self.value(
                            &m.value,
                            value,
                            Name::MapValue(&m.key.name, &name),
                            m.key.range,
                        );
                    }
                }
            }
            (Value::Object(_), Type::Structure(shape)) => self.structure(node, shape, anchor, &[]),
            _ => self.wrong_type(node, ty, name),
        }
    }

    fn enum_value(&mut self, node: &Node<'_>, s: &str, def: &'static EnumDef, name: Name<'_>) {
        if def.values.contains(&s) || is_placeholder(s) {
            return;
        }
        if s.is_empty() {
            // The Go SDK (ecspresso, Terraform) omits an empty enum string and the ECS deploy
            // GitHub action removes every empty string, so such files deploy there; the AWS
            // CLI sends them as they are.
            self.out
                .report(&InvalidEnumValue::META, node.range, format!("{} is an empty string, which is not a valid value", quoted(name)))
                .help(format!("remove the field to leave it unset (the Go SDK of ecspresso and Terraform omits an empty enum, the ECS deploy action removes empty strings; the AWS CLI sends it), or use one of: {}", def.values.join(", ")))
                .severity(Severity::Warning);
            return;
        }
        let suggestion = did_you_mean(s, def.values.iter().copied());
        let valid = def.values.join(", ");
        let help = match suggestion {
            Some(v) => format!("did you mean `{v}`? Valid values: {valid}"),
            None => format!("valid values: {valid}"),
        };
        let d = self
            .out
            .report(
                &InvalidEnumValue::META,
                node.range,
                format!("`{s}` is not a valid value for {}", quoted(name)),
            )
            .help(help);
        if let Some(v) = suggestion {
            let edit = vec![Edit::replace(node.range, format!("\"{v}\""))];
            d.fix(if v.eq_ignore_ascii_case(s) {
                Fix::safe(format!("write `{v}`"), edit)
            } else {
                Fix::unsafe_(format!("write `{v}`"), edit)
            });
        }
    }

    fn wrong_type(&mut self, node: &Node<'_>, ty: &'static Type, name: Name<'_>) {
        let expected = ty.article_name();
        let found = node.kind_name();
        let mut help = format!("the API's type for {} is {expected}", quoted(name));
        let mut severity = Severity::Error;
        let mut fix = None;
        match (&node.value, ty) {
            (Value::Number(n), Type::String { .. }) => {
                help = format!("write it as a string: \"{}\"", n.raw);
                fix = Some(Fix::safe(
                    "quote the value",
                    vec![Edit::replace(node.range, format!("\"{}\"", n.raw))],
                ));
            }
            (Value::Bool(b), Type::String { .. }) => {
                fix = Some(Fix::safe(
                    "quote the value",
                    vec![Edit::replace(node.range, format!("\"{b}\""))],
                ));
            }
            (Value::String(s), Type::Integer { .. } | Type::Long { .. }) => {
                if let Ok(v) = s.trim().parse::<i64>() {
                    help = format!("write it as a number, without quotes: {v}");
                    fix = Some(Fix::safe(
                        "unquote the number",
                        vec![Edit::replace(node.range, v.to_string())],
                    ));
                } else if is_placeholder(s) {
                    severity = Severity::Warning;
                    help = format!("{help}: once the template is rendered this is still a string unless the placeholder is written without quotes");
                }
            }
            (Value::String(s), Type::Double) => {
                if let Ok(v) = s.trim().parse::<f64>() {
                    fix = Some(Fix::safe(
                        "unquote the number",
                        vec![Edit::replace(node.range, format_f64(v))],
                    ));
                }
            }
            (Value::String(s), Type::Boolean) => match s.trim().to_ascii_lowercase().as_str() {
                b @ ("true" | "false") => {
                    help = format!("write it without quotes: {b}");
                    fix = Some(Fix::safe(
                        format!("write {b}"),
                        vec![Edit::replace(node.range, b.to_owned())],
                    ));
                }
                _ if is_placeholder(s) => severity = Severity::Warning,
                _ => {}
            },
            (Value::String(s), Type::Enum(_) | Type::String { .. }) if is_placeholder(s) => {}
            (_, Type::List { member, .. }) if fits(node, member) => {
                help = format!(
                    "{} takes an array: write [ … ] around the value",
                    quoted(name)
                );
                fix = Some(Fix::unsafe_(
                    "wrap the value in an array",
                    vec![
                        Edit::insert(node.range.start, "["),
                        Edit::insert(node.range.end, "]"),
                    ],
                ));
            }
            _ => {}
        }
        let d = self
            .out
            .report(
                &InvalidType::META,
                node.range,
                format!("{} must be {expected}, found {found}", quoted(name)),
            )
            .help(help)
            .severity(severity);
        if let Some(fix) = fix {
            d.fix(fix);
        }
    }
}

/// Whether `node` already has the JSON type of `ty` (for "wrap it in an array").
fn fits(node: &Node<'_>, ty: &Type) -> bool {
    matches!(
        (&node.value, ty),
        (Value::String(_), Type::String { .. } | Type::Enum(_))
            | (
                Value::Number(_),
                Type::Integer { .. } | Type::Long { .. } | Type::Double
            )
            | (Value::Bool(_), Type::Boolean)
            | (Value::Object(_), Type::Structure(_) | Type::Map { .. })
    )
}

/// What a value is called in messages. Built into text only when a message needs it: most
/// values never get one, and formatting a name for every list and map value was a large
/// part of the walk's time.
#[derive(Clone, Copy)]
enum Name<'n> {
    /// A member's name, or a phrase ("the container definitions").
    Plain(&'n str),
    /// "each element of `command`".
    Element(&'n Name<'n>),
    /// "`awslogs-group` in `options`".
    MapValue(&'n str, &'n Name<'n>),
}

impl Name<'_> {
    fn render(&self) -> String {
        match self {
            Name::Plain(s) => (*s).to_owned(),
            Name::Element(of) => format!("each element of {}", quoted(**of)),
            Name::MapValue(key, of) => format!("`{key}` in {}", quoted(**of)),
        }
    }
}

/// `name` in backticks, unless it is already a phrase ("each element of `command`").
fn quoted(name: Name<'_>) -> String {
    let name = name.render();
    if name.contains(' ') {
        name
    } else {
        format!("`{name}`")
    }
}

/// The text to delete to remove `member` from `members`, with its comma and the space
/// before the next member, so that the rest of the file keeps its layout.
pub(crate) fn member_removal(members: &[Member<'_>], member: &Member<'_>) -> TextRange {
    let index = members
        .iter()
        .position(|m| std::ptr::eq(m, member))
        .unwrap_or(0);
    match (
        index.checked_sub(1).map(|i| &members[i]),
        members.get(index + 1),
    ) {
        (_, Some(next)) => TextRange::new(member.key.range.start, next.key.range.start),
        (Some(prev), None) => TextRange::new(prev.value.range.end, member.value.range.end),
        (None, None) => TextRange::new(member.key.range.start, member.value.range.end),
    }
}

/// How a shape is named in messages: "a container definition", "an EFS volume configuration".
pub(crate) fn shape_phrase(shape: &str) -> String {
    match shape {
        "RegisterTaskDefinitionRequest" => return "the task definition".to_owned(),
        "CreateServiceRequest" => return "the service definition".to_owned(),
        "UpdateServiceRequest" => return "the service update".to_owned(),
        _ => {}
    }
    let mut words: Vec<String> = Vec::new();
    let chars: Vec<char> = shape.chars().collect();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        let prev_lower = i > 0 && chars[i - 1].is_lowercase();
        if c.is_uppercase() && !current.is_empty() && (prev_lower || next_lower) {
            words.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    words.push(current);
    let words: Vec<String> = words
        .into_iter()
        .map(|w| {
            if w.chars().filter(|c| c.is_uppercase()).count() > 1 {
                w
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    // A shape named in the plural (`DeploymentAlarms`, `LinuxParameters`) is one object
    // holding several settings: "a set of deployment alarms" reads, "a deployment alarms"
    // does not.
    let plural = words.last().is_some_and(|w| is_plural_word(w));
    let phrase = words.join(" ");
    if plural {
        return format!("a set of {phrase}");
    }
    let article =
        if phrase.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'F', 'I', 'O', 'S', 'U']) {
            "an"
        } else {
            "a"
        };
    format!("{article} {phrase}")
}

/// What differs between a key and the field it spells in another letter case.
fn case_difference(key: &str, field: &str) -> String {
    let mut pascal = String::with_capacity(field.len());
    let mut chars = field.chars();
    if let Some(first) = chars.next() {
        pascal.extend(first.to_uppercase());
        pascal.push_str(chars.as_str());
    }
    if key == pascal {
        "ECS field names are camelCase (PascalCase is CloudFormation's spelling)".to_owned()
    } else if key.chars().all(|c| !c.is_uppercase()) {
        format!("field names are case-sensitive, and `{field}` has capital letters")
    } else if key.chars().all(|c| !c.is_lowercase()) {
        format!("field names are case-sensitive, and `{field}` is camelCase, not capitals")
    } else {
        format!("field names are case-sensitive, and `{field}` has its capitals elsewhere")
    }
}

/// Whether a word of a shape name is an English plural: `alarms`, `parameters`, `details`
/// are; `status`, `alias`, `tmpfs`, `access` are not.
fn is_plural_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.ends_with('s')
        && !["ss", "us", "is", "fs", "as"]
            .iter()
            .any(|end| w.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::shape_phrase;

    #[test]
    fn shape_phrases_read_naturally() {
        assert_eq!(
            shape_phrase("ContainerDefinition"),
            "a container definition"
        );
        assert_eq!(
            shape_phrase("EFSVolumeConfiguration"),
            "an EFS volume configuration"
        );
        assert_eq!(shape_phrase("PortMapping"), "a port mapping");
        assert_eq!(
            shape_phrase("RegisterTaskDefinitionRequest"),
            "the task definition"
        );
        assert_eq!(
            shape_phrase("DeploymentAlarms"),
            "a set of deployment alarms"
        );
        assert!(super::case_difference("alarmnames", "alarmNames").contains("has capital letters"));
        assert!(super::case_difference("AlarmNames", "alarmNames").contains("PascalCase"));
        assert!(super::case_difference("ALARMNAMES", "alarmNames").contains("not capitals"));
        assert!(super::case_difference("alarmNAMES", "alarmNames").contains("elsewhere"));
        assert_eq!(shape_phrase("LinuxParameters"), "a set of linux parameters");
        assert_eq!(shape_phrase("Tmpfs"), "a tmpfs");
        assert_eq!(
            shape_phrase("ServiceConnectClientAlias"),
            "a service connect client alias"
        );
        assert_eq!(
            shape_phrase("ContainerInstanceHealthStatus"),
            "a container instance health status"
        );
    }

    /// Every shape of the model reads as one thing: "a …", "an …", "the …" or "a set of …",
    /// never an article before a plural ("a deployment alarms").
    #[test]
    fn every_shape_phrase_is_singular() {
        for shape in crate::model::SHAPES {
            let phrase = shape_phrase(shape.name);
            let last = phrase.rsplit(' ').next().unwrap_or_default();
            let plural_last = super::is_plural_word(last);
            assert!(
                phrase.starts_with("a set of ") == plural_last,
                "{}: {phrase}",
                shape.name
            );
            assert!(
                ["a ", "an ", "the "].iter().any(|a| phrase.starts_with(a)),
                "{}: {phrase}",
                shape.name
            );
        }
    }
}
