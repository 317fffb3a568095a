import type { ProductReviews } from '../reviews/product-reviews';
import { html, type Html } from './html';
import type { PageLanguage } from './page-locale';
import { pageMessages } from './page-messages';

const stars = (rating: number) => '★'.repeat(Math.round(rating)) + '☆'.repeat(5 - Math.round(rating));

/**
 * The reviews a product page shows in its plain body (the copy crawlers and readers without
 * JavaScript read), the same its JSON-LD marks up: the average and the newest few, each text
 * escaped by the html template. Stars are drawn for the eye and said in words for the ear.
 */
export function reviewsSection(reviews: ProductReviews, language: PageLanguage): Html {
  const t = pageMessages[language];
  const average = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(reviews.aggregate.average);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const items = reviews.latest.map(
    (r) => html`
              <li>
                <p><span aria-hidden="true">${stars(r.rating)}</span><span class="visually-hidden">${t.stars(r.rating)}</span> ${r.name ? `${r.name} · ` : ''}${t.verifiedBuyer} · <time datetime="${r.createdAt.slice(0, 10)}">${date.format(new Date(r.createdAt))}</time></p>${r.text ? html`\n                <p class="review-text">${r.text}</p>` : ''}
              </li>`,
  );
  return html`          <section class="reviews" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">${t.reviewsHeading}</h2>
            <p class="rating"><span aria-hidden="true">★ ${average} (${reviews.aggregate.count})</span><span class="visually-hidden">${t.ratingSummary(average, reviews.aggregate.count)}</span></p>
            <ul>${items}
            </ul>
          </section>
`;
}
