//! Names in the two languages the tool speaks, and the language switch.

use serde::{Deserialize, Serialize};

/// The language of messages, headers and labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese, the default: the index's users are Vietnamese civil servants.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Parses a language tag such as `vi`, `en`, `vi_VN.UTF-8` or `en-GB`.
    ///
    /// ```
    /// use dti_core::Lang;
    /// assert_eq!(Lang::from_tag("vi_VN.UTF-8"), Some(Lang::Vi));
    /// assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("fr"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A name given in Vietnamese and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// The Vietnamese name.
    pub vi: String,
    /// The English name.
    pub en: String,
}

impl Names {
    /// The name in the requested language, falling back to the other one when it is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Vi => (&self.vi, &self.en),
            Lang::En => (&self.en, &self.vi),
        };
        if first.is_empty() { second } else { first }
    }
}

/// Formats a number with a fixed count of decimals, using the decimal comma in Vietnamese
/// as official Vietnamese publications do.
///
/// ```
/// use dti_core::{format_decimal, Lang};
/// assert_eq!(format_decimal(0.70244, 4, Lang::Vi), "0,7024");
/// assert_eq!(format_decimal(0.70244, 4, Lang::En), "0.7024");
/// ```
pub fn format_decimal(value: f64, decimals: u32, lang: Lang) -> String {
    let text = format!("{:.*}", decimals as usize, round_to(value, decimals));
    let text = if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        text[1..].to_string()
    } else {
        text
    };
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Rounds half away from zero at `decimals` places, the way published tables round.
///
/// ```
/// assert_eq!(dti_core::round_to(0.702_46, 4), 0.7025);
/// assert_eq!(dti_core::round_to(2.5, 0), 3.0);
/// ```
pub fn round_to(value: f64, decimals: u32) -> f64 {
    const POWERS_OF_TEN: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let factor = POWERS_OF_TEN[decimals.min(15) as usize];
    libm::round(value * factor) / factor
}
