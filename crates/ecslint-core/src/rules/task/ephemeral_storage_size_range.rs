use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `ephemeralStorage.sizeInGiB` outside 21 to 200.
    ///
    /// ## Why is this bad?
    /// Fargate tasks get 20 GiB of ephemeral storage by default; `ephemeralStorage` raises it
    /// to between 21 and 200 GiB. (The 2024 reference prints "the minimum supported value is
    /// 200", a typo the current API documentation corrects to 21.)
    ///
    /// ## Example
    /// ```json
    /// { "family": "etl", "ephemeralStorage": { "sizeInGiB": 500 }, "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "etl", "ephemeralStorage": { "sizeInGiB": 200 }, "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Use 21 to 200 GiB; for the default 20 GiB, remove `ephemeralStorage`. For more, mount
    /// an EFS or EBS volume.
    pub EphemeralStorageSizeRange {
        id: "ephemeral-storage-size-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20567, 20567), quote: "The minimum supported value is 200 and the maximum supported value is 200 GiB." },
            Source::Botocore { shape: "EphemeralStorage" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html", note: "The minimum supported value is 21 GiB and the maximum supported value is 200 GiB." },
        ],
    }
}

impl EphemeralStorageSizeRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(size) = doc
            .task_definition
            .and_then(|t| t.ephemeral_storage())
            .and_then(|e| e.size_in_gib())
        else {
            return;
        };
        let v = size.value();
        if (21..=200).contains(&v) {
            return;
        }
        let message = if v < 21 {
            format!("`sizeInGiB` is {v}, below the minimum of 21 GiB (the default is 20 GiB)")
        } else {
            format!("`sizeInGiB` is {v}, above the maximum of 200 GiB")
        };
        out.report(&Self::META, size.range(), message)
            .help("use 21 to 200 GiB; remove \"ephemeralStorage\" for the default 20 GiB, or mount an EFS or EBS volume for more");
    }
}
