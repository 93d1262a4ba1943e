//! The first of each name (or number) in a list, for the rules that report a name used twice
//! (`container-name-unique`, `volume-name-unique`, `tag-key-unique`,
//! `environment-precedence`): a short list is searched in place, a long one through a hash
//! map, so that a list of a hundred thousand names is not compared pairwise.

use std::collections::HashMap;
use std::hash::Hash;

use crate::json::FnvBuild;

/// Lists up to this long are searched in place: no map to build for the usual handful.
const SMALL: usize = 16;

/// Keys (names) in the order they were first seen, each with a value (where it was first
/// seen).
pub(crate) struct FirstSeen<K, T> {
    entries: Vec<(K, T)>,
    /// Key → index in `entries`, once there are more than [`SMALL`].
    index: Option<HashMap<K, usize, FnvBuild>>,
}

impl<K: Copy + Eq + Hash, T> FirstSeen<K, T> {
    pub fn new() -> Self {
        FirstSeen {
            entries: Vec::new(),
            index: None,
        }
    }

    /// The value `name` was first seen with.
    pub fn get(&self, name: K) -> Option<&T> {
        match &self.index {
            Some(index) => index.get(&name).map(|&i| &self.entries[i].1),
            None => self
                .entries
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v),
        }
    }

    /// Records `name` with `value` unless it was seen before. Returns the first value when it
    /// was (and keeps it).
    pub fn first_or_insert(&mut self, name: K, value: T) -> Option<&T> {
        let found = match &self.index {
            Some(index) => index.get(&name).copied(),
            None => self.entries.iter().position(|(n, _)| *n == name),
        };
        if let Some(i) = found {
            return Some(&self.entries[i].1);
        }
        let i = self.entries.len();
        self.entries.push((name, value));
        match &mut self.index {
            Some(index) => {
                index.insert(name, i);
            }
            None if self.entries.len() > SMALL => {
                let mut index = HashMap::with_capacity_and_hasher(self.entries.len() * 2, FnvBuild);
                for (j, (n, _)) in self.entries.iter().enumerate() {
                    index.entry(*n).or_insert(j);
                }
                self.index = Some(index);
            }
            None => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::FirstSeen;

    #[test]
    fn keeps_the_first_value_of_each_name_small_and_large() {
        let names: Vec<String> = (0..200).map(|i| format!("n{}", i % 70)).collect();
        let mut seen = FirstSeen::new();
        for (i, name) in names.iter().enumerate() {
            let first = seen.first_or_insert(name.as_str(), i).copied();
            let expected = names.iter().position(|n| n == name).filter(|&j| j < i);
            assert_eq!(first, expected, "{name} at {i}");
            assert_eq!(seen.get(name.as_str()), Some(&expected.unwrap_or(i)));
        }
        assert_eq!(seen.get("absent"), None);
    }
}
