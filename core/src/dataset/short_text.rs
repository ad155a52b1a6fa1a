//! [`ShortText`]: a unit's code or name, kept inside the record when it is short.
//!
//! Native targets only: the calculator's module (wasm32) reads files of a few units, where the
//! inline form would grow the module by some 150 – 250 B gzipped for no gain, and there
//! `ShortText` is `String` (`dataset.rs`), as `UnitInfo` held its code and name before. Code
//! that builds on native targets builds there too: `String` has every method and conversion
//! the core and the binding use here (`as_str`, `From<&str>`, `From<String>`, `Deref<str>`),
//! and more.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::{Serialize, Serializer};

/// The longest text kept inside the record: every province's code and name (the longest name,
/// `Bà Rịa - Vũng Tàu`, is 22 bytes in UTF-8).
const INLINE: usize = 22;

/// A unit's code or name: a `str` that is kept inside the record, without an allocation of
/// its own, when it is at most 22 bytes long (every province's code and name), and in an
/// allocation of its own when longer. Reads as a `&str` (it dereferences to one) and
/// compares, orders and hashes as one. It is formatted through [`ShortText::as_str`]: without
/// a `Display` of its own, `to_string()` is `str`'s plain copy rather than the formatter's.
///
/// Reading 63 provinces made two allocations a unit for their codes and names, and freeing
/// the data set two more frees: some 8 % of the instructions of reading, checking and scoring
/// them (BENCHMARKS.md, "63 provinces, seventh round").
///
/// ```
/// use dti_core::dataset::ShortText;
/// let name = ShortText::from("Bà Rịa - Vũng Tàu");
/// assert_eq!(name, "Bà Rịa - Vũng Tàu");
/// assert_eq!(name.len(), 22);
/// let long = ShortText::from("Thành phố Hồ Chí Minh");
/// assert_eq!(long.as_str(), "Thành phố Hồ Chí Minh");
/// ```
#[derive(Clone)]
pub struct ShortText(Repr);

#[derive(Clone)]
enum Repr {
    /// The text's bytes, the first `len` of them in use (always whole UTF-8: they are copied
    /// from a `str`).
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl ShortText {
    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // The bytes were copied from a `str` whole, so they always read back; the empty
            // text would only stand for a broken invariant.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Repr::Heap(text) => text,
        }
    }

    /// True for the empty text (without reading it back as text).
    pub fn is_empty(&self) -> bool {
        self.as_bytes().is_empty()
    }

    /// The text's bytes, without reading them back as text (which checks their UTF-8): for
    /// a test on a few bytes that most texts fail.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(text) => text.as_bytes(),
        }
    }
}

impl Default for ShortText {
    fn default() -> ShortText {
        ShortText::from("")
    }
}

impl From<&str> for ShortText {
    fn from(text: &str) -> ShortText {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            ShortText(Repr::Inline {
                len: text.len() as u8,
                bytes,
            })
        } else {
            ShortText(Repr::Heap(text.into()))
        }
    }
}

impl From<&String> for ShortText {
    fn from(text: &String) -> ShortText {
        ShortText::from(text.as_str())
    }
}

impl From<String> for ShortText {
    fn from(text: String) -> ShortText {
        if text.len() <= INLINE {
            ShortText::from(text.as_str())
        } else {
            ShortText(Repr::Heap(text.into_boxed_str()))
        }
    }
}

impl From<&ShortText> for ShortText {
    fn from(text: &ShortText) -> ShortText {
        text.clone()
    }
}

impl From<ShortText> for String {
    fn from(text: ShortText) -> String {
        match text.0 {
            Repr::Heap(text) => text.into_string(),
            Repr::Inline { .. } => text.as_str().to_string(),
        }
    }
}

impl From<&ShortText> for String {
    fn from(text: &ShortText) -> String {
        text.as_str().to_string()
    }
}

impl Deref for ShortText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ShortText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for ShortText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for ShortText {
    fn eq(&self, other: &ShortText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ShortText {}

impl PartialOrd for ShortText {
    fn partial_cmp(&self, other: &ShortText) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ShortText {
    fn cmp(&self, other: &ShortText) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for ShortText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for ShortText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ShortText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for ShortText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<ShortText> for str {
    fn eq(&self, other: &ShortText) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<ShortText> for &str {
    fn eq(&self, other: &ShortText) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<ShortText> for String {
    fn eq(&self, other: &ShortText) -> bool {
        self == other.as_str()
    }
}

impl Serialize for ShortText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_was_made_of_short_or_long() {
        for text in [
            "",
            "01",
            "Hà Nội",
            "Bà Rịa - Vũng Tàu",
            "a".repeat(22).as_str(),
        ] {
            let short = ShortText::from(text);
            assert!(matches!(short.0, Repr::Inline { .. }), "{text}");
            assert_eq!(short.as_str(), text);
            assert_eq!(String::from(short.clone()), text);
            assert_eq!(ShortText::from(text.to_string()), short);
        }
        for text in ["a".repeat(23), "Thành phố Hồ Chí Minh".to_string()] {
            let long = ShortText::from(text.as_str());
            assert!(matches!(long.0, Repr::Heap(_)), "{text}");
            assert_eq!(long.as_str(), text);
            assert_eq!(String::from(long.clone()), text);
            assert_eq!(ShortText::from(text.clone()), long);
        }
        assert_eq!(ShortText::default(), "");
    }

    #[test]
    fn compares_orders_and_hashes_as_its_text() {
        use std::collections::hash_map::DefaultHasher;
        let hash = |h: &dyn Fn(&mut DefaultHasher)| {
            let mut hasher = DefaultHasher::new();
            h(&mut hasher);
            hasher.finish()
        };
        let (a, b) = (ShortText::from("01"), ShortText::from("a".repeat(30)));
        assert!(a < b && "01" < "aaa");
        assert_eq!(hash(&|h| a.hash(h)), hash(&|h| "01".hash(h)));
        assert_eq!(
            hash(&|h| b.hash(h)),
            hash(&|h| "a".repeat(30).as_str().hash(h))
        );
        assert_eq!(format!("{a:?}"), "\"01\"");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"01\"");
        assert_eq!(std::mem::size_of::<Option<ShortText>>(), 24);
    }
}
