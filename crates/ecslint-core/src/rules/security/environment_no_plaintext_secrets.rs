use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container `environment` variable that holds a secret in plaintext: its name
    /// says so (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `PRIVATE_KEY`, `CREDENTIAL`,
    /// `ACCESS_KEY`, …) or its value looks like a credential (an AWS access key id `AKIA…` or
    /// `ASIA…`, an AWS secret access key, a GitHub or Slack token, a PEM private key).
    /// Values are never shown in the report, only the variable's name.
    ///
    /// ## Why is this bad?
    /// Plaintext environment values are stored in the task definition, visible to anyone who
    /// can describe it, and usually committed with the file. Secrets belong in Secrets
    /// Manager or SSM Parameter Store, referenced from `secrets`. Placeholders, empty values,
    /// numbers, booleans and references (`arn:…`, names ending in `_ARN`, `_NAME`, `_PATH`,
    /// `_URL`, …) are not reported. A value shaped like a real credential is reported as a
    /// warning, a suspicious name as advice.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "db", "image": "mysql:8.4",
    ///    "environment": [{ "name": "MYSQL_ROOT_PASSWORD", "value": "hunter2" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "db", "image": "mysql:8.4",
    ///    "secrets": [{ "name": "MYSQL_ROOT_PASSWORD",
    ///      "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:mysql-root-AbCdEf" }] }]
    /// ```
    ///
    /// ## Fix
    /// Store the value in Secrets Manager or SSM Parameter Store, move the variable to
    /// `secrets` (the task needs an execution role that can read it), and rotate the
    /// credential if the file was ever shared.
    pub EnvironmentNoPlaintextSecrets {
        id: "environment-no-plaintext-secrets",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19078, 19078), quote: "We don't recommend that you use plaintext environment variables for sensitive information, such as credential data." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", note: "access key ids start with AKIA (long-term) or ASIA (temporary); secret access keys are 40 characters" },
        ],
    }
}

/// Words in a variable name that mark a secret.
const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "PASSPHRASE",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "CREDENTIAL",
    "ACCESS_KEY",
    "AUTH_KEY",
    "SIGNING_KEY",
    "ENCRYPTION_KEY",
];

/// Name endings that mark a reference to a secret, or a setting about one, not the secret.
const REFERENCE_SUFFIXES: &[&str] = &[
    "_ARN",
    "_NAME",
    "_PATH",
    "_FILE",
    "_URL",
    "_URI",
    "_ENDPOINT",
    "_HOST",
    "_PORT",
    "_TTL",
    "_EXPIRY",
    "_EXPIRATION",
    "_EXPIRES",
    "_LENGTH",
    "_HEADER",
    "_REGION",
    "_ID",
    "_PARAM",
    "_PARAMETER",
    "_KEY_ID",
    "_TIMEOUT",
    "_LIFETIME",
    "_DURATION",
    "_ENABLED",
    "_TYPE",
    "_ALGORITHM",
    "_ISSUER",
    "_AUDIENCE",
    "_SECONDS",
    "_MINUTES",
];

/// What a value looks like, when it looks like a credential.
fn credential_shape(v: &str) -> Option<&'static str> {
    let b = v.as_bytes();
    let upper_digits = |s: &[u8]| {
        s.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    if b.len() == 20 && (v.starts_with("AKIA") || v.starts_with("ASIA")) && upper_digits(&b[4..]) {
        return Some("an AWS access key id");
    }
    if b.len() == 40
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'/' || *c == b'+')
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(|c| *c == b'/' || *c == b'+')
    {
        return Some("an AWS secret access key");
    }
    for (prefix, what) in [
        ("ghp_", "a GitHub token"),
        ("gho_", "a GitHub token"),
        ("ghs_", "a GitHub token"),
        ("github_pat_", "a GitHub token"),
        ("xoxb-", "a Slack token"),
        ("xoxp-", "a Slack token"),
        ("sk_live_", "a Stripe secret key"),
        ("-----BEGIN", "a PEM private key"),
    ] {
        if v.starts_with(prefix)
            && (prefix == "-----BEGIN" && v.contains("PRIVATE KEY")
                || prefix != "-----BEGIN" && v.len() > prefix.len() + 10)
        {
            return Some(what);
        }
    }
    None
}

/// The value is clearly not a secret itself: empty, a number, a boolean, a reference.
fn harmless_value(v: &str) -> bool {
    let t = v.trim();
    t.is_empty()
        || is_placeholder(t)
        || t.parse::<f64>().is_ok()
        || matches!(t.to_ascii_lowercase().as_str(), "true" | "false" | "yes" | "no" | "on" | "off" | "none" | "null" | "enabled" | "disabled")
        || t.starts_with("arn:")
        // A file path (GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json) names where the
        // secret is, not the secret.
        || ((t.starts_with('/') || t.starts_with("./") || t.starts_with("~/")) && !t.contains(char::is_whitespace))
}

fn secret_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase().replace('-', "_");
    SECRET_WORDS.iter().any(|w| upper.contains(w))
        && !REFERENCE_SUFFIXES.iter().any(|s| upper.ends_with(s))
}

impl EnvironmentNoPlaintextSecrets {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(env) = c.environment() else { continue };
            for kv in env.values() {
                let (Some(name), Some(value)) = (kv.name(), kv.value()) else {
                    continue;
                };
                let (n, v) = (name.value(), value.value());
                if let Some(shape) = credential_shape(v.trim()) {
                    out.report(&Self::META, value.range(), format!("the value of environment variable `{n}` looks like {shape}, stored in plaintext"))
                        .help("move it to Secrets Manager or SSM Parameter Store, reference it from `secrets`, and rotate the credential")
                        .severity(Severity::Warning);
                } else if secret_name(n) && !harmless_value(v) {
                    out.report(&Self::META, name.range(), format!("environment variable `{n}` looks like a secret stored in plaintext"))
                        .help("store the value in Secrets Manager or SSM Parameter Store and reference it from `secrets` instead of `environment`");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(credential_shape("AKIAIOSFODNN7EXAMPLE").is_some());
        assert!(credential_shape("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").is_some());
        assert!(credential_shape("0123456789abcdef0123456789abcdef01234567").is_none());
        assert!(credential_shape("AKIA").is_none());
        assert!(secret_name("DB_PASSWORD"));
        assert!(secret_name("github-token"));
        assert!(!secret_name("DB_PASSWORD_ARN"));
        assert!(!secret_name("TOKEN_URL"));
        assert!(!secret_name("LOG_LEVEL"));
        assert!(harmless_value("3600"));
        assert!(harmless_value(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:x"
        ));
        assert!(!harmless_value("hunter2"));
    }
}
