// The official npm clients against a gateway-sim process: they are the spec for its dialects.
//   node sdk_conformance.mjs GATEWAY_SIM_BINARY TOOLS_DIR
// @openrouter/sdk validates every response with its zod schemas (a missing required member
// throws); the openai SDK validates nothing, so its answers are checked here, with the facts
// of GATEWAY-APIS.md for Vercel's extras (providerMetadata, market_cost, reasoning).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const [simBinary, toolsDir] = process.argv.slice(2);
if (!simBinary || !toolsDir) {
  console.error('usage: node sdk_conformance.mjs GATEWAY_SIM_BINARY TOOLS_DIR');
  process.exit(2);
}
const requireFromTools = createRequire(path.join(path.resolve(toolsDir), 'package.json'));
const load = (name) => import(pathToFileURL(requireFromTools.resolve(name)).href);
const { OpenRouter } = await load('@openrouter/sdk');
const orModels = await load('@openrouter/sdk/models');
const openaiModule = await load('openai');
const OpenAI = openaiModule.OpenAI ?? openaiModule.default?.OpenAI ?? openaiModule.default;

const OR_KEY = 'sk-or-v1-sim-local';
const VERCEL_KEY = 'vck_sim_local';
const messages = [{ role: 'user', content: 'Say hello to the conformance test' }];

// gateway-sim on a free port; its first stdout line names it.
async function startSimulator() {
  const child = spawn(simBinary, ['--port', '0', '--seed', '3'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`gateway-sim exited with ${code} before listening`)));
    // unref: a pending timer would keep node alive after the checks are done
    setTimeout(() => reject(new Error('gateway-sim did not print its port within 20 s')), 20_000).unref();
  });
  const match = /^listening (127\.0\.0\.1:\d+)$/.exec(line);
  assert.ok(match, `unexpected first line from gateway-sim: ${line}`);
  return { child, base: `http://${match[1]}` };
}

let passed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`PASS ${name}`);
  } catch (error) {
    console.error(`FAIL ${name}`);
    throw error;
  }
}

async function collect(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function openRouterSdk(base) {
  const client = new OpenRouter({ apiKey: OR_KEY, serverURL: `${base}/openrouter/api/v1`, retryConfig: { strategy: 'none' } });
  const model = 'anthropic/claude-sonnet-4.5';

  let generationId;
  await step('openrouter sdk: chat', async () => {
    const result = await client.chat.send({ chatRequest: { model, messages, reasoning: { effort: 'low' } } });
    assert.equal(result.object, 'chat.completion');
    assert.match(result.choices[0].message.content, /Simulated OpenRouter reply/);
    assert.equal(result.choices[0].message.reasoningDetails[0].type, 'reasoning.text');
    assert.equal(result.systemFingerprint, null);
    const cost = result.usage.costDetails;
    assert.ok(Math.abs(cost.upstreamInferencePromptCost + cost.upstreamInferenceCompletionsCost - result.usage.cost) < 1e-12);
    generationId = result.id;
  });

  await step('openrouter sdk: chat stream', async () => {
    const stream = await client.chat.send({ chatRequest: { model, messages, stream: true, reasoning: { effort: 'low' } } });
    const chunks = await collect(stream);
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    assert.match(text, /Simulated OpenRouter reply/);
    assert.ok(chunks.some((c) => c.choices[0]?.delta?.reasoning), 'reasoning deltas');
    const last = chunks.at(-1);
    assert.deepEqual(last.choices, []);
    assert.equal(typeof last.usage.costDetails.upstreamInferencePromptCost, 'number');
  });

  await step('openrouter sdk: generation', async () => {
    const { data } = await client.generations.getGeneration({ id: generationId });
    assert.equal(data.id, generationId);
    assert.equal(data.model, model);
    assert.ok(data.totalCost > 0);
    assert.equal(data.streamed, false);
    assert.ok(!Number.isNaN(Date.parse(data.createdAt)));
  });

  await step('openrouter sdk: key', async () => {
    const { data } = await client.apiKeys.getCurrentKeyMetadata();
    assert.ok(data.usage > 0); // the two chats above
    assert.equal(data.limitRemaining, data.limit - data.usage);
    assert.deepEqual(data.allowedDataRegions, ['global']);
    assert.equal(data.byokUsage, 0);
  });

  await step('openrouter sdk: models', async () => {
    const page = await client.models.list();
    const list = page.result;
    assert.equal(list.data.length, 343);
    assert.equal(list.totalCount, 343);
    const sonnet = list.data.find((m) => m.id === model);
    assert.equal(sonnet.links.details, `/openrouter/api/v1/models/${model}/endpoints`);
    const endpoints = await fetch(base + sonnet.links.details).then((r) => r.json());
    assert.equal(endpoints.data.id, model); // the link leads somewhere real
  });

  // The SDK's validation must be able to fail, or the steps above prove nothing: the same body
  // with one required member taken out is rejected by the schema the SDK parses it with.
  await step('openrouter sdk: schema rejects a missing member', async () => {
    const response = await fetch(`${base}/openrouter/api/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${OR_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model, messages }),
    });
    const body = await response.json();
    assert.equal(orModels.ChatResult$inboundSchema.safeParse(body).success, true);
    for (const broken of [
      (b) => delete b.system_fingerprint,
      (b) => delete b.usage.cost_details.upstream_inference_prompt_cost,
    ]) {
      const copy = structuredClone(body);
      broken(copy);
      assert.equal(orModels.ChatResult$inboundSchema.safeParse(copy).success, false, broken.toString());
    }
  });
}

async function openAiSdk(base, dialect) {
  const vercel = dialect === 'vercel';
  const client = new OpenAI({
    apiKey: vercel ? VERCEL_KEY : OR_KEY,
    baseURL: vercel ? `${base}/vercel/v1` : `${base}/openrouter/api/v1`,
    maxRetries: 0,
  });
  const model = 'anthropic/claude-sonnet-4.5';
  const gatewayName = vercel ? 'Vercel' : 'OpenRouter';

  await step(`openai sdk (${dialect}): chat`, async () => {
    const result = await client.chat.completions.create({ model, messages, reasoning: { effort: 'low' } });
    assert.equal(result.object, 'chat.completion');
    const message = result.choices[0].message;
    assert.match(message.content, new RegExp(`Simulated ${gatewayName} reply`));
    assert.equal(result.choices[0].finish_reason, 'stop');
    assert.equal(result.usage.total_tokens, result.usage.prompt_tokens + result.usage.completion_tokens);
    // Both dialects: reasoning as a string and as details (GATEWAY-APIS.md "Reasoning").
    assert.equal(typeof message.reasoning, 'string');
    assert.equal(message.reasoning_details[0].type, 'reasoning.text');
    if (vercel) {
      // GATEWAY-APIS.md "Usage and cost": market_cost in usage, the gateway block in providerMetadata.
      const gateway = result.providerMetadata.gateway;
      assert.equal(typeof result.usage.market_cost, 'number');
      assert.equal(typeof gateway.cost, 'string');
      assert.equal(Number(gateway.marketCost), result.usage.market_cost);
      assert.equal(gateway.generationId, result.id);
      assert.ok(gateway.routing.finalProvider);
    } else {
      assert.equal(typeof result.usage.cost, 'number');
      assert.equal(typeof result.usage.cost_details.upstream_inference_completions_cost, 'number');
    }
  });

  await step(`openai sdk (${dialect}): chat stream`, async () => {
    const stream = await client.chat.completions.create({
      model, messages, stream: true, stream_options: { include_usage: true }, reasoning: { effort: 'low' },
    });
    const chunks = await collect(stream);
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    assert.match(text, new RegExp(`Simulated ${gatewayName} reply`));
    assert.ok(chunks.some((c) => c.choices[0]?.delta?.reasoning_details?.length), 'reasoning_details deltas');
    assert.ok(chunks.some((c) => c.choices[0]?.finish_reason === 'stop'));
    const last = chunks.at(-1);
    assert.deepEqual(last.choices, []);
    assert.ok(last.usage.completion_tokens > 0);
    if (vercel) assert.ok(last.providerMetadata.gateway.routing.finalProvider);
    else assert.equal(typeof last.usage.cost, 'number');
  });

  await step(`openai sdk (${dialect}): models.list`, async () => {
    const ids = [];
    for await (const m of client.models.list()) ids.push(m.id);
    assert.ok(ids.length > 150, `only ${ids.length} models`);
    assert.ok(ids.includes(model));
  });
}

const { child, base } = await startSimulator();
try {
  await openRouterSdk(base);
  await openAiSdk(base, 'openrouter');
  await openAiSdk(base, 'vercel');
  console.log(`all ${passed} checks passed`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
}
