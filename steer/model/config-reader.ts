// Typed access to a config.json object: every missing or mistyped key becomes
// an error naming the file, the key and the model_type.
import { SteerInputError } from '../errors.ts';
import type { Activation } from './architecture.ts';

export class ConfigError extends SteerInputError {}

export class ConfigReader {
  readonly modelType: string;
  constructor(
    readonly raw: Record<string, unknown>,
    readonly where = 'config.json',
  ) {
    this.modelType = String(raw.model_type ?? '');
  }

  fail(message: string): never {
    throw new ConfigError(`${this.where}: ${message} (model_type ${this.modelType})`);
  }

  /** The first of `keys` (aliases, newest name first) that holds a number, else `fallback`. */
  num(keys: string | string[], fallback?: number): number {
    const names = typeof keys === 'string' ? [keys] : keys;
    for (const k of names) {
      const v = this.raw[k];
      if (typeof v === 'number') return v;
      if (v !== undefined && v !== null) this.fail(`"${k}" must be a number, found ${JSON.stringify(v)}`);
    }
    if (fallback !== undefined) return fallback;
    return this.fail(`"${names[0]}" missing or not a number`);
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') this.fail(`"${key}" must be true or false, found ${JSON.stringify(v)}`);
    return v as boolean;
  }

  str(key: string, fallback: string): string {
    const v = this.raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string') this.fail(`"${key}" must be a string, found ${JSON.stringify(v)}`);
    return v as string;
  }

  /** a / b, which must be a whole number (e.g. head size from width and head count). */
  quotient(a: number, aKey: string, b: number, bKey: string): number {
    const q = a / b;
    if (!Number.isInteger(q)) this.fail(`${aKey} ${a} is not a multiple of ${bKey} ${b}`);
    return q;
  }

  /** Newer transformers versions nest RoPE settings under rope_parameters. */
  ropeParam(key: string, fallback: number): number {
    const p = this.raw.rope_parameters as Record<string, unknown> | undefined;
    return typeof p?.[key] === 'number' ? (p[key] as number) : fallback;
  }

  /** Any RoPE scaling would silently move every position: refuse it. */
  rejectRopeScaling(): void {
    const scaling = this.raw.rope_scaling as { type?: string; rope_type?: string } | null | undefined;
    const params = this.raw.rope_parameters as { rope_type?: string } | undefined;
    const type = scaling?.rope_type ?? scaling?.type ?? params?.rope_type;
    if (type && type !== 'default') this.fail(`rope_scaling type "${type}" is not supported`);
  }

  eosTokenIds(): number[] {
    const v = this.raw.eos_token_id;
    return Array.isArray(v) ? (v as number[]) : typeof v === 'number' ? [v] : [];
  }

  activation(name: string): Activation {
    if (name === 'gelu') return 'gelu';
    if (name === 'gelu_new' || name === 'gelu_fast' || name === 'gelu_pytorch_tanh') return 'gelu_tanh';
    if (name === 'silu' || name === 'swish') return 'silu';
    if (name === 'relu') return 'relu';
    return this.fail(`activation "${name}" is not supported`);
  }
}
