// The flag categories: the kinds, the page's list of categories (which
// repeats src/category.rs's table), and look-ups over such a list.

/** The kinds of flag, as the legend and Settings head their groups. */
export const KINDS = {
  loaded_language: 'Loaded language',
  unsourced_assertion: 'Unsourced assertion',
};

/** The categories, in the order the page lists them. */
export const CATEGORIES = [
  { key: 'scare_quotes', label: 'Scare quotes', kind: 'loaded_language' },
  { key: 'distancing', label: 'Distancing', kind: 'loaded_language' },
  { key: 'name_calling', label: 'Name-calling', kind: 'loaded_language' },
  { key: 'emotive', label: 'Emotive', kind: 'loaded_language' },
  { key: 'exaggeration', label: 'Exaggeration', kind: 'loaded_language' },
  { key: 'appeal_to_fear', label: 'Appeal to fear', kind: 'loaded_language' },
  { key: 'flag_waving', label: 'Flag-waving', kind: 'loaded_language' },
  { key: 'thought_terminating', label: 'Thought-terminating cliché', kind: 'loaded_language' },
  { key: 'doubt', label: 'Doubt', kind: 'loaded_language' },
  { key: 'vague_attribution', label: 'Vague attribution', kind: 'unsourced_assertion' },
  { key: 'unsupported_certainty', label: 'Unsupported certainty', kind: 'unsourced_assertion' },
  { key: 'unattributed_claim', label: 'Unattributed claim', kind: 'unsourced_assertion' },
];

/**
 * Look-ups over a category table, a list of `{key, label, kind}` in the
 * order the page lists them.
 */
export function categoryTable(list = []) {
  const byKey = new Map(list.map((c) => [c.key, c]));
  return {
    list,
    has: (key) => byKey.has(key),
    kind: (key) => byKey.get(key)?.kind,
    label: (key) => byKey.get(key)?.label ?? String(key).replace(/_/g, ' '),
    ofKind: (kind) => list.filter((c) => c.kind === kind),
    /** `keys` in table order, each once. */
    inOrder: (keys) => list.map((c) => c.key).filter((k) => keys.includes(k)),
  };
}
