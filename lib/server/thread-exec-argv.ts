/**
 * The flags a worker thread gets: none of npm start's (its heap size is the event loop's; each thread sets its
 * own), except `--cpu-prof*`, so that a profiled server (`BENCH_CPU_PROF=1`) writes a profile per thread and the
 * writer's and the export's work is seen, not only the event loop's.
 */
export function threadExecArgv(): string[] {
  return process.execArgv.filter((flag) => flag.startsWith("--cpu-prof"));
}
