//! Typed, read-only views over the JSON tree.
//!
//! Rules never unwrap JSON: an accessor returns `None` when a member is absent *or* has the
//! wrong type, because the structural layer has already reported the wrong type and a rule
//! must not report it twice. The views for every API shape are generated (`generated.rs`);
//! this module holds the primitives they are built from.

use std::marker::PhantomData;

use crate::json::{Member, Node, Value};
use crate::text::TextRange;

/// A typed look at one JSON node.
pub trait View<'a>: Copy {
    /// The view, if `node` has the JSON type this view expects.
    fn cast(node: &'a Node<'a>) -> Option<Self>;
    fn node(self) -> &'a Node<'a>;

    fn range(self) -> TextRange {
        self.node().range
    }
}

/// A JSON string.
#[derive(Clone, Copy, Debug)]
pub struct Str<'a>(&'a Node<'a>);

impl<'a> Str<'a> {
    pub fn value(self) -> &'a str {
        match &self.0.value {
            Value::String(s) => s,
            _ => unreachable!("Str is only built from strings"),
        }
    }
}

impl<'a> View<'a> for Str<'a> {
    fn cast(node: &'a Node<'a>) -> Option<Self> {
        matches!(node.value, Value::String(_)).then_some(Str(node))
    }
    fn node(self) -> &'a Node<'a> {
        self.0
    }
}

/// A JSON integer in the signed 32-bit range (botocore `integer`).
#[derive(Clone, Copy, Debug)]
pub struct Int<'a>(&'a Node<'a>, i32);

impl Int<'_> {
    pub fn value(self) -> i32 {
        self.1
    }
}

impl<'a> View<'a> for Int<'a> {
    fn cast(node: &'a Node<'a>) -> Option<Self> {
        let n = node.as_number()?.as_i64()?;
        Some(Int(node, i32::try_from(n).ok()?))
    }
    fn node(self) -> &'a Node<'a> {
        self.0
    }
}

/// A JSON integer in the signed 64-bit range (botocore `long`).
#[derive(Clone, Copy, Debug)]
pub struct Long<'a>(&'a Node<'a>, i64);

impl Long<'_> {
    pub fn value(self) -> i64 {
        self.1
    }
}

impl<'a> View<'a> for Long<'a> {
    fn cast(node: &'a Node<'a>) -> Option<Self> {
        Some(Long(node, node.as_number()?.as_i64()?))
    }
    fn node(self) -> &'a Node<'a> {
        self.0
    }
}

/// A JSON number (botocore `double`).
#[derive(Clone, Copy, Debug)]
pub struct Double<'a>(&'a Node<'a>, f64);

impl Double<'_> {
    pub fn value(self) -> f64 {
        self.1
    }
}

impl<'a> View<'a> for Double<'a> {
    fn cast(node: &'a Node<'a>) -> Option<Self> {
        let v = node.as_number()?.as_f64();
        v.is_finite().then_some(Double(node, v))
    }
    fn node(self) -> &'a Node<'a> {
        self.0
    }
}

/// A JSON boolean.
#[derive(Clone, Copy, Debug)]
pub struct Bool<'a>(&'a Node<'a>, bool);

impl Bool<'_> {
    pub fn value(self) -> bool {
        self.1
    }
}

impl<'a> View<'a> for Bool<'a> {
    fn cast(node: &'a Node<'a>) -> Option<Self> {
        Some(Bool(node, node.as_bool()?))
    }
    fn node(self) -> &'a Node<'a> {
        self.0
    }
}

/// Any JSON value, untyped (for timestamps and documents).
#[derive(Clone, Copy, Debug)]
pub struct Any<'a>(&'a Node<'a>);

impl<'a> View<'a> for Any<'a> {
    fn cast(node: &'a Node<'a>) -> Option<Self> {
        Some(Any(node))
    }
    fn node(self) -> &'a Node<'a> {
        self.0
    }
}

/// A JSON array whose elements are viewed as `T`; elements of the wrong type are skipped.
#[derive(Debug)]
pub struct List<'a, T> {
    node: &'a Node<'a>,
    items: &'a [Node<'a>],
    _t: PhantomData<T>,
}

impl<T> Clone for List<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for List<'_, T> {}

impl<T> Clone for Map<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Map<'_, T> {}

impl<'a, T: View<'a> + 'a> List<'a, T> {
    /// The elements that have the right type, with their index in the array.
    pub fn iter(self) -> impl Iterator<Item = (usize, T)> + 'a {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, n)| T::cast(n).map(|v| (i, v)))
    }

    /// The elements that have the right type.
    pub fn values(self) -> impl Iterator<Item = T> + 'a {
        self.items.iter().filter_map(T::cast)
    }

    /// Every element, whatever its type.
    pub fn nodes(self) -> &'a [Node<'a>] {
        self.items
    }

    pub fn len(self) -> usize {
        self.items.len()
    }

    pub fn is_empty(self) -> bool {
        self.items.is_empty()
    }
}

impl<'a, T> List<'a, T> {
    /// A list of one element, `node` itself: a lone container definition read as the list of
    /// containers it is.
    pub fn single(node: &'a Node<'a>) -> Self {
        List {
            node,
            items: std::slice::from_ref(node),
            _t: PhantomData,
        }
    }
}

impl<'a, T> View<'a> for List<'a, T> {
    fn cast(node: &'a Node<'a>) -> Option<Self> {
        Some(List {
            node,
            items: node.as_array()?,
            _t: PhantomData,
        })
    }
    fn node(self) -> &'a Node<'a> {
        self.node
    }
}

/// A JSON object used as a string-keyed map whose values are viewed as `T`.
#[derive(Debug)]
pub struct Map<'a, T> {
    node: &'a Node<'a>,
    members: &'a [Member<'a>],
    _t: PhantomData<T>,
}

impl<'a, T: View<'a> + 'a> Map<'a, T> {
    /// Entries whose value has the right type, in document order.
    pub fn iter(self) -> impl Iterator<Item = (&'a Member<'a>, T)> + 'a {
        self.members
            .iter()
            .filter_map(|m| T::cast(&m.value).map(|v| (m, v)))
    }

    /// The value for `key` (the last one when repeated), if it has the right type.
    pub fn get(self, key: &str) -> Option<T> {
        self.node.get(key).and_then(T::cast)
    }

    pub fn members(self) -> &'a [Member<'a>] {
        self.members
    }
}

impl<'a, T> View<'a> for Map<'a, T> {
    fn cast(node: &'a Node<'a>) -> Option<Self> {
        Some(Map {
            node,
            members: node.as_object()?,
            _t: PhantomData,
        })
    }
    fn node(self) -> &'a Node<'a> {
        self.node
    }
}

/// Declares the view type of an API structure; used by the generated code.
#[macro_export]
#[doc(hidden)]
macro_rules! structure_view {
    ($(#[$attr:meta])* $name:ident, $shape:path) => {
        $(#[$attr])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name<'a>(&'a $crate::json::Node<'a>);

        impl<'a> $crate::model::View<'a> for $name<'a> {
            fn cast(node: &'a $crate::json::Node<'a>) -> Option<Self> {
                node.as_object().map(|_| $name(node))
            }
            fn node(self) -> &'a $crate::json::Node<'a> {
                self.0
            }
        }

        impl<'a> $name<'a> {
            /// The descriptor of this shape.
            pub const SHAPE: &'static $crate::model::Shape = &$shape;

            /// The member named `key` (the last one when repeated), whatever its type.
            pub fn member(self, key: &str) -> Option<&'a $crate::json::Member<'a>> {
                self.0.member(key)
            }

            /// The value of member `key`, whatever its type.
            pub fn get(self, key: &str) -> Option<&'a $crate::json::Node<'a>> {
                self.0.get(key)
            }

            /// The member named `key` when its value is known. A value known only when
            /// deployed ([`$crate::json::Value::Unknown`]) may turn out to be unset (a
            /// Terraform conditional giving `null`, CloudFormation's `AWS::NoValue`): a check
            /// that fires because a member is there finds it with `known`, a check that
            /// fires because one is missing with `member`.
            pub fn known(self, key: &str) -> Option<&'a $crate::json::Member<'a>> {
                self.0
                    .member(key)
                    .filter(|m| !matches!(m.value.value, $crate::json::Value::Unknown))
            }

            fn typed<T: $crate::model::View<'a>>(self, key: &str) -> Option<T> {
                self.0.get(key).and_then(T::cast)
            }
        }
    };
}
