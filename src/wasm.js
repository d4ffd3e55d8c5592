// The WASM boundary's JS half (src/wasm.rs): builds the report's flags,
// sentences and sources from the numbers the core packs, in the field order
// of the core's JSON. Making the objects here, in one JIT-compiled loop, is
// several times cheaper than setting every field from WASM.

export function fillReport(report, text, numbers, strings) {
  let k = 0;
  const flags = new Array(numbers[k++]);
  for (let i = 0; i < flags.length; i++, k += 8) {
    const start = numbers[k + 2];
    const end = numbers[k + 3];
    const alternative = numbers[k + 7];
    flags[i] = {
      kind: strings[numbers[k]],
      category: strings[numbers[k + 1]],
      start,
      end,
      text: text.slice(start, end),
      message: strings[numbers[k + 4]],
      in_quotation: numbers[k + 5] === 1,
      severity: numbers[k + 6],
      alternative: alternative === 0 ? null : strings[alternative - 1],
    };
  }
  const sentences = new Array(numbers[k++]);
  for (let i = 0; i < sentences.length; i++, k += 4) {
    const source = numbers[k + 3];
    sentences[i] = {
      start: numbers[k],
      end: numbers[k + 1],
      attribution: strings[numbers[k + 2]],
      source: source === 0 ? null : strings[source - 1],
    };
  }
  const sources = new Array(numbers[k++]);
  for (let i = 0; i < sources.length; i++) {
    const name = strings[numbers[k]];
    const kind = strings[numbers[k + 1]];
    const mentions = numbers[k + 2];
    const spans = new Array(numbers[k + 3]);
    k += 4;
    for (let j = 0; j < spans.length; j++, k += 2) spans[j] = { start: numbers[k], end: numbers[k + 1] };
    sources[i] = { name, kind, mentions, spans };
  }
  report.text = text;
  report.flags = flags;
  report.sentences = sentences;
  report.sources = sources;
}
