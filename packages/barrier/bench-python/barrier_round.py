"""Python twin of barrier-round: two processes meet at a multiprocessing.Barrier.

Prints JSON: {"samples": [microseconds_per_round, ...]}.
"""
import json
import sys
import time
from multiprocessing import Barrier, Process


def party(barrier, total):
    for _ in range(total):
        barrier.wait()


def main():
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    barrier = Barrier(2)
    child = Process(target=party, args=(barrier, warmup + samples * rounds))
    child.start()
    for _ in range(warmup):
        barrier.wait()
    results = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(rounds):
            barrier.wait()
        results.append((time.perf_counter() - start) * 1e6 / rounds)
    child.join()
    print(json.dumps({"samples": results}))


if __name__ == "__main__":
    main()
