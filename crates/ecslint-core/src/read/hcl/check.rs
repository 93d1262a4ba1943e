//! The invariants of a parse, checked by the fuzz target (`fuzz/fuzz_targets/hcl.rs`) and the
//! property tests (`tests/hcl_reader.rs`): every range lies inside the text on character
//! boundaries and inside its parent's, siblings come in order, and every literal's map sends
//! the ends of its value to the ends of its raw text.

use crate::text::TextRange;

use super::tree::{
    Body, DirectiveKind, Expr, ExprKind, StepKind, StringLit, Template, TemplatePart, TraversalRoot,
};
use super::ParseOutput;

/// Checks a parse of `text`; the error names the first broken invariant.
pub fn check_invariants(text: &str, out: &ParseOutput<'_>) -> Result<(), String> {
    let whole = TextRange::new(0, text.len());
    for p in &out.problems {
        if p.message.is_empty() {
            return Err("a problem without a message".into());
        }
        range(text, whole, p.range, "problem")?;
        if let Some((r, _)) = &p.related {
            range(text, whole, *r, "related")?;
        }
    }
    body(text, whole, &out.body)
}

fn range(text: &str, parent: TextRange, r: TextRange, what: &str) -> Result<(), String> {
    if r.start > r.end || r.end > text.len() {
        return Err(format!(
            "{what} {r:?} outside the {} bytes of text",
            text.len()
        ));
    }
    if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
        return Err(format!("{what} {r:?} splits a character"));
    }
    if !parent.contains_range(r) {
        return Err(format!("{what} {r:?} outside its parent {parent:?}"));
    }
    Ok(())
}

fn body(text: &str, parent: TextRange, b: &Body<'_>) -> Result<(), String> {
    range(text, parent, b.span, "body")?;
    let mut last = b.span.start;
    for a in &b.attributes {
        range(text, b.span, a.span, "attribute")?;
        range(text, a.span, a.key_span, "attribute key")?;
        if &text[a.key_span.start..a.key_span.end] != a.key {
            return Err(format!("attribute key {:?} is not its text", a.key));
        }
        expr(text, a.span, &a.expr)?;
        if a.span.start < last {
            return Err(format!("attribute {:?} out of order", a.span));
        }
        last = a.span.end;
    }
    let mut last = b.span.start;
    for block in &b.blocks {
        range(text, b.span, block.span, "block")?;
        range(text, block.span, block.ident.span, "block type")?;
        for label in &block.labels {
            range(text, block.span, label.span, "label")?;
        }
        body(text, block.span, &block.body)?;
        if block.span.start < last {
            return Err(format!("block {:?} out of order", block.span));
        }
        last = block.span.end;
    }
    Ok(())
}

fn literal(text: &str, parent: TextRange, l: &StringLit<'_>) -> Result<(), String> {
    range(text, parent, l.raw, "literal")?;
    if l.file_offset(0) != l.raw.start {
        return Err(format!(
            "literal {:?}: offset 0 maps to {}",
            l.raw,
            l.file_offset(0)
        ));
    }
    let end = l.file_range(TextRange::new(0, l.value.len()));
    if end != l.raw {
        return Err(format!("literal {:?}: its value maps to {end:?}", l.raw));
    }
    let mut previous = l.raw.start;
    // Offsets at up to 64 characters spread over the value (each lookup rescans escapes).
    let count = l.value.chars().count();
    let stride = count / 64 + 1;
    for (i, _) in l.value.char_indices().step_by(stride) {
        let at = l.file_offset(i);
        if at < previous || at > l.raw.end || !text.is_char_boundary(at) {
            return Err(format!("literal {:?}: offset {i} maps to {at}", l.raw));
        }
        previous = at;
    }
    Ok(())
}

fn template(text: &str, parent: TextRange, t: &Template<'_>) -> Result<(), String> {
    for part in &t.parts {
        match part {
            TemplatePart::Literal(l) => literal(text, parent, l)?,
            TemplatePart::Interpolation(i) => {
                range(text, parent, i.span, "interpolation")?;
                expr(text, i.span, &i.expr)?;
            }
            TemplatePart::Directive(d) => {
                range(text, parent, d.span, "directive")?;
                match &d.kind {
                    DirectiveKind::If(e) => expr(text, d.span, e)?,
                    DirectiveKind::For { collection, .. } => expr(text, d.span, collection)?,
                    _ => {}
                }
            }
        }
    }
    Ok(())
}

fn expr(text: &str, parent: TextRange, e: &Expr<'_>) -> Result<(), String> {
    range(text, parent, e.span, "expression")?;
    let s = e.span;
    match &e.kind {
        ExprKind::Null | ExprKind::Bool(_) | ExprKind::Number(_) => {}
        ExprKind::String(l) => literal(text, s, l)?,
        ExprKind::Template(t) => template(text, s, t)?,
        ExprKind::Heredoc(h) => {
            range(text, s, h.body, "heredoc body")?;
            range(text, s, h.marker.span, "heredoc marker")?;
            template(text, h.body, &h.template)?;
        }
        ExprKind::Tuple(items) => {
            for item in items {
                expr(text, s, item)?;
            }
        }
        ExprKind::Object(items) => {
            for item in items {
                range(text, s, item.span, "object item")?;
                range(text, item.span, item.key.span(), "object key")?;
                expr(text, item.span, &item.value)?;
            }
        }
        ExprKind::Call(c) => {
            range(text, s, c.name.span, "function name")?;
            for arg in &c.args {
                expr(text, s, arg)?;
            }
        }
        ExprKind::Traversal(t) => {
            match &t.root {
                TraversalRoot::Name(n) => range(text, s, n.span, "traversal root")?,
                TraversalRoot::Expr(root) => expr(text, s, root)?,
            }
            for step in &t.steps {
                range(text, s, step.span, "traversal step")?;
                if let StepKind::Index(i) = &step.kind {
                    expr(text, step.span, i)?;
                }
            }
        }
        ExprKind::Conditional(c) => {
            expr(text, s, &c.condition)?;
            expr(text, s, &c.then)?;
            expr(text, s, &c.otherwise)?;
        }
        ExprKind::Unary(_, a) | ExprKind::Parens(a) => expr(text, s, a)?,
        ExprKind::Binary(_, a, b) => {
            expr(text, s, a)?;
            expr(text, s, b)?;
        }
        ExprKind::For(f) => {
            expr(text, s, &f.collection)?;
            if let Some(k) = &f.key {
                expr(text, s, k)?;
            }
            expr(text, s, &f.value)?;
            if let Some(c) = &f.condition {
                expr(text, s, c)?;
            }
        }
    }
    Ok(())
}
