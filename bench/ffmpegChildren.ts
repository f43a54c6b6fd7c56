import { readdirSync, readFileSync } from 'node:fs';

/*
 * Watching the FFmpeg processes a benchmark run starts, from outside it (Linux /proc), for their lifetimes and memory.
 */

export interface FfmpegRun {
  pid: number;
  args: string[];
  firstSeen: number;
  lastSeen: number;
  peakKb: number;
}

export interface MemorySample {
  at: number;
  /** All FFmpeg children's resident memory at that moment. */
  rssKb: number;
}

/** Direct children of `pid`: spawned from any of its threads, so every thread's list is read. */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** VmHWM and VmRSS; null once the process is gone (a zombie has neither). */
function memoryOf(pid: number): { hwmKb: number; rssKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /^VmHWM:\s+(\d+)/m.exec(status);
    const rss = /^VmRSS:\s+(\d+)/m.exec(status);
    return hwm && rss ? { hwmKb: Number(hwm[1]), rssKb: Number(rss[1]) } : null;
  } catch {
    return null;
  }
}

/**
 * Samples the FFmpeg processes a child starts, from outside it so the measured process does no extra work: their
 * lifetimes (to the sampling interval) and memory. Linux only; elsewhere nothing is seen. A child's command line is
 * read until it shows FFmpeg, because right after fork it is still Node's.
 */
export function watchFfmpegChildren(pid: number, intervalMs = 50) {
  const runs = new Map<number, FfmpegRun>();
  const samples: MemorySample[] = [];
  const timer = setInterval(() => {
    const at = Date.now();
    let rssKb = 0;
    for (const child of childPids(pid)) {
      let run = runs.get(child);
      if (!run) {
        let args: string[];
        try {
          args = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean);
        } catch {
          continue;
        }
        if (!/ff(mpeg|probe)[^/]*$/.test(args[0] ?? '')) continue;
        run = { pid: child, args, firstSeen: at, lastSeen: at, peakKb: 0 };
        runs.set(child, run);
      }
      const memory = memoryOf(child);
      if (!memory) continue;
      run.lastSeen = at;
      run.peakKb = Math.max(run.peakKb, memory.hwmKb);
      rssKb += memory.rssKb;
    }
    samples.push({ at, rssKb });
  }, intervalMs);
  return {
    stop(): { runs: FfmpegRun[]; samples: MemorySample[] } {
      clearInterval(timer);
      return { runs: [...runs.values()], samples };
    },
  };
}
