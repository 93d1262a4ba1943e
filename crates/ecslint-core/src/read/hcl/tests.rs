//! One test per construct: the tree, its ranges and the problems.

use super::*;
use crate::text::TextRange;

fn ok(text: &str) -> Body<'_> {
    let out = parse(text);
    assert!(out.problems.is_empty(), "{text:?}: {:#?}", out.problems);
    out.body
}

fn problems(text: &str) -> Vec<(String, &str)> {
    parse(text)
        .problems
        .into_iter()
        .map(|p| {
            let at = &text[p.range.start..p.range.end];
            (p.message, at)
        })
        .collect()
}

/// The expression of `a = <expr>`.
fn value(text: &str) -> Expr<'_> {
    let body = ok(text);
    body.attribute("a").expect("a").expr.clone()
}

fn at(text: &str, range: TextRange) -> &str {
    &text[range.start..range.end]
}

#[test]
fn blocks_labels_and_attributes() {
    let text = "resource \"aws_ecs_service\" web {\n  name = \"web\" # the name\n  volume {\n    name = \"v\"\n  }\n}\n";
    let body = ok(text);
    assert_eq!(body.blocks.len(), 1);
    let block = &body.blocks[0];
    assert_eq!(block.ident.name, "resource");
    assert_eq!(at(text, block.labels[0].span), "\"aws_ecs_service\"");
    assert!(block.labels[0].quoted);
    assert_eq!(block.labels[1].value, "web");
    assert!(!block.labels[1].quoted);
    assert_eq!(at(text, block.span), &text[..text.len() - 1]);
    assert_eq!(at(text, block.body.span).chars().next(), Some('{'));
    let name = block.body.attribute("name").unwrap();
    assert_eq!(at(text, name.key_span), "name");
    assert_eq!(at(text, name.span), "name = \"web\"");
    assert_eq!(name.expr.as_str().unwrap(), "web");
    let volume = block.body.blocks_of("volume").next().unwrap();
    assert!(volume.labels.is_empty());
    assert_eq!(
        volume
            .body
            .attribute("name")
            .unwrap()
            .expr
            .as_str()
            .unwrap(),
        "v"
    );
}

#[test]
fn one_line_blocks() {
    let body = ok("a {}\nb \"x\" { c = 1 }\n");
    assert!(body.blocks[0].body.attributes.is_empty());
    assert_eq!(body.blocks[1].body.attributes[0].key, "c");
    assert!(problems("a { b = 1, c = 2 }\n")[0]
        .0
        .contains("one argument"));
    assert!(problems("a { b {} }\n")[0].0.contains("`=` after `b`"));
}

#[test]
fn literals() {
    assert!(matches!(value("a = null\n").kind, ExprKind::Null));
    assert!(matches!(value("a = true\n").kind, ExprKind::Bool(true)));
    assert!(matches!(value("a = false\n").kind, ExprKind::Bool(false)));
    for n in ["0", "256", "0.5", "1e3", "2.5E-2", "10e+1"] {
        let text = format!("a = {n}\n");
        assert!(
            matches!(value(&text).kind, ExprKind::Number(raw) if raw == n),
            "{n}"
        );
    }
    let minus = value("a = -1\n");
    assert!(
        matches!(&minus.kind, ExprKind::Unary(UnaryOp::Negate, e) if matches!(e.kind, ExprKind::Number("1")))
    );
    assert!(!minus.is_literal());
}

#[test]
fn string_escapes_map_back_to_the_file() {
    let text = "a = \"x\\ty\\u00e9z\\\"$${q}%%{r}\"\n";
    let e = value(text);
    let ExprKind::String(s) = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(s.value, "x\ty\u{e9}z\"${q}%{r}");
    assert_eq!(at(text, s.raw), "x\\ty\\u00e9z\\\"$${q}%%{r}");
    // `y` is value byte 2, after the two-byte escape `\t`.
    assert_eq!(&text[s.file_offset(2)..s.file_offset(2) + 1], "y");
    // `é` (two bytes) comes from `\u00e9`.
    assert_eq!(at(text, s.file_range(TextRange::new(3, 5))), "\\u00e9");
    assert_eq!(&text[s.file_offset(5)..s.file_offset(5) + 1], "z");
    // `${q}` comes from `$${q}`.
    assert_eq!(at(text, s.file_range(TextRange::new(7, 11))), "$${q}");
    assert_eq!(s.file_offset(s.value.len()), s.raw.end);
    let plain = "a = \"abc\"\n";
    let ExprKind::String(s) = value(plain).kind else {
        panic!()
    };
    assert!(matches!(s.value, std::borrow::Cow::Borrowed(_)));
    assert_eq!(s.file_offset(1), 6);
}

#[test]
fn string_problems() {
    assert_eq!(
        problems("a = \"x\\qy\"\n")[0],
        ("invalid escape sequence `\\q`".to_owned(), "\\q")
    );
    assert!(problems("a = \"\\u12\"\n")[0]
        .0
        .contains("4 hexadecimal digits"));
    assert!(problems("a = \"\\ud800\"\n")[0]
        .0
        .contains("Unicode character"));
    let p = problems("a = \"abc\nb = 1\n");
    assert_eq!(
        p[0].0,
        "expected `\"` to close the string, found the end of the line"
    );
    assert!(problems("a = 'x'\n")[0].0.contains("found `'`"));
}

#[test]
fn templates() {
    let text = "a = \"${var.env}-web-${count.index}\"\n";
    let e = value(text);
    let ExprKind::Template(t) = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(t.parts.len(), 3);
    let TemplatePart::Interpolation(i) = &t.parts[0] else {
        panic!()
    };
    assert_eq!(at(text, i.span), "${var.env}");
    assert_eq!(i.expr.as_path().unwrap(), ["var", "env"]);
    let TemplatePart::Literal(l) = &t.parts[1] else {
        panic!()
    };
    assert_eq!(l.value, "-web-");
    assert_eq!(at(text, l.raw), "-web-");
    assert!(!e.is_literal());
    assert_eq!(e.source(text), "\"${var.env}-web-${count.index}\"");
}

#[test]
fn strip_markers_and_directives() {
    let text = "a = \"x  ${~ 1 ~}  y %{ if true }t%{ else }f%{ endif }\"\n";
    let ExprKind::Template(t) = value(text).kind else {
        panic!()
    };
    let TemplatePart::Literal(first) = &t.parts[0] else {
        panic!()
    };
    assert_eq!(first.value, "x");
    assert_eq!(at(text, first.raw), "x");
    let TemplatePart::Literal(second) = &t.parts[2] else {
        panic!()
    };
    assert_eq!(second.value, "y ");
    assert_eq!(at(text, second.raw), "y ");
    assert!(matches!(
        &t.parts[3],
        TemplatePart::Directive(Directive {
            kind: DirectiveKind::If(_),
            ..
        })
    ));
    let text = "a = \"%{ for k, v in m }${k}=${v}%{ endfor }\"\n";
    let ExprKind::Template(t) = value(text).kind else {
        panic!()
    };
    assert!(matches!(
        &t.parts[0],
        TemplatePart::Directive(Directive {
            kind: DirectiveKind::For { key: Some(_), .. },
            ..
        })
    ));
    assert!(problems("a = \"%{ if true }x\"\n")[0]
        .0
        .contains("has no `%{endif}`"));
    assert!(problems("a = \"%{ endfor }\"\n")[0]
        .0
        .contains("without its `%{for}`"));
    assert!(problems("a = \"%{ bogus }\"\n")[0]
        .0
        .contains("`if`, `else`"));
}

#[test]
fn heredoc_keeps_the_body_range() {
    let text = "a = <<EOF\n[{\"name\": \"app\"}]\nEOF\nb = 1\n";
    let body = ok(text);
    let e = &body.attribute("a").unwrap().expr;
    let ExprKind::Heredoc(h) = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(h.marker.name, "EOF");
    assert!(!h.flush);
    assert_eq!(at(text, h.body), "[{\"name\": \"app\"}]\n");
    assert_eq!(e.as_str().unwrap(), "[{\"name\": \"app\"}]\n");
    assert_eq!(h.template.parts.len(), 1, "lines are joined");
    assert_eq!(at(text, e.span), "<<EOF\n[{\"name\": \"app\"}]\nEOF");
    assert_eq!(h.template.file_offset(3), Some(text.find("name").unwrap()));
    assert_eq!(body.attribute("b").unwrap().key, "b");
}

/// A heredoc line (not its first) that starts with `$` or `%` before anything but `{` is
/// text: it was read as an interpolation or a directive (`$HOME/bin` an error; a `$` ending
/// the file put the reader past its end, a panic: the `read_hcl` fuzz target,
/// `tests/regressions/hcl-heredoc-ends-with-dollar.tf`).
#[test]
fn heredoc_lines_may_start_with_a_dollar_or_a_percent() {
    let e = value("a = <<EOF\n#!/bin/sh\n$HOME/bin/start\n%d\n$${X}\n%%{Y}\nEOF\n");
    assert_eq!(
        e.as_str().unwrap(),
        "#!/bin/sh\n$HOME/bin/start\n%d\n${X}\n%{Y}\n"
    );
    let e = value("a = <<EOF\nx\n${y}\nEOF\n");
    assert!(e.as_str().is_none(), "an interpolation at a line's start");
    let text = include_str!("../../../tests/regressions/hcl-heredoc-ends-with-dollar.tf");
    let out = parse(text);
    assert!(!out.problems.is_empty(), "the heredoc is unterminated");
    check_invariants(text, &out).unwrap();
}

#[test]
fn flush_heredoc_strips_indentation_and_maps_offsets() {
    let text = "a = <<-EOT\n    {\n      \"x\": \"${var.x}\"\n\n    }\n  EOT\n";
    let e = value(text);
    let ExprKind::Heredoc(h) = &e.kind else {
        panic!()
    };
    assert!(h.flush);
    let mut joined = String::new();
    for part in &h.template.parts {
        match part {
            TemplatePart::Literal(l) => {
                // Every literal's value is its raw text: nothing to unescape here.
                assert_eq!(at(text, l.raw), l.value);
                joined.push_str(&l.value);
            }
            TemplatePart::Interpolation(i) => {
                assert_eq!(at(text, i.span), "${var.x}");
                joined.push('X');
            }
            TemplatePart::Directive(_) => panic!(),
        }
    }
    assert_eq!(joined, "{\n  \"x\": \"X\"\n\n}\n");
    assert_eq!(
        at(text, h.body),
        "    {\n      \"x\": \"${var.x}\"\n\n    }\n"
    );
}

#[test]
fn flush_heredoc_with_an_interpolation_at_a_line_start_strips_nothing() {
    let text = "a = <<-EOT\n    x\n${y}\nEOT\n";
    let ExprKind::Heredoc(h) = value(text).kind else {
        panic!()
    };
    let TemplatePart::Literal(l) = &h.template.parts[0] else {
        panic!()
    };
    assert_eq!(l.value, "    x\n");
}

#[test]
fn heredoc_escapes_and_problems() {
    let text = "a = <<EOF\n$${x} \\n\nEOF\n";
    let e = value(text);
    assert_eq!(e.as_str().unwrap(), "${x} \\n\n");
    let ExprKind::Heredoc(h) = &e.kind else {
        panic!()
    };
    assert_eq!(h.template.file_offset(2), Some(text.find('x').unwrap()));
    assert!(problems("a = <<EOF\nx\n")[0]
        .0
        .starts_with("unterminated heredoc"));
    // The closing marker needs its newline, as in Terraform.
    assert!(problems("a = <<EOF\nx\nEOF")[0]
        .0
        .starts_with("unterminated heredoc"));
    assert!(problems("a = <<EOF x\nEOF\n")[0]
        .0
        .contains("a newline after `<<EOF`"));
    // An indented closing marker, and blanks after it.
    ok("a = <<EOF\nx\n  EOF  \n");
}

#[test]
fn tuples_and_objects() {
    let text = "a = [\"x\", 1, [true]]\nb = {\n  k1 = 1, \"k 2\" = \"v\"\n  (var.k): 3\n  k4 = {\n    n = null\n  }\n}\n";
    let body = ok(text);
    let ExprKind::Tuple(items) = &body.attribute("a").unwrap().expr.kind else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    assert!(body.attribute("a").unwrap().expr.is_literal());
    let b = &body.attribute("b").unwrap().expr;
    let ExprKind::Object(items) = &b.kind else {
        panic!()
    };
    let keys: Vec<_> = items.iter().map(|i| i.key.name()).collect();
    assert_eq!(keys, [Some("k1"), Some("k 2"), None, Some("k4")]);
    assert_eq!(at(text, items[1].key.span()), "\"k 2\"");
    assert_eq!(at(text, items[2].key.span()), "(var.k)");
    assert_eq!(at(text, items[0].span), "k1 = 1");
    assert!(!b.is_literal());
    ok("a = {}\nb = []\nc = { x = 1, }\nd = [\n  1,\n  2,\n]\n");
}

#[test]
fn object_problems() {
    assert!(problems("a = {\n  b = 1 c = 2\n}\n")[0]
        .0
        .contains("after the object item"));
    assert!(problems("a = {\n  b\n}\n")[0].0.contains("`=` or `:`"));
    assert!(problems("a = {\n  b =\n 1\n}\n")[0]
        .0
        .contains("on the same line"));
    let p = problems("a = [1, 2\n");
    assert!(
        p[0].0.contains("`,` or `]`") || p[0].0.contains("`]`"),
        "{p:?}"
    );
}

#[test]
fn calls() {
    let text = "a = jsonencode([{ name = \"app\" }])\nb = provider::aws::arn_parse(x)\nc = concat(a, b...)\nd = file (\"f.json\")\n";
    let body = ok(text);
    let call = body.attribute("a").unwrap().expr.as_call().unwrap();
    assert_eq!(call.name.name, "jsonencode");
    assert_eq!(call.args.len(), 1);
    assert!(matches!(call.args[0].kind, ExprKind::Tuple(_)));
    assert_eq!(
        body.attribute("b")
            .unwrap()
            .expr
            .as_call()
            .unwrap()
            .name
            .name,
        "provider::aws::arn_parse"
    );
    assert!(
        body.attribute("c")
            .unwrap()
            .expr
            .as_call()
            .unwrap()
            .expand_final
    );
    assert_eq!(
        body.attribute("d").unwrap().expr.as_call().unwrap().args[0]
            .as_str()
            .unwrap(),
        "f.json"
    );
    let templatefile =
        value("a = templatefile(\"${path.module}/td.json\", {\n  image = var.image\n})\n");
    assert_eq!(templatefile.as_call().unwrap().args.len(), 2);
}

#[test]
fn traversals() {
    let text = "a = aws_ecs_task_definition.app.arn\nb = var.list[0].name\nc = aws_subnet.main[*].id\nd = var.x.0.y\ne = var.m.*.id\nf = each.value\ng = f(x).y\n";
    let body = ok(text);
    let get = |k: &str| &body.attribute(k).unwrap().expr;
    assert_eq!(
        get("a").as_path().unwrap(),
        ["aws_ecs_task_definition", "app", "arn"]
    );
    assert_eq!(get("f").as_path().unwrap(), ["each", "value"]);
    let ExprKind::Traversal(t) = &get("b").kind else {
        panic!()
    };
    assert!(
        matches!(&t.steps[1].kind, StepKind::Index(i) if matches!(i.kind, ExprKind::Number("0")))
    );
    assert_eq!(at(text, t.steps[1].span), "[0]");
    assert!(get("b").as_path().is_none());
    let ExprKind::Traversal(t) = &get("c").kind else {
        panic!()
    };
    assert!(matches!(t.steps[1].kind, StepKind::FullSplat));
    let ExprKind::Traversal(t) = &get("d").kind else {
        panic!()
    };
    assert!(matches!(t.steps[1].kind, StepKind::LegacyIndex("0")));
    let ExprKind::Traversal(t) = &get("e").kind else {
        panic!()
    };
    assert!(matches!(t.steps[1].kind, StepKind::AttrSplat));
    let ExprKind::Traversal(t) = &get("g").kind else {
        panic!()
    };
    assert!(matches!(&t.root, TraversalRoot::Expr(e) if e.as_call().is_some()));
    assert_eq!(get("g").source(text), "f(x).y");
}

#[test]
fn operators_conditionals_for_and_parens() {
    let e = value("a = 1 + 2 * 3 == 7 && !false || x\n");
    let ExprKind::Binary(BinaryOp::Or, lhs, _) = &e.kind else {
        panic!("{e:?}")
    };
    let ExprKind::Binary(BinaryOp::And, eq, _) = &lhs.kind else {
        panic!()
    };
    let ExprKind::Binary(BinaryOp::Equal, sum, _) = &eq.kind else {
        panic!()
    };
    let ExprKind::Binary(BinaryOp::Add, _, product) = &sum.kind else {
        panic!()
    };
    assert!(matches!(
        product.kind,
        ExprKind::Binary(BinaryOp::Multiply, ..)
    ));
    let text = "a = var.fargate ? \"FARGATE\" : \"EC2\"\n";
    let e = value(text);
    let ExprKind::Conditional(c) = &e.kind else {
        panic!()
    };
    assert_eq!(c.then.as_str().unwrap(), "FARGATE");
    assert_eq!(e.source(text), "var.fargate ? \"FARGATE\" : \"EC2\"");
    let e = value("a = [for s in var.list : upper(s) if s != \"\"]\n");
    let ExprKind::For(f) = &e.kind else { panic!() };
    assert!(f.key.is_none() && f.condition.is_some());
    let e = value("a = {for k, v in var.map : k => v...}\n");
    let ExprKind::For(f) = &e.kind else { panic!() };
    assert!(f.key_var.is_some() && f.key.is_some() && f.grouping);
    let e = value("a = (\n  var.x\n  ? 1\n  : 2\n)\n");
    assert!(
        matches!(&e.kind, ExprKind::Parens(inner) if matches!(inner.kind, ExprKind::Conditional(_)))
    );
    assert!(matches!(
        value("a = 5 % 2 - 1 / 2 >= 0 != (1 < 2) \n").kind,
        ExprKind::Binary(BinaryOp::NotEqual, ..)
    ));
}

#[test]
fn newlines_end_an_attribute_outside_brackets() {
    // As Terraform: an operator or `?` cannot continue on the next line in a body.
    assert!(!problems("a = 1 +\n  2\n").is_empty());
    assert!(!problems("a = true ?\n  1 : 2\n").is_empty());
    assert!(problems("a = 1 b = 2\n")[0]
        .0
        .starts_with("expected a newline after the argument"));
    assert!(problems("a = 1 /* x\n */ b = 2\n")[0]
        .0
        .starts_with("expected a newline"));
    assert!(problems("a {\n} b = 1\n")[0]
        .0
        .starts_with("expected a newline after the block's closing `}`"));
    ok("a = (1 +\n 2)\nb = [\n  1\n  ,\n  2\n]\nc = f(\n  1,\n  2,\n)\n");
}

#[test]
fn comments_everywhere() {
    let body = ok(
        "# a\n// b\n/* c\n d */\nx = 1 // e\ny = [ # f\n  1, /* g */ 2\n]\n/* h */ z = 3\n# end",
    );
    assert_eq!(body.attributes.len(), 3);
    assert!(problems("x = 1 /* never closed\n")[0]
        .0
        .starts_with("unterminated comment"));
}

#[test]
fn dynamic_blocks_count_and_for_each() {
    let text = "resource \"aws_ecs_task_definition\" \"x\" {\n  count = var.enabled ? 1 : 0\n  dynamic \"volume\" {\n    for_each = var.volumes\n    content {\n      name = volume.value.name\n      dynamic \"efs_volume_configuration\" {\n        for_each = try([volume.value.efs], [])\n        content {\n          file_system_id = efs_volume_configuration.value.id\n        }\n      }\n    }\n  }\n}\n";
    let body = ok(text);
    let td = &body.blocks[0];
    assert!(matches!(
        td.body.attribute("count").unwrap().expr.kind,
        ExprKind::Conditional(_)
    ));
    let dynamic = td.body.blocks_of("dynamic").next().unwrap();
    assert_eq!(dynamic.labels[0].value, "volume");
    let content = dynamic.body.blocks_of("content").next().unwrap();
    assert_eq!(
        content
            .body
            .attribute("name")
            .unwrap()
            .expr
            .as_path()
            .unwrap(),
        ["volume", "value", "name"]
    );
}

#[test]
fn duplicate_attribute() {
    let text = "a = 1\na = 2\n";
    let out = parse(text);
    assert_eq!(out.problems.len(), 1);
    assert_eq!(
        out.problems[0].message,
        "the argument `a` is set twice in this body"
    );
    assert_eq!(out.problems[0].range, TextRange::new(6, 7));
    assert_eq!(
        out.problems[0].related.as_ref().unwrap().0,
        TextRange::new(0, 1)
    );
    assert_eq!(out.body.attributes.len(), 1);
}

#[test]
fn recovery_keeps_the_rest_of_the_file() {
    // A broken attribute inside a block: the block and the next one are still read.
    let text = "a {\n  x = [1, 2\n  y = 3\n}\nb {\n  z = {\n    k = = 1\n  }\n  w = 4\n}\nc = 5\n";
    let out = parse(text);
    assert_eq!(out.problems.len(), 2, "{:#?}", out.problems);
    let body = out.body;
    assert_eq!(body.blocks.len(), 2);
    assert!(body.blocks[0].body.attribute("y").is_some());
    assert!(body.blocks[1].body.attribute("w").is_some());
    assert!(body.attribute("c").is_some());
}

#[test]
fn unclosed_block_and_stray_brace() {
    let text = "a {\n  b = 1\n";
    let out = parse(text);
    assert_eq!(
        out.problems[0].message,
        "expected `}` to close the block, found the end of the file"
    );
    assert_eq!(
        out.problems[0].related.as_ref().unwrap().0,
        TextRange::new(2, 3)
    );
    assert_eq!(
        out.body.blocks[0].body.attributes.len(),
        1,
        "what was read is kept"
    );
    assert_eq!(
        problems("}\na = 1\n")[0].0,
        "unexpected `}`: no block is open here"
    );
}

#[test]
fn messages_say_what_was_expected() {
    assert_eq!(
        problems("a = \n")[0].0,
        "expected a value after `a =`, found the end of the line"
    );
    assert_eq!(
        problems("a b c\n")[0].0,
        "expected another label or `{` to open the block, found the end of the line"
    );
    assert_eq!(
        problems("= 1\n")[0],
        (
            "expected an argument name or a block type, found `=`".to_owned(),
            "="
        )
    );
    assert_eq!(
        problems("a \"${x}\" {\n}\n")[0].0,
        "a block label cannot hold an interpolation or a directive"
    );
    assert_eq!(
        problems("a = f(1 2)\n")[0].0,
        "expected `,` or `)` in the arguments of `f(`, found `2`"
    );
    assert_eq!(
        problems("a = x.\n")[0].0,
        "expected an attribute name, an index or `*` after `.`, found the end of the line"
    );
    assert!(problems("a = { for = 1 }\n")[0]
        .0
        .contains("a name after `for`"));
}

#[test]
fn byte_order_mark_crlf_and_unicode() {
    let text = "\u{feff}a = \"é\"\r\nb {\r\n  c = <<EOF\r\nx\r\nEOF\r\n}\r\n";
    let body = ok(text);
    assert_eq!(body.attribute("a").unwrap().expr.as_str().unwrap(), "é");
    let c = &body.blocks[0].body.attribute("c").unwrap().expr;
    assert_eq!(c.as_str().unwrap(), "x\r\n");
    ok("é_1 = ünïcode\n");
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("a = {}1{}\n", "[".repeat(1000), "]".repeat(1000));
    assert!(problems(&deep)[0].0.starts_with("nested more than"));
    let blocks = format!("{}{}", "a {\n".repeat(500), "}\n".repeat(500));
    assert!(problems(&blocks)[0].0.starts_with("nested more than"));
    let unary = format!("a = {}1\n", "-".repeat(1000));
    assert!(problems(&unary)[0].0.starts_with("nested more than"));
}

#[test]
fn empty_and_comment_only_files() {
    assert!(ok("").attributes.is_empty());
    assert!(ok("# only a comment").blocks.is_empty());
    assert!(ok("\n\n  \n").blocks.is_empty());
}

#[test]
fn problems_name_the_declared_rule() {
    assert_eq!(INVALID_HCL, crate::rules::syntax::InvalidHcl::META.id);
}
