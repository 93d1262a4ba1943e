//! The typed model of the ECS API: shape descriptors and typed views, both generated from
//! botocore's ECS model by `cargo xtask codegen`.

mod generated;
mod shape;
mod view;

pub use generated::*;
pub use shape::{EnumDef, Member, Shape, Type};
pub use view::{Any, Bool, Double, Int, List, Long, Map, Str, View};
