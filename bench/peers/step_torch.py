#!/usr/bin/env python3
"""The D2NN training step in PyTorch on the CPU: complex64, autograd, 2 threads. See d2nn_common.py."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import d2nn_common as c  # noqa: E402

np, torch = c.need(["numpy", "torch"])


def main():
    n, batch, layers, warmup, reps = c.args()
    torch.set_num_threads(int(os.environ.get("PEER_THREADS", "2")))
    x0, t0, phi0 = c.data(np, n, batch, layers)
    h = torch.from_numpy(c.transfer(np, n))
    x = torch.from_numpy(x0)
    target = torch.from_numpy(t0)
    phi = torch.tensor(phi0, requires_grad=True)
    lr = 1e-3

    def step():
        u = x
        for l in range(layers):
            u = torch.fft.ifft2(torch.fft.fft2(u) * h) * torch.exp(1j * phi[l])
        o = torch.fft.ifft2(torch.fft.fft2(u) * h)
        loss = ((o.real ** 2 + o.imag ** 2 - target) ** 2).sum() / batch
        loss.backward()
        with torch.no_grad():
            phi.sub_(lr * phi.grad)
            phi.grad = None
        return loss

    print("peer=torch %s threads=%d" % (torch.__version__, torch.get_num_threads()), flush=True)
    c.time_steps(step, warmup, reps)


if __name__ == "__main__":
    main()
