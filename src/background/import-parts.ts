// An import file arrives in parts (src/ui/import.ts sends them in order, one at a time; see
// IMPORT_LIMIT in src/messages.ts): they are put together here, and the file is handed over whole
// with its last part. Bounded: a few uploads at once, at most IMPORT_LIMIT.bytes characters each,
// and an upload left unfinished is forgotten after a while. No browser API, so it runs under Node.
import { IMPORT_LIMIT, ReplyError, type ImportPart } from '../messages';

interface Upload {
  parts: Array<string | undefined>;
  received: number;
  chars: number;
  touched: number;
}

const MB = (n: number): string => `${Math.round(n / 1_000_000)} MB`;

export class ImportParts {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly maxUploads = 4,
    private readonly staleMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one part; returns the whole file's text with its last part, else null. Throws a one-line reason. */
  put(part: ImportPart): string | null {
    const now = this.now();
    for (const [id, u] of this.uploads) if (now - u.touched > this.staleMs) this.uploads.delete(id);
    let upload = this.uploads.get(part.upload);
    if (!upload) {
      if (part.index !== 0) throw new ReplyError('the import was interrupted (the extension restarted while the file was sent); nothing was imported, please try again', { key: 'importProblem_interrupted', values: [] });
      if (this.uploads.size >= this.maxUploads) this.uploads.delete(this.uploads.keys().next().value!);
      upload = { parts: new Array<string | undefined>(part.count), received: 0, chars: 0, touched: now };
      this.uploads.set(part.upload, upload);
    }
    if (upload.parts.length !== part.count) throw this.drop(part.upload, 'the parts of the import file do not agree on their number; nothing was imported', 'importProblem_parts');
    if (upload.parts[part.index] === undefined) {
      upload.parts[part.index] = part.text;
      upload.received++;
      upload.chars += part.text.length;
    }
    upload.touched = now;
    if (upload.chars > IMPORT_LIMIT.bytes) throw this.drop(part.upload, `the file is larger than ${MB(IMPORT_LIMIT.bytes)}, the most that can be imported; nothing was imported`, 'importProblem_tooLarge', MB(IMPORT_LIMIT.bytes));
    if (upload.received < part.count) return null;
    this.uploads.delete(part.upload);
    return upload.parts.join('');
  }

  /** Parts received so far of an upload. */
  received(upload: string): number {
    return this.uploads.get(upload)?.received ?? 0;
  }

  /** Forgets an upload; the error carries the reason for the interface too (src/ui/problem.ts). */
  private drop(upload: string, why: string, key: string, ...values: string[]): Error {
    this.uploads.delete(upload);
    return new ReplyError(why, { key, values });
  }
}
