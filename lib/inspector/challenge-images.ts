import type { ChallengeImageResult } from '@/lib/flinks/challenge-image';
import { imageSrc, widgetFor } from './build-security-responses';
import type { ChallengeImage, ChallengeView } from './views';

/**
 * Gives each ImageSelection choice an inline image before the challenges go to the browser:
 * base64 and data: values as they are, http(s) URLs fetched by the server (through the Flinks
 * client, the only code that talks to Flinks' hosts). A failed image becomes a reason in words;
 * the choice stays answerable, since its value is what is sent back.
 */
export async function withChallengeImages(
  views: ChallengeView[],
  fetchImage: (url: string) => Promise<ChallengeImageResult>,
): Promise<ChallengeView[]> {
  return Promise.all(
    views.map(async (view) => {
      if (widgetFor(view) !== 'image-radio') return view;
      const images = await Promise.all(view.iterables.map((value) => imageOf(value, fetchImage)));
      return { ...view, images };
    }),
  );
}

async function imageOf(value: string, fetchImage: (url: string) => Promise<ChallengeImageResult>): Promise<ChallengeImage> {
  const inline = imageSrc(value);
  if (inline) return { src: inline, problem: null };
  if (!/^https?:\/\//i.test(value.trim())) return { src: null, problem: 'this image type is not shown' };
  const fetched = await fetchImage(value.trim());
  return fetched.ok ? { src: fetched.dataUri, problem: null } : { src: null, problem: `The image could not be loaded: ${fetched.problem}.` };
}
