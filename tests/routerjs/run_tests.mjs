// The agreement tests of src/router-js with gwcore, one ctest entry per mode:
//   vectors     sample + generated configs: gatewayctl export --profile vectors, then
//               verify-vectors.mjs must exit 0; a mutated case and a foreign config_sha256 must
//               make it exit 1; the production record form (gateway_console) verifies too
//   random      100,000 random requests per config decided by gwcore (routerjs_oracle) and by the
//               module must agree; a mutated line must be caught
//   validation  the module's problems equal `gatewayctl validate`'s (JSON path and message) on
//               every fixture in tests/data/configs and on crafted documents
// Usage: node run_tests.mjs MODE GATEWAYCTL ORACLE SOURCE_DIR WORK_DIR

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, loadConfig } from '../../src/router-js/router.mjs';
import { compareOracle } from './compare.mjs';
import { crafted } from './crafted_configs.mjs';

const [mode, gatewayctl, oracle, sourceDir, workDir] = process.argv.slice(2);
const SEED = 14;
const GENERATED = 24;
const REQUESTS = 100000;
const CLOCK = '2026-03-01T00:00:00Z';
const verifier = join(sourceDir, 'src/router-js/verify-vectors.mjs');

let failures = 0;
function check(ok, message) {
  if (!ok) {
    failures++;
    console.error(`FAIL: ${message}`);
  }
}

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });

function configs() {
  const out = execFileSync(process.execPath, [join(sourceDir, 'tests/routerjs/gen_configs.mjs'), String(SEED),
    String(GENERATED), join(workDir, 'configs')], { encoding: 'utf8' });
  return [join(sourceDir, 'resources/sample-workspace/routing.json'), ...out.trim().split('\n')];
}

const verify = (config, vectors) => spawnSync(process.execPath, [verifier, config, vectors], { encoding: 'utf8' });

function testVectors() {
  const reasons = new Set();
  let total = 0;
  for (const [i, config] of configs().entries()) {
    const vectors = join(workDir, `vectors-${i}.json`);
    execFileSync(gatewayctl, ['export', '--profile', 'vectors', '--now', CLOCK, config, '-o', vectors], { stdio: 'pipe' });
    const run = verify(config, vectors);
    check(run.status === 0, `${config}: verify-vectors exited ${run.status}:\n${run.stderr}`);
    const cases = JSON.parse(readFileSync(vectors, 'utf8')).cases;
    total += cases.length;
    for (const c of cases) reasons.add(c.expected.reason.startsWith('rule:') ? 'rule' : c.expected.reason);
  }
  for (const r of ['not_on_vercel', 'provider_constraint', 'rule', 'default:paid', 'default:free', 'gateway_disabled', 'failover_boost'])
    check(reasons.has(r), `no vector case decided with reason ${r}: the generated configs miss a feature`);

  // It must be able to fail: one flipped decision, then vectors of another config.
  const config = join(workDir, 'configs/generated-00.json');
  const doc = JSON.parse(readFileSync(join(workDir, 'vectors-1.json'), 'utf8'));
  const index = doc.cases.length >> 1;
  const e = doc.cases[index].expected;
  e.gateway = e.gateway === 'vercel' ? 'openrouter' : 'vercel';
  writeFileSync(join(workDir, 'mutated.json'), JSON.stringify(doc));
  let run = verify(config, join(workDir, 'mutated.json'));
  check(run.status === 1 && run.stderr.includes(`case ${index} differs`) && run.stderr.includes('gateway'),
    `a flipped gateway in case ${index} went unnoticed (exit ${run.status}): ${run.stderr}`);
  run = verify(config, join(workDir, 'vectors-2.json'));
  check(run.status === 1 && run.stderr.includes('made from another config'), `vectors of another config accepted: ${run.stderr}`);

  // The production record: legacy members plus the native config under gateway_console.
  const native = execFileSync(gatewayctl, ['export', '--profile', 'native', config], { encoding: 'utf8' });
  const row = { vercel_routing_percentage: 3, vercel_routing_percentage_free: 1, vercel_routing_opt_out_models: [],
    gateway_console: JSON.parse(native) };
  writeFileSync(join(workDir, 'row.json'), JSON.stringify(row));
  run = verify(join(workDir, 'row.json'), join(workDir, 'vectors-1.json'));
  check(run.status === 0, `the record form (gateway_console) did not verify: ${run.stderr}`);
  console.log(`vectors: ${total} cases over ${GENERATED + 1} configs, reasons ${[...reasons].sort().join(' ')}`);
}

function testRandom() {
  const started = Date.now();
  const outcomes = new Map();
  let first = '';
  for (const [i, config] of configs().entries()) {
    const tsv = execFileSync(oracle, [config, String(REQUESTS), String(SEED + i)], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const problem = compareOracle(readFileSync(config, 'utf8'), tsv);
    check(problem === '', `${config}: ${problem}`);
    if (i === 1) first = tsv;
    for (const line of tsv.split('\n', 5000)) {
      const f = line.split('\t');
      if (f.length === 15) {
        const outcome = `${f[10]} ${f[14].startsWith('rule:') ? 'rule' : f[14]}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }
  }
  for (const o of ['openrouter not_on_vercel', 'openrouter provider_constraint', 'openrouter rule', 'vercel rule',
    'openrouter default:paid', 'vercel default:paid', 'openrouter default:free', 'vercel default:free',
    'openrouter gateway_disabled', 'vercel gateway_disabled', 'openrouter failover_boost', 'vercel failover_boost'])
    check(outcomes.get(o) > 20, `only ${outcomes.get(o) ?? 0} random requests decided "${o}": the generated configs miss a feature`);
  // It must be able to fail: gwcore's bucket on one line changed by 0.001.
  const lines = first.split('\n');
  const f = lines[777].split('\t');
  f[12] = (Number(f[12]) + (Number(f[12]) < 99 ? 0.001 : -0.001)).toFixed(3);
  lines[777] = f.join('\t');
  const problem = compareOracle(readFileSync(configs()[1], 'utf8'), lines.join('\n'));
  check(problem.startsWith('line 778 differs (bucket'), `a changed bucket went unnoticed: "${problem}"`);
  console.log(`random: ${REQUESTS} requests x ${GENERATED + 1} configs in ${Date.now() - started} ms; outcomes in`
    + ` the first 5,000 of each: ${[...outcomes].sort().map(([o, n]) => `${o} ${n}`).join(', ')}`);
}

/** gatewayctl validate's diagnostics as "path: message" (file, line and column dropped). */
function gwcoreProblems(file) {
  const run = spawnSync(gatewayctl, ['validate', file], { encoding: 'utf8' });
  const lines = run.stderr.split('\n').filter(Boolean).map((l) => l.slice(file.length).replace(/^(:\d+:\d+)?: /, ''));
  return { status: run.status, errors: lines.filter((l) => !l.startsWith('warning: ')).sort(),
    warnings: lines.filter((l) => l.startsWith('warning: ')).map((l) => l.slice(9)).sort() };
}

function jsProblems(text) {
  try {
    return { errors: [], warnings: loadConfig(text).warnings.map(formatProblem).sort() };
  } catch (e) {
    if (!e.problems) throw e;
    return { errors: e.problems.map(formatProblem).sort(), warnings: e.warnings.map(formatProblem).sort() };
  }
}

function testValidation() {
  const fixtures = join(sourceDir, 'tests/data/configs');
  const files = readdirSync(fixtures).map((f) => join(fixtures, f));
  crafted().forEach((text, i) => {
    const file = join(workDir, `crafted-${i}.json`);
    writeFileSync(file, text);
    files.push(file);
  });
  let compared = 0;
  for (const file of files) {
    const gw = gwcoreProblems(file);
    const js = jsProblems(readFileSync(file, 'utf8'));
    check(gw.status === (gw.errors.length ? 1 : 0), `${file}: gatewayctl validate exited ${gw.status}`);
    check(JSON.stringify(js.errors) === JSON.stringify(gw.errors),
      `${file}: errors differ\n  gwcore: ${gw.errors.join('\n          ')}\n  module: ${js.errors.join('\n          ')}`);
    check(JSON.stringify(js.warnings) === JSON.stringify(gw.warnings),
      `${file}: warnings differ\n  gwcore: ${gw.warnings.join(' | ')}\n  module: ${js.warnings.join(' | ')}`);
    compared += gw.errors.length + gw.warnings.length;
  }
  check(compared > files.length, `only ${compared} diagnostics over ${files.length} files: the comparison checks little`);
  console.log(`validation: ${files.length} documents, ${compared} diagnostics compared`);
}

const modes = { vectors: testVectors, random: testRandom, validation: testValidation };
if (!modes[mode]) {
  console.error('usage: node run_tests.mjs vectors|random|validation GATEWAYCTL ORACLE SOURCE_DIR WORK_DIR');
  process.exit(2);
}
modes[mode]();
if (failures) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
