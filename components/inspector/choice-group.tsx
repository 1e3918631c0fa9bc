'use client';

import { imageSrc } from '@/lib/inspector/build-security-responses';
import type { ChallengeImage } from '@/lib/inspector/views';

type Props = {
  name: string;
  prompt: string;
  options: readonly string[];
  multiple: boolean;
  images?: boolean;
  /** Inline images from the server, one per option (remote URLs are never used as a src). */
  imageSources?: readonly ChallengeImage[];
  errorId: string;
  invalid: boolean;
};

/** A radio or checkbox group whose accessible name is the prompt; image choices show the picture. */
export function ChoiceGroup({ name, prompt, options, multiple, images = false, imageSources, errorId, invalid }: Props) {
  const groupLabelId = `${name}-label`;
  return (
    <div
      role={multiple ? 'group' : 'radiogroup'}
      aria-labelledby={groupLabelId}
      aria-describedby={errorId}
      aria-invalid={invalid ? true : undefined}
      className="space-y-2"
    >
      <p id={groupLabelId} className="text-sm font-medium text-slate-800">
        {prompt}
      </p>
      <div className={images ? 'flex flex-wrap gap-3' : 'grid gap-2'}>
        {options.map((option, i) => (
          <label
            key={`${i}-${option.slice(0, 32)}`}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
          >
            <input type={multiple ? 'checkbox' : 'radio'} name={name} value={option} className="accent-indigo-600" />
            {images ? (
              <ChoiceImage name={imageChoiceName(i, options.length)} image={imageSources?.[i] ?? inlineOnly(option)} />
            ) : (
              <span className="break-words">{option}</span>
            )}
          </label>
        ))}
      </div>
    </div>
  );
}

function inlineOnly(option: string): ChallengeImage {
  const src = imageSrc(option);
  return src ? { src, problem: null } : { src: null, problem: 'The image was not loaded.' };
}

/**
 * "Image 2 of 4": its place among the choices, which is all Flinks gives about an ImageSelection
 * choice (§4.2: the Iterables are the images themselves), so a screen reader hears which one, and
 * how many, instead of four times "Image". A choice that could not be shown adds the reason.
 */
export function imageChoiceName(index: number, count: number): string {
  return `Image ${index + 1} of ${count}`;
}

function ChoiceImage({ name, image }: { name: string; image: ChallengeImage }) {
  if (image.src === null) {
    return (
      <span className="max-w-48 text-xs text-slate-700">
        {name}: {image.problem}
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- inline data: images only, nothing to optimise
    <img src={image.src} alt={name} width={64} height={64} className="h-16 w-16 rounded border border-slate-200 object-contain [image-rendering:pixelated]" />
  );
}
