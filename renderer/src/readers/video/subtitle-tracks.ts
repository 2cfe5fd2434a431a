// A film's subtitle tracks as the player uses them: loaded once per film, the choice shown over the
// picture (one language, both at once, or none), and which track the transcript follows.
//
// Interface: useSubtitleTracks(api, path, preferLanguage) → { subs, tracks, choice, choices, pick,
// shown, transcriptCues, secondCues }. The cue arithmetic (which line is on screen) is in cues.ts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChangmunApi, SubtitleCue, SubtitleTrackData } from '../../../../main/api';
import { describeError } from '../common/ReaderError';
import { allChoices, defaultChoice, shownTracks, tidyTracks, type SubtitleChoice } from './cues';

export type Subs = { kind: 'loading' } | { kind: 'ready'; tracks: SubtitleTrackData[] } | { kind: 'error'; detail: string };

export interface SubtitleTracks {
  subs: Subs;
  tracks: SubtitleTrackData[];
  choice: SubtitleChoice;
  choices: SubtitleChoice[];
  pick: (c: SubtitleChoice) => void;
  /** Track indexes drawn over the picture, in drawing order. */
  shown: number[];
  /** The lines the transcript lists (the chosen track, or the last one chosen when subtitles are off). */
  transcriptCues: readonly SubtitleCue[];
  /** The other language under each transcript line, when both are shown. */
  secondCues: readonly SubtitleCue[] | undefined;
}

/** `preferLanguage`: the language of the search hit that opened the film, chosen first. */
export function useSubtitleTracks(api: ChangmunApi, path: string, preferLanguage: string | undefined): SubtitleTracks {
  const [subs, setSubs] = useState<Subs>({ kind: 'loading' });
  const [choice, setChoice] = useState<SubtitleChoice>({ kind: 'off' });
  const [lastTrack, setLastTrack] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .getSubtitles(path)
      .then((data) => {
        if (!live) return;
        const tidy = tidyTracks(data);
        setSubs({ kind: 'ready', tracks: tidy });
        const first = defaultChoice(tidy, preferLanguage);
        setChoice(first);
        if (first.kind === 'one') setLastTrack(first.track);
      })
      .catch((e: unknown) => live && setSubs({ kind: 'error', detail: describeError(e) }));
    return () => {
      live = false;
    };
    // The hit's language only picks the first choice: not a dependency.
  }, [api, path]);

  const tracks = useMemo(() => (subs.kind === 'ready' ? subs.tracks : []), [subs]);
  const choices = useMemo(() => allChoices(tracks), [tracks]);
  const pick = useCallback((c: SubtitleChoice) => {
    setChoice(c);
    if (c.kind === 'one') setLastTrack(c.track);
    if (c.kind === 'both') setLastTrack(c.first);
  }, []);
  const shown = useMemo(() => shownTracks(choice), [choice]);
  const transcriptTrack = choice.kind === 'one' ? choice.track : choice.kind === 'both' ? choice.first : lastTrack;
  const transcriptCues: readonly SubtitleCue[] = tracks[transcriptTrack]?.cues ?? NO_CUES;
  const secondCues = choice.kind === 'both' ? tracks[choice.second]?.cues : undefined;
  return { subs, tracks, choice, choices, pick, shown, transcriptCues, secondCues };
}

const NO_CUES: readonly SubtitleCue[] = [];
