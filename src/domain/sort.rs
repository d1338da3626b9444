//! Stable sorting with one copy of the sort in the wasm. `slice::sort_by` is generic over the
//! element and the comparison, so each of the app's forty call sites carried its own copy of
//! the standard library's driftsort (about 4 KB each, 178 KB in all). Here the one sort
//! orders indices through a `dyn` comparison, and only the small permutation is generic.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order, as `slice::sort_by` does.
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by the key `f` gives each element, stably, as `slice::sort_by_key` does.
pub fn by_key<T, K: Ord>(v: &mut [T], f: impl Fn(&T) -> K) {
    by(v, |a, b| f(a).cmp(&f(b)));
}

/// The indices `0..n` in the order `cmp` puts them, stably.
#[allow(clippy::disallowed_methods)] // the one copy
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Puts the element that was at `order[i]` at `i`, in place, one cycle of the permutation at
/// a time: along a cycle, the element its start held is carried to where it belongs.
fn permute<T>(v: &mut [T], order: Vec<usize>) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut i = start;
        while !done[i] {
            done[i] = true;
            let from = order[i];
            if from == start {
                break;
            }
            v.swap(i, from);
            i = from;
        }
    }
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included: each element
        /// carries its first position, which equal keys must keep ascending.
        #[test]
        fn sorts_as_the_standard_library_does(keys in proptest::collection::vec(0u8..6, 0..200)) {
            let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = tagged.clone();
            by_key(&mut ours, |t| t.0);
            let mut theirs = tagged.clone();
            theirs.sort_by_key(|t| t.0);
            prop_assert_eq!(&ours, &theirs);
            let mut down = tagged;
            by(&mut down, |a, b| b.0.cmp(&a.0));
            prop_assert!(down.windows(2).all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        }
    }
}
