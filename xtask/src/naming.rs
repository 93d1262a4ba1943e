//! Rust names for botocore shape and member names.

/// Splits a botocore name (`EFSVolumeConfiguration`, `enableECSManagedTags`, `sizeInGiB`)
/// into words.
///
/// A word starts at a capital letter that follows a lowercase letter or a digit, and at the
/// last capital of an acronym when a lowercase run of at least two letters follows
/// (`EFSVolume` → `EFS`, `Volume`; but `FSxWindows` → `FSx`, `Windows`). A single capital
/// at the very end stays with the word before it (`GiB`, `MiB`).
pub fn split_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if i > 0 && !current.is_empty() && c.is_ascii_uppercase() {
            let prev = chars[i - 1];
            let is_last = i + 1 == chars.len();
            let boundary = if prev.is_ascii_lowercase() {
                !is_last
            } else if prev.is_ascii_digit() {
                true
            } else if prev.is_ascii_uppercase() {
                let lower_run = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_lowercase())
                    .count();
                lower_run >= 2
            } else {
                false
            };
            if boundary {
                words.push(std::mem::take(&mut current));
            }
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `EFSVolumeConfiguration` → `EFS_VOLUME_CONFIGURATION`.
pub fn screaming_snake(name: &str) -> String {
    split_words(name)
        .iter()
        .map(|w| w.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// `enableECSManagedTags` → `enable_ecs_managed_tags`; Rust keywords become raw
/// identifiers (`type` → `r#type`).
pub fn snake_ident(name: &str) -> String {
    let snake = split_words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    if is_keyword(&snake) {
        format!("r#{snake}")
    } else {
        snake
    }
}

fn is_keyword(s: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
        "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
        "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
        "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
    ];
    KEYWORDS.contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_names() {
        for (name, want) in [
            ("EFSVolumeConfiguration", "EFS_VOLUME_CONFIGURATION"),
            (
                "RegisterTaskDefinitionRequest",
                "REGISTER_TASK_DEFINITION_REQUEST",
            ),
            (
                "FSxWindowsFileServerVolumeConfiguration",
                "FSX_WINDOWS_FILE_SERVER_VOLUME_CONFIGURATION",
            ),
            (
                "S3FilesVolumeConfiguration",
                "S3_FILES_VOLUME_CONFIGURATION",
            ),
            ("EFSAuthorizationConfigIAM", "EFS_AUTHORIZATION_CONFIG_IAM"),
            ("CPUArchitecture", "CPU_ARCHITECTURE"),
            ("OSFamily", "OS_FAMILY"),
            ("PortMapping", "PORT_MAPPING"),
        ] {
            assert_eq!(screaming_snake(name), want, "{name}");
        }
    }

    #[test]
    fn member_names() {
        for (name, want) in [
            ("enableECSManagedTags", "enable_ecs_managed_tags"),
            ("awsvpcConfiguration", "awsvpc_configuration"),
            (
                "fsxWindowsFileServerVolumeConfiguration",
                "fsx_windows_file_server_volume_configuration",
            ),
            ("managedEBSVolume", "managed_ebs_volume"),
            ("sizeInGiB", "size_in_gib"),
            ("s3filesVolumeConfiguration", "s3files_volume_configuration"),
            ("containerPort", "container_port"),
            ("type", "r#type"),
        ] {
            assert_eq!(snake_ident(name), want, "{name}");
        }
    }
}
