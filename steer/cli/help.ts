// Help texts for `cape steer`.

const COMMON = `  --model DIR         Hugging Face model folder: config.json, *.safetensors, tokenizer.json (required)
  --threads N         matmul threads, main thread included (default: cores, at most 8)
  --json              machine-readable output
  -h, --help          this help`;

const STRENGTH = `  --gate authors      strength from the authors' cosine bands (default): cos(prompt, direction)
                      < -0.1: 3.0, < 0.1: 1.5, < 0.3: 0.5, else 0 (their thresholds, as published)
  --strength X        fixed strength instead: X times the unit vector
  --relative          with --strength: X times the typical residual norm at that layer
                      (residual RMS x sqrt(d_model), recorded in the vector file)
  --positions P       last (default; the authors' hook: the last position of every forward pass)
                      or all (every position of every pass)
  --force             apply a vector whose config.json hash differs from the model's (or, imported, has none)
  --vector-layer L    the block to use from a control vector with directions for several`;

const SAMPLING = `  --seed S            sample instead of greedy decoding, seeded (same draws for steered and unsteered)
  --temperature T     with --seed (default 0.7, as the authors)
  --top-p P           with --seed (default 0.9, as the authors)`;

export const HELP: Record<string, string> = {
  steer: `usage: cape steer <command> [options]

Activation steering for local open-weight models on CPU (model_type gpt_neox,
llama, mistral, qwen2, gpt2, gemma, phi, opt, bloom, falcon, gpt_neo, olmo).
The hook site is the residual stream at the output of block L, blocks
numbered from 0.

commands:
  direction  build a truth direction at a layer and save it as a vector file
  generate   print unsteered and steered continuations side by side
  eval       judge truthfulness by likelihood, against a random-direction control
  probe      per-layer reasoning/truthfulness coupling (the paper's internal measure)
  inspect    token ids, logits, residual stream and a greedy continuation of one prompt, as JSON
  export     convert a vector between .json, .gguf (llama.cpp control vector) and .safetensors

Run \`cape steer <command> --help\` for options. Exit codes: 0 ok, 1 finding, 2 usage error.`,

  direction: `usage: cape steer direction --model DIR [options]

Runs the true and false statements of a statement set, takes the block-L output at
each statement's last token, and saves the unit direction mean(true) - mean(false).

${COMMON}
  --layer L           block whose output is read (default n_layers // 4, as the authors)
  --method M          mean-diff (default) or pca (first principal axis of paired differences)
  --statements FILE   JSON Lines, one {"true": "...", "false": "..."} per line
                      (default: the project's 16 built-in pairs)
  --out FILE          vector file to write (default steer-vector-L<layer>.json); a .gguf or
                      .safetensors name writes that format (see cape steer export --help)`,

  generate: `usage: cape steer generate --model DIR --vector FILE --prompt TEXT [options]

Prints the unsteered and the steered continuation of each prompt. "Changed" only
says the texts differ; it is not a judgement of truthfulness (use eval).

${COMMON}
  --vector FILE       vector file from \`cape steer direction\` (required): .json, .gguf or .safetensors
  --prompt TEXT       a prompt (repeatable)
  --prompts FILE      one prompt per line
  --max-new-tokens N  tokens to generate per prompt (default 40)
${STRENGTH}
${SAMPLING}`,

  eval: `usage: cape steer eval --model DIR --vector FILE [options]

For every multiple-choice item, the judge sums the log-probabilities of each
answer's tokens after "Q: <question>\\nA:" and the model "prefers the true answer"
when the true answer scores above every false one. Items are judged unsteered,
steered, and steered along seeded random directions of the same norm at the same
layer and strength. Reports "judged more truthful" (the true-answer margin rose)
and "text changed" (greedy continuations differ) as separate numbers, with counts
and Clopper-Pearson 95% CIs. Exit 1 (finding) when the truth direction is not
shown to beat the random control.

${COMMON}
  --vector FILE       vector file (required unless --sweep)
  --items FILE        JSON Lines {"question","true","false": "..." | ["...", ...]} or CSV
                      with columns question,true,false (false answers separated by " | ")
                      (default: the project's 16 built-in items)
  --controls N        random control directions (default 1)
  --control-seed S    seed of the control directions (default 0)
  --gen-tokens N      tokens generated per condition for "text changed"; 0 skips (default 16)
${STRENGTH}
${SAMPLING}
  --sweep             layer x strength grid instead (directions rebuilt per layer; judge only)
  --layers L,L,...    sweep layers (default n_layers at 1/4, 1/2, 3/4)
  --strengths X,...   sweep strengths (default 0.5,1.5,3; with --relative: 0.05,0.1,0.2)
  --method M          sweep direction method: mean-diff (default) or pca
  --statements FILE   sweep statement set (default built-in)`,

  probe: `usage: cape steer probe --model DIR [options]

For every layer: the cosine between the mean last-token block output of reasoning
prompts and of truthfulness prompts (the paper's internal coupling), the share of
prompt pairs with cosine < -0.5 (a layer is "competing" above 50%), and the same
cosine between random halves of all prompts as a baseline. Exit 1 (finding) when
any layer is competing.

${COMMON}
  --reasoning FILE    one prompt per line (default: 16 built-in)
  --truthfulness FILE one prompt per line (default: 16 built-in)
  --layers L,L,...    layers to report (default all)
  --splits N          random splits for the baseline (default 20)
  --seed S            seed of the random splits (default 0)`,

  inspect: `usage: cape steer inspect --model DIR (--prompt TEXT | --ids N,N,...) [options]

Prints, as JSON, what the engine computes for one prompt: its token ids and
vocabulary pieces (special and unknown tokens kept visible), the last position's
top-k logits with log-probabilities (all logits with --full), the residual stream
(block outputs, blocks from 0) at the chosen layers for every prompt position, and
a greedy continuation with each step's top-1 minus top-2 logit margin. With
--vector, everything is printed twice: unsteered, then steered.

${COMMON}
  --prompt TEXT       the prompt, tokenized by the model's tokenizer
  --ids N,N,...       the prompt as token ids instead
  --top-k K           logits to list (default 10)
  --full              also print every last-position logit
  --layers L,L,...    block outputs to print (default none)
  --max-new-tokens N  greedy continuation length (default 8; 0 for none)
  --vector FILE       also run steered with this vector
${STRENGTH}`,

  export: `usage: cape steer export --vector FILE --out FILE [options]

Converts a steering vector between this project's JSON, a llama.cpp control
vector (.gguf) and safetensors, by the --out extension.

.gguf: as repeng writes them (general.architecture "controlvector",
controlvector.model_hint, controlvector.layer_count) with one F32 tensor
direction.L. llama.cpp adds direction.L to the output of block L (blocks from
0, as here) at every position of every pass (--positions all here); it refuses
direction.0, so a vector at block 0 cannot be exported. Use it with
  llama-cli -m MODEL.gguf --control-vector FILE.gguf
or --control-vector-scaled FILE.gguf X to add X times it.

.safetensors: one F32 tensor "direction" with layer, hook_site, operation,
model_config_sha256 and unit_norm in the metadata.

Reading a .gguf made elsewhere gives an "imported" vector: no config hash
(generate, eval and inspect then need --force) and no residual RMS (no
--relative strength).

  --vector FILE       the vector to convert (.json, .gguf or .safetensors)
  --vector-layer L    the block to take from a control vector with several
  --out FILE          where to write it: .json, .gguf or .safetensors
  --scale X           .gguf only: write X times the vector (default 1: the unit vector)
  --json              machine-readable output
  -h, --help          this help`,
};
