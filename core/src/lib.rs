//! Scoring engine for composite indices.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod pipeline;
