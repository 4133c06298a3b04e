#!/usr/bin/python3
"""Reference trajectories from PyTorch for sinenet's optimizer tests.

Run from this folder with Debian's Python (it has python3-torch):

    /usr/bin/python3 make_reference.py

It writes two files.

optimizers.json: for each optimizer configuration, the loss before every
step, the learning rate of every step and the parameters after the last
step, on a fixed small vector problem

    f(x) = sum_i a_i (x_i - c_i)^2 + sum_i sin(x_i)

whose gradient 2 a (x - c) + cos(x) changes at every step; and learning-rate
schedules run alone for several periods.

network.json: the same optimizer configurations (with learning rates suited
to a network) training a 1-4-3-1 network (tanh, tanh, identity, with
biases) on 8 fixed points, under each of sinenet's losses. The initial
weights are in the file, in sinenet's layout: W is In x Out, y = x W + b
(nn.Linear stores the transpose, Out x In).

The Go tests (optimizer_test.go, schedule_test.go, network_parity_test.go)
repeat each run and compare.

Everything is float64 and single-threaded, and PyTorch's single-tensor
(for-loop) code path is the one used (foreach=False is 1.13's default).
"""

import json
import math

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

STEPS = 30

A = [0.5, 1.0, 2.0, 3.0, 0.25, 1.5]
C = [1.2, -2.0, 0.5, 3.0, -1.0, 0.0]
X0 = [0.3, -0.7, 1.2, -1.5, 2.0, 0.1]

# Each case: a name, a torch.optim class name and its keyword arguments
# (PyTorch's own names, which the Go test maps onto sinenet's fields), and an
# optional learning-rate schedule.
CASES = [
    ("gd", "SGD", dict(lr=0.05), None),
    ("sgd_momentum", "SGD", dict(lr=0.05, momentum=0.9), None),
    ("sgd_momentum_dampening", "SGD", dict(lr=0.05, momentum=0.9, dampening=0.3), None),
    ("nesterov", "SGD", dict(lr=0.05, momentum=0.9, nesterov=True), None),
    ("sgd_weight_decay", "SGD", dict(lr=0.05, weight_decay=0.1), None),
    ("sgd_momentum_weight_decay", "SGD", dict(lr=0.05, momentum=0.8, weight_decay=0.1), None),
    ("adagrad", "Adagrad", dict(lr=0.5), None),
    ("adagrad_lr_decay", "Adagrad", dict(lr=0.5, lr_decay=0.05), None),
    ("adagrad_weight_decay", "Adagrad", dict(lr=0.5, weight_decay=0.1), None),
    ("adagrad_initial_accumulator", "Adagrad", dict(lr=0.5, initial_accumulator_value=0.5), None),
    ("rmsprop", "RMSprop", dict(lr=0.01), None),
    ("rmsprop_centered", "RMSprop", dict(lr=0.01, centered=True), None),
    ("rmsprop_momentum", "RMSprop", dict(lr=0.01, momentum=0.9), None),
    ("rmsprop_weight_decay", "RMSprop", dict(lr=0.01, weight_decay=0.1, alpha=0.9), None),
    ("rmsprop_centered_momentum", "RMSprop", dict(lr=0.01, centered=True, momentum=0.5), None),
    ("adam", "Adam", dict(lr=0.1), None),
    ("adam_betas_eps", "Adam", dict(lr=0.1, betas=(0.8, 0.99), eps=1e-3), None),
    ("adam_weight_decay", "Adam", dict(lr=0.1, weight_decay=0.1), None),
    ("amsgrad", "Adam", dict(lr=0.1, amsgrad=True), None),
    ("amsgrad_fast_beta2", "Adam", dict(lr=0.3, betas=(0.9, 0.9), amsgrad=True), None),
    ("adam_fast_beta2", "Adam", dict(lr=0.3, betas=(0.9, 0.9)), None),
    ("adamw", "AdamW", dict(lr=0.1), None),
    ("adamw_weight_decay", "AdamW", dict(lr=0.1, weight_decay=0.3), None),
    ("adamw_amsgrad", "AdamW", dict(lr=0.1, weight_decay=0.1, amsgrad=True), None),
    ("gd_steplr", "SGD", dict(lr=0.1), dict(kind="StepLR", step_size=7, gamma=0.5)),
    ("gd_exponentiallr", "SGD", dict(lr=0.1), dict(kind="ExponentialLR", gamma=0.9)),
    ("gd_cosine", "SGD", dict(lr=0.1), dict(kind="CosineAnnealingLR", T_max=10)),
    ("momentum_cosine", "SGD", dict(lr=0.05, momentum=0.9), dict(kind="CosineAnnealingLR", T_max=20, eta_min=0.01)),
    ("adam_steplr", "Adam", dict(lr=0.2), dict(kind="StepLR", step_size=5, gamma=0.3)),
    ("adam_exponentiallr", "Adam", dict(lr=0.2), dict(kind="ExponentialLR", gamma=0.95)),
    ("adam_cosine", "Adam", dict(lr=0.2), dict(kind="CosineAnnealingLR", T_max=12, eta_min=0.001)),
]

# Learning-rate schedules alone, run for longer than the cases above and past
# T_max, to check sinenet's closed forms against PyTorch's recursive ones.
SCHEDULES = [
    (dict(kind="StepLR", step_size=3, gamma=0.1), 0.5, 40),
    (dict(kind="ExponentialLR", gamma=0.97), 0.5, 200),
    (dict(kind="CosineAnnealingLR", T_max=7), 0.5, 60),
    (dict(kind="CosineAnnealingLR", T_max=50, eta_min=0.002), 0.1, 220),
    (dict(kind="CosineAnnealingLR", T_max=1000, eta_min=1e-5), 1e-3, 2100),
]


def f(x):
    a = torch.tensor(A)
    c = torch.tensor(C)
    return (a * (x - c) ** 2).sum() + torch.sin(x).sum()


def make_schedule(opt, spec):
    if spec is None:
        return None
    kw = {k: v for k, v in spec.items() if k != "kind"}
    return getattr(torch.optim.lr_scheduler, spec["kind"])(opt, **kw)


def run(opt_name, kwargs, sched_spec):
    x = torch.tensor(X0, requires_grad=True)
    opt = getattr(torch.optim, opt_name)([x], **kwargs)
    sched = make_schedule(opt, sched_spec)
    losses, lrs = [], []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = f(x)
        loss.backward()
        losses.append(loss.item())
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        if sched is not None:
            sched.step()
    return losses, lrs, x.detach().tolist()


def schedule_lrs(spec, base, steps):
    x = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([x], lr=base)
    sched = make_schedule(opt, spec)
    lrs = []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return lrs


# The network problem.
NET_STEPS = 25
NET_SIZES = [1, 4, 3, 1]
NET_ACTS = ["tanh", "tanh", "identity"]
NET_X = [-0.8, 0.4, 1.3, 2.9, 4.1, 5.5, 7.2, 8.6]
# The point at x = 2.9 is an outlier, so that Huber's linear branch is used.
NET_Y = [-0.31, 0.21, 0.36, 1.6, -0.29, -0.30, 0.35, 0.29]

# Learning rates for the network, by optimizer class; the other settings
# are those of CASES. Under the summed loss SSE, SGD's rate is divided by
# the number of points, since summing scales the gradient by it.
NET_LR = {"SGD": 0.2, "Adagrad": 0.1, "RMSprop": 0.01, "Adam": 0.05, "AdamW": 0.05}

# sinenet's losses and the torch.nn losses they match.
LOSSES = {
    "SSE": lambda: torch.nn.MSELoss(reduction="sum"),
    "MSE": lambda: torch.nn.MSELoss(),
    "L1": lambda: torch.nn.L1Loss(),
    "Huber": lambda: torch.nn.HuberLoss(delta=1.0),
}


def make_net(layers):
    """Builds nn.Linear layers from sinenet-layout weights."""
    mods = []
    for (w, b), act in zip(layers, NET_ACTS):
        lin = torch.nn.Linear(len(w), len(w[0]))
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(w).T)  # In x Out -> Out x In
            lin.bias.copy_(torch.tensor(b))
        mods.append(lin)
        if act == "tanh":
            mods.append(torch.nn.Tanh())
    return torch.nn.Sequential(*mods)


def flat_params(net):
    """The parameters in sinenet's order: per layer, W (In x Out, row-major) then b."""
    out = []
    for m in net:
        if isinstance(m, torch.nn.Linear):
            out += m.weight.detach().T.reshape(-1).tolist() + m.bias.detach().tolist()
    return out


def initial_layers():
    torch.manual_seed(0)
    layers = []
    for n_in, n_out in zip(NET_SIZES, NET_SIZES[1:]):
        lin = torch.nn.Linear(n_in, n_out)  # PyTorch's default init
        layers.append((lin.weight.detach().T.tolist(), lin.bias.detach().tolist()))
    return layers


def run_net(layers, loss_name, opt_name, kwargs, sched_spec):
    net = make_net(layers)
    x = torch.tensor(NET_X).reshape(-1, 1)
    y = torch.tensor(NET_Y).reshape(-1, 1)
    loss_fn = LOSSES[loss_name]()
    opt = getattr(torch.optim, opt_name)(net.parameters(), **kwargs)
    sched = make_schedule(opt, sched_spec)
    losses = []
    for _ in range(NET_STEPS):
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        losses.append(loss.item())
        opt.step()
        if sched is not None:
            sched.step()
    return losses, flat_params(net)


def network_reference():
    layers = initial_layers()
    cases = []
    for loss_name in LOSSES:
        for name, opt_name, kwargs, sched in CASES:
            lr = NET_LR[opt_name]
            if opt_name == "SGD" and loss_name == "SSE":
                lr /= len(NET_X)
            kw = dict(kwargs, lr=lr)
            losses, params = run_net(layers, loss_name, opt_name, kw, sched)
            if "betas" in kw:
                kw["betas"] = list(kw["betas"])
            cases.append(dict(name=loss_name + "/" + name, loss_fn=loss_name,
                              optimizer=opt_name, kwargs=kw, schedule=sched,
                              loss=losses, params=params))
    return dict(torch_version=torch.__version__, steps=NET_STEPS,
                sizes=NET_SIZES, acts=NET_ACTS, x=NET_X, y=NET_Y,
                layers=[dict(W=w, b=b) for w, b in layers], cases=cases)


def write_json(name, obj, key):
    """Writes obj with each element of obj[key] on a line of its own."""
    items = obj.pop(key)
    with open(name, "w") as fh:
        head = json.dumps(obj)[:-1]
        fh.write(head + ', "%s": [\n' % key)
        fh.write(",\n".join(json.dumps(it) for it in items))
        fh.write("\n]}\n")


def main():
    cases = []
    for name, opt_name, kwargs, sched in CASES:
        losses, lrs, x = run(opt_name, kwargs, sched)
        kw = dict(kwargs)
        if "betas" in kw:
            kw["betas"] = list(kw["betas"])
        cases.append(dict(name=name, optimizer=opt_name, kwargs=kw,
                          schedule=sched, loss=losses, lr=lrs, x=x))
    schedules = [dict(schedule=spec, base=base, lr=schedule_lrs(spec, base, n))
                 for spec, base, n in SCHEDULES]
    out = dict(torch_version=torch.__version__, steps=STEPS,
               problem=dict(a=A, c=C, x0=X0), cases=cases, schedules=schedules)
    write_json("optimizers.json", out, "cases")
    write_json("network.json", network_reference(), "cases")


if __name__ == "__main__":
    main()
