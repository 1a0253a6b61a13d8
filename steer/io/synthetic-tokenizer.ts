// A small byte-level BPE tokenizer.json (the GPT-2 / GPT-NeoX scheme), for
// test models and smoke runs: 1 special token, the 256 byte symbols, and
// merges that assemble a handful of common English words.

/** GPT-2's reversible byte -> printable-character table: visible bytes map to themselves, the rest to U+0100 onward. */
export function byteSymbols(): string[] {
  const visible = (b: number): boolean => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let next = 256;
  return Array.from({ length: 256 }, (_, b) => String.fromCodePoint(visible(b) ? b : next++));
}

const WORDS = ['the', 'is', 'of', 'and', 'water', 'true', 'false', 'not', 'sun', 'earth'];

export function tinyTokenizerJson(): object {
  const sym = byteSymbols();
  const vocab: Record<string, number> = { '<|endoftext|>': 0 };
  sym.forEach((s, i) => (vocab[s] = i + 1));
  const merges: string[] = [];
  const addMerge = (a: string, b: string): void => {
    if (vocab[a + b] !== undefined) return;
    merges.push(`${a} ${b}`);
    vocab[a + b] = Object.keys(vocab).length;
  };
  const space = sym[0x20]!;
  for (const w of WORDS) {
    // Left-to-right merges: "Ġ"+"t" -> "Ġt", "Ġt"+"h" -> "Ġth", ...
    let cur = space;
    for (const ch of w) {
      addMerge(cur, ch);
      cur += ch;
    }
  }
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    version: '1.0',
    added_tokens: [{ id: 0, content: '<|endoftext|>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: byteLevel,
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
}

export function tinyTokenizerVocabSize(): number {
  return Object.keys((tinyTokenizerJson() as { model: { vocab: object } }).model.vocab).length;
}
