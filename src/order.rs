//! One stable sort for the whole analysis.
//!
//! Every `sort_by_key` call site builds its own copy of the standard
//! library's sort for its element type and closure, about 5 KB of WASM each.
//! Here each element is given a `u64` key, the `(key, index)` pairs are
//! sorted (a single instantiation, shared by every caller), and the elements
//! are moved into that order. The index breaks ties, so the sort is stable.
//!
//! Size: see BENCHMARKS.md#t-one-sort

/// Sort `items` by `key`, keeping the order of equal keys.
pub(crate) fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, u32)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| (key(item), index as u32))
        .collect();
    // Most lists arrive in order, or nearly.
    if order.windows(2).all(|pair| pair[0] <= pair[1]) {
        return;
    }
    order.sort_unstable();
    // Apply the permutation in place, one cycle at a time: position `at`
    // takes the element that was at `order[at].1`.
    const PLACED: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at].1 != PLACED {
            let from = order[at].1 as usize;
            order[at].1 = PLACED;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// A sort key from two offsets or counts, the first more significant.
/// Both are below 2^32: inputs are at most `MAX_INPUT_BYTES`.
pub(crate) fn pair(high: usize, low: usize) -> u64 {
    debug_assert!(high <= u32::MAX as usize && low <= u32::MAX as usize);
    ((high as u64) << 32) | low as u64
}

/// `low` for a key that puts larger values first.
pub(crate) fn descending(value: usize) -> usize {
    u32::MAX as usize - value.min(u32::MAX as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_keys_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn pair_orders_by_high_then_low_and_descending_reverses() {
        let mut items = vec![(5usize, 2usize), (1, 9), (5, 7), (1, 3)];
        sort_by_key(&mut items, |&(start, end)| pair(start, descending(end)));
        assert_eq!(items, [(1, 9), (1, 3), (5, 7), (5, 2)]);
    }

    proptest! {
        #[test]
        fn equals_the_standard_stable_sort(
            items in proptest::collection::vec((0u64..20, any::<u16>()), 0..200)
        ) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
