//! A syntax check of cluster query language expressions (`placementConstraints[].expression`
//! of type `memberOf`): `subject operator [argument]` terms joined by `and` / `or`, negated
//! with `not`, grouped with parentheses. It reports only what cannot be an expression (an
//! unknown subject or operator, a missing argument, unbalanced brackets), not whether an
//! attribute exists.

/// The subjects besides `attribute:NAME`.
const SUBJECTS: &[&str] = &[
    "agentConnected",
    "agentVersion",
    "ec2InstanceId",
    "registeredAt",
    "runningTasksCount",
    "task:group",
];

/// Operators written as words, and whether they take an argument.
const WORD_OPERATORS: &[(&str, bool)] = &[
    ("equals", true),
    ("not_equals", true),
    ("greater_than", true),
    ("greater_than_equal", true),
    ("less_than", true),
    ("less_than_equal", true),
    ("in", true),
    ("not_in", true),
    ("matches", true),
    ("not_matches", true),
    ("exists", false),
    ("not_exists", false),
];

/// Operators written as symbols (all take an argument).
const SYMBOL_OPERATORS: &[&str] = &["==", "!=", ">=", "<=", ">", "<", "=~", "!~"];

#[derive(Debug, Clone, PartialEq)]
enum Token<'s> {
    Open,
    Close,
    OpenList,
    CloseList,
    Comma,
    Not,
    And,
    Or,
    Symbol(&'s str),
    Word(&'s str),
    Quoted,
}

fn tokens(s: &str) -> Result<Vec<Token<'_>>, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let rest = &s[i..];
        let (token, len) = match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => (Token::Open, 1),
            b')' => (Token::Close, 1),
            b'[' => (Token::OpenList, 1),
            b']' => (Token::CloseList, 1),
            b',' => (Token::Comma, 1),
            b'\'' | b'"' => match rest[1..].find(b as char) {
                Some(end) => (Token::Quoted, end + 2),
                None => return Err("a quote is not closed".to_owned()),
            },
            _ if rest.starts_with("&&") => (Token::And, 2),
            _ if rest.starts_with("||") => (Token::Or, 2),
            _ => {
                if let Some(op) = SYMBOL_OPERATORS.iter().find(|op| rest.starts_with(**op)) {
                    (Token::Symbol(op), op.len())
                } else if b == b'!' {
                    (Token::Not, 1)
                } else {
                    let first = rest.chars().next().map_or(1, char::len_utf8);
                    // At least one character (a lone `=`, or whitespace beyond ASCII).
                    let len = rest
                        .find(|c: char| c.is_whitespace() || "()[],'\"=!<>&|".contains(c))
                        .unwrap_or(rest.len())
                        .max(first);
                    let word = &rest[..len];
                    let token = match word {
                        "and" => Token::And,
                        "or" => Token::Or,
                        "not" => Token::Not,
                        _ => Token::Word(word),
                    };
                    (token, len)
                }
            }
        };
        out.push(token);
        i += len;
    }
    Ok(out)
}

struct Parser<'s> {
    tokens: Vec<Token<'s>>,
    at: usize,
    depth: usize,
}

impl<'s> Parser<'s> {
    fn peek(&self) -> Option<&Token<'s>> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token<'s>> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn expression(&mut self) -> Result<(), String> {
        self.unary()?;
        while matches!(self.peek(), Some(Token::And | Token::Or)) {
            self.at += 1;
            self.unary()?;
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > 64 {
            return Err("it is nested too deeply".to_owned());
        }
        let result = match self.next() {
            Some(Token::Not) => self.unary(),
            Some(Token::Open) => {
                self.expression()?;
                match self.next() {
                    Some(Token::Close) => Ok(()),
                    _ => Err("a parenthesis is not closed".to_owned()),
                }
            }
            Some(Token::Word(subject)) => self.comparison(subject),
            Some(Token::Quoted) => Err("a term starts with a quoted value instead of a subject".to_owned()),
            None => Err("it ends where a term (subject operator value) is expected".to_owned()),
            Some(_) => Err("a term does not start with a subject (attribute:NAME, ec2InstanceId, task:group, …)".to_owned()),
        };
        self.depth -= 1;
        result
    }

    fn comparison(&mut self, subject: &str) -> Result<(), String> {
        let known = subject
            .strip_prefix("attribute:")
            .is_some_and(|name| !name.is_empty())
            || SUBJECTS.iter().any(|s| s.eq_ignore_ascii_case(subject));
        if !known {
            return Err(format!(
                "`{subject}` is not a subject: use attribute:NAME, {}",
                SUBJECTS.join(", ")
            ));
        }
        let takes_argument = match self.next() {
            Some(Token::Symbol(_)) => true,
            // `!exists`, `!in`.
            Some(Token::Not) => match self.next() {
                Some(Token::Word("exists")) => false,
                Some(Token::Word("in")) => true,
                _ => return Err(format!("`!` after `{subject}` is not an operator (!=, !~, !exists, !in)")),
            },
            Some(Token::Word(w)) => match WORD_OPERATORS.iter().find(|(op, _)| *op == w) {
                Some(&(_, takes)) => takes,
                None => return Err(format!("`{w}` after `{subject}` is not an operator (==, !=, >, >=, <, <=, =~, !~, in, not_in, exists, …)")),
            },
            _ => return Err(format!("an operator (==, !=, in, exists, …) is expected after `{subject}`")),
        };
        if !takes_argument {
            return Ok(());
        }
        match self.next() {
            Some(Token::Word(_) | Token::Quoted) => Ok(()),
            Some(Token::OpenList) => loop {
                match self.next() {
                    Some(Token::Word(_) | Token::Quoted) => {}
                    _ => return Err("a list holds values separated by commas: [a, b]".to_owned()),
                }
                match self.next() {
                    Some(Token::Comma) => {}
                    Some(Token::CloseList) => return Ok(()),
                    _ => return Err("a list is not closed with `]`".to_owned()),
                }
            },
            _ => Err(format!(
                "a value is expected after the operator of `{subject}`"
            )),
        }
    }
}

/// What is wrong with `expression`, if it cannot be a cluster query language expression.
pub(crate) fn problem(expression: &str) -> Option<String> {
    if expression.trim().is_empty() {
        return Some("it is empty".to_owned());
    }
    let tokens = match tokens(expression) {
        Ok(t) => t,
        Err(e) => return Some(e),
    };
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    if let Err(e) = parser.expression() {
        return Some(e);
    }
    match parser.peek() {
        None => None,
        Some(Token::Close) => Some("a closing parenthesis has no opening one".to_owned()),
        Some(_) => Some("terms must be joined with `and` or `or`".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn accepts_the_documented_examples() {
        for e in [
            "attribute:ecs.instance-type == t2.small",
            "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]",
            "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
            "attribute:ecs.instance-type =~ t2.*",
            "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
            "task:group == service:production",
            "not(task:group == database)",
            "runningTasksCount == 1",
            "attribute:ecs.os-type == linux",
            "attribute:stack == linkerd-viz",
            "attribute:ecs.ami-id exists",
            "attribute:ecs.ami-id !exists",
            "attribute:ecs.instance-type not_in [t2.micro, t2.small] || agentConnected == true",
            "registeredAt < 2018-01-01T00:00:00Z",
            "(attribute:a == b) and (attribute:c == d or not attribute:e exists)",
        ] {
            assert_eq!(problem(e), None, "{e}");
        }
    }

    #[test]
    fn reports_what_cannot_be_an_expression() {
        for e in [
            "",
            "stack == web",
            "attribute:stack web",
            "attribute:stack ==",
            "attribute:stack == web attribute:tier == 1",
            "(attribute:stack == web",
            "attribute:stack == web)",
            "attribute:az in [a, b",
            "attribute:az in ['a",
            "attribute:stack equal web",
            "attribute: == web",
        ] {
            assert!(problem(e).is_some(), "{e}");
        }
        assert!(problem(&"(".repeat(10_000)).is_some());
        // Characters beyond ASCII where a word or a separator is expected.
        for e in [
            "é",
            "attribute:a\u{a0}== b",
            "attribute:a == \u{3000}",
            "attribute:ü == ö",
        ] {
            let _ = problem(e);
        }
        assert_eq!(problem("attribute:ü == ö"), None);
    }
}
