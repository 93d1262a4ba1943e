//! Model-driven JSON: task definitions, services and container lists built from the ECS API
//! model (`ecslint_core::model`), so that fuzzing and property tests reach the rules instead
//! of stopping at the parser.
//!
//! Every choice is read from an [`arbitrary::Unstructured`]: the fuzzer's bytes, or bytes
//! that proptest generates and shrinks (`tests/properties.rs` includes this file). An
//! exhausted input gives the smallest document, so shrinking gives small examples.
//!
//! Objects follow a shape of the model (its members, with values of the member's type), with
//! now and then a value of the wrong type, an unknown or misspelt key, a duplicate key, a
//! read-only output field, an enum value of another enum, a boundary number, a template
//! placeholder; and, when `slips` is on, the syntax slips the parser recovers from (trailing
//! and missing commas, comments, single quotes, unquoted keys, `True`/`None`).

use arbitrary::Unstructured;
use ecslint_core::model::{
    Shape, Type, CONTAINER_DEFINITION, CREATE_SERVICE_REQUEST, ENUMS,
    REGISTER_TASK_DEFINITION_REQUEST, SERVICE_OUTPUT_ONLY, SHAPES, TAG,
    TASK_DEFINITION_OUTPUT_ONLY,
};

/// Documents stop growing past this many bytes (members are left out, lists cut short).
const MAX_LEN: usize = 64 * 1024;
/// Objects nested deeper than this are written `{}`.
const MAX_DEPTH: usize = 12;

/// Strings that rules look at: images, ARNs, sizes, names that other fields refer to,
/// placeholders, secrets.
const STRINGS: &[&str] = &[
    "",
    "app",
    "sidecar",
    "web",
    "log_router",
    "envoy",
    "nginx",
    "nginx:latest",
    "nginx:1.27",
    "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "public.ecr.aws/docker/library/nginx:1.27",
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0",
    "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    "arn:aws:iam::123456789012:role/app-task",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
    "arn:aws:ssm:us-east-1:123456789012:parameter/app/db",
    "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/0123456789abcdef",
    "arn:aws:s3:::bucket/app.env",
    "256",
    "512",
    "1024",
    "2048",
    "4096",
    "16384",
    "0.25 vCPU",
    "1 vCPU",
    "1 GB",
    "0.5GB",
    "awslogs",
    "awsfirelens",
    "/ecs/app",
    "us-east-1",
    "ecs",
    "CMD-SHELL",
    "CMD",
    "curl -f http://localhost/ || exit 1",
    "sh",
    "-c",
    "0.0.0.0",
    "8080",
    "80",
    "tcp",
    "http",
    "FARGATE",
    "EC2",
    "LINUX",
    "X86_64",
    "ARM64",
    "awsvpc",
    "bridge",
    "host",
    "/data",
    "/var/run/docker.sock",
    "vol",
    "fs-12345678",
    "fsap-12345678",
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "PASSWORD",
    "DB_PASSWORD",
    "ENABLED",
    "DISABLED",
    "sg-0123456789abcdef0",
    "subnet-0123456789abcdef0",
    "aws:tag",
    "${IMAGE}",
    "{{ must_env `IMAGE` }}",
    "$TAG",
    "<ACCOUNT_ID>",
    "#{Variable}",
    "NET_ADMIN",
    "SYS_PTRACE",
    "nofile",
    "net.core.somaxconn",
    "service:8080",
    "C:\\data",
    "~/x",
    "é",
];

/// Keys of string maps (log options, labels, tags).
const MAP_KEYS: &[&str] = &[
    "awslogs-group",
    "awslogs-region",
    "awslogs-stream-prefix",
    "awslogs-create-group",
    "mode",
    "max-buffer-size",
    "Name",
    "Host",
    "Match",
    "com.example.label",
    "tag",
    "env",
    "",
    "aws:tag",
    "a/b~c",
];

/// Characters of made-up strings: quotes, escapes, control characters, non-ASCII.
const CHARS: &[char] = &[
    'a', 'Z', '0', ' ', '-', '_', ':', '/', '~', '.', '"', '\\', '\'', '\n', '\t', '\u{0}',
    '\u{1f}', '\u{7f}', 'é', '中', '😀', '\u{2028}', '\u{feff}', '$', '{', '}',
];

static CONTAINER: Type = Type::Structure(&CONTAINER_DEFINITION);
static TAG_ITEM: Type = Type::Structure(&TAG);

/// Builds one document from `u`. With `slips`, it may contain the syntax slips the parser
/// recovers from.
pub fn document(u: &mut Unstructured<'_>, slips: bool) -> String {
    let mut g = Gen {
        u,
        out: String::new(),
        depth: 0,
        indent: 0,
        pretty: false,
        slips,
    };
    g.pretty = !g.chance(30);
    match g.below(20) {
        0..=9 => g.structure(
            &REGISTER_TASK_DEFINITION_REQUEST,
            TASK_DEFINITION_OUTPUT_ONLY,
        ),
        10..=14 => g.structure(&CREATE_SERVICE_REQUEST, SERVICE_OUTPUT_ONLY),
        15..=16 => g.list(&CONTAINER, None),
        17 => {
            // DescribeTaskDefinition output, wrapped.
            g.open('{');
            g.key("taskDefinition");
            g.structure(
                &REGISTER_TASK_DEFINITION_REQUEST,
                TASK_DEFINITION_OUTPUT_ONLY,
            );
            g.comma();
            g.key("tags");
            g.list(&TAG_ITEM, None);
            g.close('}');
        }
        18 => {
            let shape = g.pick(SHAPES);
            g.structure(shape, &[]);
        }
        _ => g.wrong_value(),
    }
    if g.pretty {
        g.out.push('\n');
    }
    g.out
}

/// Which document [`document_of`] builds.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    TaskDefinition,
    Service,
}

/// Builds a task definition or a service (for pairs: the names of the string pool, such as
/// `app` and `web`, make the service and the task definition refer to each other often).
pub fn document_of(u: &mut Unstructured<'_>, kind: Kind, slips: bool) -> String {
    let mut g = Gen {
        u,
        out: String::new(),
        depth: 0,
        indent: 0,
        pretty: true,
        slips,
    };
    match kind {
        Kind::TaskDefinition => g.structure(
            &REGISTER_TASK_DEFINITION_REQUEST,
            TASK_DEFINITION_OUTPUT_ONLY,
        ),
        Kind::Service => g.structure(&CREATE_SERVICE_REQUEST, SERVICE_OUTPUT_ONLY),
    }
    g.out.push('\n');
    g.out
}

struct Gen<'u, 'a> {
    u: &'u mut Unstructured<'a>,
    out: String,
    depth: usize,
    indent: usize,
    pretty: bool,
    slips: bool,
}

impl Gen<'_, '_> {
    // ----- choices (an exhausted input chooses "no" and the first option) -----------------

    fn byte(&mut self) -> u8 {
        self.u.arbitrary::<u8>().unwrap_or(0)
    }

    /// True with about `percent` % probability; false once the input is exhausted.
    fn chance(&mut self, percent: u32) -> bool {
        u32::from(self.byte()) * 100 >= (100 - percent.min(100)) * 256
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.u.choose_index(n).unwrap_or(0)
        }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn full(&self) -> bool {
        self.out.len() > MAX_LEN
    }

    fn slip(&mut self, percent: u32) -> bool {
        self.slips && self.chance(percent)
    }

    // ----- layout --------------------------------------------------------------------------

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.indent {
                self.out.push_str("  ");
            }
        }
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.indent += 1;
        self.depth += 1;
        self.newline();
    }

    fn close(&mut self, c: char) {
        if self.slip(2) {
            self.out.push(',');
        }
        self.indent -= 1;
        self.depth -= 1;
        self.newline();
        self.out.push(c);
    }

    fn comma(&mut self) {
        if !self.slip(1) {
            self.out.push(',');
        } else {
            self.out.push(' ');
        }
        self.newline();
    }

    fn key(&mut self, name: &str) {
        if self.slip(1) {
            self.out.push_str("/* note */ ");
        } else if self.slip(1) {
            self.out.push_str("// note");
            self.out.push('\n');
        }
        let identifier = !name.is_empty()
            && name.as_bytes()[0].is_ascii_alphabetic()
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if identifier && self.slip(1) {
            self.out.push_str(name);
        } else {
            self.string(name);
        }
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    fn string(&mut self, s: &str) {
        if !s.contains(['"', '\'', '\\']) && !s.chars().any(char::is_control) && self.slip(1) {
            self.out.push('\'');
            self.out.push_str(s);
            self.out.push('\'');
            return;
        }
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn literal(&mut self, word: &'static str) {
        let slipped = match word {
            "true" => "True",
            "false" => "False",
            "null" => "None",
            _ => word,
        };
        if slipped != word && self.slip(2) {
            self.out.push_str(slipped);
        } else {
            self.out.push_str(word);
        }
    }

    // ----- values --------------------------------------------------------------------------

    /// A value for a member of type `ty`: usually of that type, sometimes not.
    fn value(&mut self, ty: &'static Type) {
        if self.chance(6) {
            return self.wrong_value();
        }
        match ty {
            Type::String { min, max } => self.string_value(*min, *max),
            Type::Enum(def) => {
                let value = match self.below(20) {
                    0 => self
                        .pick(ENUMS)
                        .values
                        .first()
                        .copied()
                        .unwrap_or("")
                        .to_owned(),
                    1 => def.values.first().copied().unwrap_or("").to_lowercase(),
                    2 => self.made_up_string(),
                    _ => self.pick(def.values).to_owned(),
                };
                self.string(&value);
            }
            Type::Integer { min, max } => self.integer(
                min.unwrap_or(i64::from(i32::MIN)),
                max.unwrap_or(i64::from(i32::MAX)),
            ),
            Type::Long { min, max } => {
                self.integer(min.unwrap_or(i64::MIN), max.unwrap_or(i64::MAX))
            }
            Type::Boolean => {
                let b = self.chance(50);
                self.literal(if b { "true" } else { "false" });
            }
            Type::Double => {
                let v = match self.below(4) {
                    0 => "0.5".to_owned(),
                    1 => "100".to_owned(),
                    2 => "-1.25e3".to_owned(),
                    _ => {
                        let f = f64::from_bits(self.u.arbitrary::<u64>().unwrap_or(0));
                        if f.is_finite() {
                            format!("{f:?}")
                        } else {
                            "1e400".to_owned()
                        }
                    }
                };
                self.out.push_str(&v);
            }
            Type::Timestamp => {
                if self.chance(50) {
                    self.string("2024-01-01T00:00:00Z");
                } else {
                    self.out.push_str("1704067200.5");
                }
            }
            Type::List { member, max, .. } => {
                let max = max.map(|m| m as usize);
                self.list(member, max)
            }
            Type::Map { value } => self.map(value),
            Type::Structure(shape) => self.structure(shape, &[]),
        }
    }

    /// A value of any type: the wrong one for most members.
    fn wrong_value(&mut self) {
        const WRONG: &[&str] = &[
            "null",
            "\"256\"",
            "256",
            "0",
            "-1",
            "2147483648",
            "9223372036854775808",
            "1e400",
            "-0",
            "1.5",
            "true",
            "[]",
            "{}",
            "\"\"",
            "[null]",
            "[{}]",
            "{\"\": null}",
            "\"${VAR}\"",
        ];
        let v = self.pick(WRONG);
        if v == "null" {
            self.literal("null");
        } else {
            self.out.push_str(v);
        }
    }

    fn made_up_string(&mut self) -> String {
        let n = self.below(12);
        (0..n).map(|_| self.pick(CHARS)).collect()
    }

    fn string_value(&mut self, min: Option<u64>, max: Option<u64>) {
        let s = match self.below(16) {
            0 => self.made_up_string(),
            1 => {
                let e = self.pick(ENUMS);
                self.pick(e.values).to_owned()
            }
            2 => {
                let shape = self.pick(SHAPES);
                match shape.members.len() {
                    0 => String::new(),
                    n => shape.members[self.below(n)].name.to_owned(),
                }
            }
            3 => {
                // Around the length limits.
                let len = match (min, max, self.below(4)) {
                    (Some(min), _, 0) => min.saturating_sub(1),
                    (_, Some(max), 1) => max.min(4096),
                    (_, Some(max), 2) => max.saturating_add(1).min(4097),
                    _ => 256,
                } as usize;
                let c = self.pick(&['a', 'é', '-']);
                std::iter::repeat_n(c, len).collect()
            }
            _ => self.pick(STRINGS).to_owned(),
        };
        self.string(&s);
    }

    fn integer(&mut self, min: i64, max: i64) {
        let v: String = match self.below(12) {
            0 => min.to_string(),
            1 => max.to_string(),
            2 => (i128::from(min) - 1).to_string(),
            3 => (i128::from(max) + 1).to_string(),
            4 => "0".to_owned(),
            5 => "-1".to_owned(),
            6 => self.u.arbitrary::<i64>().unwrap_or(0).to_string(),
            7 => "65535".to_owned(),
            _ => self
                .pick(&[
                    "1", "2", "10", "30", "80", "128", "256", "512", "1024", "2048", "4096", "8080",
                ])
                .to_owned(),
        };
        self.out.push_str(&v);
    }

    fn list(&mut self, member: &'static Type, max: Option<usize>) {
        if self.depth >= MAX_DEPTH || self.full() {
            self.out.push_str("[]");
            return;
        }
        let n = if self.chance(3) {
            max.unwrap_or(10).saturating_add(1).min(40)
        } else {
            self.below(5)
        };
        self.open('[');
        let mut first = true;
        for _ in 0..n {
            if self.full() {
                break;
            }
            if !first {
                self.comma();
            }
            first = false;
            self.value(member);
        }
        self.close(']');
    }

    fn map(&mut self, value: &'static Type) {
        if self.depth >= MAX_DEPTH || self.full() {
            self.out.push_str("{}");
            return;
        }
        let n = self.below(5);
        self.open('{');
        for i in 0..n {
            if i > 0 {
                self.comma();
            }
            let key = if self.chance(15) {
                self.made_up_string()
            } else {
                self.pick(MAP_KEYS).to_owned()
            };
            self.key(&key);
            self.value(value);
        }
        self.close('}');
    }

    /// An object of `shape`: its members (required ones nearly always), and a few that do
    /// not belong. `output_only` are read-only fields that may be copied in.
    fn structure(&mut self, shape: &'static Shape, output_only: &[&'static str]) {
        if self.depth >= MAX_DEPTH || self.full() {
            self.out.push_str("{}");
            return;
        }
        let mut entries: Vec<(String, Option<&'static Type>)> = Vec::new();
        for m in shape.members {
            let keep = if m.required {
                !self.chance(8)
            } else {
                self.chance(35)
            };
            if keep {
                entries.push((m.name.to_owned(), Some(m.ty)));
            }
        }
        if !shape.members.is_empty() && self.chance(6) {
            let name = shape.members[self.below(shape.members.len())].name;
            let wrong = self.misspell(name);
            entries.push((wrong, None));
        }
        if !output_only.is_empty() && self.chance(10) {
            entries.push((self.pick(output_only).to_owned(), None));
        }
        if !entries.is_empty() && self.chance(3) {
            let dup = entries[self.below(entries.len())].clone();
            entries.push(dup);
        }
        // A few swaps: members in any order.
        for _ in 0..self.below(3) {
            if entries.len() > 1 {
                let (a, b) = (self.below(entries.len()), self.below(entries.len()));
                entries.swap(a, b);
            }
        }
        self.open('{');
        for (i, (name, ty)) in entries.iter().enumerate() {
            if self.full() {
                break;
            }
            if i > 0 {
                self.comma();
            }
            self.key(name);
            match ty {
                Some(ty) => self.value(ty),
                None => self.wrong_value(),
            }
        }
        self.close('}');
    }

    /// `name` as people get it wrong: a letter dropped or doubled, PascalCase, snake_case,
    /// or another shape's member.
    fn misspell(&mut self, name: &str) -> String {
        let chars: Vec<char> = name.chars().collect();
        match self.below(5) {
            0 if chars.len() > 2 => {
                let i = self.below(chars.len());
                chars
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, c)| *c)
                    .collect()
            }
            1 if !chars.is_empty() => {
                let i = self.below(chars.len());
                let mut out = chars.clone();
                out.insert(i, chars[i]);
                out.into_iter().collect()
            }
            2 => {
                let mut out = String::new();
                for (i, c) in chars.iter().enumerate() {
                    if i == 0 {
                        out.extend(c.to_uppercase());
                    } else {
                        out.push(*c);
                    }
                }
                out
            }
            3 => {
                let mut out = String::new();
                for c in chars {
                    if c.is_uppercase() {
                        out.push('_');
                        out.extend(c.to_lowercase());
                    } else {
                        out.push(c);
                    }
                }
                out
            }
            _ => {
                let shape = self.pick(SHAPES);
                match shape.members.len() {
                    0 => "x".to_owned(),
                    n => shape.members[self.below(n)].name.to_owned(),
                }
            }
        }
    }
}
