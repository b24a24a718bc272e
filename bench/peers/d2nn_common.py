"""Shared set-up for the peer D2NN steps (same geometry and step as org.phasor.benchmarks.D2nnKernelStep).

5 phase layers t_l = exp(i*phi_l), u_l = t_l * P u_{l-1}, o = P u_L, loss = sum((|o|^2 - T)^2) / B, SGD.
P is band-limited angular-spectrum propagation (Matsushima & Shimobaba 2009), 8 um pixels, 532 nm, 12 mm,
complex64. Every script prints "ms=<step time>" per repetition and "median_ms=<median>", like StepTimer.
"""
import sys
import time

PITCH = 8e-6
WAVELENGTH = 532e-9
DISTANCE = 12e-3


def need(module_names):
    """Imports the modules or prints one 'skip:' line naming what is missing and exits 0."""
    mods = []
    for name in module_names:
        try:
            mods.append(__import__(name))
        except ImportError as e:
            print("skip: %s is not installed for %s (%s); install it (Debian: apt-get install python3-%s)"
                  % (name, sys.executable, e, {"torch": "torch", "numpy": "numpy", "scipy": "scipy"}.get(name, name)))
            sys.exit(0)
    return mods


def args():
    if len(sys.argv) != 6:
        print("usage: %s N BATCH LAYERS WARMUP REPS" % sys.argv[0], file=sys.stderr)
        sys.exit(2)
    return [int(a) for a in sys.argv[1:6]]


def transfer(np, n):
    """H = exp(i 2 pi z sqrt(1/lambda^2 - fx^2 - fy^2)), zero outside the band limit and where evanescent."""
    f = np.fft.fftfreq(n, PITCH)
    fx, fy = np.meshgrid(f, f)
    arg = 1 / WAVELENGTH ** 2 - fx ** 2 - fy ** 2
    lim = 1 / (WAVELENGTH * np.sqrt((2 * DISTANCE / (n * PITCH)) ** 2 + 1))
    keep = (np.abs(fx) <= lim) & (np.abs(fy) <= lim) & (arg > 0)
    h = np.where(keep, np.exp(2j * np.pi * DISTANCE * np.sqrt(np.maximum(arg, 0))), 0)
    return h.astype(np.complex64)


def data(np, n, batch, layers, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.random((batch, n, n)).astype(np.complex64)
    target = rng.uniform(0, 1e-2, (batch, n, n)).astype(np.float32)
    phi = rng.uniform(0, 2 * np.pi, (layers, n, n)).astype(np.float32)
    return x, target, phi


def time_steps(step, warmup, reps):
    for _ in range(warmup):
        step()
    ms, cpu = [], []
    for _ in range(reps):
        c0 = time.process_time()  # process CPU time, all threads: steadier than wall time on a shared machine
        t0 = time.perf_counter()
        step()
        ms.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
        print("ms=%.3f cpu_ms=%.3f" % (ms[-1], cpu[-1]), flush=True)
    ms.sort()
    cpu.sort()
    print("median_ms=%.3f median_cpu_ms=%.3f" % (ms[len(ms) // 2], cpu[len(cpu) // 2]), flush=True)
