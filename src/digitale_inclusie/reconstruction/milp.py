"""A small builder for mixed-integer linear programs solved with scipy's ``milp`` (HiGHS)."""

from math import inf

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array


class Infeasible(RuntimeError):
    """The program has no solution."""


class Program:
    """Variables, linear constraints ``lo <= sum(coef * var) <= hi`` and solving."""

    def __init__(self):
        self.lb, self.ub, self.integer = [], [], []
        self.rows = []  # (coefs: dict var -> coef, lo, hi)

    def var(self, lb=0, ub=inf, integer=True):
        self.lb.append(lb)
        self.ub.append(ub)
        self.integer.append(1 if integer else 0)
        return len(self.lb) - 1

    def fix(self, v, value):
        """Fix a variable to a value."""
        self.lb[v] = self.ub[v] = value

    def add(self, coefs, lo=-inf, hi=inf):
        coefs = {v: float(c) for v, c in coefs.items() if c != 0}
        self.rows.append((coefs, float(lo), float(hi)))

    def solve(self, objective, gap=1e-4):
        """Minimise ``sum(coef * var)``; return the solution vector (integers rounded).

        ``gap`` is HiGHS's relative MIP gap at which the search stops. Results do not
        depend on time: HiGHS is deterministic for the same program."""
        n = len(self.lb)
        c = np.zeros(n)
        for v, coef in objective.items():
            c[v] += float(coef)
        data, rows, cols, lo, hi = [], [], [], [], []
        for i, (coefs, l, h) in enumerate(self.rows):
            for v, coef in coefs.items():
                rows.append(i)
                cols.append(v)
                data.append(coef)
            lo.append(l)
            hi.append(h)
        matrix = coo_array((data, (rows, cols)), shape=(len(self.rows), n)).tocsr()
        result = milp(
            c, integrality=np.array(self.integer), bounds=Bounds(self.lb, self.ub),
            constraints=[LinearConstraint(matrix, lo, hi)] if self.rows else [],
            options={"presolve": True, "mip_rel_gap": gap},
        )
        if result.x is None:
            raise Infeasible(result.message)
        x = result.x.copy()
        ints = np.array(self.integer, dtype=bool)
        x[ints] = np.round(x[ints])
        return x
