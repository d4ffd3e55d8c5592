//! The CLI's commands besides `analyze`.

pub mod eval;
pub mod train;
