#!/usr/bin/env python3
# Rebuilds a network exported by `phasor export` in NumPy alone and classifies Fashion-MNIST test images with it.
# usage: scripts/check_export.py model.npz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz
# (amplitude encoding, nearest-neighbour upsampling, phase/complex layers, no activation — the D2NN configs)
import numpy as np, gzip, sys
z = np.load(sys.argv[1])
text = lambda k: "".join(map(chr, z[k].astype(int)))
def propagate(u, d, lam, dx, pad=2):
    ny, nx = u.shape[-2:]
    U = np.zeros(u.shape[:-2] + (pad * ny, pad * nx), complex); y0, x0 = (pad - 1) * ny // 2, (pad - 1) * nx // 2
    U[..., y0:y0 + ny, x0:x0 + nx] = u
    fy = np.fft.fftfreq(pad * ny, dx); fx = np.fft.fftfreq(pad * nx, dx)
    FX, FY = np.meshgrid(fx, fy)
    q = 1 / lam**2 - FX**2 - FY**2
    H = np.exp(2j * np.pi * d * np.sqrt(q.astype(complex)))
    Lx, Ly = pad * nx * dx, pad * ny * dx
    H[np.abs(FX) > 1 / (lam * np.sqrt((2 * d / Lx) ** 2 + 1))] = 0
    H[np.abs(FY) > 1 / (lam * np.sqrt((2 * d / Ly) ** 2 + 1))] = 0
    return np.fft.ifft2(np.fft.fft2(U) * H)[..., y0:y0 + ny, x0:x0 + nx]
ny, nx = z["grid_shape"].astype(int); dx = z["pitch"][1]; lam = float(z["wavelength"]); pad = int(z["padding"])
with gzip.open(sys.argv[2]) as f: img = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28) / 255.0
with gzip.open(sys.argv[3]) as f: lab = np.frombuffer(f.read(), np.uint8, offset=8)
s = int(z["object_size"]); up = s // 28
u = np.zeros((len(img), ny, nx), complex)
y0, x0 = ny // 2 - s // 2, nx // 2 - s // 2
u[:, y0:y0 + s, x0:x0 + s] = np.kron(img, np.ones((up, up)))
for l in range(z["phase"].shape[0]):
    u = propagate(u, z["distances"][l], lam, dx, pad) * z["transmission"][l]
o = propagate(u, z["distances"][-1], lam, dx, pad)
I = np.abs(o) ** 2
E = np.stack([I[:, y:y + h, x:x + w].sum(axis=(1, 2)) for x, y, w, h in z["detector_regions"].astype(int)], 1)
print("numpy accuracy from the export: %.2f %%" % (100 * (E.argmax(1) == lab).mean()))
