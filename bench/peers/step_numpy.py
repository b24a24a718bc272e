#!/usr/bin/env python3
"""The D2NN training step in NumPy/SciPy: scipy.fft (2 workers), complex64, the hand-written adjoint of
org.phasor.benchmarks.D2nnKernelStep: g <- P^H g; dL/dphi_l = sum_b -2 Im(u_l conj(g)); g <- conj(t_l) g."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import d2nn_common as c  # noqa: E402

np, scipy = c.need(["numpy", "scipy"])
import scipy.fft as sfft  # noqa: E402


def main():
    n, batch, layers, warmup, reps = c.args()
    workers = int(os.environ.get("PEER_THREADS", "2"))
    x, target, phi = c.data(np, n, batch, layers)
    h = c.transfer(np, n)
    hc = np.conj(h)
    lr = np.float32(1e-3)

    def prop(u, tf):
        return sfft.ifft2(sfft.fft2(u, workers=workers, overwrite_x=False) * tf, workers=workers, overwrite_x=True)

    def step():
        t = np.exp(1j * phi).astype(np.complex64, copy=False)
        saved = []
        u = x
        for l in range(layers):
            u = prop(u, h)
            u *= t[l]
            saved.append(u)
        o = prop(u, h)
        d = o.real ** 2 + o.imag ** 2 - target
        loss = float((d * d).sum()) / batch
        g = (np.float32(2.0 / batch) * d) * o
        for l in range(layers - 1, -1, -1):
            g = prop(g, hc)
            grad = -2 * np.imag(saved[l] * np.conj(g)).sum(axis=0)
            if l > 0:
                g *= np.conj(t[l])
            phi[l] -= lr * grad
        return loss

    print("peer=numpy %s scipy %s workers=%d" % (np.__version__, scipy.__version__, workers), flush=True)
    c.time_steps(step, warmup, reps)


if __name__ == "__main__":
    main()
