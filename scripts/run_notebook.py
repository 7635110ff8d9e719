#!/usr/bin/python3
"""Execute one notebook headless with Jupyter's own nbclient and write the executed copy.

Usage: run_notebook.py INPUT.ipynb OUTPUT.ipynb --cwd DIR [--kernel tslab] [--timeout SECONDS]
                       [--timing FILE]

tslab reports a failing cell as an error *reply* but writes the error text to the cell's stderr
stream (nbclient's CellExecutionError then has an empty message), so on failure this prints a
JSON object on the last line of stdout: {"failed": true, "cell": index, "cellId": id,
"source": ..., "error": stderr text}. The executed notebook (up to the failing cell) is written
either way, without per-cell timestamps (so that it is the same file from run to run); where the
time went (kernel start, each cell, shutdown) goes to the --timing file as JSON instead. Exit status: 0 ok, 1 a cell failed, 2 the kernel could not start or died.
"""
import argparse
import json
import sys
import time

T0 = time.monotonic()

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def stream_text(cell, name):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == name:
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append("%s: %s\n%s" % (out.get("ename", ""), out.get("evalue", ""), "\n".join(out.get("traceback", []))))
    return "".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--cwd", required=True)
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--timing")
    args = ap.parse_args()
    marks = {"imports": time.monotonic() - T0}
    cells = []  # [index, seconds], in execution order
    current = {"index": None, "t": None}

    def notebook_start(**_):
        marks["kernelReady"] = time.monotonic() - T0

    def cell_execute(cell, cell_index, **_):
        current["index"], current["t"] = cell_index, time.monotonic()

    def cell_executed(cell, cell_index, **_):
        cells.append([cell_index, time.monotonic() - current["t"]])

    nb = nbformat.read(args.input, as_version=4)
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        kernel_name=args.kernel,
        resources={"metadata": {"path": args.cwd}},
        allow_errors=False,
        record_timing=False,
        # The kernel is killed once the last cell ran: tslab lets its event loop drain after a
        # shutdown request, and an open browser connection keeps it alive for seconds.
        shutdown_kernel="immediate",
        on_notebook_start=notebook_start,
        on_cell_execute=cell_execute,
        on_cell_executed=cell_executed,
    )
    failure = None
    status = 0
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        status = 1
        # The failing cell is the last code cell nbclient sent to the kernel.
        index = current["index"]
        cell = nb.cells[index] if index is not None else {}
        text = stream_text(cell, "stderr").strip() if cell else ""
        if isinstance(err, CellTimeoutError):
            text = ("cell timed out after %d s\n" % args.timeout) + text
        failure = {
            "failed": True,
            "cell": index,
            "cellId": cell.get("id") if cell else None,
            "source": cell.get("source", "") if cell else "",
            "error": text or str(err).strip() or "(the kernel reported an error with no text)",
        }
    except DeadKernelError as err:
        status = 2
        failure = {"failed": True, "cell": None, "cellId": None, "source": "", "error": "kernel died: %s" % err}
    except Exception as err:  # kernel could not start, etc.
        status = 2
        failure = {"failed": True, "cell": None, "cellId": None, "source": "", "error": "%s: %s" % (type(err).__name__, err)}
    marks["executed"] = time.monotonic() - T0
    nbformat.write(nb, args.output)
    if args.timing:
        with open(args.timing, "w") as f:
            json.dump({"importsSeconds": marks["imports"], "kernelReadySeconds": marks.get("kernelReady"),
                       "executedSeconds": marks["executed"], "cells": cells}, f)
    if failure:
        print(json.dumps(failure))
    return status


if __name__ == "__main__":
    sys.exit(main())
