//! "Did you mean …?": the closest of a set of names to a misspelt one.

/// The candidate closest to `name`: a case-insensitive match first, then the smallest edit
/// distance within a third of the name's length (at least 1, at most 4).
pub fn did_you_mean<'c>(
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let lower = name.to_ascii_lowercase();
    let len = name.chars().count();
    let limit = (len / 3).clamp(1, 4);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        // The distance is at least the difference in length: a candidate longer or shorter
        // by more than the limit is never chosen, so it is not measured (most are not, and
        // an unknown key is compared with every member of its object's shape).
        if candidate.chars().count().abs_diff(len) > limit {
            continue;
        }
        let distance = if candidate.eq_ignore_ascii_case(name) {
            0
        } else {
            edit_distance(&lower, &candidate.to_ascii_lowercase())
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 8 {
        return a.len().max(b.len());
    }
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_case() {
        let names = ["memoryReservation", "memory", "portMappings"];
        assert_eq!(
            did_you_mean("memoryReservaton", names),
            Some("memoryReservation")
        );
        assert_eq!(did_you_mean("PortMappings", names), Some("portMappings"));
        assert_eq!(did_you_mean("zzz", names), None);
    }

    #[test]
    fn length_bound_keeps_the_same_choice() {
        // Within the limit (a third of the name's length, 1 to 4) and beyond it.
        let names = [
            "cpu",
            "memory",
            "memoryReservation",
            "essential",
            "image",
            "links",
        ];
        for (name, expected) in [
            ("memoryReservationn", Some("memoryReservation")),
            ("memoryReserv", None),
            ("cpus", Some("cpu")),
            ("imgae", Some("image")),
            ("essentialy", Some("essential")),
            ("ESSENTIAL", Some("essential")),
            ("m", None),
        ] {
            assert_eq!(did_you_mean(name, names), expected, "{name}");
            let all = names
                .iter()
                .map(|c| {
                    (
                        edit_distance(&name.to_ascii_lowercase(), &c.to_ascii_lowercase()),
                        *c,
                    )
                })
                .filter(|(d, _)| *d <= (name.chars().count() / 3).clamp(1, 4))
                .min_by_key(|(d, _)| *d)
                .map(|(_, c)| c);
            assert_eq!(all, expected, "{name}: without the length bound");
        }
    }

    #[test]
    fn transposition_is_one_edit() {
        assert_eq!(edit_distance("memroy", "memory"), 1);
    }
}
