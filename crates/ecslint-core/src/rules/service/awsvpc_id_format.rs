use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks the subnet and security group ids of `networkConfiguration.awsvpcConfiguration`:
    /// `subnet-` or `sg-` followed by 8 or 17 lowercase hexadecimal digits.
    ///
    /// ## Why is this bad?
    /// ECS looks the ids up in EC2 when it creates the service, and EC2 refuses an id that is
    /// not of its form ("InvalidSubnetID.Malformed: The subnet ID 'subnet-12345' is malformed",
    /// and `InvalidGroupId.Malformed` for security groups), so CreateService fails. A subnet
    /// *name*, a CIDR block or a security group name in these lists is the usual mistake.
    /// Template placeholders (`${subnet}`, `{{ must_env "SUBNET" }}`) and documentation
    /// placeholders (`subnet-xxxxxxxx`, `PLACEHOLDER_SUBNET`, `FIXME`) are left alone.
    ///
    /// ## Example
    /// ```json
    /// { "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-12345"], "securityGroups": ["web-sg"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Use the ids as `aws ec2 describe-subnets` and `aws ec2 describe-security-groups` show
    /// them (security groups by id, not by name).
    pub AwsvpcIdFormat {
        id: "awsvpc-id-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html", note: "InvalidSubnetID.Malformed: the specified subnet ID is malformed, specify it in the form subnet-xxxxxxxx; InvalidGroupId.Malformed for security group ids" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html", note: "resource ids are a prefix, a hyphen and 8 or 17 hexadecimal characters" },
        ],
    }
}

impl AwsvpcIdFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(config) = doc
            .service
            .and_then(|s| s.network_configuration())
            .and_then(|n| n.awsvpc_configuration())
        else {
            return;
        };
        for (key, prefix, what, how) in [
            ("subnets", "subnet-", "subnet", "aws ec2 describe-subnets"),
            (
                "securityGroups",
                "sg-",
                "security group",
                "aws ec2 describe-security-groups",
            ),
        ] {
            let Some(items) = config.get(key).and_then(|n| n.as_array()) else {
                continue;
            };
            for item in items {
                let Some(id) = item.as_str() else { continue };
                if is_placeholder(id) || is_documentation_id(id, prefix) || is_ec2_id(id, prefix) {
                    continue;
                }
                out.report(&Self::META, item.range, format!("`{id}` is not a {what} id: EC2 refuses it as malformed, so CreateService or UpdateService fails"))
                    .help(format!("write the id as `{how}` shows it: `{prefix}` and 8 or 17 lowercase hexadecimal digits"));
            }
        }
    }
}

/// `subnet-` or `sg-` and 8 or 17 lowercase hexadecimal digits.
fn is_ec2_id(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix).is_some_and(|hex| {
        matches!(hex.len(), 8 | 17)
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// `subnet-xxxxxxxx`, `sg-XXXX`, `PLACEHOLDER_SUBNET`, `FIXME`: a placeholder a script or a
/// person replaces, not an attempt at an id.
fn is_documentation_id(id: &str, prefix: &str) -> bool {
    let shouted = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    };
    match id.strip_prefix(prefix) {
        Some(rest) => !rest.is_empty() && rest.bytes().all(|b| b == b'x' || b == b'X'),
        None => shouted(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_ec2_id("subnet-0123abcd", "subnet-"));
        assert!(is_ec2_id("sg-0123456789abcdef0", "sg-"));
        assert!(!is_ec2_id("subnet-12345", "subnet-"));
        assert!(!is_ec2_id("subnet-0123ABCD", "subnet-"));
        assert!(!is_ec2_id("sg-0123456789abcdef", "sg-"));
        assert!(is_documentation_id("subnet-xxxxxxxx", "subnet-"));
        assert!(!is_documentation_id("subnet-", "subnet-"));
        assert!(is_documentation_id("PLACEHOLDER_SUBNET", "subnet-"));
        assert!(!is_documentation_id("private-a", "subnet-"));
    }
}
