"""Python twins of three parlab workloads and of the queue benchmark, for the `python` suite.

Each twin computes the same thing as its workload in workloads/<id>, so the charts can set Node's
two strategies beside Python's multiprocessing and threading (where the GIL keeps CPU-bound
threads from running in parallel).
"""


def count_primes(bounds):
    """Primes in [lo, hi) by trial division (workloads/primes)."""
    lo, hi = bounds
    count = 0
    for n in range(max(lo, 2), hi):
        if n < 4:
            count += 1
            continue
        if n % 2 == 0:
            continue
        d = 3
        prime = True
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 2
        if prime:
            count += 1
    return count


def fib(n):
    """Naive Fibonacci (workloads/fibonacci)."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def mandelbrot_row(args):
    """Escape-time iterations summed over one row (workloads/mandelbrot)."""
    y, width, height, max_iter = args
    ci = (y / height) * 2.4 - 1.2
    total = 0
    for x in range(width):
        cr = (x / width) * 3.2 - 2.2
        zr = zi = 0.0
        i = 0
        while i < max_iter and zr * zr + zi * zi <= 4.0:
            zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
            i += 1
        total += i
    return total


def primes_tasks(limit, chunks):
    step = -(-limit // chunks)
    return [(lo, min(lo + step, limit)) for lo in range(0, limit, step)]
