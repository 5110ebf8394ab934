import { useEffect, useState } from 'react';
import type { FormScreenshot } from '../../utils/screenshots/screenshot-list';

/** One preview, with an object URL that lives as long as its blob is shown. */
export function ScreenshotThumbnail({ shot, alt }: { shot: FormScreenshot; alt: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const next = URL.createObjectURL(shot.blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [shot.blob]);
  return <img className="shots__thumb" src={url} alt={alt} data-testid="screenshot-thumb" />;
}
