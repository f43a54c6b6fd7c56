import { useRef, useState, type DragEvent } from 'react';
import { lecternApi } from '../ipc/api.ts';
import { addLectures } from '../ipc/jobCommands.ts';
import { lectureFileAccept, sortLectureFiles } from '../lectureFiles.ts';
import { useJobsStore } from '../stores/jobsStore.ts';

function offerLectures(files: File[]): void {
  const { paths, refused } = sortLectureFiles(files, (file) => lecternApi().pathForFile(file));
  if (refused.length > 0) {
    useJobsStore
      .getState()
      .addNotices(refused.map(({ name, reason }) => ({ title: `${name} was not added`, detail: reason })));
  }
  if (paths.length > 0) void addLectures(paths);
}

export function DropZone() {
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  function allowDrop(event: DragEvent<HTMLElement>): void {
    event.preventDefault();
    setDragging(true);
  }

  function leave(event: DragEvent<HTMLElement>): void {
    // dragleave also fires when the pointer moves onto a child; only leaving the zone itself counts.
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDragging(false);
  }

  function drop(event: DragEvent<HTMLElement>): void {
    event.preventDefault();
    setDragging(false);
    offerLectures(Array.from(event.dataTransfer.files));
  }

  return (
    <section
      className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
      aria-labelledby="drop-zone-title"
      onDragEnter={allowDrop}
      onDragOver={allowDrop}
      onDragLeave={leave}
      onDrop={drop}
    >
      <h2 id="drop-zone-title">Add lecture recordings</h2>
      <p>Drop video or audio files here, or choose them from your computer.</p>
      <button type="button" onClick={() => picker.current?.click()}>
        Choose recordings…
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        accept={lectureFileAccept}
        aria-label="Lecture recordings"
        onChange={(event) => {
          offerLectures(Array.from(event.currentTarget.files ?? []));
          // Lets the same file be chosen again after it was refused or removed.
          event.currentTarget.value = '';
        }}
      />
    </section>
  );
}
