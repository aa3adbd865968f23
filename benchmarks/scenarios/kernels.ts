/**
 * Kernel vs hand-written loop: each quiver kernel against a plain loop doing the same arithmetic
 * on the same data (1M rows by default, W1's seeded spend/price columns, ~1/1024 NaN). Both are
 * warmed up, write into reused buffers and are timed alternately; the best of `--reps` runs counts,
 * in CPU time of this process (the machine is shared, so wall time would mostly time the neighbours).
 * The ratio kernel/hand should stay ≤ 1.5. Each pair's outputs are also compared (`agree`).
 *
 *   npm run bench -- kernels [--rows 1000000] [--reps 10] [--only rollingMean,shift]
 *
 * `--cold [--processes 6]` times the kernels as a fresh process meets them (a W1 run, a user's
 * one-shot job): each kernel in its own child process, whose first call is on the long column
 * (V8 then optimizes the loop partway through that call, from the feedback of the rows run so
 * far), then the best of `--reps` later calls. Best and median over the processes; a median far
 * above the best, or above the warm figure, is a loop that a long first call leaves slow for good
 * (benchmarks/RESULTS.md, issue 16, kern16c and cold16). No hand loops there: compare with the warm run.
 * The slow mode shows only on a busy machine: `--busy 2` keeps two spinning processes going meanwhile.
 *
 *   npm run bench -- kernels --cold --busy 2 --only rollingVar,rollingMin --processes 6 --reps 15
 */
import { spawn, spawnSync } from 'child_process';
import * as path from 'path';
import * as q from '../../src/columns';
import { generateRaw } from '../w1/generate';
import { hasFlag, numberFlag, stringFlag } from '../harness/args';
import { round } from '../harness/measure';

type Loop = (out: Float64Array) => unknown;
interface Case { readonly name: string; readonly kernel: Loop; readonly hand: Loop }

const W = 28, K = 7, SPAN = 10, GROUP_ROWS = 1000, DAY = 86400000, WARM_ROWS = 4 * GROUP_ROWS;

function data(n: number) {
  const raw = generateRaw(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = Date.UTC(1900, 0, 1) + i * 7 * 3600000; // 7-hour steps, ~800 years
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) keys[i] = Math.floor(i / GROUP_ROWS);
  const holidays: number[] = [];
  for (let d = 0; d < 300; d++) holidays.push(Date.UTC(1950 + d, 11, 25));
  return { x: raw.spend, y: raw.price, t, groups: q.groupsOf(keys), mask: q.gt(raw.spend, 1250), holidays };
}

// ---- hand loops: the kernels' arithmetic written out inline, no groups ----

function handRollingSum(x: Float64Array, out: Float64Array, w: number, mean: boolean, minPeriods = w): void {
  let nobs = 0, sum = 0, comp = 0, neg = 0, same = 0, prev = NaN;
  for (let i = 0; i < x.length; i++) {
    if (i >= w) {
      const u = x[i - w];
      if (u === u) {
        if (--nobs === 0) { sum = 0; comp = 0; neg = 0; } else { const y = -u - comp, t = sum + y; comp = t - sum - y; sum = t; if (u < 0) neg--; }
      }
    }
    const v = x[i];
    if (v === v) { nobs++; const y = v - comp, t = sum + y; comp = t - sum - y; sum = t; if (v < 0) neg++; if (v === prev) same++; else { same = 1; prev = v; } }
    let r = NaN;
    if (nobs >= minPeriods) {
      if (same >= nobs) r = mean ? prev : prev * nobs;
      else if (mean) { r = sum / nobs; if (neg === 0 && r < 0) r = 0; else if (neg === nobs && r > 0) r = 0; } else r = sum;
    }
    out[i] = r;
  }
}

function handRollingVar(x: Float64Array, out: Float64Array, w: number, std: boolean): void {
  let nobs = 0, s1 = 0, s2 = 0, peak = 0, anchor = 0, age = 0, same = 0, prev = NaN;
  for (let i = 0; i < x.length; i++) {
    if (i >= w) { const u = x[i - w]; if (u === u) { if (--nobs === 0) { s1 = 0; s2 = 0; peak = 0; } else { const d = u - anchor; s1 -= d; s2 -= d * d; } } }
    const v = x[i];
    if (v === v) {
      if (nobs === 0) { anchor = v; age = 0; }
      const d = v - anchor; s1 += d; s2 += d * d; nobs++; age++;
      if (s2 > peak) peak = s2;
      if (v === prev) same++; else { same = 1; prev = v; }
    }
    let ssd = s2 - (s1 * s1) / nobs;
    if (nobs >= 2 && (age >= w || ssd < 1e-6 * peak)) {
      anchor = prev; s1 = 0; s2 = 0; age = 0;
      for (let k = Math.max(0, i - w + 1); k <= i; k++) { const e = x[k] - anchor; if (e === e) { s1 += e; s2 += e * e; } }
      peak = s2; ssd = s2 - (s1 * s1) / nobs;
    }
    let r = NaN;
    if (nobs >= w && nobs >= 2) r = same >= nobs ? 0 : Math.max(0, ssd / (nobs - 1));
    out[i] = std ? Math.sqrt(r) : r;
  }
}

function handRollingExtreme(x: Float64Array, out: Float64Array, w: number, sign: number, minPeriods: number): void {
  const cap = 1 << Math.ceil(Math.log2(Math.min(w, x.length) + 2)), mask = cap - 1;
  const rows = new Int32Array(cap), vals = new Float64Array(cap);
  let head = 0, tail = 0, nobs = 0;
  for (let i = 0; i < x.length; i++) {
    if (i >= w) { if (x[i - w] === x[i - w]) nobs--; if (head !== tail && rows[head & mask] === i - w) head++; }
    const v = x[i];
    if (v === v) {
      nobs++; const s = sign * v;
      while (tail !== head && vals[(tail - 1) & mask] <= s) tail--;
      rows[tail & mask] = i; vals[tail & mask] = s; tail++;
    }
    out[i] = nobs >= minPeriods && nobs > 0 ? sign * vals[head & mask] : NaN;
  }
}

// The expanding floors do what pandas' expanding does and the kernels must: ±Infinity is missing
// like NaN (pandas' _prep_values), the running sum is the error-free TwoSum pair of sum-result.ts
// (prec16; the Kahan loop these replaced also kept no rule the kernels drop), and the variance is
// Welford on distances from the first value. Until kern16c they were Kahan loops taking ±Infinity as
// a value and, for the sum, the rolling loop with a window longer than the column.
function handExpandingMean(x: Float64Array, out: Float64Array, minPeriods: number): void {
  let nobs = 0, hi = 0, lo = 0, neg = 0, same = 0, prev = NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v - v === 0) { nobs++; const s = hi + v, z = s - hi; lo += (hi - (s - z)) + (v - z); hi = s; if (v < 0) neg++; if (v === prev) same++; else { same = 1; prev = v; } }
    let r = NaN;
    if (nobs >= minPeriods && nobs > 0) { r = same >= nobs ? prev : (hi + lo) / nobs; if (neg === 0 && r < 0) r = 0; else if (neg === nobs && r > 0) r = 0; }
    out[i] = r;
  }
}

function handExpandingSum(x: Float64Array, out: Float64Array, minPeriods: number): void {
  let nobs = 0, hi = 0, lo = 0, same = 0, prev = NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v - v === 0) { nobs++; const s = hi + v, z = s - hi; lo += (hi - (s - z)) + (v - z); hi = s; if (v === prev) same++; else { same = 1; prev = v; } }
    out[i] = nobs < minPeriods ? NaN : nobs === 0 ? 0 : same >= nobs ? prev * nobs : hi + lo;
  }
}

function handExpandingStd(x: Float64Array, out: Float64Array): void {
  let nobs = 0, anchor = NaN, mean = 0, m2 = 0, same = 0, prev = NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v - v === 0) {
      if (nobs === 0) anchor = v;
      nobs++; const d = v - anchor, delta = d - mean; mean += delta / nobs; m2 += delta * (d - mean);
      if (v === prev) same++; else { same = 1; prev = v; }
    }
    let r = NaN;
    if (nobs >= 2) r = same >= nobs ? 0 : Math.max(0, m2 / (nobs - 1));
    out[i] = Math.sqrt(r);
  }
}

function handExpandingExtreme(x: Float64Array, out: Float64Array, sign: number): void {
  let m = -Infinity, nobs = 0;
  for (let i = 0; i < x.length; i++) { const v = x[i]; if (v - v === 0) { nobs++; if (sign * v > m) m = sign * v; } out[i] = nobs > 0 ? sign * m : NaN; }
}

/** A hand loop run on each entity's rows, as a user would write it over subarrays. */
function perEntity(x: Float64Array, o: Float64Array, size: number, loop: (x: Float64Array, o: Float64Array) => void): void {
  for (let s = 0; s < x.length; s += size) loop(x.subarray(s, s + size), o.subarray(s, s + size));
}

function handEwm(x: Float64Array, out: Float64Array, alpha: number): void {
  let weighted = x[0], oldWeight = 1;
  out[0] = weighted;
  for (let i = 1; i < x.length; i++) {
    const cur = x[i];
    if (weighted === weighted) {
      oldWeight *= 1 - alpha;
      if (cur === cur) { if (weighted !== cur) weighted = (oldWeight * weighted + cur) / (oldWeight + 1); oldWeight += 1; }
    } else if (cur === cur) weighted = cur;
    out[i] = weighted;
  }
}

function handZscore(x: Float64Array, out: Float64Array): void {
  let n = 0, sum = 0, comp = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) { const v = x[i]; if (v === v) { n++; const y = v - comp, t = sum + y; comp = t - sum - y; sum = t; if (v < lo) lo = v; if (v > hi) hi = v; } }
  const mean = sum / n;
  let s1 = 0, s2 = 0;
  for (let i = 0; i < x.length; i++) { const d = x[i] - mean; if (d === d) { s1 += d; s2 += d * d; } }
  const std = Math.sqrt((s2 - (s1 * s1) / n) / (n - 1));
  for (let i = 0; i < x.length; i++) out[i] = (x[i] - mean) / std;
}

/** Civil fields inline (Hinnant), the arithmetic `civilPart` does. */
function handCivil(t: Float64Array, out: Float64Array, field: 'month' | 'year' | 'doy' | 'quarter'): void {
  for (let i = 0; i < t.length; i++) {
    const v = t[i];
    if (v !== v) { out[i] = NaN; continue; }
    const z = Math.floor(v / DAY) + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)), mp = Math.floor((5 * doy + 2) / 153);
    const m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    if (field === 'month') out[i] = m;
    else if (field === 'quarter') out[i] = Math.floor((m - 1) / 3) + 1;
    else if (field === 'year') out[i] = y;
    else out[i] = m <= 2 ? doy - 305 : doy + 60 + (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0);
  }
}

function handIsoWeek(t: Float64Array, out: Float64Array, wantYear: boolean): void {
  for (let i = 0; i < t.length; i++) {
    const days = Math.floor(t[i] / DAY), wd = (((days + 3) % 7) + 7) % 7, th = days - wd + 3;
    const z = th + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)), mp = Math.floor((5 * doy + 2) / 153);
    const y = yoe + era * 400 + (mp >= 10 ? 1 : 0);
    if (wantYear) { out[i] = y; continue; }
    const yp = y - 1, e2 = Math.floor(yp / 400), y2 = yp - e2 * 400;
    const jan1 = e2 * 146097 + y2 * 365 + Math.floor(y2 / 4) - Math.floor(y2 / 100) + 306 - 719468;
    out[i] = Math.floor((th - jan1) / 7) + 1;
  }
}

// Elementwise hand loops take their arrays as parameters, as a user's own function would (a loop
// over arrays captured as closure constants lets V8 drop bounds checks no real function gets).
function handShift(x: Float64Array, k: number, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = i >= k ? x[i - k] : NaN; }
function handShiftGroups(x: Float64Array, k: number, size: number, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = i % size >= k ? x[i - k] : NaN; }
function handDiff(x: Float64Array, o: Float64Array): void { o[0] = NaN; for (let i = 1; i < x.length; i++) o[i] = x[i] - x[i - 1]; }
function handPct(x: Float64Array, o: Float64Array): void { o[0] = NaN; for (let i = 1; i < x.length; i++) o[i] = x[i] / x[i - 1] - 1; }
function handCumsum(x: Float64Array, o: Float64Array): void { let s = 0; for (let i = 0; i < x.length; i++) { const v = x[i]; if (v === v) { s += v; o[i] = s; } else o[i] = NaN; } }
function handFfill(x: Float64Array, o: Float64Array): void { let last = NaN; for (let i = 0; i < x.length; i++) { const v = x[i]; if (v === v) last = v; o[i] = last; } }
function handBfill(x: Float64Array, o: Float64Array): void { let last = NaN; for (let i = x.length - 1; i >= 0; i--) { const v = x[i]; if (v === v) last = v; o[i] = last; } }
function handFillNaN(x: Float64Array, f: number, o: Float64Array): void { for (let i = 0; i < x.length; i++) { const v = x[i]; o[i] = v === v ? v : f; } }
function handAdd(x: Float64Array, y: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = x[i] + y[i]; }
function handSubScalar(x: Float64Array, s: number, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = x[i] - s; }
function handScalarSub(s: number, x: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = s - x[i]; }
function handMul(x: Float64Array, y: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = x[i] * y[i]; }
function handDiv(x: Float64Array, y: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = x[i] / y[i]; }
function handAbs(x: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = Math.abs(x[i]); }
function handLog(x: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = Math.log(x[i]); }
function handExp(x: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = Math.exp(x[i]); }
function handClip(x: Float64Array, lo: number, hi: number, o: Float64Array): void { for (let i = 0; i < x.length; i++) { const v = x[i]; o[i] = v < lo ? lo : v > hi ? hi : v; } }
function handWhere(m: Float64Array, x: Float64Array, y: Float64Array, o: Float64Array): void { for (let i = 0; i < m.length; i++) o[i] = m[i] ? x[i] : y[i]; }
function handGt(x: Float64Array, y: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = x[i] > y[i] ? 1 : 0; }
function handLeScalar(x: Float64Array, s: number, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = x[i] <= s ? 1 : 0; }
function handNe(x: Float64Array, y: Float64Array, o: Float64Array): void { for (let i = 0; i < x.length; i++) o[i] = x[i] !== y[i] ? 1 : 0; }
function handDayOfWeek(t: Float64Array, o: Float64Array): void { for (let i = 0; i < t.length; i++) { const v = t[i]; o[i] = v - v === 0 ? (((Math.floor(v / DAY) + 3) % 7) + 7) % 7 : NaN; } }
function handIsIn(t: Float64Array, days: Set<number>, o: Float64Array): void { for (let i = 0; i < t.length; i++) o[i] = days.has(Math.floor(t[i] / DAY)) ? 1 : 0; }
function handGroupMean(x: Float64Array, size: number, o: Float64Array): void {
  for (let s = 0; s < x.length; s += size) {
    let c = 0, sum = 0, comp = 0;
    for (let i = s; i < s + size; i++) { const v = x[i]; if (v === v) { c++; const y = v - comp, t = sum + y; comp = t - sum - y; sum = t; } }
    o.fill(sum / c, s, s + size);
  }
}
function handRollingMeanGroups(x: Float64Array, w: number, size: number, o: Float64Array): void {
  for (let s = 0; s < x.length; s += size) handRollingSum(x.subarray(s, s + size), o.subarray(s, s + size), w, true);
}

function cases(d: ReturnType<typeof data>): Case[] {
  const { x, y, t, groups, mask, holidays } = d;
  const alpha = 2 / (SPAN + 1);
  const holidayDays = new Set(holidays.map((h) => Math.floor(h / DAY)));
  const lo = 900, hi = 1400;
  return [
    { name: 'rollingMean', kernel: (o) => q.rollingMean(x, W, { out: o }), hand: (o) => handRollingSum(x, o, W, true) },
    { name: 'rollingSum', kernel: (o) => q.rollingSum(x, W, { out: o }), hand: (o) => handRollingSum(x, o, W, false) },
    // minPeriods < window: the running sum (error-free TwoSum pair) against the Kahan loop it replaced.
    {
      name: 'rollingMean/minPeriods', kernel: (o) => q.rollingMean(x, W, { out: o, minPeriods: 1 }),
      hand: (o) => handRollingSum(x, o, W, true, 1),
    },
    {
      name: 'rollingSum/minPeriods', kernel: (o) => q.rollingSum(x, W, { out: o, minPeriods: 1 }),
      hand: (o) => handRollingSum(x, o, W, false, 1),
    },
    { name: 'rollingVar', kernel: (o) => q.rollingVar(x, W, { out: o }), hand: (o) => handRollingVar(x, o, W, false) },
    { name: 'rollingStd', kernel: (o) => q.rollingStd(x, W, { out: o }), hand: (o) => handRollingVar(x, o, W, true) },
    { name: 'rollingMin', kernel: (o) => q.rollingMin(x, W, { out: o }), hand: (o) => handRollingExtreme(x, o, W, -1, W) },
    { name: 'rollingMax', kernel: (o) => q.rollingMax(x, W, { out: o }), hand: (o) => handRollingExtreme(x, o, W, 1, W) },
    // A short full window: summed directly (rolling-direct.ts), as W1's mean3 and mean7.
    {
      name: 'rollingMean/7', kernel: (o) => q.rollingMean(x, K, { out: o }),
      hand: (o) => handRollingSum(x, o, K, true),
    },
    { name: 'rollingMean/groups', kernel: (o) => q.rollingMean(x, W, { out: o, groups }), hand: (o) => handRollingMeanGroups(x, W, GROUP_ROWS, o) },
    // A time window: 28 days of 7-hour steps is 96 rows, minPeriods 1 (pandas' default for offsets).
    {
      name: 'rollingMean/28D', kernel: (o) => q.rollingMean(x, '28D', { out: o, time: t }),
      hand: (o) => handRollingSum(x, o, 96, true, 1),
    },
    {
      name: 'rollingMax/28D', kernel: (o) => q.rollingMax(x, '28D', { out: o, time: t }),
      hand: (o) => handRollingExtreme(x, o, 96, 1, 1),
    },
    { name: 'expandingMean', kernel: (o) => q.expandingMean(x, { out: o }), hand: (o) => handExpandingMean(x, o, 1) },
    { name: 'expandingSum', kernel: (o) => q.expandingSum(x, { out: o }), hand: (o) => handExpandingSum(x, o, 1) },
    { name: 'expandingStd', kernel: (o) => q.expandingStd(x, { out: o }), hand: (o) => handExpandingStd(x, o) },
    {
      name: 'expandingMean/groups', kernel: (o) => q.expandingMean(x, { out: o, groups }),
      hand: (o) => perEntity(x, o, GROUP_ROWS, (xs, os) => handExpandingMean(xs, os, 1)),
    },
    {
      name: 'expandingSum/groups', kernel: (o) => q.expandingSum(x, { out: o, groups }),
      hand: (o) => perEntity(x, o, GROUP_ROWS, (xs, os) => handExpandingSum(xs, os, 1)),
    },
    {
      name: 'expandingStd/groups', kernel: (o) => q.expandingStd(x, { out: o, groups }),
      hand: (o) => perEntity(x, o, GROUP_ROWS, handExpandingStd),
    },
    { name: 'expandingMin', kernel: (o) => q.expandingMin(x, { out: o }), hand: (o) => handExpandingExtreme(x, o, -1) },
    { name: 'expandingMax', kernel: (o) => q.expandingMax(x, { out: o }), hand: (o) => handExpandingExtreme(x, o, 1) },
    { name: 'ewmMean', kernel: (o) => q.ewmMean(x, { span: SPAN, out: o }), hand: (o) => handEwm(x, o, alpha) },
    { name: 'shift', kernel: (o) => q.shift(x, K, { out: o }), hand: (o) => handShift(x, K, o) },
    { name: 'shift/groups', kernel: (o) => q.shift(x, K, { out: o, groups }), hand: (o) => handShiftGroups(x, K, GROUP_ROWS, o) },
    { name: 'diff', kernel: (o) => q.diff(x, 1, { out: o }), hand: (o) => handDiff(x, o) },
    { name: 'pctChange', kernel: (o) => q.pctChange(x, 1, { out: o }), hand: (o) => handPct(x, o) },
    { name: 'cumsum', kernel: (o) => q.cumsum(x, { out: o }), hand: (o) => handCumsum(x, o) },
    { name: 'zscore', kernel: (o) => q.zscore(x, { out: o }), hand: (o) => handZscore(x, o) },
    { name: 'groupMean', kernel: (o) => q.groupMean(x, groups, { out: o }), hand: (o) => handGroupMean(x, GROUP_ROWS, o) },
    { name: 'ffill', kernel: (o) => q.ffill(x, { out: o }), hand: (o) => handFfill(x, o) },
    { name: 'bfill', kernel: (o) => q.bfill(x, { out: o }), hand: (o) => handBfill(x, o) },
    { name: 'fillNaN', kernel: (o) => q.fillNaN(x, 0, { out: o }), hand: (o) => handFillNaN(x, 0, o) },
    { name: 'add', kernel: (o) => q.add(x, y, { out: o }), hand: (o) => handAdd(x, y, o) },
    { name: 'sub(x-scalar)', kernel: (o) => q.sub(x, 1, { out: o }), hand: (o) => handSubScalar(x, 1, o) },
    { name: 'sub(scalar-x)', kernel: (o) => q.sub(1, x, { out: o }), hand: (o) => handScalarSub(1, x, o) },
    { name: 'mul', kernel: (o) => q.mul(x, y, { out: o }), hand: (o) => handMul(x, y, o) },
    { name: 'div', kernel: (o) => q.div(x, y, { out: o }), hand: (o) => handDiv(x, y, o) },
    { name: 'abs', kernel: (o) => q.abs(x, { out: o }), hand: (o) => handAbs(x, o) },
    { name: 'log', kernel: (o) => q.log(x, { out: o }), hand: (o) => handLog(x, o) },
    { name: 'exp', kernel: (o) => q.exp(y, { out: o }), hand: (o) => handExp(y, o) },
    { name: 'clip', kernel: (o) => q.clip(x, lo, hi, { out: o }), hand: (o) => handClip(x, lo, hi, o) },
    { name: 'where', kernel: (o) => q.where(mask, x, y, { out: o }), hand: (o) => handWhere(mask, x, y, o) },
    { name: 'gt', kernel: (o) => q.gt(x, y, { out: o }), hand: (o) => handGt(x, y, o) },
    { name: 'le(x-scalar)', kernel: (o) => q.le(x, 1200, { out: o }), hand: (o) => handLeScalar(x, 1200, o) },
    { name: 'ne', kernel: (o) => q.ne(x, y, { out: o }), hand: (o) => handNe(x, y, o) },
    { name: 'dayOfWeek', kernel: (o) => q.dayOfWeek(t, { out: o }), hand: (o) => handDayOfWeek(t, o) },
    { name: 'month', kernel: (o) => q.month(t, { out: o }), hand: (o) => handCivil(t, o, 'month') },
    { name: 'quarter', kernel: (o) => q.quarter(t, { out: o }), hand: (o) => handCivil(t, o, 'quarter') },
    { name: 'year', kernel: (o) => q.year(t, { out: o }), hand: (o) => handCivil(t, o, 'year') },
    { name: 'dayOfYear', kernel: (o) => q.dayOfYear(t, { out: o }), hand: (o) => handCivil(t, o, 'doy') },
    { name: 'isoWeek', kernel: (o) => q.isoWeek(t, { out: o }), hand: (o) => handIsoWeek(t, o, false) },
    { name: 'isoYear', kernel: (o) => q.isoYear(t, { out: o }), hand: (o) => handIsoWeek(t, o, true) },
    { name: 'isIn', kernel: (o) => q.isIn(t, holidays, { out: o }), hand: (o) => handIsIn(t, holidayDays, o) },
  ];
}

function agree(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const u = a[i], v = b[i];
    if (u !== v && !(u !== u && v !== v) && !(Math.abs(u - v) <= 1e-12 * Math.max(1, Math.abs(v)))) return false;
  }
  return true;
}

/** CPU time (user + system) of one call in ms: on a shared machine, wall time mostly measures the neighbours. */
function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** One case in this (fresh) process: the first call on the long column, then the best of `reps` calls. */
function coldOne(name: string, rows: number, reps: number): Record<string, unknown> {
  const c = cases(data(rows)).find((k) => k.name === name);
  if (!c) throw new Error(`kernels --cold-one: no case "${name}".`);
  const out = new Float64Array(rows);
  const first = cpuMs(() => c.kernel(out));
  let best = Infinity;
  for (let i = 0; i < reps; i++) best = Math.min(best, cpuMs(() => c.kernel(out)));
  return { scenario: 'kernels', cold_one: name, first_ms: round(first, 3), best_ms: round(best, 3) };
}

/**
 * Each selected case in `processes` fresh child processes, one after another; best and median of their
 * best. With `busy` > 0, that many spinning processes run meanwhile: the slow mode is a race with V8's
 * concurrent compiler and did not show on an idle machine (RESULTS.md, cold16).
 */
function cold(names: string[], rows: number, reps: number, processes: number, busy: number): Record<string, unknown> {
  const child = path.join(__dirname, '..', 'harness', 'child.js');
  const spin = () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  const spinners = Array.from({ length: busy }, spin);
  try {
    return coldRuns(child, names, rows, reps, processes, busy);
  } finally {
    for (const s of spinners) s.kill();
  }
}

function coldRuns(
  child: string, names: string[], rows: number, reps: number, processes: number, busy: number,
): Record<string, unknown> {
  type Cold = { best_ms: number; median_ms: number; worst_ms: number; first_ms: number; runs: number[] };
  const results: Record<string, Cold> = {};
  for (const name of names) {
    const runs: number[] = [], firsts: number[] = [];
    for (let p = 0; p < processes; p++) {
      const args = [child, 'kernels', '--cold-one', name, '--rows', String(rows), '--reps', String(reps)];
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      type Line = { best_ms?: number; first_ms?: number; error?: string };
      const line = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Line;
      if (line.best_ms === undefined) throw new Error(`kernels --cold: ${name} failed: ${line.error ?? r.stdout}`);
      runs.push(line.best_ms);
      firsts.push(line.first_ms ?? NaN);
    }
    const sorted = [...runs].sort((a, b) => a - b);
    results[name] = {
      best_ms: sorted[0], median_ms: sorted[(sorted.length - 1) >> 1], worst_ms: sorted[sorted.length - 1],
      first_ms: Math.min(...firsts), runs,
    };
  }
  return { scenario: 'kernels', mode: 'cold', rows, reps, processes, busy, kernels: results };
}

export default {
  name: 'kernels',
  description: 'each kernel vs a hand-written loop doing the same arithmetic (ratio ≤ 1.5 is the target)',
  async run(args: string[]): Promise<Record<string, unknown>> {
    const rows = numberFlag(args, '--rows', 1_000_000);
    const reps = numberFlag(args, '--reps', 10);
    const only = stringFlag(args, '--only', '');
    const one = stringFlag(args, '--cold-one', '');
    if (one !== '') return coldOne(one, rows, reps);
    if (hasFlag(args, '--cold')) {
      const names = cases(data(64)).map((c) => c.name).filter((n) => only === '' || only.split(',').includes(n));
      return cold(names, rows, reps, numberFlag(args, '--processes', 6), numberFlag(args, '--busy', 0));
    }
    const pick = (c: Case) => only === '' || only.split(',').includes(c.name);
    const selected = cases(data(rows)).filter(pick);
    // Warm-up on a small copy first: many calls get each loop fully optimized (not only on-stack
    // replaced mid-loop), so neither side is timed in a half-tiered state.
    const warm = cases(data(WARM_ROWS)).filter(pick);
    const results: Record<string, { kernel_ms: number; hand_ms: number; ratio: number; agree: boolean }> = {};
    const kOut = new Float64Array(rows), hOut = new Float64Array(rows);
    const kWarm = new Float64Array(WARM_ROWS), hWarm = new Float64Array(WARM_ROWS);
    for (const [ci, c] of selected.entries()) {
      for (let i = 0; i < 50; i++) { warm[ci].kernel(kWarm); warm[ci].hand(hWarm); }
      for (let i = 0; i < 3; i++) { c.kernel(kOut); c.hand(hOut); }
      (globalThis as { gc?: () => void }).gc?.(); // no collector threads adding CPU time mid-measurement
      let k = Infinity, h = Infinity;
      for (let i = 0; i < reps; i++) {
        k = Math.min(k, cpuMs(() => c.kernel(kOut)));
        h = Math.min(h, cpuMs(() => c.hand(hOut)));
      }
      results[c.name] = { kernel_ms: round(k, 3), hand_ms: round(h, 3), ratio: round(k / h, 2), agree: agree(kOut, hOut) };
    }
    const ratios = Object.values(results).map((r) => r.ratio);
    return {
      scenario: 'kernels',
      rows,
      reps,
      max_ratio: Math.max(...ratios),
      over_1_5: Object.keys(results).filter((name) => results[name].ratio > 1.5),
      disagree: Object.keys(results).filter((name) => !results[name].agree),
      kernels: results,
    };
  },
};
