/**
 * Notes: things an adapter did to the data that a user should know about but that are not errors
 * (an integer column with nulls handed to features as float64, for instance). Adapters report them
 * through an `onNote` callback; the run's report collects them.
 */

/** One thing an adapter changed on the way in or out. `code` is stable; `message` is for people. */
export interface AdapterNote {
  readonly code:
    | 'int-nulls-as-float64' | 'int-as-float64' | 'csv-numbers-as-utf8' | 'csv-dates-as-utf8' | 'csv-lossy-integer'
    | 'csv-leading-zeros' | 'csv-float-overflow' | 'csv-text-as-null' | 'json-lossy-integer' | 'cache-entry-lost'
    | 'cache-not-stored' | 'cache-no-version' | 'frame-cache-off' | 'partitions-read-whole';
  /** The column (or, for cache notes, the node) the note is about. */
  readonly column: string;
  readonly message: string;
}

/** Receives notes as they happen. */
export type NoteSink = (note: AdapterNote) => void;

/** Options every adapter that can produce notes accepts. */
export interface NoteOptions {
  readonly onNote?: NoteSink;
}
