"""Python twin of manager-dict-set: Manager().dict() item assignment, one proxy call per set.

Prints JSON: {"samples": [ops_per_s, ...]}.
"""
import json
import sys
import time
from multiprocessing import Manager

def main() -> None:
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    per_sample = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    with Manager() as manager:
        d = manager.dict()
        for i in range(per_sample):  # warm-up
            d[i] = i
        results = []
        for _ in range(samples):
            start = time.perf_counter()
            for i in range(per_sample):
                d[i] = i
            results.append(per_sample / (time.perf_counter() - start))
    print(json.dumps({"samples": results}))

if __name__ == "__main__":
    main()
