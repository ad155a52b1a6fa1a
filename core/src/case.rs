//! Letter case for matching what people type against the words the readers know, without the
//! standard library's Unicode case tables.
//!
//! `str::to_lowercase` and `char::to_uppercase` link all of Unicode's case mappings (about
//! 5 KB of code and tables in the calculator's module). The readers only ever compare what they
//! lower-case with Vietnamese and English words (column headers such as `Mã tỉnh`, marks such
//! as `Không đạt`, unit names), so this module maps the letters of the scripts such text is
//! written in and leaves every other character as it is:
//!
//! - ASCII, the Latin-1 Supplement (U+0080–U+00FF) and Latin Extended-A (U+0100–U+017F);
//! - the Latin Extended-B letters Vietnamese uses, `Ơ ơ Ư ư` (U+01A0, U+01A1, U+01AF, U+01B0);
//! - Latin Extended Additional (U+1E00–U+1EFF: every Vietnamese letter with a tone mark);
//! - Greek without its archaic letters (U+0386–U+03CE) and basic Cyrillic (U+0400–U+045F).
//!
//! Within these ranges a character maps exactly as `char::to_lowercase` and
//! `char::to_uppercase` map it when they give one character (a test goes through every one);
//! one they map to several characters (`ß` upper-cased, `İ` lower-cased) is left as it is,
//! and so is every character outside the ranges. So the text `ĐẠT` lowers to `đạt` as before,
//! while a header in a script outside the ranges matches only as written. Greek capital sigma
//! lowers to `σ` wherever it stands (`str::to_lowercase` writes `ς` at the end of a word).

/// The ranges this module maps, the first and last character of each.
#[cfg(test)]
const COVERED: [(char, char); 6] = [
    ('\u{0}', '\u{17F}'),
    ('\u{1A0}', '\u{1A1}'),
    ('\u{1AF}', '\u{1B0}'),
    ('\u{386}', '\u{3CE}'),
    ('\u{400}', '\u{45F}'),
    ('\u{1E00}', '\u{1EFF}'),
];

/// A character in lower case (see the module's documentation for which are mapped).
pub(crate) fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF
            if u.is_multiple_of(2) =>
        {
            u + 1
        }
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x178 => 0xFF,
        0x1A0 | 0x1AF => u + 1,
        0x1E9E => 0xDF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        _ => return c,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// A character in upper case (see the module's documentation for which are mapped).
pub(crate) fn upper_char(c: char) -> char {
    let u = c as u32;
    let upper = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE => u - 0x20,
        0xB5 => 0x39C,
        0xFF => 0x178,
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 | 0x1E01..=0x1E95 | 0x1EA1..=0x1EFF
            if !u.is_multiple_of(2) =>
        {
            u - 1
        }
        0x13A..=0x148 | 0x17A..=0x17E if u.is_multiple_of(2) => u - 1,
        0x131 => 0x49,
        0x17F => 0x53,
        0x1A1 | 0x1B0 => u - 1,
        0x1E9B => 0x1E60,
        0x3AC => 0x386,
        0x3AD..=0x3AF => u - 0x25,
        0x3CC => 0x38C,
        0x3CD | 0x3CE => u - 0x3F,
        0x3C2 => 0x3A3,
        0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => u - 0x20,
        0x450..=0x45F => u - 0x50,
        _ => return c,
    };
    char::from_u32(upper).unwrap_or(c)
}

/// Whether a character is a letter this module maps to another case. Every such character is
/// alphabetic, and lowering text without one leaves it as it is: a reader that only lowers
/// text to compare it with words made of such letters can skip text without one (without
/// `char::is_alphabetic`, whose Unicode table the calculator's module would link).
pub(crate) fn is_cased(c: char) -> bool {
    lower_char(c) != c || upper_char(c) != c
}

/// Text in lower case, character by character (see the module's documentation).
pub(crate) fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(mut mapped: impl Iterator<Item = char>) -> Option<char> {
        let first = mapped.next()?;
        mapped.next().is_none().then_some(first)
    }

    fn covered(c: char) -> bool {
        COVERED
            .iter()
            .any(|&(first, last)| (first..=last).contains(&c))
    }

    #[test]
    fn every_covered_character_maps_as_the_standard_library_maps_it_to_one_character() {
        let mut mapped = 0;
        for c in COVERED.iter().flat_map(|&(first, last)| first..=last) {
            let (lower, upper) = (lower_char(c), upper_char(c));
            assert_eq!(lower, single(c.to_lowercase()).unwrap_or(c), "lower {c:?}");
            assert_eq!(upper, single(c.to_uppercase()).unwrap_or(c), "upper {c:?}");
            mapped += usize::from(lower != c) + usize::from(upper != c);
        }
        // Every mapping counted, lower and upper: a range left out of the functions above
        // would show here even where the standard library leaves its characters alone.
        assert_eq!(mapped, 654);
    }

    #[test]
    fn a_cased_character_is_alphabetic_and_only_cased_ones_change() {
        for c in '\0'..=char::MAX {
            if is_cased(c) {
                assert!(c.is_alphabetic(), "{c:?}");
            } else {
                assert_eq!(lower_char(c), c, "{c:?}");
            }
        }
    }

    #[test]
    fn every_other_character_is_left_as_it_is() {
        for c in ('\0'..=char::MAX).filter(|&c| !covered(c)) {
            assert_eq!(lower_char(c), c, "lower {c:?}");
            assert_eq!(upper_char(c), c, "upper {c:?}");
        }
    }

    #[test]
    fn text_lowers_as_the_standard_library_lowers_vietnamese_and_english() {
        for text in [
            "MÃ TỈNH",
            "Không Đạt",
            "ĐƠN VỊ",
            "Thừa Thiên Huế",
            "ƯỚC TÍNH",
            "Province_Code",
            "#N/A",
            "",
        ] {
            assert_eq!(lower(text), text.to_lowercase(), "{text}");
        }
        assert_eq!(lower("ΣΟΦΙΑ"), "σοφια");
        assert_eq!(lower("Straße İ"), "straße İ");
    }
}
