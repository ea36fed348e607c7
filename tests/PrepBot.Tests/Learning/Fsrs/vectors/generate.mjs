// Generates vectors.json: FSRS-6 states, intervals, retrievability and fuzz computed by the reference
// TypeScript implementation (ts-fsrs, version pinned in package.json). PrepBot's C# port is tested against it.
// Run: npm install && node generate.mjs   (deterministic: the same ts-fsrs version gives the same file)
import { writeFileSync } from 'node:fs';
import {
  fsrs,
  FSRSAlgorithm,
  FSRSVersion,
  createEmptyCard,
  default_w,
  forgetting_curve,
  get_fuzz_range,
  CLAMP_PARAMETERS,
  Rating,
  State,
  StrategyMode,
} from 'ts-fsrs';

// mulberry32: a small seeded PRNG, so the histories are random but the same on every run.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(20261203);
const pick = (weights) => {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
};
const uniform = (lo, hi) => lo + rand() * (hi - lo);

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

// Parameter sets: the defaults at three retentions, a short maximum interval, and a perturbed set of weights
// (still inside ts-fsrs's clamp ranges, so ts-fsrs uses them as given).
const bounds = CLAMP_PARAMETERS(2, true);
const perturbed = default_w.map((w, i) => {
  const [lo, hi] = bounds[i];
  const v = w * uniform(0.7, 1.3) + (w === 0 ? uniform(0, 0.1) : 0);
  return Math.round(Math.min(Math.max(v, lo), hi) * 1e4) / 1e4;
});
const parameterSets = {
  default90: { w: [...default_w], desiredRetention: 0.9, maximumInterval: 36500 },
  default80: { w: [...default_w], desiredRetention: 0.8, maximumInterval: 36500 },
  default95: { w: [...default_w], desiredRetention: 0.95, maximumInterval: 36500 },
  shortMax: { w: [...default_w], desiredRetention: 0.9, maximumInterval: 180 },
  perturbed: { w: perturbed, desiredRetention: 0.85, maximumInterval: 36500 },
};

// PrepBot's scheduler: no learning or relearning steps (PrepBot's own same-day re-drill plays that role), short-term
// (same-day) stability on, every answer schedules whole days.
function makeScheduler(set, enableFuzz, seedOf) {
  const f = fsrs({
    w: set.w,
    request_retention: set.desiredRetention,
    maximum_interval: set.maximumInterval,
    enable_fuzz: enableFuzz,
    enable_short_term: true,
    learning_steps: [],
    relearning_steps: [],
  });
  if (seedOf) f.useStrategy(StrategyMode.SEED, seedOf);
  return f;
}

const ratingName = { [Rating.Again]: 'Again', [Rating.Hard]: 'Hard', [Rating.Good]: 'Good', [Rating.Easy]: 'Easy' };

function nextGap(lastInterval) {
  switch (pick([18, 10, 30, 20, 12, 10])) {
    case 0: return uniform(1, 90) * MINUTE; // same-day repeat (may cross midnight UTC)
    case 1: return uniform(2, 20) * 60 * MINUTE; // hours
    case 2: return Math.max(1, lastInterval) * DAY + uniform(-3, 3) * 60 * MINUTE; // on time
    case 3: return uniform(1, 30) * DAY; // days
    case 4: return uniform(30, 200) * DAY; // months
    default: return uniform(200, 1500) * DAY; // long lapse
  }
}

function nextRating() {
  return [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy][pick([16, 14, 55, 15])];
}


function history(caseId, setName, length, enableFuzz) {
  const set = parameterSets[setName];
  const seedOf = enableFuzz ? function () { return `${caseId}:${this.current.reps}`; } : undefined;
  const f = makeScheduler(set, enableFuzz, seedOf);
  let now = Date.UTC(2024, 0, 1) + Math.floor(rand() * 700 * DAY);
  let card = createEmptyCard(new Date(now));
  let lastInterval = 0;
  const steps = [];
  for (let i = 0; i < length; i++) {
    if (i > 0) now += Math.round(nextGap(lastInterval));
    const at = new Date(now);
    const preview = f.repeat(card, at);
    const outcomes = {};
    for (const g of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]) {
      const c = preview[g].card;
      if (c.state !== State.Review) throw new Error('expected the Review state without learning steps');
      outcomes[ratingName[g]] = { stability: c.stability, difficulty: c.difficulty, intervalDays: c.scheduled_days, due: c.due.toISOString() };
    }
    const rating = nextRating();
    const elapsedDays = preview[rating].log.elapsed_days;
    const retrievability = card.state === State.New ? null : forgetting_curve(set.w, elapsedDays, card.stability);
    card = preview[rating].card;
    lastInterval = card.scheduled_days;
    // Retrievability after this review, at fractional times from minutes to years (continuous t, as forgetting_curve takes it).
    const probes = [0, 0.3, 1, 2.5, card.stability, 7.25, 30, 365.5].map((t) => ({
      at: new Date(now + Math.round(t * DAY)).toISOString(),
      retrievability: forgetting_curve(set.w, Math.round(t * DAY) / DAY, card.stability),
    }));
    steps.push({
      at: at.toISOString(),
      rating: ratingName[rating],
      fuzzSeed: enableFuzz ? `${caseId}:${i + 1}` : null,
      elapsedDays,
      retrievabilityBefore: retrievability,
      outcomes,
      probes,
    });
  }
  return { id: caseId, parameters: setName, enableFuzz, steps };
}

const histories = [];
let n = 0;
for (const setName of Object.keys(parameterSets)) {
  const count = setName === 'default90' ? 40 : 10;
  for (let i = 0; i < count; i++) histories.push(history(`h${++n}`, setName, 4 + Math.floor(rand() * 22), false));
}
const fuzzHistories = [];
for (let i = 0; i < 10; i++) fuzzHistories.push(history(`f${i + 1}`, i % 2 ? 'shortMax' : 'default90', 12, true));

// Fuzz alone: the interval ts-fsrs's apply_fuzz gives for a seed, and the range it may fall in.
const algorithm = new FSRSAlgorithm({ enable_fuzz: true, maximum_interval: 36500 });
const fuzz = [];
for (let i = 0; i < 300; i++) {
  const interval = 1 + Math.floor(Math.pow(rand(), 2.5) * 3000);
  const elapsedDays = Math.floor(rand() * interval * 1.5);
  const maximumInterval = rand() < 0.2 ? 200 : 36500;
  const seed = `${Math.floor(rand() * 1e9)}_${i}`;
  const alg = maximumInterval === 36500 ? algorithm : new FSRSAlgorithm({ enable_fuzz: true, maximum_interval: maximumInterval });
  const capped = Math.min(interval, maximumInterval);
  alg.seed = seed;
  const fuzzed = alg.apply_fuzz(capped, elapsedDays);
  const { min_ivl, max_ivl } = get_fuzz_range(capped, elapsedDays, maximumInterval);
  fuzz.push({ interval: capped, elapsedDays, maximumInterval, seed, fuzzed, min: min_ivl, max: max_ivl });
}

const totalSteps = [...histories, ...fuzzHistories].reduce((a, h) => a + h.steps.length, 0);
const output = {
  generator: 'tests/PrepBot.Tests/Learning/Fsrs/vectors/generate.mjs',
  reference: FSRSVersion,
  settings: 'learning_steps [], relearning_steps [], enable_short_term true; elapsed days are UTC calendar days',
  parameterSets,
  histories,
  fuzzHistories,
  fuzz,
  counts: { histories: histories.length, fuzzHistories: fuzzHistories.length, steps: totalSteps, fuzz: fuzz.length },
};
// One history or fuzz case per line: compact, yet a regenerated file diffs readably.
const lines = Object.entries(output).map(([key, value]) =>
  Array.isArray(value)
    ? `${JSON.stringify(key)}: [\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]`
    : `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
writeFileSync(new URL('./vectors.json', import.meta.url), `{\n${lines.join(',\n')}\n}\n`);
console.log(`${FSRSVersion}: ${histories.length} histories, ${fuzzHistories.length} fuzzed histories, ${totalSteps} reviews, ${fuzz.length} fuzz cases`);
