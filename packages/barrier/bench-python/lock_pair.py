"""Python twin of lock-acquire-release: uncontended multiprocessing.Lock acquire + release in a child.

Prints JSON: {"samples": [microseconds_per_pair, ...]}.
"""
import json
import sys
import time
from multiprocessing import Lock, Process, Queue


def pairs(lock, samples, rounds, warmup, out):
    for _ in range(warmup):
        lock.acquire()
        lock.release()
    results = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(rounds):
            lock.acquire()
            lock.release()
        results.append((time.perf_counter() - start) * 1e6 / rounds)
    out.put(results)


def main():
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    lock = Lock()
    out = Queue()
    child = Process(target=pairs, args=(lock, samples, rounds, warmup, out))
    child.start()
    results = out.get()
    child.join()
    print(json.dumps({"samples": results}))


if __name__ == "__main__":
    main()
