// The film player's logic without a browser (renderer/src/readers/video/player-state.ts and
// video-keys.ts): a film never makes a sound by itself, opens at the hit's line paused, keeps the
// person's volume (starting low), and its keys do what the help line says and nothing where a key
// belongs to something else.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VOLUME, clampVolume, initialPlayer, openingPlan, placeToKeep, playerStep, seekTarget, stepVolume, volumePercent, type PlayerEvent,
  type PlayerState,
} from '../renderer/src/readers/video/player-state.js';
import { VIDEO_KEYS, videoKeyAction, type KeyPlace, type KeyPress, type PlayerHas } from '../renderer/src/readers/video/video-keys.js';

const run = (events: PlayerEvent[], volume?: number): PlayerState => events.reduce(playerStep, initialPlayer(volume));

describe('player state', () => {
  it('opened at a search hit: the frame at that line, paused, with the big play button; no event but play makes it play', () => {
    const s = run([{ type: 'metadata', durationMs: 36_000 }, { type: 'opened', atMs: 25_000, atHit: true }, { type: 'time', atMs: 25_000 }]);
    expect(s).toMatchObject({ phase: 'paused', atMs: 25_000, durationMs: 36_000, askToPlay: true, muted: false });
    // Seeking, volume, time going by: still paused, still asking.
    const after = [{ type: 'volume', volume: 0.5, muted: false }, { type: 'time', atMs: 26_000 }, { type: 'pause' }] as PlayerEvent[];
    expect(after.reduce(playerStep, s)).toMatchObject({ phase: 'paused', askToPlay: true });
    const played = playerStep(s, { type: 'play' });
    expect(played).toMatchObject({ phase: 'playing', askToPlay: false });
    expect(playerStep(played, { type: 'pause' }).phase).toBe('paused');
  });

  it('opened without a hit: paused, no big button (the controls play it)', () => {
    expect(run([{ type: 'metadata', durationMs: 10_000 }, { type: 'opened', atMs: 4_000, atHit: false }])).toMatchObject({ phase: 'paused', atMs: 4_000, askToPlay: false });
  });

  it('a play the browser refuses asks the person; an unplayable file fails and stays failed', () => {
    const playing = run([{ type: 'metadata', durationMs: 1000 }, { type: 'play' }]);
    expect(playerStep(playing, { type: 'play-refused' })).toMatchObject({ phase: 'paused', askToPlay: true });
    const failed = run([{ type: 'error' }, { type: 'pause' }, { type: 'metadata', durationMs: 5 }]);
    expect(failed.phase).toBe('failed');
    expect(run([{ type: 'metadata', durationMs: 1000 }, { type: 'play' }, { type: 'ended' }, { type: 'pause' }]).phase).toBe('ended');
  });

  it('the volume starts low, is the person\'s when they set one, and stays within 0–1', () => {
    expect(initialPlayer(undefined).volume).toBe(DEFAULT_VOLUME);
    expect(DEFAULT_VOLUME).toBeLessThanOrEqual(0.3);
    expect(initialPlayer(0.8).volume).toBe(0.8);
    expect(initialPlayer(Number.NaN).volume).toBe(DEFAULT_VOLUME);
    expect([clampVolume(-1), clampVolume(3)]).toEqual([0, 1]);
    expect(stepVolume(0.3, 1)).toBe(0.4);
    expect(stepVolume(0.3, -1)).toBe(0.2);
    expect(stepVolume(1, 1)).toBe(1);
    expect(stepVolume(0.05, -1)).toBe(0);
    expect(volumePercent({ volume: 0.3, muted: false })).toBe(30);
    expect(volumePercent({ volume: 0.3, muted: true })).toBe(0);
    expect(run([{ type: 'volume', volume: 0.6, muted: true }])).toMatchObject({ volume: 0.6, muted: true });
  });
});

describe('where a film opens', () => {
  it('at the hit\'s line, else at the remembered place inside the film, else at the start; never playing', () => {
    expect(openingPlan({ hitStartMs: 25_000, remembered: 5, durationS: 36 })).toEqual({ atMs: 25_000, atHit: true });
    expect(openingPlan({ remembered: 12, durationS: 36 })).toEqual({ atMs: 12_000, atHit: false });
    expect(openingPlan({ remembered: 40, durationS: 36 })).toEqual({ atMs: 0, atHit: false });
    expect(openingPlan({ remembered: 'epubcfi(/6/2)', durationS: 36 })).toEqual({ atMs: 0, atHit: false });
    expect(openingPlan({ durationS: Number.NaN })).toEqual({ atMs: 0, atHit: false });
    expect(openingPlan({ hitStartMs: 0, durationS: 36 })).toEqual({ atMs: 0, atHit: true });
  });

  it('seeks stay inside the film, and the very start is not a place worth keeping', () => {
    expect(seekTarget(2, -5, 36)).toBe(0);
    expect(seekTarget(34, 5, 36)).toBe(36);
    expect(seekTarget(34, 5, Number.NaN)).toBe(39);
    expect(placeToKeep(400)).toBeUndefined();
    expect(placeToKeep(12_600)).toBe(13);
  });
});

describe('the player\'s keys', () => {
  const free: KeyPlace = { typing: false, pressable: false, usesArrows: false, inTranscript: false };
  const film: PlayerHas = { video: true, hits: true, subtitleChoices: 3 };
  const press = (key: string, extra: Partial<KeyPress> = {}) => ({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...extra });

  it('does what the help line lists', () => {
    expect(videoKeyAction(press(' '), free, film)).toEqual({ kind: 'toggle' });
    expect(videoKeyAction(press('k'), free, film)).toEqual({ kind: 'toggle' });
    expect(videoKeyAction(press('ArrowLeft'), free, film)).toEqual({ kind: 'seek', byS: -5 });
    expect(videoKeyAction(press('ArrowRight'), free, film)).toEqual({ kind: 'seek', byS: 5 });
    expect(videoKeyAction(press('ArrowUp'), free, film)).toEqual({ kind: 'volume', direction: 1 });
    expect(videoKeyAction(press('ArrowDown'), free, film)).toEqual({ kind: 'volume', direction: -1 });
    expect(videoKeyAction(press('m'), free, film)).toEqual({ kind: 'mute' });
    expect(videoKeyAction(press('f'), free, film)).toEqual({ kind: 'fullscreen' });
    expect(videoKeyAction(press('c'), free, film)).toEqual({ kind: 'subtitles' });
    expect(videoKeyAction(press('n'), free, film)).toEqual({ kind: 'hit', direction: 1 });
    expect(videoKeyAction(press('N', { shiftKey: true }), free, film)).toEqual({ kind: 'hit', direction: -1 });
    expect(videoKeyAction(press('F3', { shiftKey: true }), free, film)).toEqual({ kind: 'hit', direction: -1 });
    // Every listed action is reachable by its first key.
    const first: Record<string, string> = { Space: ' ', '←': 'ArrowLeft', '↑': 'ArrowUp' };
    for (const { keys, action } of VIDEO_KEYS) expect(videoKeyAction(press(first[keys[0]!] ?? keys[0]!), free, film)?.kind).toBe(action);
  });

  it('leaves a key alone where it belongs to something else', () => {
    expect(videoKeyAction(press('k'), { ...free, typing: true }, film)).toBeNull();
    expect(videoKeyAction(press(' '), { ...free, pressable: true }, film)).toBeNull();
    expect(videoKeyAction(press('k'), { ...free, pressable: true }, film)).toEqual({ kind: 'toggle' });
    expect(videoKeyAction(press('ArrowLeft'), { ...free, usesArrows: true }, film)).toBeNull();
    expect(videoKeyAction(press('ArrowUp'), { ...free, inTranscript: true }, film)).toBeNull();
    expect(videoKeyAction(press('k', { ctrlKey: true }), free, film)).toBeNull();
    expect(videoKeyAction(press('n', { altKey: true }), free, film)).toBeNull();
  });

  it('without a picture, without hits or with one subtitle choice, those keys do nothing', () => {
    const transcriptOnly: PlayerHas = { video: false, hits: false, subtitleChoices: 1 };
    for (const key of [' ', 'k', 'ArrowLeft', 'ArrowUp', 'm', 'f', 'c', 'n']) expect(videoKeyAction(press(key), free, transcriptOnly)).toBeNull();
  });
});
