"""PyTorch peer of sinenet's BenchmarkSeedSuite.

Times one full-batch training step (forward, backward, update) on the
question's 4000 points for the four seed-suite configurations, in float32,
and prints one line per configuration: "<config> <ms per step>".

  question-*: the question's manual loop: x.mm(W) layers without biases,
              tanh on every layer, summed squared error, plain gradient
              descent with lr 4e-7 and hand-zeroed gradients.
  answer-*:   nn.Linear + nn.Tanh layers with a linear output, L1Loss,
              optim.Adam(lr=1e-2).

Usage: python3 torch_bench.py [--seconds S] [--threads T] [config ...]
"""

import argparse
import time

import torch

SIZES = {"shallow": [1, 128, 1], "deep": [1, 32, 128, 32, 1]}


def data(n=4000):
    x = torch.rand(n, 1) * 10 - 1
    y = torch.sin(x) / 2.5 + torch.randn(n, 1) / 20
    return x, y


def question_step(sizes, x, y):
    ws = [torch.randn(a, b, requires_grad=True) for a, b in zip(sizes, sizes[1:])]
    lr = 4e-7

    def step():
        h = x
        for w in ws:
            h = h.mm(w).tanh()
        loss = (h - y).pow(2).sum()
        loss.backward()
        with torch.no_grad():
            for w in ws:
                w -= lr * w.grad
                w.grad.zero_()
        return loss

    return step


def answer_step(sizes, x, y):
    layers = []
    for a, b in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.Tanh()]
    model = torch.nn.Sequential(*layers[:-1])  # linear output
    loss_fn = torch.nn.L1Loss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss

    return step


def ms_per_step(step, seconds):
    """Median over 5 rounds of the mean time per step, in ms."""
    for _ in range(20):
        step()
    t0, n = time.perf_counter(), 0
    while time.perf_counter() - t0 < seconds / 5:
        step()
        n += 1
    rounds = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        rounds.append((time.perf_counter() - t0) / n * 1e3)
    rounds.sort()
    return rounds[len(rounds) // 2]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=1.0)
    p.add_argument("--threads", type=int, default=0, help="0 keeps PyTorch's default")
    p.add_argument("configs", nargs="*",
                   default=["question-shallow", "question-deep", "answer-shallow", "answer-deep"])
    a = p.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    x, y = data()
    for c in a.configs:
        setup, depth = c.split("-")
        make = question_step if setup == "question" else answer_step
        print(c, "%.4f" % ms_per_step(make(SIZES[depth], x, y), a.seconds), flush=True)
    print("# torch", torch.__version__, "threads", torch.get_num_threads(), flush=True)


if __name__ == "__main__":
    main()
