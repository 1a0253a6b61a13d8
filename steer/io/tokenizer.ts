// tokenizer.json (+ optional tokenizer_config.json) via @huggingface/tokenizers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { SteerInputError } from '../errors.ts';

export interface TextTokenizer {
  /** Token ids as the model's own tokenizer would produce them, special tokens (e.g. BOS) included. */
  encode(text: string): number[];
  /** Text for humans: special tokens dropped. */
  decode(ids: number[]): string;
  /** Text with special tokens kept, for inspection. */
  decodeVerbatim(ids: number[]): string;
  /** The vocabulary entry of one id, or a visible placeholder for an id the tokenizer does not know. */
  piece(id: number): string;
}

export class TokenizerError extends SteerInputError {}

export function loadTokenizer(dir: string): TextTokenizer {
  const path = join(dir, 'tokenizer.json');
  if (!existsSync(path)) throw new TokenizerError(`${path}: file not found (a tokenizer.json is required)`);
  const cfgPath = join(dir, 'tokenizer_config.json');
  let tok: Tokenizer;
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as object;
    const cfg = existsSync(cfgPath) ? (JSON.parse(readFileSync(cfgPath, 'utf8')) as object) : {};
    tok = new Tokenizer(json, cfg);
  } catch (e) {
    throw new TokenizerError(`${path}: cannot load tokenizer (${(e as Error).message})`);
  }
  return {
    encode: (text) => tok.encode(text).ids,
    decode: (ids) => tok.decode(ids, { skip_special_tokens: true }),
    decodeVerbatim: (ids) => tok.decode(ids, { skip_special_tokens: false }),
    piece: (id) => tok.id_to_token(id) ?? `<unknown id ${id}>`,
  };
}
