"""Reconstruct a respondent file that reproduces the report's printed numbers.

The real survey file is not public. For every question of the codebook an integer program
(scipy ``milp``, HiGHS) chooses how many respondents of each cell (size class x subsidy
status) give each answer, so that the printed percentages of that question come out of the
file at the report's rounding. The counts are then dealt out to respondents with a fixed seed.

Every printed number is a pair of linear inequalities on integer counts (exact: the
percentage ``p`` of ``k`` out of ``m`` rounds half-up to ``p`` iff ``-m <= 2(100k - pm) < m``).
A number that cannot hold together with the others may miss its rounding interval: a binary
"missed" per number allows a slack ``u >= 0`` (at most ``MAX_MISS`` points). Per question, two
objectives are minimised one after the other:

1. fit: ``W_MISS`` per printed number not reproduced, ``W_SKIP`` per respondent who skipped the
   question (at most ``MAX_SKIPS`` per question), and ``W_MISFIT`` per percentage point (of the
   number's own group, or per hour) by which missed numbers lie outside their rounding
   interval, which decides between equally few misses;
2. plausibility, with the fit kept at its optimum: the distance of each cell count from the
   count expected if size class and subsidy status acted independently on the answer (the
   report prints no cross-tabulation, so this is the neutral choice). For weekly hours: the
   smoothest histogram over the answer grid, spread over the cells in proportion to their size.

The joint size x subsidy counts are not printed: they are the proportional allocation of the
subsidy groups over the size classes (largest remainder), see :func:`joint_counts`.
"""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import pandas as pd

from ..analysis.stats import largest_remainder
from ..data.codebook import BREAKDOWNS, HOURS, ID, MISSING, SIZE, SIZES, SUBSIDIES, SUBSIDY, Codebook
from ..data.published import printed_group_sizes, row_groups
from .milp import Infeasible, Program

SEED = 20230822  # first day of the survey; fixes how counts are dealt out to respondents
W_MISS = 6  # not reproducing one printed number costs as much as six skipped answers
W_SKIP = 1
W_MISFIT = 0.01  # per percentage point a missed number is off: decides between equal counts
MAX_SKIPS = 10  # at most this many respondents may skip one question
PLAUSIBILITY_GAP = 0.05  # plausibility objectives are solved to within 5% of their optimum
MAX_MISS = 15  # a printed number may be missed by at most this many points (or hours)
MISFIT_TOLERANCE = 1e-6  # the plausibility step may not raise the misfit by more than this
# Answer grid for weekly hours: the round numbers people give when asked for hours per week.
HOURS_GRID = (0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16, 18, 19, 20,
              22, 24, 25, 26, 28, 30, 32, 34, 35, 36, 38, 40)

CELLS = tuple((s, g) for s in SIZES for g in SUBSIDIES)


def cells_of(group):
    """The size x subsidy cells that make up a group."""
    if group == "totaal":
        return CELLS
    return tuple(c for c in CELLS if group in c)


def hour_matches(code, hours):
    """Whether a number of hours meets the condition of a printed share of hours: '<=4',
    '>=20', 'in:38|40' (the ``code`` column of the printed numbers)."""
    if code.startswith("<="):
        return hours <= Fraction(code[2:])
    if code.startswith(">="):
        return hours >= Fraction(code[2:])
    if code.startswith("in:"):
        return any(hours == Fraction(v) for v in code[3:].split("|"))
    raise ValueError(f"unknown condition '{code}' for a number")


def joint_counts(published):
    """Respondents per (size, subsidy) cell: the subsidy groups spread over the size classes
    in proportion to their size, rounded by largest remainder; both margins are kept."""
    n = printed_group_sizes(published)
    total = n["totaal"]
    if sum(n[s] for s in SIZES) != total or sum(n[g] for g in SUBSIDIES) != total:
        raise ValueError(f"printed group sizes do not add up to {total}: {n}")
    out = {}
    remaining = {s: n[s] for s in SIZES}
    for g in SUBSIDIES[:-1]:
        shares = [Fraction(n[s] * n[g], total) for s in SIZES]
        for s, k in zip(SIZES, largest_remainder(shares, total=n[g])):
            out[(s, g)] = k
            remaining[s] -= k
    for s in SIZES:
        out[(s, SUBSIDIES[-1])] = remaining[s]
    return out


@dataclass
class QuestionSolution:
    """Counts chosen for one question."""

    question: str
    counts: dict  # (variable, code, cell) -> respondents
    skips: dict  # cell -> respondents who skipped the question
    missed: list  # index labels of published rows the reconstruction does not reproduce


@dataclass
class Reconstruction:
    cells: dict
    solutions: list = field(default_factory=list)

    @property
    def missed(self):
        return sorted(i for s in self.solutions for i in s.missed)


class _Rows:
    """Adds the printed-number constraints of a question to a program, each with a slack."""

    def __init__(self, program, cells):
        self.p, self.cells = program, cells
        self.slack = {}  # published index -> (slack var, cost per unit)
        self.miss = {}  # published index -> binary: the row is not reproduced

    def group_n(self, group):
        return sum(self.cells[c] for c in cells_of(group))

    def slack_of(self, idx, cost, bound):
        """The slack of printed row ``idx``: how far (in the units of its D expression) the
        reconstruction lies outside the row's rounding interval, at ``cost`` per unit. It is
        zero unless the row's binary "missed" is one; ``bound`` is the largest slack needed."""
        if idx not in self.slack:
            u = self.p.var(0, np.inf, integer=False)
            d = self.p.var(0, 1)
            self.p.add({u: 1, d: -bound}, hi=0)
            self.slack[idx] = (u, cost)
            self.miss[idx] = d
        return self.slack[idx][0]

    def band(self, idx, expr, const, lo, hi, unit, cost, bound):
        """lo <= expr + const <= hi, give or take ``unit`` times row ``idx``'s slack."""
        u = self.slack_of(idx, cost, bound)
        if lo != -np.inf:
            self.p.add({**expr, u: unit}, lo=lo - const)
        if hi != np.inf:
            self.p.add({**expr, u: -unit}, hi=hi - const)

    def objective(self):
        """W_MISS per missed number, then W_MISFIT per percentage point they miss by."""
        out = {d: W_MISS for d in self.miss.values()}
        out.update({u: W_MISFIT * cost for u, cost in self.slack.values()})
        return out


def _add(*exprs):
    out = {}
    for expr in exprs:
        for v, c in expr.items():
            out[v] = out.get(v, 0) + c
    return out


def _scale(expr, k):
    return {v: c * k for v, c in expr.items()}


def _two_step(p, rows, skips=()):
    """Minimise the fit objective (misses, skips, misfit); keep its optimum, and the skips,
    for the plausibility step that follows. Returns the solution and the optimum."""
    first = {**rows.objective(), **{s: W_SKIP for s in skips}}
    sol = p.solve(first)
    best = sum(sol[v] * w for v, w in first.items())
    p.add(first, hi=best + MISFIT_TOLERANCE)
    for s in skips:
        p.fix(s, round(sol[s]))
    return sol, best


def _missed(rows, sol):
    return sorted(i for i, d in rows.miss.items() if sol[d] > 0.5)


@dataclass
class _QuestionProgram:
    """The integer program of some categorical questions, before solving."""

    program: Program
    rows: _Rows
    x: dict  # (variable, code, cell) -> count variable
    skips: dict  # question -> cell -> skip variable
    plausibility: dict  # variable -> weight of the plausibility objective

    @property
    def all_skips(self):
        return [v for skip in self.skips.values() for v in skip.values()]


def _question_program(questions, published, codebook, cells):
    """Build the program of ``questions`` (question id -> item names): counts per cell, skips,
    the printed numbers as constraints with slacks, and the plausibility objective."""
    p = Program()
    rows = _Rows(p, cells)
    x, skips, plausibility = {}, {}, {}
    for question, variables in questions.items():
        skip = skips[question] = {c: p.var(0, cells[c]) for c in CELLS}
        p.add({skip[c]: 1 for c in CELLS}, hi=MAX_SKIPS)
        for v in variables:
            for c in CELLS:
                for code in codebook.answer_codes(v):
                    x[(v, code, c)] = p.var(0, cells[c])
                p.add({**{x[(v, code, c)]: 1 for code in codebook.answer_codes(v)}, skip[c]: 1},
                      lo=cells[c], hi=cells[c])
        mine = published[published["variable"].isin(variables) & (published["statistic"] == "share")]
        for key, idxs in row_groups(mine).items():
            _add_share_row(p, rows, published, codebook, key, idxs, x, skip)
        # plausibility: cells close to independence of size and subsidy
        rates = printed_rates(mine)
        for v in variables:
            for c in CELLS:
                for code, expected in _expected(rates, v, c, cells, codebook).items():
                    f = p.var(0, np.inf, integer=False)
                    p.add({f: 1, x[(v, code, c)]: -1}, lo=-expected)
                    p.add({f: 1, x[(v, code, c)]: 1}, lo=expected)
                    plausibility[f] = 1
    return _QuestionProgram(p, rows, x, skips, plausibility)


def solve_questions(questions, published, codebook, cells):
    """Choose answer counts per cell for the items of categorical questions.

    ``questions`` maps a question id to its item names. The questions share nothing, so
    solving them in one program gives the same optimum as solving them one by one (the
    objectives are sums over questions), with fewer solver calls.
    """
    qp = _question_program(questions, published, codebook, cells)
    p, rows, x, skips = qp.program, qp.rows, qp.x, qp.skips
    try:
        sol, _ = _two_step(p, rows, skips=qp.all_skips)
    except Infeasible as exc:
        raise Infeasible(f"no respondent file fits the printed numbers of {sorted(questions)}, "
                         f"even with up to {MAX_SKIPS} skips per question and misses of up to "
                         f"{MAX_MISS} points: {exc}") from exc
    missed = set(_missed(rows, sol))
    sol = p.solve(qp.plausibility, gap=PLAUSIBILITY_GAP)
    out = []
    for question, variables in questions.items():
        out.append(QuestionSolution(
            question=question,
            counts={key: int(sol[var]) for key, var in x.items() if key[0] in variables},
            skips={c: int(sol[skips[question][c]]) for c in CELLS},
            missed=sorted(i for i in missed if published.at[i, "variable"] in variables),
        ))
    return out


@dataclass
class Alternative:
    """What it takes to keep one printed number that the reconstruction misses."""

    number: int  # index label of the printed number
    missed_now: list  # the numbers of its question the reconstruction misses
    skips: int  # skipped answers of the question in the reconstruction
    skips_keeping_rest: int | None  # fewest skipped answers that keep it and all the rest, or None
    dropped_instead: list  # with as few misses as possible, the numbers missed while keeping it

    @property
    def feasible_keeping_rest(self):
        return self.skips_keeping_rest is not None


def alternative(question, published, codebook, cells, missed, number, skips):
    """What it takes to keep printed number ``number`` of ``question``, which the
    reconstruction misses (``missed``: the numbers of the question it misses, ``skips``: its
    skipped answers on the question).

    Two programs, both within the reconstruction's limits (at most ``MAX_SKIPS`` skipped
    answers per question): (1) keep ``number`` and every number of the question the
    reconstruction keeps, the other missed numbers free, with as few skipped answers as
    possible; (2) keep ``number`` and miss as few numbers as possible, as the reconstruction
    does: which numbers are then missed."""
    variables = {question: codebook.questions[question]}
    qp = _question_program(variables, published, codebook, cells)
    for idx, d in qp.rows.miss.items():
        if idx == number or idx not in missed:
            qp.program.add({d: 1}, hi=0)
    try:
        sol = qp.program.solve({s: 1 for s in qp.all_skips})
        keeping = int(round(sum(sol[s] for s in qp.all_skips)))
    except Infeasible:
        keeping = None
    qp = _question_program(variables, published, codebook, cells)
    qp.program.add({qp.rows.miss[number]: 1}, hi=0)
    sol, _ = _two_step(qp.program, qp.rows, skips=qp.all_skips)
    return Alternative(number, sorted(missed), skips, keeping, _missed(qp.rows, sol))


def _add_share_row(p, rows, published, codebook, key, idxs, x, skip):
    """Constraints of one printed row of shares (one group, one variable)."""
    _, _, group, variable = key
    n_g = rows.group_n(group)
    cost = 1 / n_g  # D / n_g is about the miss in percentage points
    bound = MAX_MISS * n_g  # D / n_g is about percentage points
    skip_g = {skip[c]: 1 for c in cells_of(group)}  # answering: m = n_g - sum(skip_g)
    rounding = {published.at[i, "rounding"] for i in idxs}
    if len(rounding) != 1:
        raise ValueError(f"row {key} mixes rounding rules {sorted(rounding)}")
    ds = []
    for i in idxs:
        code, value = published.at[i, "code"], published.at[i, "value"]
        if code not in codebook.answer_codes(variable):
            raise ValueError(f"published line {i + 2}: code '{code}' is not an answer of '{variable}'")
        k = {x[(variable, code, c)]: 1 for c in cells_of(group)}
        # D = 100 k - value * m = 100 k + value * sum(skip_g) - value * n_g
        ds.append((i, _add(_scale(k, 100), _scale(skip_g, value)), -value * n_g))
    if rounding == {"half_up"}:
        for i, d, c in ds:  # -m <= 2D <= m - 1
            rows.band(i, _add(_scale(d, 2), _scale(skip_g, -1)), 2 * c + n_g, 0, np.inf, 2, cost, bound)
            rows.band(i, _add(_scale(d, 2), skip_g), 2 * c - n_g, -np.inf, -1, 2, cost, bound)
    elif rounding == {"largest_remainder"}:
        codes = sorted(published.at[i, "code"] for i in idxs)
        if codes != sorted(codebook.answer_codes(variable)):
            raise ValueError(f"row {key} is rounded by largest remainder but does not cover "
                             f"all answers of '{variable}'")
        for i, d, c in ds:  # -m + 1 <= D <= m - 1
            rows.band(i, _add(d, _scale(skip_g, -1)), c + n_g, 1, np.inf, 1, cost, bound)
            rows.band(i, _add(d, skip_g), c - n_g, -np.inf, -1, 1, cost, bound)
        for a, (i, di, ci) in enumerate(ds):
            for b, (j, dj, cj) in enumerate(ds):
                if a != b:  # D_j - D_i - m <= 0 if i comes first (ties go to i), else -1
                    expr = _add(dj, _scale(di, -1), skip_g)
                    ui, uj = rows.slack_of(i, cost, bound), rows.slack_of(j, cost, bound)
                    p.add({**expr, ui: -1, uj: -1}, hi=(0 if a < b else -1) - (cj - ci - n_g))
    else:
        raise ValueError(f"row {key}: rounding {sorted(rounding)} cannot be used for shares")


def printed_rates(published):
    """(variable, code, group) -> printed share as a fraction of 1."""
    shares = published[published["statistic"] == "share"]
    return {(r["variable"], r["code"], r["group"]): float(r["value"]) / 100 for _, r in shares.iterrows()}


def _expected(rates, variable, cell, cells, codebook):
    """Expected count of each answer in ``cell`` if size and subsidy acted independently:
    n_cell * rate(size) * rate(subsidy) / rate(total), from the printed rates (a missing
    group rate falls back to the total). One answer without any printed rate (e.g. 'nee')
    gets the rest of the cell; answers that cannot be estimated are left out."""
    size, sub = cell
    n_total = sum(cells.values())
    out, unknown = {}, []
    for code in codebook.answer_codes(variable):
        def rate(group):
            return rates.get((variable, code, group))

        total = rate("totaal")
        if total is None:
            for breakdown in ("grootte", "subsidie"):
                groups = BREAKDOWNS[breakdown]
                if all(rate(g) is not None for g in groups):
                    total = sum(rate(g) * sum(cells[c] for c in cells_of(g)) for g in groups) / n_total
                    break
        r_size = rate(size) if rate(size) is not None else total
        r_sub = rate(sub) if rate(sub) is not None else total
        if r_size is None or r_sub is None:
            unknown.append(code)
        elif total is None:  # one group rate only: nothing to combine it with
            out[code] = cells[cell] * r_size
        elif total == 0:
            out[code] = 0.0
        else:
            out[code] = cells[cell] * min(1.0, r_size * r_sub / total)
    if len(unknown) == 1 and out:
        out[unknown[0]] = max(0.0, cells[cell] - sum(out.values()))
    return out


def _add_hours_row(rows, i, row, terms):
    """Constraints of one printed number about weekly hours. ``terms`` lists (count variable,
    hours) for the respondents of the row's group."""
    value, stat, n_g = row["value"], row["statistic"], rows.group_n(row["group"])

    def count(pred):
        return {v: 1 for v, h in terms if pred(h)}

    per_person = 100 / n_g  # one respondent, in percentage points of the group
    if stat == "share":  # -n <= 2D <= n - 1 with D = 100 k - value * n
        k = count(lambda h: hour_matches(row["code"], h))
        rows.band(i, _scale(k, 200), -2 * value * n_g, -n_g, n_g - 1, 2, 1 / n_g, MAX_MISS * n_g)
    elif stat == "mean":  # twice the sum is an integer: (2v-1) n <= 2 S <= (2v+1) n - 1
        two_sum = {v: int(2 * h) for v, h in terms}
        rows.band(i, two_sum, 0, (2 * value - 1) * n_g, (2 * value + 1) * n_g - 1, 1, 1 / (2 * n_g),
                  2 * MAX_MISS * n_g)
    elif stat == "median":  # both middle values within [value - 1/2, value + 1/2)
        below = count(lambda h: h < value - Fraction(1, 2))
        upto = count(lambda h: h < value + Fraction(1, 2))
        rows.band(i, below, 0, -np.inf, (n_g + 1) // 2 - 1, 1, per_person, n_g)
        rows.band(i, upto, 0, n_g // 2 + 1, np.inf, 1, per_person, n_g)
    elif stat in ("min", "max"):
        beyond = count((lambda h: h < value) if stat == "min" else (lambda h: h > value))
        rows.band(i, beyond, 0, -np.inf, 0, 1, per_person, n_g)
        rows.band(i, count(lambda h: h == value), 0, 1, np.inf, 1, per_person, n_g)
    else:
        raise ValueError(f"published line {i + 2}: statistic '{stat}' not supported for hours")


def solve_hours(published, cells):
    """Choose how many respondents of each cell give each value of the hours grid.

    Two small programs: first the histogram of all respondents (numbers about everyone,
    and a total that the printed group means allow), made smooth; then its split over the
    cells (numbers about groups), each cell's histogram close to its share of the whole.
    """
    grid = [Fraction(str(v)) for v in HOURS_GRID]
    mine = published[published["variable"] == HOURS]
    n = sum(cells.values())
    # 1. histogram of everyone
    p = Program()
    rows = _Rows(p, cells)
    h = [p.var(0, n) for _ in grid]
    p.add({v: 1 for v in h}, lo=n, hi=n)
    for i, row in mine[mine["group"] == "totaal"].iterrows():
        _add_hours_row(rows, i, row, list(zip(h, grid)))
    two_sum = {v: int(2 * g) for v, g in zip(h, grid)}
    for breakdown, groups in BREAKDOWNS.items():
        means = mine[(mine["statistic"] == "mean") & (mine["breakdown"] == breakdown)]
        if breakdown != "totaal" and set(means["group"]) == set(groups):
            lo = sum((2 * r["value"] - 1) * rows.group_n(r["group"]) for _, r in means.iterrows())
            hi = sum((2 * r["value"] + 1) * rows.group_n(r["group"]) - 1 for _, r in means.iterrows())
            p.add(two_sum, lo=lo, hi=hi)
    try:
        sol, _ = _two_step(p, rows)
    except Infeasible as exc:
        raise Infeasible(f"no histogram of weekly hours fits the printed totals and group means: {exc}") from exc
    missed = _missed(rows, sol)
    smooth = {}
    for j in range(len(grid) - 1):  # total variation over the grid
        t = p.var(0, np.inf, integer=False)
        p.add({t: 1, h[j]: -1, h[j + 1]: 1}, lo=0)
        p.add({t: 1, h[j]: 1, h[j + 1]: -1}, lo=0)
        smooth[t] = 1
    sol = p.solve(smooth)
    histogram = [int(sol[v]) for v in h]
    # 2. split over the cells
    p = Program()
    rows = _Rows(p, cells)
    y = {(c, j): p.var(0, cells[c]) for c in CELLS for j in range(len(grid))}
    for c in CELLS:
        p.add({y[(c, j)]: 1 for j in range(len(grid))}, lo=cells[c], hi=cells[c])
    for j, total in enumerate(histogram):
        p.add({y[(c, j)]: 1 for c in CELLS}, lo=total, hi=total)
    for i, row in mine[mine["group"] != "totaal"].iterrows():
        terms = [(y[(c, j)], g) for c in cells_of(row["group"]) for j, g in enumerate(grid)]
        _add_hours_row(rows, i, row, terms)
    sol, _ = _two_step(p, rows)
    missed += _missed(rows, sol)
    spread = {}
    for (c, j), var in y.items():
        target = cells[c] * histogram[j] / n
        f = p.var(0, np.inf, integer=False)
        p.add({f: 1, var: -1}, lo=-target)
        p.add({f: 1, var: 1}, lo=target)
        spread[f] = 1
    sol = p.solve(spread, gap=PLAUSIBILITY_GAP)
    return QuestionSolution(
        question=HOURS,
        counts={(HOURS, grid[j], c): int(sol[y[(c, j)]]) for c in CELLS for j in range(len(grid))},
        skips={c: 0 for c in CELLS},
        missed=sorted(missed),
    )


def question_batches(codebook, published):
    """Questions in the batches they are solved in: every question whose printed numbers
    are all about the whole sample in one batch (each such number is reachable with 276
    respondents, so these programs are easy and one call saves the solver's overhead), every
    other question alone (one program with several hard questions is far slower than the
    same questions one by one)."""
    easy, batches = {}, []
    for question, variables in codebook.questions.items():
        groups = set(published.loc[published["variable"].isin(variables), "group"])
        if groups == {"totaal"}:
            easy[question] = variables
        else:
            batches.append({question: variables})
    return ([easy] if easy else []) + batches


def solve(published, codebook=None, workers=None):
    """Solve every question; return a :class:`Reconstruction`.

    The batches of questions are independent programs; they are solved in ``workers``
    processes (default: one per core, at most two). The result does not depend on it.
    """
    codebook = codebook or Codebook.load()
    cells = joint_counts(published)
    result = Reconstruction(cells=cells)
    batches = question_batches(codebook, published)
    jobs = [(solve_hours, (published, cells))]
    jobs += [(solve_questions, (batch, published, codebook, cells)) for batch in batches]
    workers = workers or min(2, os.cpu_count() or 1)
    if workers == 1:
        outcomes = [func(*args) for func, args in jobs]
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(func, *args) for func, args in jobs]
            outcomes = [future.result() for future in futures]
    result.solutions.append(outcomes[0])
    for outcome in outcomes[1:]:
        result.solutions.extend(outcome)
    return result


def respondent_frame(result, codebook=None):
    """Deal the chosen counts out to respondents, deterministically (seed ``SEED``)."""
    codebook = codebook or Codebook.load()
    cells = result.cells
    n = sum(cells.values())
    rng = np.random.default_rng([SEED, 0])
    labels = [c for c in CELLS for _ in range(cells[c])]
    order = rng.permutation(n)
    ids = [f"R{i + 1:03d}" for i in range(n)]
    frame = pd.DataFrame({ID: ids, SIZE: [labels[k][0] for k in order], SUBSIDY: [labels[k][1] for k in order]})
    members = {c: frame.index[(frame[SIZE] == c[0]) & (frame[SUBSIDY] == c[1])].to_numpy() for c in CELLS}
    columns = {name: np.empty(n, dtype=object) for name in codebook.names if name not in (ID, SIZE, SUBSIDY)}
    for q, solution in enumerate(result.solutions, start=1):
        rng = np.random.default_rng([SEED, q])
        variables = sorted({key[0] for key in solution.counts}, key=codebook.names.index)
        for c in CELLS:
            people = rng.permutation(members[c])
            skipped, answering = people[: solution.skips[c]], people[solution.skips[c]:]
            for v in variables:
                columns[v][skipped] = MISSING
                values = [value for (var, value, cell), k in solution.counts.items()
                          if var == v and cell == c for _ in range(k)]
                columns[v][rng.permutation(answering)] = values
    for name, values in columns.items():
        frame[name] = values
    frame[HOURS] = frame[HOURS].map(lambda h: float(h))
    return frame


def to_csv_text(frame):
    """The respondent file as CSV text (hours without trailing '.0')."""
    out = frame.copy()
    out[HOURS] = out[HOURS].map(lambda h: f"{h:g}")
    return out.to_csv(index=False, lineterminator="\n")
