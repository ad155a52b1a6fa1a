//! The subcommands, one module each: each reads its inputs through [`crate::input`], calls
//! the core, and shows the result through [`crate::output`] in the words of [`crate::i18n`].

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod coinr;
pub(crate) mod compare;
pub(crate) mod completions;
pub(crate) mod explain;
pub(crate) mod frameworks;
pub(crate) mod goal;
pub(crate) mod merge;
pub(crate) mod removal;
pub(crate) mod report;
pub(crate) mod robustness;
pub(crate) mod score;
pub(crate) mod template;
pub(crate) mod whatif;
