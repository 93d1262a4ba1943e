//! Every `Source::ApiReference` quote is on the seed lines it cites: the quote, with Markdown
//! (backticks, `**`, link targets) and whitespace normalised, is found in those lines;
//! `…` or `...` in a quote separates parts that must appear in order.

use std::path::Path;

use ecslint_core::registry;
use ecslint_core::rule::Source;

fn seed() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/003_8bf2107fea839576.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (the seed is beside the checkout)", path.display()));
    text.lines().map(str::to_owned).collect()
}

/// Lower-cased words and numbers only: Markdown, punctuation and spacing do not count.
fn normalise(s: &str) -> String {
    let s = s.replace("](#)", "]");
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_owned()
}

/// Whether every part of `quote` (split at ellipses) occurs in `text`, in order.
fn quoted_in(quote: &str, text: &str) -> bool {
    let text = normalise(text);
    let mut from = 0;
    for part in quote.split(['…']).flat_map(|p| p.split("...")) {
        let part = normalise(part);
        if part.is_empty() {
            continue;
        }
        match text[from..].find(&part) {
            Some(at) => from += at + part.len(),
            None => return false,
        }
    }
    true
}

#[test]
fn every_quote_is_on_the_lines_it_cites() {
    let seed = seed();
    let mut problems = Vec::new();
    for meta in registry::rules() {
        for source in meta.sources {
            let Source::ApiReference {
                lines: (first, last),
                quote,
            } = source
            else {
                continue;
            };
            let (first, last) = (*first as usize, *last as usize);
            if first == 0 || last < first || last > seed.len() {
                problems.push(format!(
                    "{}: lines {first}-{last} are not in the seed",
                    meta.id
                ));
                continue;
            }
            let cited = seed[first - 1..last].join(" ");
            if quoted_in(quote, &cited) {
                continue;
            }
            // Where the quote is, if anywhere, to make the fix easy.
            let found: Vec<usize> = (0..seed.len())
                .filter(|&i| {
                    quoted_in(
                        quote,
                        &seed[i..(i + 1 + last - first).min(seed.len())].join(" "),
                    )
                })
                .map(|i| i + 1)
                .take(3)
                .collect();
            problems.push(format!(
                "{}: the quote is not on lines {first}-{last} (found at {found:?}): {quote}",
                meta.id
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} citations:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// botocore's documentation of `Shape.member` (or of `Shape`), HTML tags removed.
fn botocore_doc(model: &serde_json::Value, member: &str) -> Option<String> {
    let (shape, name) = match member.split_once('.') {
        Some((s, m)) => (s, Some(m)),
        None => (member, None),
    };
    let shape = &model["shapes"][shape];
    let html = match name {
        Some(m) => shape["members"][m]["documentation"].as_str()?,
        None => shape["documentation"].as_str()?,
    };
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(text)
}

#[test]
fn every_botocore_quote_is_in_the_members_documentation() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/botocore-ecs-2014-11-13-service-2.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (the model is beside the checkout)", path.display()));
    let model: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut problems = Vec::new();
    for meta in registry::rules() {
        for source in meta.sources {
            let Source::BotocoreDoc { member, quote } = source else {
                continue;
            };
            match botocore_doc(&model, member) {
                None => problems.push(format!(
                    "{}: `{member}` is not documented in the model",
                    meta.id
                )),
                Some(doc) if !quoted_in(quote, &doc) => {
                    problems.push(format!(
                        "{}: the quote is not in `{member}`'s documentation: {quote}",
                        meta.id
                    ));
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} citations:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
