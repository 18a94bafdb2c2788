// Sending an import file to the background: a file over the limit is refused before it is read,
// with a message in the reader's language naming its size and the limit; a file under it is read in
// slices and sent in parts (IMPORT_LIMIT in src/messages.ts), never as one message over the
// browser's message size. No browser API besides Blob, so it runs under Node in tests.
import { IMPORT_LIMIT, type ImportPart, type ImportReply } from '../messages';
import type { MessageKey } from './i18n';

export type Translate = (key: MessageKey, ...values: Array<string | number>) => string;
export type ImportFile = Pick<Blob, 'size' | 'slice'> & { name: string };

/** Megabytes as the reader reads them: 40 MB, 0.5 MB. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** Why this file cannot be imported before reading it, in the reader's language, or null. */
export function importSizeProblem(file: ImportFile, t: Translate): string | null {
  return file.size > IMPORT_LIMIT.bytes ? t('importTooLarge', megabytes(file.size), megabytes(IMPORT_LIMIT.bytes)) : null;
}

/**
 * Reads a file in slices of just under `partChars` bytes (decoded as a stream, so a character is
 * never cut in two; the up to 3 bytes carried to the next slice keep it within `partChars`) and
 * sends each slice as one part; the reply to the last part is the import's result.
 */
export async function sendImportFile(file: ImportFile, post: (part: ImportPart) => Promise<ImportReply>, t: Translate, partBytes: number = IMPORT_LIMIT.partChars - 4): Promise<{ added: number; skipped: number }> {
  const problem = importSizeProblem(file, t);
  if (problem) throw new Error(problem);
  const count = Math.max(1, Math.ceil(file.size / partBytes));
  const upload = `u${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const decoder = new TextDecoder('utf-8');
  let reply: ImportReply = { done: false, received: 0 };
  for (let index = 0; index < count; index++) {
    const bytes = await file.slice(index * partBytes, (index + 1) * partBytes).arrayBuffer();
    // a UTF-8 slice decodes to at most as many UTF-16 characters as it has bytes
    const text = decoder.decode(bytes, { stream: index < count - 1 });
    reply = await post({ upload, index, count, text });
  }
  if (!reply.done) throw new Error('the import did not finish; nothing was imported');
  return { added: reply.added, skipped: reply.skipped };
}
