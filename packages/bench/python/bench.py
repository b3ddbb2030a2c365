"""Runs the Python twins serially, under multiprocessing.Pool and under a thread pool.

Usage: python3 bench.py --profile quick|full --workers 1,2,4 --strategies serial,process,thread
Prints one JSON object per line: {"progress": "..."} while it runs, then {"records": [...]}
in parlab's results schema (suite "python", implementation "python").
"""
import argparse
import json
import math
import multiprocessing
import queue as queue_module
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import twins

SIZES = {
    "quick": {"primes": 60_000, "fibonacci": (22, 16), "mandelbrot": (120, 90, 200), "queue": 5_000},
    "full": {"primes": 300_000, "fibonacci": (25, 24), "mandelbrot": (400, 300, 400), "queue": 50_000},
}
ROUNDS = {"quick": (3, 1), "full": (10, 1)}
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228]


def say(**fields):
    print(json.dumps(fields), flush=True)


def percentile(sorted_values, p):
    rank = p / 100 * (len(sorted_values) - 1)
    lo, hi = math.floor(rank), math.ceil(rank)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (rank - lo)


def point(subject, strategy, workers, metric, samples, unit, better, error=None):
    record = {
        "suite": "python", "subject": subject, "implementation": "python", "strategy": strategy,
        "workers": workers, "metric": metric, "unit": unit, "better": better,
    }
    if error is not None or not samples:
        record.update(status="failed", error=error or "no sample was taken")
        return record
    s = sorted(samples)
    mean = statistics.fmean(s)
    rme = 0.0
    if len(s) > 1 and mean != 0:
        critical = T95[len(s) - 2] if len(s) - 2 < len(T95) else 1.96
        rme = critical * statistics.stdev(s) / math.sqrt(len(s)) / abs(mean) * 100
    record.update(status="ok", median=percentile(s, 50), mean=mean, min=s[0], max=s[-1],
                  p75=percentile(s, 75), p99=percentile(s, 99), rme=rme, samples=list(samples))
    return record


def workload_jobs(profile):
    """(id, function, tasks, combine) per twin; tasks are split so any worker count has work."""
    size = SIZES[profile]
    limit = size["primes"]
    n, count = size["fibonacci"]
    width, height, max_iter = size["mandelbrot"]
    return [
        ("primes", twins.count_primes, twins.primes_tasks(limit, 32), sum),
        ("fibonacci", twins.fib, [n] * count, sum),
        ("mandelbrot", twins.mandelbrot_row, [(y, width, height, max_iter) for y in range(height)], sum),
    ]


def measure_workloads(profile, workers, strategies):
    records = []
    rounds, warmup = ROUNDS[profile]
    for subject, fn, tasks, combine in workload_jobs(profile):
        say(progress=f"python · {subject}")
        expected = combine(map(fn, tasks))
        pools = {}
        for strategy in strategies:
            if strategy == "serial":
                continue
            for w in workers:
                pools[(strategy, w)] = multiprocessing.Pool(w) if strategy == "process" else ThreadPoolExecutor(w)
        contenders = [("serial", 1, lambda: combine(map(fn, tasks)))]
        for (strategy, w), pool in pools.items():
            contenders.append((strategy, w, (lambda p=pool: combine(p.map(fn, tasks)))))
        samples = {(s, w): [] for s, w, _ in contenders}
        errors = {}
        try:
            for r in range(warmup + rounds):
                for i in range(len(contenders)):
                    strategy, w, run = contenders[(i + max(0, r - warmup)) % len(contenders)]
                    if (strategy, w) in errors:
                        continue
                    try:
                        started = time.perf_counter()
                        result = run()
                        elapsed = (time.perf_counter() - started) * 1000
                        if result != expected:
                            raise ValueError(f"{strategy} x {w} gave {result}, serial gave {expected}")
                        if r >= warmup:
                            samples[(strategy, w)].append(elapsed)
                    except Exception as error:  # recorded as a failed point; the run goes on
                        errors[(strategy, w)] = f"{type(error).__name__}: {error}"
        finally:
            for (strategy, _), pool in pools.items():
                if strategy == "process":
                    pool.terminate()
                    pool.join()
                else:
                    pool.shutdown(wait=True)
        serial = samples[("serial", 1)]
        for strategy, w, _ in contenders:
            error = errors.get((strategy, w))
            own = samples[(strategy, w)]
            records.append(point(subject, strategy, w, "wall_ms", own, "ms", "lower", error))
            if strategy != "serial":
                ratios = [a / b for a, b in zip(serial, own)]
                records.append(point(subject, strategy, w, "speedup", ratios, "x", "higher", error))
    return records


def producer(q, count):
    for i in range(count):
        q.put(i)
    q.put(None)


def drain(q):
    while q.get() is not None:
        pass


def measure_queue(profile, strategies):
    """Messages per second through multiprocessing.Queue (process) and queue.Queue (thread)."""
    say(progress="python · queue throughput")
    count = SIZES[profile]["queue"]
    rounds, _ = ROUNDS[profile]
    records = []
    for strategy in strategies:
        if strategy == "serial":
            continue
        rates = []
        for _ in range(rounds):
            if strategy == "process":
                q = multiprocessing.Queue()
                worker = multiprocessing.Process(target=producer, args=(q, count))
            else:
                q = queue_module.Queue()
                worker = threading.Thread(target=producer, args=(q, count))
            worker.start()
            started = time.perf_counter()
            drain(q)
            rates.append(count / (time.perf_counter() - started))
            worker.join()
        records.append(point("queue-throughput", strategy, 1, "msgs_per_s", rates, "1/s", "higher"))
    return records


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", choices=["quick", "full"], default="quick")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--strategies", default="serial,process,thread")
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    strategies = args.strategies.split(",")
    records = measure_workloads(args.profile, workers, strategies)
    records += measure_queue(args.profile, strategies)
    say(records=records)


if __name__ == "__main__":
    sys.exit(main())
