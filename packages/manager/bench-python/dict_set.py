"""Python twin of manager-dict-set-sequential and manager-dict-get-sequential: Manager().dict()
item assignment and item lookup, each one blocking proxy call (a round trip to the server).

Usage: dict_set.py SAMPLES CALLS_PER_SAMPLE [WARMUP_CALLS]
Prints JSON: {"set": [calls_per_s, ...], "get": [calls_per_s, ...]}, samples of the two taken in turns.
"""
import json
import sys
import time
from multiprocessing import Manager


def rate(calls: int, op) -> float:
    start = time.perf_counter()
    for i in range(calls):
        op(i)
    return calls / (time.perf_counter() - start)


def main() -> None:
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    per_sample = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else per_sample
    with Manager() as manager:
        d = manager.dict()

        def set_item(i: int) -> None:
            d[i] = i

        def get_item(i: int) -> None:
            d[i]

        rate(max(warmup, per_sample), set_item)  # warm-up (and the keys the gets read)
        rate(warmup, get_item)
        results = {"set": [], "get": []}
        for _ in range(samples):
            results["set"].append(rate(per_sample, set_item))
            results["get"].append(rate(per_sample, get_item))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
