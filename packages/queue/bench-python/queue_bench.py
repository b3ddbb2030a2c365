"""Python twin of the queue benchmark: mp.Queue, one producer process to one consumer, printed as JSON."""
import json
import multiprocessing as mp
import sys
import time


def produce(queue, go, count, rounds):
    for _ in range(rounds):
        go.get()
        for i in range(count):
            queue.put({"id": i, "name": "item", "payload": "x" * 64, "tags": [1, 2, 3]})


def main():
    count, samples = (int(x) for x in sys.argv[1:3])
    queue, go = mp.Queue(), mp.Queue()
    child = mp.Process(target=produce, args=(queue, go, count, samples + 1))
    child.start()
    rates = []
    for s in range(samples + 1):
        start = time.perf_counter()
        go.put(True)
        for _ in range(count):
            queue.get()
        if s > 0:
            rates.append(count / (time.perf_counter() - start))
    child.join()
    print(json.dumps({"msgs_per_s": rates}))


if __name__ == "__main__":
    main()
