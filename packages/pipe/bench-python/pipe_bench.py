"""Python twin of the pipe benchmark: Pipe round trip and send_bytes bandwidth, printed as JSON."""
import json
import multiprocessing as mp
import sys
import time


def echo(conn):
    try:
        while True:
            conn.send(conn.recv())
    except EOFError:
        pass


def blast(conn, chunk_bytes, count):
    chunk = b"\x01" * chunk_bytes
    try:
        while True:
            conn.recv()
            for _ in range(count):
                conn.send_bytes(chunk)
    except EOFError:
        pass


def main():
    batch, samples, chunk_bytes, count = (int(x) for x in sys.argv[1:5])
    here, there = mp.Pipe()
    child = mp.Process(target=echo, args=(there,))
    child.start()
    there.close()
    round_trip = []
    for s in range(samples + 1):
        start = time.perf_counter()
        for i in range(batch):
            here.send(i)
            here.recv()
        if s > 0:
            round_trip.append((time.perf_counter() - start) * 1e6 / batch)
    here.close()
    child.terminate()
    child.join()
    here, there = mp.Pipe()
    child = mp.Process(target=blast, args=(there, chunk_bytes, count))
    child.start()
    there.close()
    bandwidth = []
    for s in range(samples + 1):
        start = time.perf_counter()
        here.send("go")
        for _ in range(count):
            here.recv_bytes()
        if s > 0:
            bandwidth.append(chunk_bytes * count / (time.perf_counter() - start))
    here.close()
    child.terminate()
    child.join()
    print(json.dumps({"round_trip_us": round_trip, "bytes_per_s": bandwidth}))


if __name__ == "__main__":
    main()
