#!/usr/bin/env bash
# The Makefile's SHELL. Runs one recipe line (`-c LINE`, as make passes it) in a process group of its
# own and, when it is interrupted (INT, TERM or HUP: Ctrl-C, `kill` of make, which sends TERM on to its
# children, a CI runner's cancel), passes the signal to that whole group, so that no child outlives its
# target: the line's Python, its subprocesses (pytest's builds, a browser). A group that is still there
# ten seconds later is killed. The line's exit code is the recipe's.
set -m # job control: the job started below gets a process group of its own
/bin/sh "$@" &
child=$!
stop() { # $1: the signal, $2: the exit code
  kill "-$1" -- "-$child" 2>/dev/null
  (sleep 10 && kill -KILL -- "-$child" 2>/dev/null) &
  wait "$child" 2>/dev/null
  exit "$2"
}
trap 'stop INT 130' INT
trap 'stop TERM 143' TERM
trap 'stop HUP 129' HUP
wait "$child"
