import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * A file per running FFmpeg, so the next Lectern can stop what a crashed one left behind. Node has no
 * PR_SET_PDEATHSIG: when the app or the CLI is killed (SIGKILL, a power-off of the terminal, a crash in native code),
 * its FFmpeg children are re-parented and keep decoding a two-hour lecture into a temp folder nobody reads.
 */
let journalDir: string | null = null;

const entrySchema = z.object({ owner: z.number().int(), pid: z.number().int(), binary: z.string() });
type JournalEntry = z.infer<typeof entrySchema>;

/** Starts journalling this process's children into `dir` (one per data folder, so CLI and app share it). */
export function openChildJournal(dir: string): void {
  mkdirSync(dir, { recursive: true });
  journalDir = dir;
}

export function closeChildJournal(): void {
  journalDir = null;
}

function entryFile(dir: string, owner: number, pid: number): string {
  return path.join(dir, `${owner}-${pid}.json`);
}

export function journalChild(pid: number, binary: string): void {
  if (!journalDir) return;
  const entry: JournalEntry = { owner: process.pid, pid, binary };
  try {
    writeFileSync(entryFile(journalDir, process.pid, pid), JSON.stringify(entry));
  } catch {
    // The journal only helps clean up after a crash; a full disk must not stop the work itself.
  }
}

export function forgetChild(pid: number): void {
  if (!journalDir) return;
  rmSync(entryFile(journalDir, process.pid, pid), { force: true });
}

export interface ProcessTable {
  isAlive(pid: number): boolean;
  /** The command line of `pid`, or null when it cannot be read (gone, or a platform where we cannot check). */
  commandOf(pid: number): string | null;
  kill(pid: number): void;
}

/**
 * Stops children whose Lectern is gone. A pid is only killed if it still runs the binary we started: pids are
 * reused, and killing a stranger's process would be far worse than leaving an FFmpeg running.
 */
export function reapOrphanedChildren(dir: string, processes: ProcessTable = systemProcessTable): number[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const reaped: number[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let entry: JournalEntry;
    try {
      entry = entrySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      rmSync(file, { force: true });
      continue;
    }
    if (entry.owner === process.pid || processes.isAlive(entry.owner)) continue;
    const command = processes.isAlive(entry.pid) ? processes.commandOf(entry.pid) : null;
    if (command !== null && command.includes(path.basename(entry.binary))) {
      processes.kill(entry.pid);
      reaped.push(entry.pid);
    }
    rmSync(file, { force: true });
  }
  return reaped;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandOf(pid: number): string | null {
  try {
    if (process.platform === 'linux') return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    if (process.platform === 'darwin') {
      return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim() || null;
    }
    // Windows: tasklist shows only the image name, which a reused pid may share; leave the process alone.
    return null;
  } catch {
    return null;
  }
}

export const systemProcessTable: ProcessTable = {
  isAlive,
  commandOf,
  kill: (pid) => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone between the check and the kill.
    }
  },
};
