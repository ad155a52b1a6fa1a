//! Scoring engine for composite indices such as Vietnam's provincial Digital Transformation
//! Index (DTI): frameworks as data, data sets as people write them, and results with points,
//! points lost, ranks and contributions.
//!
//! ```
//! use dti_core::{embedded, score, Dataset};
//!
//! // Quảng Ninh's official 2022 main-indicator values (I6, smart city, is reported but not scored).
//! let csv = "code;name;I1;I2;I3;I4;I5;I7;I8;I9\n\
//!            22;Quảng Ninh;0,9581;0,9000;0,7648;0,6250;0,5382;0,8385;0,5904;0,4505\n";
//! let data = Dataset::from_csv(csv, Some("quang-ninh.csv"));
//! assert!(!data.has_errors());
//!
//! let framework = embedded::default_framework(); // 922/QĐ-BTTTT, the 2022 DTI
//! let results = score(&framework, &data.dataset).unwrap();
//! let dti = results.value("22", "DTI").unwrap();
//! assert_eq!(dti_core::format_decimal(dti, 4, dti_core::Lang::Vi), "0,7024");
//! assert_eq!(dti_core::round_to(results.value("22", "CQS").unwrap(), 4), 0.7804);
//! ```
//!
//! The pieces, in the order data flows through them:
//! - [`Framework`]: the methodology, read from TOML or JSON ([`framework`] module);
//! - [`Dataset`]: units × values, read from CSV or JSON ([`dataset`] module);
//! - [`check()`]: values put into each indicator's unit and range, every problem listed, in a
//!   [`Table`];
//! - [`score()`] / [`compute`]: each indicator scored by its [`Rule`], each aggregate by its
//!   [`Aggregation`] method, giving [`Results`] for every unit and node;
//! - [`Diagnostic`]: a problem with its location, worded in Vietnamese or English;
//! - [`Limits`]: the largest inputs the readers accept ([`limits`] module).
//!
//! The [`pipeline`] module adds the JRC/OECD construction steps (denominate, impute, screen,
//! treat outliers) before the same scoring, for analysts building an index from raw data.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod aggregation;
pub mod analysis;
pub mod check;
#[cfg(feature = "toml")]
pub mod coinr;
pub mod csv_writer;
pub mod dataset;
pub mod decimal;
pub mod diagnostic;
pub mod embedded;
pub mod explain;
pub mod float;
pub mod framework;
pub mod limits;
pub mod nfc;
#[cfg(feature = "pipeline")]
pub mod pipeline;
pub mod random;
pub mod rule;
pub mod score;
pub mod stats;
pub mod syntax;
pub mod synthetic;
pub mod table;
pub mod template;
pub mod text;
pub mod value;
pub mod values;
pub mod words;

mod case;
mod csv_reader;
// Native builds read numbers with `str::parse` and use this parser in its tests only.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod float_parse;
mod json;
mod json_reader;
mod records;
mod side_file;
// Native builds sort with the standard library and use `merge_order` in its tests only.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod sort;

pub use aggregation::Aggregation;
pub use check::{Checked, check};
pub use dataset::{Cell, Dataset, Parsed, UnitInfo};
pub use diagnostic::{Diagnostic, Failure, Location, Problem, Severity};
pub use framework::{
    Direction, Framework, MissingPolicy, Node, NodeId, NodeKind, NodeWeight, Range, Unit,
};
pub use limits::Limits;
pub use rule::Rule;
pub use score::{
    Contribution, NodeResult, Results, Status, UnitResult, compute, score, score_checked,
};
pub use table::Table;
pub use text::{Lang, Names, format_decimal, round_to};
pub use value::Value;
