#!/usr/bin/env python3
"""Checks that the two peers compute the same step: the NumPy hand-written adjoint gradient against PyTorch
autograd on a small case (N=32, batch 3, 3 layers, complex128 so the comparison is tight). Prints one line."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import d2nn_common as c  # noqa: E402

np, torch = c.need(["numpy", "torch"])


def main():
    n, batch, layers = 32, 3, 3
    x, target, phi = c.data(np, n, batch, layers, seed=4)
    x, target, phi = x.astype(np.complex128), target.astype(np.float64), phi.astype(np.float64)
    h = c.transfer(np, n).astype(np.complex128)
    prop = lambda u, tf: np.fft.ifft2(np.fft.fft2(u) * tf)  # noqa: E731
    t = np.exp(1j * phi)
    saved, u = [], x
    for l in range(layers):
        u = prop(u, h) * t[l]
        saved.append(u)
    o = prop(u, h)
    d = np.abs(o) ** 2 - target
    g = (2.0 / batch) * d * o
    grad = np.zeros_like(phi)
    for l in range(layers - 1, -1, -1):
        g = prop(g, np.conj(h))
        grad[l] = -2 * np.imag(saved[l] * np.conj(g)).sum(axis=0)
        g = g * np.conj(t[l])
    tp = torch.tensor(phi, requires_grad=True)
    ht = torch.from_numpy(h)
    u = torch.from_numpy(x)
    for l in range(layers):
        u = torch.fft.ifft2(torch.fft.fft2(u) * ht) * torch.exp(1j * tp[l])
    o = torch.fft.ifft2(torch.fft.fft2(u) * ht)
    loss = ((o.real ** 2 + o.imag ** 2 - torch.from_numpy(target)) ** 2).sum() / batch
    loss.backward()
    err = np.linalg.norm(tp.grad.numpy() - grad) / np.linalg.norm(grad)
    print("numpy adjoint vs torch autograd: relative L2 difference %.2e" % err)
    return 0 if err < 1e-10 else 1


if __name__ == "__main__":
    sys.exit(main())
