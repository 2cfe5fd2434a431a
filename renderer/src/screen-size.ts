// Short windows (a netbook's 1024×600, a 1280×720 screen): the chrome gets slimmer so the page gets
// the height. The same limit is used in the style sheets (@media (max-height: 760px)).
import { useEffect, useState } from 'react';

export const SHORT_WINDOW_QUERY = '(max-height: 760px)';

export function useShortWindow(): boolean {
  const [short, setShort] = useState(() => window.matchMedia(SHORT_WINDOW_QUERY).matches);
  useEffect(() => {
    const list = window.matchMedia(SHORT_WINDOW_QUERY);
    const onChange = () => setShort(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return short;
}
