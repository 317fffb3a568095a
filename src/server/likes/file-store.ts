import { mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { LikeState, LikesStore } from './store';

export interface FileLikesStore extends LikesStore {
  /** Waits for the writes under way, then closes the log. */
  close(): Promise<void>;
}

export interface FileLikesOptions {
  /** Rewrite the log once it holds this many lines more than there are likes (default 10,000). */
  readonly compactAfter?: number;
}

interface Change {
  readonly productId: string;
  readonly shopper: string;
  readonly liked: boolean;
  readonly resolve: (state: LikeState) => void;
  readonly reject: (error: unknown) => void;
}

const NEWLINE = 0x0a;
const line = (productId: string, shopper: string, liked: boolean) => `${JSON.stringify({ p: productId, s: shopper, l: liked })}\n`;

/**
 * The embedded likes store for Node: `<dir>/likes.log`, one JSON line per change
 * (`{"p":"<product>","s":"<shopper>","l":true}`), replayed into memory when the store opens.
 * Why it is safe:
 *
 * - **Concurrent requests.** Every change goes through one queue in this process. The queue
 *   writes what has gathered as one append (the file is opened with O_APPEND, so each write
 *   lands at the end), waits for fsync, and only then updates the counts in memory and answers.
 *   Reads never see a like that is not on disk, and 200 likes at once are 200 likes: the
 *   decision "is this a change?" is taken in order, inside the queue, never by two requests
 *   racing on the same count. One fsync per batch, not per like, keeps that fast.
 * - **Crashes.** An answered change is on disk. A crash in the middle of an append leaves at
 *   most a torn last line, of changes never answered; on start it is cut off (every line ends
 *   in a newline, so the torn part is whatever follows the last one) before anything is
 *   appended after it, and any other unreadable line is skipped and logged.
 * - **Restarts.** The state is the log replayed in order, last change per shopper and product
 *   winning; a like set twice is a set member once.
 * - **Growth.** When the log holds `compactAfter` more lines than there are likes, it is
 *   rewritten as one line per like: written to `likes.log.compact`, fsync'd, renamed over
 *   `likes.log` (atomic on POSIX file systems: a crash leaves the old log or the new one, which
 *   replay to the same state) and the directory fsync'd so the rename itself survives.
 *
 * One process per data directory: a second process would append to the same log but keep its
 * own counts in memory. Several instances share a store instead (store.ts says how).
 */
export function fileLikesStore(dir: string, options: FileLikesOptions = {}): FileLikesStore {
  const path = join(dir, 'likes.log');
  const compactPath = `${path}.compact`;
  const compactAfter = options.compactAfter ?? 10_000;
  const likes = new Map<string, Set<string>>();
  let likeCount = 0;
  let lineCount = 0;
  /** Bytes of the log that are whole lines: where a failed append is cut back to. */
  let size = 0;
  let log: FileHandle;
  let queue: Change[] = [];
  let writing: Promise<void> | undefined;
  /** Set when the log can no longer be trusted to match memory; every later change fails. */
  let broken: unknown;

  const apply = (productId: string, shopper: string, liked: boolean) => {
    let shoppers = likes.get(productId);
    if (liked && !shoppers?.has(shopper)) {
      if (!shoppers) likes.set(productId, (shoppers = new Set()));
      shoppers.add(shopper);
      likeCount += 1;
    } else if (!liked && shoppers?.delete(shopper)) {
      likeCount -= 1;
      if (shoppers.size === 0) likes.delete(productId);
    }
  };
  const isLiked = (productId: string, shopper: string) => likes.get(productId)?.has(shopper) ?? false;

  const ready = (async () => {
    await mkdir(dir, { recursive: true });
    // A compaction that crashed before its rename: the log itself is whole.
    await unlink(compactPath).catch(() => {});
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      bytes = Buffer.alloc(0);
    }
    // UTF-8 never uses the newline byte inside a character, so this is the end of the last whole line.
    size = bytes.lastIndexOf(NEWLINE) + 1;
    let unreadable = 0;
    for (const text of bytes.subarray(0, size).toString('utf8').split('\n')) {
      if (text === '') continue;
      lineCount += 1;
      const entry = parseLine(text);
      if (entry) apply(entry.p, entry.s, entry.l);
      else unreadable += 1;
    }
    if (unreadable) console.error(`[fanshop] ${path}: skipped ${unreadable} unreadable line(s)`);
    log = await open(path, 'a');
    if (bytes.length > size) {
      // The torn end of an append that crashed; it was never answered.
      console.warn(`[fanshop] ${path}: cut off an unfinished last line (${bytes.length - size} bytes) left by a crash`);
      await log.truncate(size);
      await log.sync();
    }
    if (bytes.length === 0) await syncDirectory(dir);
  })();
  // Said once at start; every later read or change fails with the same error (answered 503).
  ready.catch((error) => console.error(`[fanshop] cannot open ${path}; likes are refused (check FANSHOP_DATA_DIR):`, error));

  /** Writes what has gathered in the queue, batch after batch, until it is empty. */
  async function writeQueued(): Promise<void> {
    await ready.catch(() => {});
    for (;;) {
      // Looked at and cleared in one step: a change queued after this starts a new run.
      if (!queue.length) return void (writing = undefined);
      const batch = queue;
      queue = [];
      try {
        await ready;
        if (broken) throw broken;
        // Decide each change in order against the state after the ones before it.
        const next = new Map<string, { productId: string; shopper: string; liked: boolean }>();
        let text = '';
        for (const { productId, shopper, liked } of batch) {
          const key = `${productId}\n${shopper}`;
          const current = next.get(key)?.liked ?? isLiked(productId, shopper);
          if (current === liked) continue;
          next.set(key, { productId, shopper, liked });
          text += line(productId, shopper, liked);
        }
        if (text) await append(text, text.split('\n').length - 1);
        // The last change per shopper and product is the state (apply is idempotent).
        for (const { productId, shopper, liked } of next.values()) apply(productId, shopper, liked);
        for (const change of batch) change.resolve({ count: likes.get(change.productId)?.size ?? 0, liked: isLiked(change.productId, change.shopper) });
      } catch (error) {
        for (const change of batch) change.reject(error);
        continue;
      }
      if (lineCount - likeCount >= compactAfter) await compact();
    }
  }

  async function append(text: string, lines: number) {
    const bytes = Buffer.from(text, 'utf8');
    try {
      await log.appendFile(bytes);
      await log.sync();
    } catch (error) {
      // Cut a partial append back off, so the next one starts on a line of its own.
      try {
        await log.truncate(size);
      } catch (cut) {
        broken = cut;
      }
      throw error;
    }
    size += bytes.length;
    lineCount += lines;
  }

  async function compact() {
    let text = '';
    for (const [productId, shoppers] of likes) for (const shopper of shoppers) text += line(productId, shopper, true);
    const bytes = Buffer.from(text, 'utf8');
    try {
      const out = await open(compactPath, 'w');
      try {
        await out.writeFile(bytes);
        await out.sync();
      } finally {
        await out.close();
      }
      await rename(compactPath, path);
    } catch (error) {
      console.error(`[fanshop] could not compact ${path}; it keeps growing until the next try:`, error);
      await unlink(compactPath).catch(() => {});
      return;
    }
    try {
      await syncDirectory(dir);
      const previous = log;
      log = await open(path, 'a');
      await previous.close();
      size = bytes.length;
      lineCount = likeCount;
    } catch (error) {
      broken = error;
      console.error(`[fanshop] ${path} was compacted but cannot be reopened; likes are refused until the server restarts:`, error);
    }
  }

  return {
    setLike(productId, shopper, liked) {
      return new Promise<LikeState>((resolve, reject) => {
        queue.push({ productId, shopper, liked, resolve, reject });
        writing ??= writeQueued();
      });
    },
    async counts(productIds) {
      await ready;
      return Object.fromEntries(productIds.map((id) => [id, likes.get(id)?.size ?? 0]));
    },
    async likedBy(shopper, productIds) {
      await ready;
      return productIds.filter((id) => isLiked(id, shopper));
    },
    async close() {
      await ready.catch(() => {});
      while (writing) await writing;
      await log?.close();
    },
  };
}

function parseLine(text: string): { p: string; s: string; l: boolean } | undefined {
  try {
    const entry: unknown = JSON.parse(text);
    if (typeof entry !== 'object' || entry === null) return undefined;
    const { p, s, l } = entry as Record<string, unknown>;
    return typeof p === 'string' && typeof s === 'string' && typeof l === 'boolean' ? { p, s, l } : undefined;
  } catch {
    return undefined;
  }
}

/** Makes a new or renamed directory entry durable. Not possible on Windows, where it is skipped. */
async function syncDirectory(dir: string) {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}
