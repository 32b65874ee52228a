import Bowser from 'bowser';

const PLATFORM_LABELS: Record<string, string> = { mobile: '手機', tablet: '平板', desktop: '電腦' };

/**
 * What a person recognises of a session's user agent: the browser and the system, e.g. 「Chrome／Android 手機」.
 * Null when the text names neither (a script, an empty header).
 */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName();
  const system = parser.getOSName();
  if (!browser && !system) return null;
  const platform = PLATFORM_LABELS[parser.getPlatformType()];
  const where = [system, platform].filter(Boolean).join(' ');
  return [browser, where].filter(Boolean).join('／');
}
