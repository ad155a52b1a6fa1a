//! The crate's sorts of the calculator's code paths, through one function in WebAssembly.
//!
//! Each element type and comparison of `sort_by` or `sort_unstable_by` is a new copy of the
//! standard library's driftsort or ipnsort (small-sort networks, partitions, merges): five
//! copies and about 20 KB of the calculator's module before optimisation. In WebAssembly
//! every sort here is [`merge_order`], one stable merge sort of indices with a `dyn`
//! comparison, and a small copy per element type. Native builds keep the standard library's
//! sorts, which are faster.
//!
//! The results are the same on both: [`stable_by`] is stable on both, and every caller of
//! [`unstable_by`] and [`unstable`] gets the same result whatever order the sort leaves equal
//! elements in (they are the same bits, or a tie the caller reads alike), as the callers say.

use std::cmp::Ordering;

/// `items.sort_by(compare)`: stable.
#[inline]
pub(crate) fn stable_by<T: Copy>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    by_merge_order(items, &compare);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by(compare);
}

/// `items.sort_unstable_by(compare)`, for callers whose result does not depend on the order
/// of elements that compare equal.
#[inline]
pub(crate) fn unstable_by<T: Copy>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    by_merge_order(items, &compare);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_unstable_by(compare);
}

/// `items.sort_unstable()`, for callers whose result does not depend on the order of
/// elements that compare equal.
#[inline]
pub(crate) fn unstable<T: Copy + Ord>(items: &mut [T]) {
    #[cfg(target_arch = "wasm32")]
    by_merge_order(items, &T::cmp);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_unstable();
}

/// Sorts `items` stably by `compare` through [`merge_order`].
fn by_merge_order<T: Copy>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = merge_order(items.len(), &|a, b| {
        compare(&items[a], &items[b]) == Ordering::Greater
    });
    let sorted: Vec<T> = order.iter().map(|&at| items[at as usize]).collect();
    items.copy_from_slice(&sorted);
}

/// The positions `0..n` in the order a stable sort puts them: `after(a, b)` when the element
/// at `a` goes after the one at `b`. A bottom-up merge sort: runs of 1, 2, 4, … merged in
/// pairs, the left run's element first on a tie.
fn merge_order(n: usize, after: &dyn Fn(usize, usize) -> bool) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                if right < end
                    && (left == middle || after(order[left] as usize, order[right] as usize))
                {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn merge_order_is_the_standard_stable_sort(
            keys in proptest::collection::vec(0u8..6, 0..300),
        ) {
            let mut got: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = got.clone();
            expected.sort_by_key(|&(key, _)| key);
            by_merge_order(&mut got, &|a: &(u8, usize), b: &(u8, usize)| a.0.cmp(&b.0));
            prop_assert_eq!(got, expected);
        }

        #[test]
        fn merge_order_sorts_floats_as_total_cmp_does(
            values in proptest::collection::vec(any::<f64>(), 0..200),
        ) {
            let mut expected = values.clone();
            expected.sort_unstable_by(f64::total_cmp);
            let mut got = values;
            by_merge_order(&mut got, &f64::total_cmp);
            prop_assert_eq!(
                got.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                expected.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
            );
        }
    }
}
