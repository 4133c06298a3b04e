#!/usr/bin/python3
"""An independent check of the λmax figures of notebook 2b, in float64.

sinenet's track measures λmax of the Hessian of the summed squared error
with Lanczos on finite-difference Hessian-vector products of its float32
gradients. This script recomputes it at the same parameters with PyTorch in
float64: Lanczos with full reorthogonalization on exact Hessian-vector
products (double backward), which returns both ends of the spectrum.

    SINENET_SHARPNESS_POINTS=/tmp/points.json go test ./sinenet -run SharpnessPoints
    /usr/bin/python3 sinenet/testdata/torch/sharpness_check.py /tmp/points.json

It prints, for each point, λmax/(2/lr) from both and their relative
difference, and the loss. Measured on Debian 12's PyTorch 1.13.1: within
8e-4 at the peaks (the track's Tol is 1e-3) and within 3e-4 on the
two-cycle and its midpoints.
"""

import json
import sys

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

d = json.load(open(sys.argv[1]))
X = torch.tensor(d["x"]).reshape(-1, 1)
Y = torch.tensor(d["y"]).reshape(-1, 1)
sizes = d["sizes"]
edge = 2 / d["lr"]


def loss(p):
    """The question's network (tanh everywhere, no biases) and summed loss.
    sinenet stores each W as In×Out, row-major: y = x W."""
    h, k = X, 0
    for i, o in zip(sizes, sizes[1:]):
        h = torch.tanh(h @ p[k : k + i * o].reshape(i, o))
        k += i * o
    return ((h - Y) ** 2).sum()


def lanczos(p, iters=80, tol=1e-10):
    p = p.detach().requires_grad_(True)
    (g,) = torch.autograd.grad(loss(p), p, create_graph=True)

    def hv(v):
        (r,) = torch.autograd.grad(g, p, grad_outputs=v, retain_graph=True)
        return r

    q = torch.tensor(np.random.default_rng(0).standard_normal(p.numel()))
    Q, a, b = [q / q.norm()], [], []
    for _ in range(iters):
        w = hv(Q[-1])
        a.append(float(Q[-1] @ w))
        for _ in range(2):  # full reorthogonalization, twice
            for qi in Q:
                w = w - (qi @ w) * qi
        bj = float(w.norm())
        ev, evec = np.linalg.eigh(np.diag(a) + np.diag(b, 1) + np.diag(b, -1))
        if bj * abs(evec[-1, -1]) < tol * abs(ev[-1]):
            break
        b.append(bj)
        Q.append(w / bj)
    return ev[-1], ev[0]


for pt in d["points"]:
    p = torch.tensor(pt["params"])
    lmax, lmin = lanczos(p)
    where = "midpoint of %d and %d" % (pt["step"] - 1, pt["step"]) if pt["midpoint"] else "step %d" % pt["step"]
    print(
        "Model B seed %d, %-24s λmax/(2/lr) torch %.5f, sinenet %.5f, relative difference %.1e; λmin/(2/lr) %.2f; loss torch %.4f, sinenet %.4f"
        % (pt["seed"], where + ":", lmax / edge, pt["go_lambda_max"] / edge, abs(pt["go_lambda_max"] / lmax - 1), lmin / edge, float(loss(p)), pt["go_loss"])
    )
