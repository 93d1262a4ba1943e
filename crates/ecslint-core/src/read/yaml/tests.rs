use super::*;
use crate::json::{Node, Value};

/// The tree as compact JSON, each value followed by its text in `⟨⟩` when `ranges`.
pub(super) fn show(text: &str, node: &Node<'_>, ranges: bool) -> String {
    let mut out = String::new();
    write(text, node, ranges, &mut out);
    out
}

fn write(text: &str, node: &Node<'_>, ranges: bool, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(&b.to_string()),
        Value::Number(n) => out.push_str(&n.raw),
        Value::String(s) => out.push_str(&format!("{s:?}")),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(text, item, ranges, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&format!("{:?}", m.key.name));
                if ranges {
                    out.push_str(&format!("⟨{}⟩", &text[m.key.range.start..m.key.range.end]));
                }
                out.push(':');
                write(text, &m.value, ranges, out);
            }
            out.push('}');
        }
    }
    if ranges && !matches!(node.value, Value::Object(_) | Value::Array(_)) || ranges && false {
        out.push_str(&format!("⟨{}⟩", &text[node.range.start..node.range.end]));
    }
}

fn tree(text: &str) -> String {
    let out = parse(text);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    show(text, out.root.as_ref().unwrap(), false)
}

#[test]
fn debug_dump() {
    for text in [
        "# comment\nResources: &r\n  Task:\n    Type: \"AWS::ECS::TaskDefinition\"\n    Props: !Ref Foo\n    Att: !GetAtt [A, B]\n    Att2: !GetAtt A.B.C\n    Multi: plain\n      continued\n    Lit: |\n      line1\n      line2\n\n    Fold: >-\n      a\n      b\n    Flow: {a: 1, \"b\": [x, 'y']}\n    List:\n      - one\n      - two\nx: *r\n",
        "a:\nb: ~\nc: !Sub |\n  x ${A}\nd: &x !Ref y\ne: *x\n",
        "base: &b {cpu: 256, memory: 512}\ntask:\n  <<: *b\n  memory: 1024\n",
        "héllo: wörld\nx: !GetAtt héllo.wörld\n",
        "\u{feff}a: 1\n",
    ] {
        let out = parse_with(text, &Options::CLOUDFORMATION);
        eprintln!("{}\n{:?}\n{:?}\n", out.parsed.root.as_ref().map(|r| show(text, r, true)).unwrap_or_default(), out.parsed.problems, out.aliases);
    }
    let _ = tree;
}

#[test]
fn debug_json_file() {
    let Ok(path) = std::env::var("YAML_DEBUG_FILE") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    let j = crate::json::parse(&text).root.unwrap();
    let y = parse_with(&text, &Options::ECS_DEPLOY_ACTION).parsed.root.unwrap();
    fn walk(a: &Node<'_>, b: &Node<'_>, text: &str, path: &str) {
        if a.range != b.range {
            eprintln!("{path}: json {:?} {:?} yaml {:?} {:?}", a.range, &text[a.range.start..a.range.end.min(a.range.start + 40)], b.range, &text[b.range.start..b.range.end.min(b.range.start + 40)]);
        }
        match (&a.value, &b.value) {
            (Value::Object(x), Value::Object(y)) => {
                for (m, n) in x.iter().zip(y) {
                    if m.key != n.key { eprintln!("{path}: key {:?} vs {:?}", m.key, n.key); }
                    walk(&m.value, &n.value, text, &format!("{path}/{}", m.key.name));
                }
            }
            (Value::Array(x), Value::Array(y)) => {
                for (i, (m, n)) in x.iter().zip(y).enumerate() { walk(m, n, text, &format!("{path}/{i}")); }
            }
            (x, y) if x != y => eprintln!("{path}: {x:?} vs {y:?}"),
            _ => {}
        }
    }
    walk(&j, &y, &text, "");
}

#[test]
fn debug_show_file() {
    let Ok(path) = std::env::var("YAML_DEBUG_SHOW") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    let options = if std::env::var("YAML_DEBUG_CFN").is_ok() { Options::CLOUDFORMATION } else { Options { cloudformation_tags: false, ..Options::CLOUDFORMATION } };
    let out = parse_with(&text, &options);
    eprintln!("{}", out.parsed.root.as_ref().map(|r| show(&text, r, false)).unwrap_or_default());
    eprintln!("{:?}", out.parsed.problems);
}
