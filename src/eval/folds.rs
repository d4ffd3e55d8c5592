//! Folds for cross-validation by article, with copies kept together.
//!
//! News corpora repeat themselves: one wire story under two sites'
//! headlines, one speech quoted at length by three. An article whose copy
//! was trained on is not unseen, and a model scored on it is partly scored
//! on its own training data. So articles that share much of their text are
//! one group, and a group is never split between folds.

use crate::hash::Fnv64;

/// Two articles are copies of one story when this share of the smaller
/// one's runs of `RUN` words is in the other. Most articles of the PTC
/// training split share under 5% with any other; a site's boilerplate
/// stays under 30%; rewrites of one story share 30–75%.
const SHARED: f64 = 0.3;
const RUN: usize = 8;

/// The fold, of `k`, of each article: the fold an article alone would have
/// had (its position modulo `k`), or, for an article with copies, the fold
/// of the first of them.
pub fn assign(texts: &[&str], k: usize) -> Vec<usize> {
    in_folds(&stories(texts), k)
}

/// The same, from the articles' [`stories`].
pub fn in_folds(stories: &[usize], k: usize) -> Vec<usize> {
    stories.iter().map(|first| first % k.max(1)).collect()
}

/// Each article's story: the index of the first article that is a copy of
/// it, directly or through other copies (its own index if none is).
pub fn stories(texts: &[&str]) -> Vec<usize> {
    let runs: Vec<Vec<u64>> = texts.iter().map(|t| word_runs(t)).collect();
    let mut first: Vec<usize> = (0..texts.len()).collect();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            if copies(&runs[i], &runs[j]) {
                let (a, b) = (root(&mut first, i), root(&mut first, j));
                first[a.max(b)] = a.min(b);
            }
        }
    }
    (0..texts.len()).map(|i| root(&mut first, i)).collect()
}

/// How many articles have a copy among `stories`, and in how many stories.
pub fn copied(stories: &[usize]) -> (usize, usize) {
    let mut size = vec![0usize; stories.len()];
    for &s in stories {
        size[s] += 1;
    }
    let shared = size.iter().filter(|&&n| n > 1);
    (shared.clone().sum(), shared.count())
}

/// The first article of `i`'s group (each group points at its least index).
fn root(first: &mut [usize], mut i: usize) -> usize {
    while first[i] != i {
        first[i] = first[first[i]];
        i = first[i];
    }
    i
}

/// Each run of `RUN` words in `text`, lower-cased and hashed; sorted, once each.
fn word_runs(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut runs: Vec<u64> = words
        .windows(RUN)
        .map(|run| {
            let mut hash = Fnv64::new();
            for word in run {
                hash.write(word.as_bytes());
                hash.write(b" ");
            }
            hash.finish()
        })
        .collect();
    runs.sort_unstable();
    runs.dedup();
    runs
}

fn copies(a: &[u64], b: &[u64]) -> bool {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return false;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 >= SHARED * smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The council voted on Tuesday to close the library on Elm Street \
        after a review found the building needed repairs costing more than it was worth, \
        and staff will move to the new centre in the spring when the lease there begins.";

    /// Twenty words no other article has.
    fn other(n: usize) -> String {
        (0..20)
            .map(|i| format!("w{n}x{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn an_article_alone_keeps_its_place_in_the_rotation() {
        let texts: Vec<String> = (0..7).map(other).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(assign(&refs, 3), vec![0, 1, 2, 0, 1, 2, 0]);
    }

    #[test]
    fn copies_of_one_story_share_the_first_ones_fold() {
        let rewrite = format!("From our wires. {STORY} More follows.");
        let quoted = format!("Residents were angry. {STORY}");
        let texts = [
            STORY.to_string(),
            other(1),
            rewrite,
            other(3),
            other(4),
            quoted,
        ];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let folds = assign(&refs, 5);
        assert_eq!(folds, vec![0, 1, 0, 3, 4, 0]);
        assert_eq!(copied(&stories(&refs)), (3, 1));
    }

    #[test]
    fn a_copy_of_a_copy_joins_the_group_too() {
        // A shares with B and B with C, but A and C share little: still one
        // group, or C's model would have seen half of A through B.
        let half = STORY.len() / 2;
        let (front, back) = STORY.split_at(STORY[..half].rfind(' ').unwrap());
        let a = format!("{front} {}", other(10));
        let b = STORY.to_string();
        let c = format!("{} {back}", other(11));
        let texts = [other(0), c, a, b];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let folds = assign(&refs, 4);
        assert_eq!(folds[1], folds[2]);
        assert_eq!(folds[2], folds[3]);
        assert_eq!(folds[1], 1);
    }

    #[test]
    fn short_and_empty_articles_are_nobody_s_copy() {
        let texts = ["", "Too short.", "", "Too short."];
        assert_eq!(assign(&texts, 2), vec![0, 1, 0, 1]);
    }
}
