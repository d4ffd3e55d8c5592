// The WASM boundary's JS half (src/wasm.rs): builds the report's flags,
// paragraphs, sentences and sources from the numbers the core packs, in the
// field order of the core's JSON. Making the objects here, in one
// JIT-compiled loop, is several times cheaper than setting every field from
// WASM. The layout is the table in wasm.rs's module doc; the strides mirror
// its constants (tests/wasm.rs checks that they agree).

/**
 * u32s per flag: kind, category, start, end, message, in_quotation, severity,
 * alternative, confidence, and for an explanation that names a word of the
 * text: what follows the word, and the word's start and end.
 */
export const FLAG_STRIDE = 12;
/** u32s per sentence: start, end, attribution, source, claim. */
export const SENTENCE_STRIDE = 5;
/** u32s per source, before its spans: name, kind, mentions, span count. */
export const SOURCE_STRIDE = 4;
/** u32s per span (a paragraph, a source's mention): start, end. */
export const SPAN_STRIDE = 2;

// Helpers take everything as arguments: a closure over the loops' `k`
// would move it out of a register.

/** A string table entry that may be null: 0, or its index plus one. */
const nullable = (strings, n) => (n === 0 ? null : strings[n - 1]);

/** `count` spans from `numbers[k]` on. */
function spans(numbers, k, count) {
  const out = new Array(count);
  for (let j = 0; j < count; j++, k += SPAN_STRIDE) out[j] = { start: numbers[k], end: numbers[k + 1] };
  return out;
}

export function fillReport(report, text, numbers, strings) {
  let k = 0;
  const flags = new Array(numbers[k++]);
  for (let i = 0; i < flags.length; i++, k += FLAG_STRIDE) {
    const start = numbers[k + 2];
    const end = numbers[k + 3];
    flags[i] = {
      kind: strings[numbers[k]],
      category: strings[numbers[k + 1]],
      start,
      end,
      text: text.slice(start, end),
      message: numbers[k + 9] === 0
        ? strings[numbers[k + 4]]
        : strings[numbers[k + 4]] + text.slice(numbers[k + 10], numbers[k + 11]) + strings[numbers[k + 9] - 1],
      in_quotation: numbers[k + 5] === 1,
      severity: numbers[k + 6],
      alternative: nullable(strings, numbers[k + 7]),
      confidence: numbers[k + 8] === 0 ? null : (numbers[k + 8] - 1) / 100,
    };
  }
  const paragraphs = spans(numbers, k + 1, numbers[k]);
  k += 1 + paragraphs.length * SPAN_STRIDE;
  const sentences = new Array(numbers[k++]);
  for (let i = 0; i < sentences.length; i++, k += SENTENCE_STRIDE) {
    sentences[i] = {
      start: numbers[k],
      end: numbers[k + 1],
      attribution: strings[numbers[k + 2]],
      source: nullable(strings, numbers[k + 3]),
      claim: numbers[k + 4] === 1,
    };
  }
  const sources = new Array(numbers[k++]);
  for (let i = 0; i < sources.length; i++) {
    const name = strings[numbers[k]];
    const kind = strings[numbers[k + 1]];
    const mentions = numbers[k + 2];
    const count = numbers[k + 3];
    const mentionsAt = spans(numbers, k + SOURCE_STRIDE, count);
    k += SOURCE_STRIDE + count * SPAN_STRIDE;
    const says = spans(numbers, k + 1, numbers[k]);
    k += 1 + says.length * SPAN_STRIDE;
    sources[i] = { name, kind, mentions, spans: mentionsAt, says };
  }
  report.text = text;
  report.flags = flags;
  report.paragraphs = paragraphs;
  report.sentences = sentences;
  report.sources = sources;
}
