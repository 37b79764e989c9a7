"""Command line: ``python -m digitale_inclusie {reconstruct,audit,tables,claims,validate,checksums}``.

Every failure ends with exit status 2 and one message on standard error that names the file
(and, for a data file, the line, the column and what was expected); nothing is written then.
Output paths are checked before any work is done."""

import argparse
import sys
from pathlib import Path

from . import paths
from .errors import AnalysisError, InputFileError, shown_path


def _source(args):
    """The respondent file: --data when given, else $DIGITALE_INCLUSIE_DATA or the shipped file."""
    return args.data if args.data is not None else paths.respondents_source()


def _codebook(args):
    from .data.codebook import Codebook

    return Codebook.load(args.codebook)


def _published(args):
    from .data.published import load_published

    return load_published(args.published)


def cmd_reconstruct(args):
    from .fileio import atomic_write_text, check_out_file
    from .reconstruction.reconstruct import respondent_frame, solve, to_csv_text

    check_out_file(args.out)
    codebook = _codebook(args)
    published = _published(args)
    result = solve(published, codebook)
    frame = respondent_frame(result, codebook)
    atomic_write_text(args.out, to_csv_text(frame))
    skips = sum(sum(s.skips.values()) for s in result.solutions)
    print(f"wrote {shown_path(args.out)}: {len(frame)} respondents, {len(frame.columns)} columns; "
          f"{len(result.missed)} printed numbers not reproduced, {skips} skipped answers")


def cmd_audit(args):
    from .data.published import csv_number, printed_group_sizes
    from .fileio import atomic_write_text, check_out_file, csv_text
    from .reconstruction.audit import audit, rescued_by_nonresponse, rounding_findings

    check_out_file(args.out)
    codebook = _codebook(args)
    published = _published(args)
    register, respondents = audit(published, codebook)
    out = register.copy()
    for column in ("value", "reconstructed"):
        out[column] = [csv_number(v) for v in out[column]]
    atomic_write_text(args.out, csv_text(out))
    shares = (published["statistic"] != "n").sum()
    print(f"checked {len(published)} printed numbers ({shares} statistics, "
          f"{len(published) - shares} group sizes)")
    sizes = printed_group_sizes(published)
    for _, ok, text in rounding_findings(published, codebook, sizes):
        print(("  rounding ok: " if ok else "  ROUNDING NOT CONFIRMED: ") + text)
    for _, row in rescued_by_nonresponse(published, respondents, sizes).iterrows():
        print(f"  impossible with everyone answering, reproduced with {row['m']} of {row['n']}: "
              f"{row['table']} {row['group']} {row['item'][:40]} {row['value']}%")
    print(f"wrote {shown_path(args.out)}: {len(register)} printed numbers in the register")
    for _, row in register.iterrows():
        print(f"  {row['table']} {row['group']} {row['item'][:40]} {row['category']}: "
              f"{csv_number(row['value'])} -> {csv_number(row['reconstructed']) or '-'}")


def cmd_tables(args):
    from .analysis.cells import recompute
    from .data.published import write_csv
    from .data.respondents import load_respondents
    from .fileio import check_out_file, check_out_folder

    check_out_folder(args.out)
    check_out_file(Path(args.out) / "tables.csv")
    published = _published(args)
    source = _source(args)
    codebook = _codebook(args)
    respondents = load_respondents(source, codebook)
    tables = recompute(respondents, published, codebook=codebook)  # the chapters' analysis cells, run on this file
    out = Path(args.out) / "tables.csv"
    write_csv(tables, out)
    print(f"wrote {shown_path(out)}: {len(tables)} numbers recomputed from {shown_path(source)}")


def cmd_claims(args):
    from .analysis.claims import VERDICTS, evaluate_all
    from .data.respondents import is_reconstruction, load_respondents
    from .fileio import atomic_write_text, check_out_file, check_out_folder, csv_text

    check_out_folder(args.out)
    check_out_file(Path(args.out) / "claims.csv")
    source = _source(args)
    respondents = load_respondents(source, _codebook(args))
    table = evaluate_all(respondents, is_reconstruction(source))  # the reconstruction by content, not path
    out = Path(args.out) / "claims.csv"
    atomic_write_text(out, csv_text(table))
    counts = table["verdict"].value_counts()
    print(f"wrote {shown_path(out)}: {len(table)} claims tested on {shown_path(source)} ("
          + ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS)
          + ")")


def cmd_validate(args):
    from .data.respondents import load_respondents

    source = _source(args)
    codebook = _codebook(args)
    frame = load_respondents(source, codebook)
    print(f"{shown_path(source)}: valid, {len(frame)} respondents")
    for warning in empty_groups(frame, codebook):
        print(f"warning: {warning}", file=sys.stderr)


def empty_groups(frame, codebook=None):
    """Warnings for a valid file whose groups or questions are empty: their numbers will be
    empty ('–' in the book) rather than computed."""
    from .data.codebook import MISSING, SIZE, SIZES, SUBSIDIES, SUBSIDY, Codebook

    warnings = [f"no respondents in group '{g}' (column '{column}'): its numbers stay empty"
                for column, groups in ((SIZE, SIZES), (SUBSIDY, SUBSIDIES)) for g in groups
                if not (frame[column] == g).any()]
    for question, items in (codebook or Codebook.load()).questions.items():
        if not frame[items].ne(MISSING).any().any():
            warnings.append(f"nobody answered question '{question}' ({', '.join(items[:3])}"
                            f"{', ...' if len(items) > 3 else ''}): its numbers stay empty")
    return warnings


def cmd_checksums(args):
    from .data.codebook import Codebook
    from .data.published import load_published
    from .data.register import load_register
    from .data.respondents import load_respondents
    from .fileio import atomic_write_text, check_out_file, checksum_lines

    check_out_file(paths.CHECKSUMS)
    # every file is checked before its checksum is recorded: a checksum never blesses an invalid file
    codebook = Codebook.load(paths.DATAPACKAGE)
    load_published(paths.PUBLISHED)
    load_respondents(paths.RESPONDENTS, codebook)
    load_register(paths.REGISTER)
    atomic_write_text(paths.CHECKSUMS, checksum_lines(paths.CHECKSUMMED, paths.DATA))
    print(f"wrote {shown_path(paths.CHECKSUMS)}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m digitale_inclusie", description=__doc__)
    parser.add_argument("--published", default=paths.PUBLISHED, help="printed numbers (CSV)")
    parser.add_argument("--codebook", default=paths.DATAPACKAGE, help="data package (JSON)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("reconstruct", help="regenerate the respondent file from the printed numbers")
    p.add_argument("--out", default=paths.RESPONDENTS)
    p.set_defaults(func=cmd_reconstruct)
    p = sub.add_parser("audit", help="check the printed numbers; write the register")
    p.add_argument("--out", default=paths.REGISTER)
    p.set_defaults(func=cmd_audit)
    p = sub.add_parser("tables", help="recompute every printed number from a respondent file")
    p.add_argument("--data", default=None,
                   help=f"respondent file (CSV, see codebook); default ${paths.DATA_ENV} or the shipped file")
    p.add_argument("--out", required=True, help="folder for tables.csv")
    p.set_defaults(func=cmd_tables)
    p = sub.add_parser("claims", help="test every claim of the report on a respondent file")
    p.add_argument("--data", default=None,
                   help=f"respondent file (CSV, see codebook); default ${paths.DATA_ENV} or the shipped file")
    p.add_argument("--out", required=True, help="folder for claims.csv")
    p.set_defaults(func=cmd_claims)
    p = sub.add_parser("validate", help="check a respondent file against the codebook")
    p.add_argument("--data", default=None,
                   help=f"respondent file (CSV, see codebook); default ${paths.DATA_ENV} or the shipped file")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("checksums", help="write data/SHA256SUMS for the data files")
    p.set_defaults(func=cmd_checksums)
    args = parser.parse_args(argv)
    try:
        _check_checkout()
        _check_paths(args)
        args.func(args)
    except (InputFileError, AnalysisError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # any other operating-system condition: a message, not a traceback
        print(f"error: {os_error_text(exc)}", file=sys.stderr)
        return 2
    except MemoryError:
        print("error: not enough memory for this input; the commands read the whole respondent file "
              "(a file of a million respondents needs about 2 GB)", file=sys.stderr)
        return 2
    return 0


def os_error_text(exc):
    """One located sentence for an operating-system error: the file it concerns, and what
    happened in words a reader acts on."""
    import errno


    where = exc.filename if exc.filename is not None else "output"
    reason = {errno.ENOSPC: "no space left on the device; nothing was written (free some space and run again)",
              errno.EROFS: "read-only file system; choose an output on a writable disk",
              errno.EACCES: "permission denied",
              errno.EDQUOT: "disk quota exceeded; nothing was written"}.get(exc.errno, exc.strerror or str(exc))
    return f"{shown_path(where)}: {reason}"


def _check_checkout():
    """The commands work on the repository's data files: the package runs from a checkout (an
    editable install, as ``make`` makes it), not from an installed copy without them."""
    if not paths.PUBLISHED.is_file() or not paths.DATAPACKAGE.is_file():
        raise InputFileError(paths.DATA, ["not found: the package runs from a checkout of the repository "
                                          "(its data/ folder beside src/); run `make` there first"])


def _check_paths(args):
    """An empty path given on the command line is refused: it would otherwise fall back silently
    on the default file or the current folder."""
    for option in ("data", "out", "published", "codebook"):
        value = getattr(args, option, None)
        if isinstance(value, str) and not value.strip():
            what = "a folder" if option == "out" and args.command in ("tables", "claims") else "a file"
            raise InputFileError(f"--{option} {value!r}", [f"the path is empty; expected {what}"])

