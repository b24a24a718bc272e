import numpy as np, sys
# usage: python3 mask_roughness.py DIR/designs/L2.npz DIR/designs/L8.npz   (files written by reproduce ffm-layers)
# Phase roughness of the in-silico designs: rms of the wrapped 1-px finite difference (x and y), central half of
# the plane, for the initial mask, the trained mask and the trained change; rms of the change itself.
def wrap(a): return (a + np.pi) % (2*np.pi) - np.pi
def rough(p):
    dx = wrap(p[:, 1:] - p[:, :-1]); dy = wrap(p[1:, :] - p[:-1, :])
    return np.sqrt(((dx**2).mean() + (dy**2).mean()) / 2)
for f in sys.argv[1:]:
    z = np.load(f)
    ini, des = z['initial'], z['in-silico']
    L, n, _ = des.shape
    s = slice(n//4, 3*n//4)
    print(f, "layers", L)
    for l in range(L):
        d = wrap(des[l] - ini[l])[s, s]
        print("  layer %d: rough(init) %.3f  rough(design) %.3f  rms change %.3f  rough(change) %.3f" % (
            l+1, rough(ini[l][s, s]), rough(des[l][s, s]), np.sqrt((d**2).mean()), rough(d)))
