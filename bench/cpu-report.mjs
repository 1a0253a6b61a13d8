// Preloaded (node --import) into each process bench/cli.bench.ts times: at
// exit it writes the process's CPU time (user + system, microseconds, all
// threads) to the file named by CAPE_BENCH_CPU, so a start-up is measured
// in CPU, which other load on the machine disturbs far less than wall time.
import { writeFileSync } from 'node:fs';

const file = process.env.CAPE_BENCH_CPU;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, String(user + system));
  });
}
