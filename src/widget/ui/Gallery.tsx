import { useEffect, useState } from 'preact/hooks';
import type { ProductImage } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import { useShop } from '../shop/context';

/**
 * The main image and, for several, thumbnails that switch it. `shown`: the image the chosen
 * options point at (a colour's picture); choosing another option shows its image.
 */
export function Gallery(props: { images: readonly ProductImage[]; shown?: number | undefined }) {
  const shop = useShop();
  const fallback = shop.store.getState().catalog!.shop.defaultLocale;
  const [index, setIndex] = useState(props.shown ?? 0);
  useEffect(() => {
    if (props.shown !== undefined) setIndex(props.shown);
  }, [props.shown]);
  const image = props.images[index] ?? props.images[0];
  if (!image) return <div class="gallery"><div class="gallery-main card-image" /></div>;
  return (
    <div class="gallery" part="gallery" role="group" aria-label={shop.t.gallery}>
      <img class="gallery-main" part="gallery-image" src={image.src} alt={localize(image.alt, shop.locale, fallback)} width={image.width} height={image.height} />
      {props.images.length > 1 && (
        <div class="thumbs">
          {props.images.map((img, i) => (
            <button key={img.src + i} type="button" class="thumb" part="thumbnail" aria-pressed={i === index} aria-label={shop.t.showImage(i + 1, props.images.length)} onClick={() => setIndex(i)}>
              <img src={img.src} alt="" width={img.width} height={img.height} loading="lazy" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
