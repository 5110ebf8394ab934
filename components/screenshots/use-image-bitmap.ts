import { useEffect, useState } from 'react';

/**
 * Decodes `blob` for drawing, and closes the bitmap when the blob changes or the component goes
 * away (a decode that finishes after that is closed at once). `failed` when it cannot be decoded.
 */
export function useImageBitmap(blob: Blob): { bitmap: ImageBitmap | undefined; failed: boolean } {
  const [bitmap, setBitmap] = useState<ImageBitmap>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let loaded: ImageBitmap | undefined;
    createImageBitmap(blob).then(
      (result) => {
        loaded = result;
        if (live) setBitmap(result);
        else result.close();
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      loaded?.close();
    };
  }, [blob]);
  return { bitmap, failed };
}
