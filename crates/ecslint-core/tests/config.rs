//! `Config::from_toml` / `Config::from_json`: what is read, and every error with its place.

use ecslint_core::settings::{Assumptions, DeployRule, FilesConfig, Pair};
use ecslint_core::{Config, ConfigError};

const FULL: &str = r#"
deployer = "ecspresso"
select = ["ALL"]                  # rule ids, categories or "ALL"
ignore = ["image-tag-latest", "security"]

[rules]
unknown-field = "warning"
"invalid-type" = 'off'

[files]
include = ["**/*.json"]
exclude = [
  "cdk.out/**", # generated
]

[assume]
launch-type = "FARGATE"
operating-system-family = "LINUX"

[[pair]]
service = "ecs-service-def.json"
task-definition = "ecs-task-def.json"

[[pair]]
service = "b/service.json"
task-definition = "b/task.json"

[[deploy]]
files = [".aws/*.json"]
via = "ecs-deploy-action"
"#;

fn expected_full() -> Config {
    Config {
        select: Some(vec!["ALL".into()]),
        ignore: vec!["image-tag-latest".into(), "security".into()],
        rules: [
            ("unknown-field".to_owned(), "warning".to_owned()),
            ("invalid-type".to_owned(), "off".to_owned()),
        ]
        .into(),
        files: FilesConfig {
            include: vec!["**/*.json".into()],
            exclude: vec!["cdk.out/**".into()],
        },
        assume: Assumptions {
            launch_type: Some("FARGATE".into()),
            operating_system_family: Some("LINUX".into()),
        },
        pair: vec![
            Pair {
                service: "ecs-service-def.json".into(),
                task_definition: "ecs-task-def.json".into(),
            },
            Pair {
                service: "b/service.json".into(),
                task_definition: "b/task.json".into(),
            },
        ],
        deployer: Some("ecspresso".into()),
        deploy: vec![DeployRule {
            files: vec![".aws/*.json".into()],
            via: "ecs-deploy-action".into(),
        }],
    }
}

#[test]
fn deployers_are_checked() {
    let e = Config::from_toml("deployer = \"ecspreso\"\n").unwrap_err();
    assert!(
        e.message.contains("did you mean `ecspresso`"),
        "{}",
        e.message
    );
    let e = Config::from_toml("[[deploy]]\nfiles = [\"a.json\"]\n").unwrap_err();
    assert!(e.message.contains("needs `files`"), "{}", e.message);
}

#[test]
fn every_key_is_read() {
    assert_eq!(Config::from_toml(FULL).unwrap(), expected_full());
    assert_eq!(Config::from_toml("").unwrap(), Config::default());
    // Dotted keys and inline tables are the same tables.
    let inline = Config::from_toml(
        "assume.launch-type = \"EC2\"\nfiles = { include = [\"*.ecs\"] }\npair = [{ service = \"s\", task-definition = \"t\" }]\n",
    )
    .unwrap();
    assert_eq!(inline.assume.launch_type.as_deref(), Some("EC2"));
    assert_eq!(inline.files.include, ["*.ecs"]);
    assert_eq!(inline.pair.len(), 1);
}

#[test]
fn json_is_the_same_structure() {
    let json = serde_json::to_string(&expected_full()).unwrap();
    assert_eq!(Config::from_json(&json).unwrap(), expected_full());
    // `null` is the same as absent.
    let config = Config::from_json(r#"{"select": null, "ignore": ["security"]}"#).unwrap();
    assert_eq!(config.select, None);
    assert_eq!(config.ignore, ["security"]);
}

/// The error, and the text its range covers.
fn error(config: Result<Config, ConfigError>, text: &str) -> (String, String) {
    let e = config.expect_err(text);
    let range = e.range.expect("a range");
    (e.message, text[range.start..range.end].to_owned())
}

#[test]
fn toml_errors_say_what_and_where() {
    let cases = [
        (
            "selct = []\n",
            "unknown key `selct`: did you mean `select`?",
            "selct",
        ),
        (
            "x = 1\n",
            "unknown key `x`: use one of `select`, `ignore`, `rules`, `files`, `assume`, `pair`",
            "x",
        ),
        (
            "[files]\nincluded = []\n",
            "unknown key `included` in `[files]`: did you mean `include`?",
            "included",
        ),
        (
            "[assume]\nlaunch = \"EC2\"\n",
            "unknown key `launch` in `[assume]`: use one of `launch-type`, `operating-system-family`",
            "launch",
        ),
        (
            "select = \"ALL\"\n",
            "`select` must be an array of strings, found a string",
            "\"ALL\"",
        ),
        (
            "ignore = [\"security\", 3]\n",
            "each entry of `ignore` must be a string, found an integer",
            "3",
        ),
        (
            "ignore = [\"unknown-feild\"]\n",
            "`unknown-feild` in `ignore` is not a rule or category: did you mean `unknown-field`?",
            "unknown-feild",
        ),
        (
            "[rules]\nunknown-feild = \"off\"\n",
            "`unknown-feild` in `[rules]` is not a rule or category: did you mean `unknown-field`?",
            "unknown-feild",
        ),
        (
            "[rules]\nunknown-field = true\n",
            "the level of `unknown-field` must be a string, found a boolean",
            "true",
        ),
        (
            "[rules]\nunknown-field = \"loud\"\n",
            "`loud` is not a level for `unknown-field`: use \"error\", \"warning\", \"info\" or \"off\"",
            "loud",
        ),
        (
            "rules = []\n",
            "`rules` must be a table, found an array",
            "[]",
        ),
        (
            "[assume]\nlaunch-type = 1979-05-27\n",
            "`launch-type` must be a string, found a date or time",
            "1979-05-27",
        ),
        (
            "[assume]\noperating-system-family = \"linux\"\n",
            "`linux` is not a valid `operating-system-family`: use one of",
            "linux",
        ),
        (
            "pair = \"x\"\n",
            "`pair` must be an array of tables (`[[pair]]`), found a string",
            "\"x\"",
        ),
        (
            "[[pair]]\nservice = \"s.json\"\n",
            "a `[[pair]]` needs both `service` and `task-definition`",
            "[[pair]]",
        ),
        (
            "[[pair]]\nservice = \"s.json\"\ntask = \"t.json\"\n",
            "unknown key `task` in `[[pair]]`: use one of `service`, `task-definition`",
            "task",
        ),
        // Not TOML at all.
        (
            "select = [\"ALL\"\n",
            "unclosed array: the end of the file comes first",
            "[",
        ),
        (
            "select = []\nselect = []\n",
            "duplicate key `select`",
            "select",
        ),
        (
            "[rules]\n[rules]\n",
            "the table `[rules]` is defined twice",
            "rules",
        ),
    ];
    for (text, message, at) in cases {
        let (got, place) = error(Config::from_toml(text), text);
        assert!(got.starts_with(message), "{text:?}: {got}");
        assert_eq!(place, at, "{text:?}: {got}");
    }
}

#[test]
fn json_errors_say_what_and_where() {
    let cases = [
        (
            r#"{"selct": []}"#,
            "unknown key `selct`: did you mean `select`?",
            r#""selct""#,
        ),
        (
            r#"{"ignore": [null]}"#,
            "`null` is not a value of the configuration",
            "null",
        ),
        (
            r#"{"files": {"include": 1.5}}"#,
            "`include` must be an array of strings, found a float",
            "1.5",
        ),
        (
            r#"["ALL"]"#,
            "the configuration must be an object",
            r#"["ALL"]"#,
        ),
        (r#"{"select": [}"#, "", "}"),
    ];
    for (text, message, at) in cases {
        let (got, place) = error(Config::from_json(text), text);
        assert!(got.starts_with(message), "{text:?}: {got}");
        assert_eq!(place, at, "{text:?}: {got}");
    }
}
