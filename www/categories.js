// The flag categories as the core defines them (src/category.rs's table):
// the worker sends them with its 'ready' message, from the WASM's
// categories(). The page keeps no list of its own, so a new category needs
// nothing here (style.css styles a highlight by its kind).

/** The kinds of flag, as the legend and Settings head their groups. */
export const KINDS = {
  loaded_language: 'Loaded language',
  unsourced_assertion: 'Unsourced assertion',
};

/**
 * Look-ups over the core's table, a list of `{key, label, kind,
 * default_severity}` in the order the page lists them. Empty until the core
 * has sent it.
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
