//! The binding's own words, in Vietnamese and English: what it says about the JavaScript
//! arguments it is given (a value of the wrong kind, an object of the wrong shape, a position
//! that is not there). Each message is a [`Message`], worded once per language by [`vi`] and
//! [`en`]. Every word about data, frameworks and codes comes from the core's catalogue
//! (`dti_core::words`), through the core's diagnostics.

use dti_core::Lang;

/// An argument of the function API's functions (feature `api`), named in its messages.
#[cfg(feature = "api")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Argument {
    /// A framework: an id, TOML or JSON text, or an object.
    Framework,
    /// Data: CSV or JSON text, or an object.
    Data,
    /// What-if changes.
    Changes,
    /// A goal to reach.
    Goal,
    /// Costs per indicator.
    Costs,
    /// How merged provinces are combined.
    Method,
    /// The table of merged provinces.
    Mapping,
}

/// A message about an argument, or about a value inside one. The calculator's module has the
/// first ones; the function API (feature `api`) adds the rest, which the module leaves out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Message<'a> {
    /// The calculator's form values are not an object.
    ValuesNotObject,
    /// A form value that is neither text nor a number.
    ValueNotText {
        /// The indicator's code.
        code: &'a str,
    },
    /// A goal kind other than `"value"` and `"rank"`.
    GoalKind,
    /// A rank to reach outside 1 ..= `units`.
    RankOutOfRange {
        /// How many units are ranked.
        units: usize,
    },
    /// The calculator takes only the id of a built-in framework.
    NotBuiltIn,
    /// No unit of the loaded file is at the position asked for.
    NoUnitAtPosition,
    /// No built-in framework has this id.
    UnknownFramework {
        /// The id asked for.
        id: &'a str,
        /// The built-in ids, listed.
        known: &'a str,
    },
    /// The input was refused without an error among its diagnostics.
    InvalidInput,
    /// The argument is not of a kind the function takes.
    #[cfg(feature = "api")]
    MustBe(Argument),
    /// The argument could not be turned into JSON; `why` is the engine's reason when it gave
    /// one.
    #[cfg(feature = "api")]
    Unreadable {
        /// The argument.
        argument: Argument,
        /// The JavaScript engine's reason.
        why: Option<&'a str>,
    },
    /// A what-if value that is neither a number nor `null`.
    #[cfg(feature = "api")]
    NewValueNotNumber {
        /// The indicator's code.
        code: &'a str,
    },
    /// A cost that is not a positive number.
    #[cfg(feature = "api")]
    CostNotPositive {
        /// The indicator's code.
        code: &'a str,
    },
    /// A pooling weight that is not a number of 0 or more.
    #[cfg(feature = "api")]
    WeightNegative {
        /// The former unit's code.
        code: &'a str,
    },
    /// A goal with both or neither of `value` and `rank`.
    #[cfg(feature = "api")]
    GoalNeedsValueOrRank,
    /// A template format other than CSV and JSON.
    #[cfg(feature = "api")]
    UnsupportedFormat {
        /// The format asked for.
        format: &'a str,
    },
}

/// The message in a language (the module's own in a one-language build, see
/// [`dti_core::words::worded`]).
pub(crate) fn message(message: Message<'_>, lang: Lang) -> String {
    match dti_core::words::worded(lang) {
        Lang::Vi => vi(message),
        Lang::En => en(message),
    }
}

fn vi(message: Message<'_>) -> String {
    match message {
        Message::ValuesNotObject => "giá trị phải là một đối tượng {mã chỉ tiêu: văn bản}".into(),
        Message::ValueNotText { code } => format!("giá trị của `{code}` phải là văn bản hoặc số"),
        Message::GoalKind => "loại mục tiêu là `value` hoặc `rank`".into(),
        Message::RankOutOfRange { units } => {
            format!("thứ hạng cần đạt là một số nguyên từ 1 đến {units}")
        }
        Message::NotBuiltIn => "bộ chỉ số phải là mã của một bộ có sẵn".into(),
        Message::NoUnitAtPosition => "tệp đã nạp không có đơn vị ở vị trí này".into(),
        Message::UnknownFramework { id, known } => {
            format!("không có bộ chỉ số `{id}`; các bộ có sẵn: {known}")
        }
        Message::InvalidInput => "dữ liệu không hợp lệ".into(),
        #[cfg(feature = "api")]
        Message::MustBe(argument) => {
            let expected = match argument {
                Argument::Framework => "mã bộ chỉ số, văn bản TOML/JSON hoặc đối tượng",
                Argument::Data => "văn bản CSV/JSON hoặc đối tượng `{units: [...]}`",
                Argument::Changes => "một đối tượng {mã chỉ tiêu: số hoặc null}",
                Argument::Goal => "một đối tượng `{node?, value}` hoặc `{node?, rank}`",
                Argument::Costs => {
                    "văn bản CSV `chỉ tiêu,chi phí` hoặc đối tượng {mã chỉ tiêu: số dương}"
                }
                Argument::Method => {
                    "`\"mean\"`, `\"pooled\"` hoặc `{kind: \"pooled\", weights: {mã tỉnh cũ: số}}`"
                }
                Argument::Mapping => "văn bản CSV new_unit,new_name,former_code",
            };
            format!("{} phải là {expected}", vi_argument(argument))
        }
        #[cfg(feature = "api")]
        Message::Unreadable { argument, why } => format!(
            "không đọc được {}: {}",
            vi_argument(argument),
            why.unwrap_or("không phải JSON")
        ),
        #[cfg(feature = "api")]
        Message::NewValueNotNumber { code } => {
            format!("giá trị mới của `{code}` phải là số hoặc null")
        }
        #[cfg(feature = "api")]
        Message::CostNotPositive { code } => format!("chi phí của `{code}` phải là số dương"),
        #[cfg(feature = "api")]
        Message::WeightNegative { code } => format!("trọng số của `{code}` phải là số không âm"),
        #[cfg(feature = "api")]
        Message::GoalNeedsValueOrRank => {
            "mục tiêu cần đúng một trong hai: `value` (một số) hoặc `rank` (số nguyên từ 1)".into()
        }
        #[cfg(feature = "api")]
        Message::UnsupportedFormat { format } => {
            format!("định dạng `{format}` không hỗ trợ; dùng csv hoặc json")
        }
    }
}

/// An argument's name in Vietnamese.
#[cfg(feature = "api")]
fn vi_argument(argument: Argument) -> &'static str {
    match argument {
        Argument::Framework => "bộ chỉ số",
        Argument::Data => "dữ liệu",
        Argument::Changes => "các thay đổi",
        Argument::Goal => "mục tiêu",
        Argument::Costs => "chi phí",
        Argument::Method => "cách gộp",
        Argument::Mapping => "bảng gộp",
    }
}

fn en(message: Message<'_>) -> String {
    match message {
        Message::ValuesNotObject => "the values must be an object {indicator code: text}".into(),
        Message::ValueNotText { code } => format!("the value of `{code}` must be text or a number"),
        Message::GoalKind => "the kind of goal is `value` or `rank`".into(),
        Message::RankOutOfRange { units } => {
            format!("the rank to reach is a whole number from 1 to {units}")
        }
        Message::NotBuiltIn => "the framework must be the id of a built-in framework".into(),
        Message::NoUnitAtPosition => "the loaded file has no unit at that position".into(),
        Message::UnknownFramework { id, known } => {
            format!("there is no framework `{id}`; the built-in ones are {known}")
        }
        Message::InvalidInput => "invalid input".into(),
        #[cfg(feature = "api")]
        Message::MustBe(argument) => {
            let expected = match argument {
                Argument::Framework => "a framework id, TOML/JSON text or an object",
                Argument::Data => "CSV/JSON text or an object `{units: [...]}`",
                Argument::Changes => "an object {indicator code: number or null}",
                Argument::Goal => "an object `{node?, value}` or `{node?, rank}`",
                Argument::Costs => {
                    "CSV text `indicator,cost` or an object {indicator code: positive number}"
                }
                Argument::Method => {
                    "`\"mean\"`, `\"pooled\"` or `{kind: \"pooled\", weights: {former unit code: number}}`"
                }
                Argument::Mapping => "CSV text new_unit,new_name,former_code",
            };
            format!("the {} must be {expected}", en_argument(argument))
        }
        #[cfg(feature = "api")]
        Message::Unreadable { argument, why } => format!(
            "cannot read the {}: {}",
            en_argument(argument),
            why.unwrap_or("not JSON")
        ),
        #[cfg(feature = "api")]
        Message::NewValueNotNumber { code } => {
            format!("the new value of `{code}` must be a number or null")
        }
        #[cfg(feature = "api")]
        Message::CostNotPositive { code } => {
            format!("the cost of `{code}` must be a positive number")
        }
        #[cfg(feature = "api")]
        Message::WeightNegative { code } => {
            format!("the weight of `{code}` must be a number of 0 or more")
        }
        #[cfg(feature = "api")]
        Message::GoalNeedsValueOrRank => {
            "the goal needs exactly one of `value` (a number) or `rank` (a whole number from 1)"
                .into()
        }
        #[cfg(feature = "api")]
        Message::UnsupportedFormat { format } => {
            format!("format `{format}` is not supported; use csv or json")
        }
    }
}

/// An argument's name in English.
#[cfg(feature = "api")]
fn en_argument(argument: Argument) -> &'static str {
    match argument {
        Argument::Framework => "framework",
        Argument::Data => "data",
        Argument::Changes => "changes",
        Argument::Goal => "goal",
        Argument::Costs => "costs",
        Argument::Method => "method",
        Argument::Mapping => "mapping",
    }
}
