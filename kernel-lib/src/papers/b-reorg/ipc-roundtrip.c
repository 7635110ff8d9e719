/*
 * Paper B's sniffer passes each leaf-chain event through shared memory to the monitor, another
 * process (§3, Fig. 2). This measures what one such hand-off costs on this machine: an event
 * written into a shared-memory page, the monitor process woken (futex), and control back to the
 * producer, with both processes on ONE CPU (the paper ran on a one-disk Linux PC of about 2005,
 * a single-core machine), so every hand-off is a context switch each way, as it was there.
 * A pipe ping-pong (write/read of the 32-byte event) is measured the same way as a cross-check.
 *
 * Usage: ipc-roundtrip [roundTripsPerBatch] [batches]   → one JSON line on stdout:
 *   {"cpu":0,"roundTrips":N,"futexRoundTripNs":[…per batch…],"pipeRoundTripNs":[…]}
 * Built and run by measure-ipc.ts (which writes data/b-reorg/ipc.json).
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct shm {
  _Atomic int turn; /* 0: producer's turn, 1: monitor's turn, 2: stop */
  int event[8];     /* kind, page, low key, prev, next, … (the sniffer's event) */
};

static void futex_wait(_Atomic int *a, int v) {
  while (atomic_load(a) == v) syscall(SYS_futex, a, FUTEX_WAIT, v, NULL, NULL, 0);
}
static void futex_wake(_Atomic int *a) { syscall(SYS_futex, a, FUTEX_WAKE, 1, NULL, NULL, 0); }

static void pin(int cpu) {
  cpu_set_t s;
  CPU_ZERO(&s);
  CPU_SET(cpu, &s);
  if (sched_setaffinity(0, sizeof s, &s) != 0) { perror("sched_setaffinity"); exit(2); }
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 20000;
  int batches = argc > 2 ? atoi(argv[2]) : 5;
  if (n < 1 || batches < 1 || batches > 100) { fprintf(stderr, "usage: ipc-roundtrip [roundTrips >= 1] [batches 1..100]\n"); return 2; }
  int cpu = sched_getcpu();
  double fut[100], pip[100];

  /* futex hand-off through a shared page */
  struct shm *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) { perror("mmap"); return 2; }
  atomic_store(&m->turn, 0);
  pid_t c = fork();
  if (c == 0) {
    pin(cpu);
    volatile int sink = 0;
    for (;;) {
      futex_wait(&m->turn, 0);
      if (atomic_load(&m->turn) == 2) _exit(0);
      sink += m->event[1];
      atomic_store(&m->turn, 0);
      futex_wake(&m->turn);
    }
  }
  pin(cpu);
  for (int b = 0; b < batches; b++) {
    double t0 = now_ns();
    for (int i = 0; i < n; i++) {
      m->event[0] = 0; m->event[1] = i; m->event[2] = i;
      atomic_store(&m->turn, 1);
      futex_wake(&m->turn);
      futex_wait(&m->turn, 1);
    }
    fut[b] = (now_ns() - t0) / n;
  }
  atomic_store(&m->turn, 2);
  futex_wake(&m->turn);
  waitpid(c, NULL, 0);

  /* pipe ping-pong of the same 32-byte event */
  int up[2], down[2];
  if (pipe(up) || pipe(down)) { perror("pipe"); return 2; }
  c = fork();
  if (c == 0) {
    pin(cpu);
    close(up[1]);
    close(down[0]);
    int ev[8];
    for (;;) {
      if (read(up[0], ev, sizeof ev) != sizeof ev) _exit(0);
      if (write(down[1], ev, sizeof ev) != sizeof ev) _exit(1);
    }
  }
  close(up[0]);
  close(down[1]);
  int ev[8];
  memset(ev, 0, sizeof ev);
  for (int b = 0; b < batches; b++) {
    double t0 = now_ns();
    for (int i = 0; i < n; i++) {
      ev[1] = i;
      if (write(up[1], ev, sizeof ev) != sizeof ev || read(down[0], ev, sizeof ev) != sizeof ev) { perror("pipe io"); return 2; }
    }
    pip[b] = (now_ns() - t0) / n;
  }
  close(up[1]);
  waitpid(c, NULL, 0);

  printf("{\"cpu\":%d,\"roundTrips\":%d,\"futexRoundTripNs\":[", cpu, n);
  for (int b = 0; b < batches; b++) printf("%s%.1f", b ? "," : "", fut[b]);
  printf("],\"pipeRoundTripNs\":[");
  for (int b = 0; b < batches; b++) printf("%s%.1f", b ? "," : "", pip[b]);
  printf("]}\n");
  return 0;
}
