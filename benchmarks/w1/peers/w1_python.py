"""W1 (shared/bench/WORKLOAD.md) in Python, measured in the same run as quiver and the floor.

Run by benchmarks/w1/peers/python.ts with Debian's /usr/bin/python3 (python3-pandas, numpy):

    python3 w1_python.py --mode numpy|pandas --features N --rows R

It generates W1's raw inputs itself (the same h32 hash, vectorised), then waits on stdin: each
line "run" computes all N features once and answers one JSON line with the timings (ms), the
checksum and this process's peak RSS; "quit" ends it. Modes:
  pandas  the plain pandas script: each feature the pandas expression of WORKLOAD.md's table on
          Series, then one DataFrame of all N (phases: execute, frame).
  numpy   hand-written numpy on float64 arrays, with pandas' NaN rules (phase: execute).
"""
import argparse
import json
import resource
import sys
import time
import warnings

import numpy as np
import pandas as pd

KINDS = ['ratio', 'mean3', 'shift1', 'zscore', 'mean7', 'shift3', 'diff', 'mean28', 'shift7', 'clip']
WINDOW = {'mean3': 3, 'mean7': 7, 'mean28': 28}
LAG = {'shift1': 1, 'shift3': 3, 'shift7': 7}


def h32(x):
    """WORKLOAD.md's hash on a uint32 array (uint32 arithmetic wraps mod 2^32)."""
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x7feb352d)
    x = x ^ (x >> np.uint32(15))
    x = x * np.uint32(0x846ca68b)
    return x ^ (x >> np.uint32(16))


def generate_raw(rows):
    t = np.arange(rows, dtype=np.uint32)
    tf = np.arange(rows, dtype=np.float64)
    out = []
    for s in range(4):
        h = h32(np.uint32(4) * t + np.uint32(s))
        u = h.astype(np.float64) / 4294967296.0
        if s == 0:
            v = 1000 + 500 * u + 100 * (tf % 7)
        elif s == 1:
            v = 1 + np.floor(50 * u)
        elif s == 2:
            v = 5 + 20 * u
        else:
            v = 100 + 1000 * u + 10 * (tf % 24)
        v[h < np.uint32(4194304)] = np.nan
        out.append(v)
    return out


def features(n):
    """(kind, p, s) for f_0 … f_{n−1}; p and s index [RAW..., f_0, f_1, …]."""
    out = []
    for i in range(n):
        lane, step = i % 4, i // 4
        kind = KINDS[step % 10]
        p = lane if step == 0 else 4 + (i - 4)
        s = -1 if kind != 'ratio' else ((lane + 1) % 4 if step == 0 else 4 + i // 2)
        out.append((kind, p, s))
    return out


def pandas_feature(kind, p, s):
    if kind == 'ratio':
        return p / (s.abs() + 1.0)
    if kind in WINDOW:
        return p.rolling(WINDOW[kind]).mean()
    if kind in LAG:
        return p.shift(LAG[kind])
    if kind == 'zscore':
        return (p - p.mean()) / p.std()
    if kind == 'diff':
        return p.diff()
    return p.clip(-3.0, 3.0).fillna(0.0)


def rolling_mean(p, w):
    """pandas rolling(w).mean() with min_periods = w: NaN unless the window holds w non-NaN values."""
    n = len(p)
    out = np.full(n, np.nan)
    if n < w:
        return out
    nan = np.isnan(p)
    c = np.concatenate(([0.0], np.cumsum(np.where(nan, 0.0, p))))
    k = np.concatenate(([0], np.cumsum(nan)))
    sums = c[w:] - c[:-w]
    out[w - 1:] = np.where(k[w:] - k[:-w] == 0, sums / w, np.nan)
    return out


def shift(p, k):
    out = np.empty_like(p)
    out[:k] = np.nan
    out[k:] = p[:-k]
    return out


def numpy_feature(kind, p, s):
    if kind == 'ratio':
        return p / (np.abs(s) + 1.0)
    if kind in WINDOW:
        return rolling_mean(p, WINDOW[kind])
    if kind in LAG:
        return shift(p, LAG[kind])
    if kind == 'zscore':
        return (p - np.nanmean(p)) / np.nanstd(p, ddof=1)
    if kind == 'diff':
        out = np.empty_like(p)
        out[0] = np.nan
        np.subtract(p[1:], p[:-1], out=out[1:])
        return out
    out = np.clip(p, -3.0, 3.0)
    out[np.isnan(out)] = 0.0
    return out


def checksum(columns):
    total = total_abs = 0.0
    nans = 0
    for c in columns:
        nan = np.isnan(c)
        total += float(np.sum(c[~nan]))
        total_abs += float(np.sum(np.abs(c[~nan])))
        nans += int(nan.sum())
    return {'checksum': total, 'checksum_abs': total_abs, 'nan_count': nans}


def run(mode, raw, feats):
    t0 = time.perf_counter()
    if mode == 'pandas':
        cols = [pd.Series(r) for r in raw]
        for kind, p, s in feats:
            cols.append(pandas_feature(kind, cols[p], cols[s] if s >= 0 else None))
        t1 = time.perf_counter()
        frame = pd.DataFrame({f'f_{i}': c for i, c in enumerate(cols[4:])}, copy=False)
        t2 = time.perf_counter()
        outs = [frame[f'f_{i}'].to_numpy() for i in range(len(feats))]
        phases = {'execute': (t1 - t0) * 1e3, 'frame': (t2 - t1) * 1e3}
    else:
        cols = list(raw)
        for kind, p, s in feats:
            cols.append(numpy_feature(kind, cols[p], cols[s] if s >= 0 else None))
        t1 = time.perf_counter()
        outs = cols[4:]
        phases = {'execute': (t1 - t0) * 1e3}
    return phases, checksum(outs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mode', choices=['numpy', 'pandas'], required=True)
    ap.add_argument('--features', type=int, required=True)
    ap.add_argument('--rows', type=int, required=True)
    args = ap.parse_args()
    warnings.simplefilter('ignore')  # nanstd of < 2 values: NaN, as pandas, without the warning
    raw = generate_raw(args.rows)
    feats = features(args.features)
    print(json.dumps({'ready': True, 'pandas': pd.__version__, 'numpy': np.__version__}), flush=True)
    for line in sys.stdin:
        if line.strip() != 'run':
            break
        phases, cs = run(args.mode, raw, feats)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB on Linux
        print(json.dumps({'phases': phases, 'checksum': cs, 'peak_rss_mb': peak}), flush=True)


if __name__ == '__main__':
    main()
