use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `command` or `entryPoint` whose first element holds a whole command line
    /// (`["npm start"]`) instead of one argument per element (`["npm", "start"]`). `command`
    /// is checked only when the container sets no `entryPoint` (otherwise its elements are
    /// arguments to the entry point, such as a script after `sh -c`).
    ///
    /// ## Why is this bad?
    /// ECS passes the array to Docker as an exec-form argv: the first element is the program
    /// to run, spaces included. `["npm start"]` looks for an executable named `npm start` and
    /// the container exits with "executable file not found". An image entry point that runs
    /// its arguments through a shell would accept it, so this is advice.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "node:22", "command": ["npm run start"] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "node:22", "command": ["npm", "run", "start"] }]
    /// ```
    ///
    /// ## Fix
    /// Split the command line into separate elements, or run it through a shell:
    /// `["sh", "-c", "npm run start"]`. The offered fix splits on spaces when the element has
    /// no quotes or shell syntax; it is unsafe because the image's entry point may expect a
    /// single string.
    pub CommandOneArgPerElement {
        id: "command-one-arg-per-element",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (18917, 18917), quote: "If there are multiple arguments, each argument is a separated string in the array." },
        ],
    }
}

impl CommandOneArgPerElement {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let entry = c.entry_point();
            let lists = [
                ("entryPoint", entry),
                (
                    "command",
                    if entry.is_some_and(|e| !e.is_empty())
                        || c.get("entryPoint").is_some_and(|e| e.is_unknown())
                    {
                        None
                    } else {
                        c.command()
                    },
                ),
            ];
            for (field, list) in lists {
                let Some(first) = list.and_then(|l| l.nodes().first()).and_then(Str::cast) else {
                    continue;
                };
                let s = first.value();
                let words: Vec<&str> = s.split_whitespace().collect();
                // An element led by `-` is an option for the image's own entry point.
                if words.len() < 2
                    || is_placeholder(s)
                    || s.starts_with("CMD")
                    || s.starts_with('-')
                {
                    continue;
                }
                let d = out
                    .report(&Self::META, first.range(), format!("the first element of `{field}` is a whole command line; Docker runs it as one program named `{s}`"))
                    .help(format!("give each argument its own element ([\"{}\", …]) or run it through a shell ([\"sh\", \"-c\", …])", words[0]));
                let plain = s
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || " -_./=,@+:".contains(ch));
                if plain {
                    let split: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
                    d.fix(Fix::unsafe_(
                        "split into one argument per element",
                        vec![Edit::replace(first.range(), split.join(", "))],
                    ));
                }
            }
        }
    }
}
