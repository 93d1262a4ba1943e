//! JSON with exact positions: a tolerant parser that keeps the byte range of every key and
//! value, reports every syntax problem it can recover from, and never panics.

mod parser;
mod tree;

pub(crate) use parser::FnvBuild;
pub use parser::{parse, ParseOutput, SyntaxProblem, MAX_DEPTH};
pub use tree::{push_pointer_segment, Key, Member, Node, Number, Value};
