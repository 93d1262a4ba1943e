use super::*;
use crate::json::{Node, Value};
use crate::text::TextRange;

/// The tree as compact JSON, each value followed by its text in `⟨⟩` when `ranges`.
pub(super) fn show(text: &str, node: &Node<'_>, ranges: bool) -> String {
    let mut out = String::new();
    write(text, node, ranges, &mut out);
    out
}

fn write(text: &str, node: &Node<'_>, ranges: bool, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Unknown => out.push_str("<unknown>"),
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
    if ranges && !matches!(node.value, Value::Object(_) | Value::Array(_)) {
        out.push_str(&format!("⟨{}⟩", &text[node.range.start..node.range.end]));
    }
}

fn tree(text: &str) -> String {
    let out = parse(text);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    show(text, out.root.as_ref().unwrap(), false)
}

fn core(text: &str) -> String {
    let out = parse_with(text, &Options::ECS_DEPLOY_ACTION).parsed;
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    show(text, out.root.as_ref().unwrap(), false)
}

fn slice(text: &str, r: TextRange) -> &str {
    &text[r.start..r.end]
}

/// The problems as `rule: message @ text`.
fn problems(text: &str) -> Vec<String> {
    parse(text)
        .problems
        .iter()
        .map(|p| format!("{}: {} @ {:?}", p.rule, p.message, slice(text, p.range)))
        .collect()
}

#[test]
fn short_forms_become_long_forms() {
    assert_eq!(tree("a: !Ref X"), r#"{"a":{"Ref":"X"}}"#);
    assert_eq!(tree("a: !Condition C"), r#"{"a":{"Condition":"C"}}"#);
    assert_eq!(
        tree("a: !GetAtt R.Arn"),
        r#"{"a":{"Fn::GetAtt":["R","Arn"]}}"#
    );
    assert_eq!(
        tree("a: !GetAtt R.Endpoint.Address"),
        r#"{"a":{"Fn::GetAtt":["R","Endpoint.Address"]}}"#
    );
    assert_eq!(
        tree("a: !GetAtt [R, Arn]"),
        r#"{"a":{"Fn::GetAtt":["R","Arn"]}}"#
    );
    assert_eq!(tree("a: !Sub '${A}-x'"), r#"{"a":{"Fn::Sub":"${A}-x"}}"#);
    assert_eq!(
        tree("a: !Sub ['${A}', {A: !Ref B}]"),
        r#"{"a":{"Fn::Sub":["${A}",{"A":{"Ref":"B"}}]}}"#
    );
    assert_eq!(
        tree("a: !Select [0, !GetAZs '']"),
        r#"{"a":{"Fn::Select":[0,{"Fn::GetAZs":""}]}}"#
    );
    assert_eq!(tree("a: !GetAZs"), r#"{"a":{"Fn::GetAZs":""}}"#);
    // A scalar under a function tag is text, as cfn-lint builds it.
    assert_eq!(
        tree("a: !Ref 5\nb: !Base64 yes"),
        r#"{"a":{"Ref":"5"},"b":{"Fn::Base64":"yes"}}"#
    );
    for f in [
        "If",
        "Join",
        "Split",
        "FindInMap",
        "ImportValue",
        "Cidr",
        "Equals",
        "And",
        "Or",
        "Not",
        "Transform",
        "Length",
        "ToJsonString",
    ] {
        assert_eq!(
            tree(&format!("a: !{f} [x]")),
            format!(r#"{{"a":{{"Fn::{f}":["x"]}}}}"#)
        );
    }
    assert_eq!(
        tree("a: !If\n  - C\n  - !Ref X\n  - !Ref AWS::NoValue\n"),
        r#"{"a":{"Fn::If":["C",{"Ref":"X"},{"Ref":"AWS::NoValue"}]}}"#
    );
    assert_eq!(
        tree("a: !Transform {Name: M, Parameters: {}}"),
        r#"{"a":{"Fn::Transform":{"Name":"M","Parameters":{}}}}"#
    );
}

#[test]
fn short_forms_keep_the_tag_and_value_ranges() {
    let text = "Role: !GetAtt Exec.Arn\nCpu: !Ref 'TaskCpu'\nL: !Join\n  - ','\n  - [a]\n";
    let root = parse(text).root.unwrap();
    let role = root.get("Role").unwrap();
    assert_eq!(slice(text, role.range), "!GetAtt Exec.Arn");
    let member = &role.as_object().unwrap()[0];
    assert_eq!(slice(text, member.key.range), "!GetAtt");
    assert_eq!(slice(text, member.value.range), "Exec.Arn");
    let parts = member.value.as_array().unwrap();
    assert_eq!(
        (slice(text, parts[0].range), slice(text, parts[1].range)),
        ("Exec", "Arn")
    );
    let cpu = root.get("Cpu").unwrap();
    assert_eq!(slice(text, cpu.range), "!Ref 'TaskCpu'");
    assert_eq!(slice(text, cpu.get("Ref").unwrap().range), "'TaskCpu'");
    let join = root.get("L").unwrap();
    assert_eq!(slice(text, join.range), "!Join\n  - ','\n  - [a]");
    assert_eq!(
        slice(text, join.get("Fn::Join").unwrap().range),
        "- ','\n  - [a]"
    );
    assert_eq!(root.pointer_to(parts[1].range), "/Role/Fn::GetAtt/1");
}

#[test]
fn other_tags() {
    assert_eq!(
        tree("a: !!str 12\nb: !!int '7'\nc: ! 12\nd: !!float 1.5"),
        r#"{"a":"12","b":7,"c":"12","d":1.5}"#
    );
    assert_eq!(
        problems("a: !GetAttr R.Arn\nb: !!int abc\nc: !!binary aGk=\nd: !!map [x]\n"),
        [
            "unknown-yaml-tag: `!GetAttr` is not a CloudFormation function tag; the value is read without it @ \"!GetAttr\"",
            "invalid-yaml: `!!int` says this is an integer, but `abc` is not @ \"!!int abc\"",
            "unknown-yaml-tag: `!!binary` is not a CloudFormation function tag; the value is read without it @ \"!!binary\"",
            "invalid-yaml: `!!map` does not fit this sequence @ \"!!map\"",
        ]
    );
    // The value is kept, as a string.
    let out = parse("a: !GetAttr 12");
    assert_eq!(
        show("a: !GetAttr 12", out.root.as_ref().unwrap(), false),
        r#"{"a":"12"}"#
    );
    // For the ECS deploy action, `!Ref` is an unknown tag (the `yaml` package keeps the string).
    let out = parse_with("a: !Ref X", &Options::ECS_DEPLOY_ACTION).parsed;
    assert_eq!(show("", out.root.as_ref().unwrap(), false), r#"{"a":"X"}"#);
    assert_eq!(out.problems[0].rule, "unknown-yaml-tag");
}

#[test]
fn scalars_follow_the_schema() {
    let text = "a: yes\nb: 0x1F\nc: 017\nd: 1_000\ne: 1e3\nf: ~\ng:\nh: 2010-09-09\ni: .inf\nj: 0o17\nk: +12";
    assert_eq!(
        tree(text),
        r#"{"a":true,"b":31,"c":15,"d":1000,"e":"1e3","f":null,"g":null,"h":"2010-09-09","i":".inf","j":"0o17","k":12}"#
    );
    assert_eq!(
        core(text),
        r#"{"a":"yes","b":31,"c":17,"d":"1_000","e":1e3,"f":null,"g":null,"h":"2010-09-09","i":".inf","j":15,"k":12}"#
    );
    // Numbers borrow their text when it is JSON already.
    let root = parse("a: 512\nb: 0x200").root.unwrap();
    assert!(matches!(
        root.get("a").unwrap().as_number().unwrap().raw,
        std::borrow::Cow::Borrowed("512")
    ));
    assert_eq!(
        root.get("b").unwrap().as_number().unwrap().as_i64(),
        Some(512)
    );
    // Quoted and block scalars are strings; keys are named as JSON would write them.
    assert_eq!(
        tree("'1': \"2\"\n3: |\n  4\nyes: x"),
        r#"{"1":"2","3":"4\n","true":"x"}"#
    );
}

#[test]
fn scalar_ranges() {
    let text = "a: \"q\"  # c\nb: plain\n  continued\nc: |-\n  one\n\n  two\n\n# after\nd: >+\n  x\n\ne: 'it''s'\nf:\n";
    let out = parse(text);
    let root = out.root.unwrap();
    let r = |k: &str| slice(text, root.get(k).unwrap().range);
    assert_eq!(r("a"), "\"q\"");
    assert_eq!(r("b"), "plain\n  continued");
    assert_eq!(r("c"), "|-\n  one\n\n  two");
    assert_eq!(r("d"), ">+\n  x");
    assert_eq!(r("e"), "'it''s'");
    assert_eq!(root.get("e").unwrap().as_str(), Some("it's"));
    assert_eq!(
        root.get("f").unwrap().range,
        TextRange::empty(text.find("f:").unwrap() + 2)
    );
    assert_eq!(root.get("c").unwrap().as_str(), Some("one\n\ntwo"));
    assert_eq!(root.get("d").unwrap().as_str(), Some("x\n\n"));
    assert!(matches!(
        &root.get("a").unwrap().value,
        Value::String(std::borrow::Cow::Borrowed("q"))
    ));
}

#[test]
fn collection_ranges() {
    let text = "top:\n  key: v\n  list:\n    - 1\n    - {x: [a, b] }\nanchored: &a\n  k: v\n";
    let root = parse(text).root.unwrap();
    assert_eq!(slice(text, root.range), text.trim_end());
    let top = root.get("top").unwrap();
    assert_eq!(
        slice(text, top.range),
        "key: v\n  list:\n    - 1\n    - {x: [a, b] }"
    );
    assert_eq!(
        slice(text, top.get("list").unwrap().range),
        "- 1\n    - {x: [a, b] }"
    );
    let flow = &top.get("list").unwrap().as_array().unwrap()[1];
    assert_eq!(slice(text, flow.range), "{x: [a, b] }");
    assert_eq!(slice(text, flow.get("x").unwrap().range), "[a, b]");
    assert_eq!(
        slice(text, root.get("anchored").unwrap().range),
        "&a\n  k: v"
    );
}

/// An indentless sequence (`Key:` then `- item` at the key's indentation, the usual style of
/// CloudFormation templates) starts at its first `-`, as an indented one does: saphyr starts
/// it after the `-`, which gave a sequence of one item that item's range, and a finding about
/// the item (a container without `Image`) the pointer of the sequence (the `read_yaml` fuzz
/// target; `tests/regressions/yaml-indentless-sequence-of-one.yaml`).
#[test]
fn indentless_sequences_start_at_their_dash() {
    let text = "a:\n- x\n- y\nb:\n-\n  k: v\nc:\n- # note\n  k: v\nd:\n- - x\ne:\n  - z\n";
    let root = parse(text).root.unwrap();
    let range = |key: &str| slice(text, root.get(key).unwrap().range);
    assert_eq!(range("a"), "- x\n- y");
    assert_eq!(range("b"), "-\n  k: v");
    assert_eq!(range("c"), "- # note\n  k: v");
    assert_eq!(range("d"), "- - x");
    let inner = &root.get("d").unwrap().as_array().unwrap()[0];
    assert_eq!(slice(text, inner.range), "- x");
    assert_eq!(range("e"), "- z");
    // Every item's pointer names the item, not the sequence.
    let text = include_str!("../../../tests/regressions/yaml-indentless-sequence-of-one.yaml");
    let root = parse(text).root.unwrap();
    let containers = root
        .get("Resources")
        .and_then(|r| r.get("TaskDef"))
        .and_then(|t| t.get("Properties"))
        .and_then(|p| p.get("ContainerDefinitions"))
        .unwrap();
    let item = &containers.as_array().unwrap()[0];
    assert_ne!(containers.range, item.range);
    assert_eq!(
        root.pointer_to(item.range),
        "/Resources/TaskDef/Properties/ContainerDefinitions/0"
    );
}

#[test]
fn aliases_copy_with_the_alias_range() {
    let text = "base: &b {cpu: 256, env: [x]}\nweb: *b\n";
    let out = parse_with(text, &Options::CLOUDFORMATION);
    let root = out.parsed.root.unwrap();
    assert_eq!(
        show(text, &root, false),
        r#"{"base":{"cpu":256,"env":["x"]},"web":{"cpu":256,"env":["x"]}}"#
    );
    let web = root.get("web").unwrap();
    assert_eq!(slice(text, web.range), "*b");
    assert_eq!(slice(text, web.get("cpu").unwrap().range), "*b");
    assert_eq!(slice(text, web.as_object().unwrap()[0].key.range), "*b");
    assert_eq!(out.aliases.len(), 1);
    assert_eq!(slice(text, out.aliases[0].anchor), "&b");
    assert_eq!(root.pointer_to(web.get("cpu").unwrap().range), "/web");
}

#[test]
fn aliases_are_bounded() {
    assert_eq!(
        problems("a: &a [*a]"),
        ["invalid-yaml: the alias `*a` is inside the node its anchor names @ \"*a\""]
    );
    assert_eq!(
        problems("a: *nope"),
        ["invalid-yaml: the alias `*nope` refers to no anchor defined before it @ \"*nope\""]
    );
    // Ten levels of ten aliases: 10^10 values, refused at the bound.
    let mut text = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        text.push_str(&format!(
            "l{i}: &l{i} [*l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}]\n"
        ));
    }
    let out = parse(&text);
    assert!(out.root.is_none());
    assert!(
        out.problems[0]
            .message
            .contains("anchors and aliases copy more than 250000 nodes"),
        "{:?}",
        out.problems
    );
    // Nested anchors on a large node copy it once each: bounded as well.
    let opens: String = (0..100).map(|i| format!("&a{i} [")).collect();
    let big = format!("{opens}[{}]{}", "x, ".repeat(5000), "]".repeat(100));
    let out = parse(&big);
    assert!(
        out.root.is_none() && out.problems[0].message.contains("copy more than"),
        "{:?}",
        out.problems
    );
    // Nesting is bounded too.
    let deep = "[".repeat(200) + &"]".repeat(200);
    let out = parse(&deep);
    assert!(out.root.is_none());
    assert!(
        out.problems[0].message.contains("nested deeper than 128"),
        "{:?}",
        out.problems
    );
    assert!(parse(&("[".repeat(128) + &"]".repeat(128))).root.is_some());
}

#[test]
fn merge_keys() {
    let text = "d: &d {cpu: 256, memory: 512, name: d}\ne: &e {memory: 1024, image: e}\nweb:\n  <<: [*d, *e]\n  name: web\n";
    let out = parse_with(text, &Options::CLOUDFORMATION);
    let root = out.parsed.root.unwrap();
    // Explicit keys win; among merged mappings the first wins (PyYAML).
    assert_eq!(
        show(text, root.get("web").unwrap(), false),
        r#"{"cpu":256,"memory":512,"image":"e","name":"web"}"#
    );
    assert!(out.parsed.problems.is_empty());
    assert_eq!(out.merge_keys.len(), 1);
    // Two merges: the later wins.
    assert_eq!(
        tree("w:\n  <<: {a: 1, b: 1}\n  <<: {a: 2}\n"),
        r#"{"w":{"b":1,"a":2}}"#
    );
    // The `yaml` package (ECS deploy action) has no merge keys in YAML 1.2.
    assert_eq!(
        core("a: &a {x: 1}\nb:\n  <<: *a\n"),
        r#"{"a":{"x":1},"b":{"<<":{"x":1}}}"#
    );
    assert_eq!(
        problems("a:\n  <<: 12\n"),
        ["invalid-yaml: `<<` merges mappings: this is not a mapping @ \"12\""]
    );
}

#[test]
fn duplicate_keys_name_both_places() {
    let text = "cpu: 1\nmemory: 2\ncpu: 3\n";
    let out = parse(text);
    assert_eq!(out.problems.len(), 1);
    let p = &out.problems[0];
    assert_eq!((p.rule, slice(text, p.range)), ("duplicate-key", "cpu"));
    assert_eq!(p.related.as_ref().unwrap().0, TextRange::new(0, 3));
    assert_eq!(
        out.root
            .unwrap()
            .get("cpu")
            .unwrap()
            .as_number()
            .unwrap()
            .raw,
        "3"
    );
    // Keys that read the same are the same key.
    assert_eq!(parse("yes: 1\ntrue: 2").problems.len(), 1);
}

#[test]
fn documents() {
    let text = "a: 1\n---\nb: 2\n";
    let out = parse(text);
    assert_eq!(show(text, out.root.as_ref().unwrap(), false), r#"{"a":1}"#);
    assert_eq!(
        problems(text),
        ["invalid-yaml: a second YAML document starts here @ \"---\""]
    );
    assert_eq!(tree("---\na: 1\n...\n"), r#"{"a":1}"#);
    assert_eq!(problems(""), ["invalid-yaml: the file is empty @ \"\""]);
    assert_eq!(
        problems("# only a comment\n"),
        ["invalid-yaml: the file is empty @ \"\""]
    );
    assert_eq!(tree("%YAML 1.2\n---\na: 1"), r#"{"a":1}"#);
}

#[test]
fn syntax_errors_say_where_and_what() {
    assert_eq!(
        problems("a:\n\tb: 1\n"),
        ["invalid-yaml: a tab in the indentation: YAML indents with spaces only @ \"\\t\""]
    );
    assert_eq!(
        problems("a:\n  b: 1\n c: 2\n"),
        ["invalid-yaml: bad indentation: `c:` is indented 1 space, but the keys of the mapping that starts on line 1 are indented 0 spaces @ \"c\""]
    );
    assert_eq!(
        problems("a: [1, 2\nb: 3\n"),
        ["invalid-yaml: expected `,` or `]` here: the `[` of line 1 is not closed @ \":\""]
    );
    assert_eq!(
        problems("a: \"open\n"),
        ["invalid-yaml: this quoted string is not closed: no `\"` ends it @ \"\\\"\""]
    );
    assert_eq!(
        problems("a: b: c\n"),
        ["invalid-yaml: unexpected `:` here: a plain value cannot contain a colon followed by a space @ \":\""]
    );
    assert_eq!(
        problems("a:\n  - 1\n  b: 2\n"),
        ["invalid-yaml: bad indentation: `b:` is indented 2 spaces, but the items of the list that starts on line 2 are indented 2 spaces @ \"b\""]
    );
    assert_eq!(
        problems("a: \"\\q\"\n"),
        ["invalid-yaml: unknown escape `\\q` in a double-quoted string @ \"\\\\q\""]
    );
}

#[test]
fn offsets_are_bytes() {
    let text = "\u{feff}héllo: wörld\r\nx: !GetAtt é.ü\r\n";
    let root = parse(text).root.unwrap();
    assert_eq!(slice(text, root.get("héllo").unwrap().range), "wörld");
    let att = root
        .get("x")
        .unwrap()
        .get("Fn::GetAtt")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(
        (slice(text, att[0].range), slice(text, att[1].range)),
        ("é", "ü")
    );
    assert_eq!(
        problems("é: \"ü\n"),
        ["invalid-yaml: this quoted string is not closed: no `\"` ends it @ \"\\\"\""]
    );
}

#[test]
fn json_reads_as_json() {
    let text = r#"{"family": "web", "cpu": "256", "containerDefinitions": [{"name": "app", "memory": 512, "essential": true, "x": null, "f": 1.5e3}]}"#;
    let json = crate::json::parse(text).root.unwrap();
    for options in [Options::CLOUDFORMATION, Options::ECS_DEPLOY_ACTION] {
        let out = parse_with(text, &options).parsed;
        assert!(out.problems.is_empty());
        if options == Options::ECS_DEPLOY_ACTION {
            assert_eq!(out.root.unwrap(), json);
        } else {
            // YAML 1.1 (PyYAML) reads `1.5e3` as a string: its floats need a signed exponent.
            assert_eq!(
                out.root
                    .unwrap()
                    .get("containerDefinitions")
                    .unwrap()
                    .as_array()
                    .unwrap()[0]
                    .get("f")
                    .unwrap()
                    .as_str(),
                Some("1.5e3")
            );
        }
    }
}
