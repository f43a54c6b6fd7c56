import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../../../test/support/lectern.ts';
import {
  closeChildJournal,
  forgetChild,
  journalChild,
  openChildJournal,
  reapOrphanedChildren,
  type ProcessTable,
} from './childJournal.ts';

const scratches: Array<{ cleanup(): void }> = [];
afterEach(() => {
  closeChildJournal();
  scratches.splice(0).forEach((s) => s.cleanup());
});
function journalFolder(): string {
  const scratch = scratchDir('lectern-journal-');
  scratches.push(scratch);
  return scratch.dir;
}

function table(alive: Record<number, string | null>): ProcessTable & { killed: number[] } {
  const killed: number[] = [];
  return {
    killed,
    isAlive: (pid) => pid in alive,
    commandOf: (pid) => alive[pid] ?? null,
    kill: (pid) => void killed.push(pid),
  };
}

function leaveEntry(dir: string, owner: number, pid: number, binary = '/opt/lectern/ffmpeg'): void {
  writeFileSync(path.join(dir, `${owner}-${pid}.json`), JSON.stringify({ owner, pid, binary }));
}

describe('the FFmpeg child journal', () => {
  it('records a child while it runs and forgets it when it exits', () => {
    const dir = journalFolder();
    openChildJournal(dir);
    journalChild(4242, '/opt/lectern/ffmpeg');
    expect(readdirSync(dir)).toEqual([`${process.pid}-4242.json`]);
    forgetChild(4242);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('kills a child whose Lectern died, and only if it still runs our FFmpeg', () => {
    const dir = journalFolder();
    leaveEntry(dir, 900001, 111); // owner gone, child still FFmpeg: an orphan
    leaveEntry(dir, 900002, 222); // owner gone, pid reused by an editor: leave it alone
    leaveEntry(dir, 900003, 333); // owner gone, child gone
    leaveEntry(dir, 900004, 444); // owner alive (another Lectern at work): not ours to touch
    const processes = table({
      111: '/opt/lectern/ffmpeg -i lecture.mp4 -f f32le audio.raw',
      222: '/usr/bin/vim notes.txt',
      444: '/opt/lectern/ffmpeg -i other.mp4',
      900004: 'node lectern process',
    });
    expect(reapOrphanedChildren(dir, processes)).toEqual([111]);
    expect(processes.killed).toEqual([111]);
    expect(readdirSync(dir)).toEqual(['900004-444.json']);
  });

  it('throws away an entry it cannot read', () => {
    const dir = journalFolder();
    writeFileSync(path.join(dir, '1-2.json'), '{"owner":');
    expect(reapOrphanedChildren(dir, table({}))).toEqual([]);
    expect(existsSync(path.join(dir, '1-2.json'))).toBe(false);
  });
});
