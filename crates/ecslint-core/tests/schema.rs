//! The generated JSON Schemas compile under a draft 2020-12 validator, accept realistic
//! files and reject the classic type mistakes.

use ecslint_core::schema::{json_schema, SchemaKind};
use serde_json::{json, Value};

fn validator(kind: SchemaKind) -> jsonschema::Validator {
    let schema = json_schema(kind);
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "{kind:?}"
    );
    jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("the {kind:?} schema does not compile: {e}"))
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

fn assert_valid(kind: SchemaKind, instance: &Value) {
    let v = validator(kind);
    let errs = errors(&v, instance);
    assert!(
        errs.is_empty(),
        "{kind:?} should accept it:\n{}",
        errs.join("\n")
    );
}

fn assert_invalid(kind: SchemaKind, instance: &Value, what: &str) {
    let v = validator(kind);
    assert!(!v.is_valid(instance), "{kind:?} should reject {what}");
}

fn fargate_task_definition() -> Value {
    json!({
        "family": "web",
        "networkMode": "awsvpc",
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "256",
        "memory": "512",
        "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        "runtimePlatform": { "cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX" },
        "containerDefinitions": [
            {
                "name": "web",
                "image": "public.ecr.aws/nginx/nginx:1.27",
                "essential": true,
                "portMappings": [
                    { "containerPort": 80, "protocol": "tcp", "name": "http", "appProtocol": "http" }
                ],
                "environment": [{ "name": "STAGE", "value": "prod" }],
                "secrets": [
                    { "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db" }
                ],
                "logConfiguration": {
                    "logDriver": "awslogs",
                    "options": {
                        "awslogs-group": "/ecs/web",
                        "awslogs-region": "us-east-1",
                        "awslogs-stream-prefix": "web"
                    }
                },
                "healthCheck": {
                    "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
                    "interval": 30,
                    "timeout": 5,
                    "retries": 3,
                    "startPeriod": 10
                }
            }
        ],
        "tags": [{ "key": "team", "value": "web" }]
    })
}

fn ec2_bridge_task_definition() -> Value {
    json!({
        "family": "worker",
        "networkMode": "bridge",
        "requiresCompatibilities": ["EC2"],
        "taskRoleArn": "arn:aws:iam::123456789012:role/worker",
        "containerDefinitions": [
            {
                "name": "worker",
                "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:latest",
                "cpu": 128,
                "memory": 256,
                "memoryReservation": 128,
                "essential": true,
                "command": ["./worker", "--queue", "jobs"],
                "portMappings": [{ "containerPort": 8080, "hostPort": 0 }],
                "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data", "readOnly": false }],
                "ulimits": [{ "name": "nofile", "softLimit": 65536, "hardLimit": 65536 }],
                "dockerLabels": { "com.example.team": "jobs" }
            }
        ],
        "volumes": [{ "name": "data", "host": { "sourcePath": "/var/data" } }],
        "placementConstraints": [
            { "type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*" }
        ]
    })
}

#[test]
fn every_schema_compiles() {
    for kind in SchemaKind::ALL {
        validator(kind);
    }
}

#[test]
fn accepts_realistic_task_definitions() {
    assert_valid(SchemaKind::TaskDefinition, &fargate_task_definition());
    assert_valid(SchemaKind::TaskDefinition, &ec2_bridge_task_definition());
}

#[test]
fn rejects_task_level_cpu_as_a_number() {
    let mut td = fargate_task_definition();
    td["cpu"] = json!(256);
    assert_invalid(SchemaKind::TaskDefinition, &td, "a numeric task-level cpu");
}

#[test]
fn rejects_container_memory_as_a_string() {
    let mut td = ec2_bridge_task_definition();
    td["containerDefinitions"][0]["memory"] = json!("256");
    assert_invalid(SchemaKind::TaskDefinition, &td, "a string container memory");
}

#[test]
fn rejects_unknown_keys() {
    let mut td = fargate_task_definition();
    td["containerDefinition"] = json!([]);
    assert_invalid(SchemaKind::TaskDefinition, &td, "an unknown top-level key");

    let mut td = fargate_task_definition();
    td["containerDefinitions"][0]["portMapping"] = json!([]);
    assert_invalid(SchemaKind::TaskDefinition, &td, "an unknown container key");
}

#[test]
fn rejects_bad_enum_values_and_missing_required_fields() {
    let mut td = fargate_task_definition();
    td["networkMode"] = json!("vpc");
    assert_invalid(SchemaKind::TaskDefinition, &td, "networkMode \"vpc\"");

    let mut td = fargate_task_definition();
    td.as_object_mut().unwrap().remove("family");
    assert_invalid(
        SchemaKind::TaskDefinition,
        &td,
        "a task definition without family",
    );
}

#[test]
fn accepts_an_ecspresso_service_without_service_name() {
    let service = json!({
        "launchType": "FARGATE",
        "desiredCount": 2,
        "deploymentConfiguration": {
            "deploymentCircuitBreaker": { "enable": true, "rollback": true },
            "maximumPercent": 200,
            "minimumHealthyPercent": 100
        },
        "networkConfiguration": {
            "awsvpcConfiguration": {
                "subnets": ["subnet-0123456789abcdef0"],
                "securityGroups": ["sg-0123456789abcdef0"],
                "assignPublicIp": "DISABLED"
            }
        },
        "loadBalancers": [
            {
                "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
                "containerName": "web",
                "containerPort": 80
            }
        ],
        "healthCheckGracePeriodSeconds": 60,
        "enableECSManagedTags": true,
        "propagateTags": "SERVICE",
        "platformVersion": "LATEST"
    });
    assert_valid(SchemaKind::Service, &service);

    let mut bad = service.clone();
    bad["desiredCount"] = json!("2");
    assert_invalid(SchemaKind::Service, &bad, "a string desiredCount");
}

#[test]
fn container_definitions_is_an_array_of_containers() {
    let containers = fargate_task_definition()["containerDefinitions"].clone();
    assert_valid(SchemaKind::ContainerDefinitions, &containers);
    assert_invalid(
        SchemaKind::ContainerDefinitions,
        &containers[0],
        "a single container object",
    );
}

#[test]
fn carries_docs_for_hovers() {
    let schema = json_schema(SchemaKind::TaskDefinition);
    let image = &schema["$defs"]["ContainerDefinition"]["properties"]["image"];
    assert!(image["markdownDescription"]
        .as_str()
        .is_some_and(|d| !d.is_empty()));
    assert_eq!(image["description"], image["markdownDescription"]);
    let port = &schema["$defs"]["PortMapping"]["properties"]["containerPort"];
    assert_eq!(port["type"], "integer");
    assert_eq!(port["maximum"], i64::from(i32::MAX));
}

/// The schema and the linter agree on every clean example and every valid fixture: what
/// ecslint calls structurally clean, the schema accepts.
#[test]
fn accepts_the_bundled_examples_and_valid_fixtures() {
    use ecslint_core::{lint_bytes, DocumentKind, LintOptions, Settings};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "../../examples/fargate-web",
        "../../examples/ec2-bridge",
        "../../examples/terraform",
        "../../examples/blue-green",
        "../../examples/linear",
        "../../examples/canary",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    for area in std::fs::read_dir(root.join("tests/specs")).unwrap() {
        for rule in std::fs::read_dir(area.unwrap().path()).unwrap() {
            for entry in std::fs::read_dir(rule.unwrap().path()).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                // Template placeholders are the linter's business, not the schema's.
                if name.starts_with("valid")
                    && name.ends_with(".json")
                    && !name.contains("placeholder")
                {
                    files.push(path);
                }
            }
        }
    }
    let settings = Settings::default();
    let mut checked = 0;
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let result = lint_bytes(&bytes, &LintOptions::new(&settings));
        let structural = [
            "invalid-json",
            "unknown-field",
            "invalid-type",
            "invalid-enum-value",
            "missing-required-field",
            "null-value",
            "read-only-field",
        ];
        if result
            .diagnostics
            .iter()
            .any(|d| structural.contains(&d.rule))
        {
            continue;
        }
        let kind = match result.kind {
            DocumentKind::TaskDefinition => SchemaKind::TaskDefinition,
            DocumentKind::Service => SchemaKind::Service,
            DocumentKind::ContainerDefinitions => {
                // Terraform treats null as unset; the schema describes the API's input.
                continue;
            }
            _ => continue,
        };
        let instance: Value = serde_json::from_slice(&bytes).unwrap();
        assert_valid(kind, &instance);
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} documents checked");
}
