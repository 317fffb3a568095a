import { parseArgs } from 'node:util';
import { REVIEW_STATUSES, type Review, type ReviewStatus } from '../server/reviews/store';
import type { CliIo } from './commands';
import { openCliData } from './data';

export const REVIEWS_USAGE =
  'Usage: fanshop reviews list [--status published|pending|hidden] [--product <id>] [--json]\n' +
  '       fanshop reviews hide <review-id>      (never shown again anywhere public)\n' +
  '       fanshop reviews approve <review-id>   (published: shown on the shop, its pages and the feed)\n';

/**
 * `fanshop reviews`: the merchant's moderation from the command line (the studio's Reviews does the same), on the database the
 * server uses (cli/data.ts): `list` the reviews, newest first; `hide` one, or `approve` one held
 * by FANSHOP_REVIEWS_MODERATION=hold (or hidden before). A change is live at once: the server
 * reads reviews from the database on every answer.
 */
export async function reviewsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') return list(rest, io);
  if ((action === 'hide' || action === 'approve') && rest.length === 1 && rest[0]) return decide(rest[0], action === 'hide' ? 'hidden' : 'published', io);
  io.stderr(REVIEWS_USAGE);
  return 2;
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  let values: { status?: string; product?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ args: [...args], options: { status: { type: 'string' }, product: { type: 'string' }, json: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${REVIEWS_USAGE}`);
    return 2;
  }
  const status = values.status;
  if (status !== undefined && !REVIEW_STATUSES.includes(status as ReviewStatus)) {
    io.stderr(`--status must be one of ${REVIEW_STATUSES.join(', ')}, got "${status}"\n`);
    return 2;
  }
  const data = await openCliData(io);
  if (!data) return 1;
  try {
    const reviews = (await data.reviews.allReviews(status ? [status as ReviewStatus] : undefined)).filter((r) => values.product === undefined || r.productId === values.product);
    if (values.json) {
      io.stdout(`${JSON.stringify(reviews, null, 2)}\n`);
      return 0;
    }
    if (!reviews.length) {
      io.stdout('No reviews.\n');
      return 0;
    }
    io.stdout(reviews.map(line).join(''));
    const pending = reviews.filter((r) => r.status === 'pending').length;
    io.stdout(`${reviews.length} review${reviews.length === 1 ? '' : 's'}${pending ? `, ${pending} pending (approve with: fanshop reviews approve <id>)` : ''}\n`);
    return 0;
  } finally {
    await data.close();
  }
}

async function decide(id: string, status: ReviewStatus, io: CliIo): Promise<number> {
  const data = await openCliData(io);
  if (!data) return 1;
  try {
    const review = await data.reviews.setReviewStatus(id, status);
    if (!review) {
      io.stderr(`✖ no review has the id "${id}"; see them with: fanshop reviews list\n`);
      return 1;
    }
    io.stdout(`${status === 'hidden' ? 'Hidden' : 'Published'}: ${line(review)}`);
    return 0;
  } finally {
    await data.close();
  }
}

/** One review on one line: when, stars, status, what was bought, who, the start of the text, the id. */
function line(review: Review): string {
  const stars = '★'.repeat(review.rating) + '☆'.repeat(5 - review.rating);
  const item = review.variantId ? `${review.productId}/${review.variantId}` : review.productId;
  const text = review.text ? JSON.stringify(review.text.length > 60 ? `${review.text.slice(0, 59)}…` : review.text) : '-';
  return `${review.createdAt.slice(0, 16).replace('T', ' ')}  ${stars}  ${review.status.padEnd(9)}  ${item}  ${review.name ?? '-'}  ${text}  ${review.id}\n`;
}
