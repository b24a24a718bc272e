# Generates the .npy fixtures for NpyTest with NumPy (run: python3 make_fixtures.py). Values are
# a = arange(n) * 0.5 - 1 (+ 1j * (arange(n) * 0.25)) so the test can recompute them.
import numpy as np

def vals(n, cplx):
    v = np.arange(n) * 0.5 - 1
    return v + 1j * (np.arange(n) * 0.25) if cplx else v

np.save("f4_2x3x4.npy", vals(24, False).reshape(2, 3, 4).astype(np.float32))
np.save("f8_5.npy", vals(5, False).astype(np.float64))
np.save("c8_2x3.npy", vals(6, True).reshape(2, 3).astype(np.complex64))
np.save("c16_3x2x2.npy", vals(12, True).reshape(3, 2, 2).astype(np.complex128))
np.save("c16_be_2x2.npy", vals(4, True).reshape(2, 2).astype(">c16"))
np.save("fortran_3x4.npy", np.asfortranarray(vals(12, False).reshape(3, 4)))
np.save("object_2.npy", np.array([1, "a"], dtype=object), allow_pickle=True)
np.save("int32_4.npy", np.arange(4, dtype=np.int32))
