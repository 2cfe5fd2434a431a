// What is inside a film, read two ways: by ffprobe, and from the container itself (for volunteers
// without ffmpeg). Both must agree on real files made by ffmpeg, and on which ones Electron plays.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfprobe, playVerdict, probeContainer, probeMedia } from '../main/core/drive-build/media-probe.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';
import { mp4WithAc3Audio, removeTemps, tempDir } from './helpers/volunteer.js';

const ffmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!ffmpeg) console.warn('[changmun tests] ffmpeg is not installed: films made by ffmpeg are not probed (CI installs it).');

let tmp: string;
const made: Record<string, string> = {};

/** [file name, ffmpeg codec arguments, video codec, audio codec, plays?] */
const FILMS: [string, string[], string, string, 'plays' | 'wont-play'][] = [
  ['h264-aac.mp4', ['-c:v', 'libx264', '-c:a', 'aac'], 'h264', 'aac', 'plays'],
  ['vp9-opus.webm', ['-c:v', 'libvpx-vp9', '-c:a', 'libopus'], 'vp9', 'opus', 'plays'],
  ['mpeg4-ac3.mp4', ['-c:v', 'mpeg4', '-c:a', 'ac3'], 'mpeg4', 'ac3', 'wont-play'],
  ['h264-dts.mkv', ['-c:v', 'libx264', '-c:a', 'dca', '-strict', '-2'], 'h264', 'dts', 'wont-play'],
];

beforeAll(() => {
  tmp = tempDir('changmun-media-');
  if (!ffmpeg) return;
  for (const [name, codecs] of FILMS) {
    const out = path.join(tmp, name);
    const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '3', ...codecs, out]);
    if (r.status === 0) made[name] = out;
  }
}, 120_000);
afterAll(() => removeTemps());

describe.skipIf(!ffmpeg)('films made by ffmpeg', () => {
  it.each(FILMS)('%s: the container reader agrees with ffprobe', async (name, _args, video, audio, verdict) => {
    const file = made[name]!;
    expect(file, `ffmpeg could not make ${name}`).toBeDefined();
    const own = await probeContainer(file);
    expect(own).toMatchObject({ video: [video], audio: [audio], via: 'container' });
    expect(own.durationSeconds).toBeCloseTo(3, 0);
    expect(playVerdict(own).verdict).toBe(verdict);
    if (await hasFfprobe()) {
      const probed = await probeMedia(file);
      expect(probed).toMatchObject({ video: [video], audio: [audio], via: 'ffprobe', container: own.container });
      expect(probed.durationSeconds).toBeCloseTo(own.durationSeconds!, 1);
    }
  });
});

describe('the container reader', () => {
  it('reads the sample films: H.264 and AAC in MP4, which play', async () => {
    for (const film of ['films/바다의 편지.mp4', 'films/the-lighthouse-keeper.mp4']) {
      const s = await probeContainer(path.join(CONTENT_SAMPLE, film));
      expect(s).toMatchObject({ container: 'mp4', video: ['h264'], audio: ['aac'] });
      expect(s.durationSeconds).toBeGreaterThan(30);
      expect(playVerdict(s).verdict).toBe('plays');
    }
  });

  it('reads an MP4 sample description it was handed (AC-3 audio will not play)', async () => {
    const file = path.join(tmp, 'ac3.mp4');
    writeFileSync(file, mp4WithAc3Audio());
    const s = await probeContainer(file);
    expect(s).toMatchObject({ container: 'mp4', video: ['h264'], audio: ['ac3'], durationSeconds: 90 });
    const v = playVerdict(s);
    expect(v.verdict).toBe('wont-play');
    expect(v.reasons[0]!.ko).toContain('ac3');
  });

  it('says AVI will not play and HEVC may not', () => {
    expect(playVerdict({ container: 'avi', video: [], audio: [], subtitles: [], via: 'container' }).verdict).toBe('wont-play');
    expect(playVerdict({ container: 'mp4', video: ['hevc'], audio: ['aac'], subtitles: [], via: 'container' }).verdict).toBe('may-not-play');
  });
});
