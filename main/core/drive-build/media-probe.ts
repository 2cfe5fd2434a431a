// What is inside a video file: its container, the codec of each stream and its length. ffprobe
// answers when it is installed; otherwise the container is read by container-probe.ts. Then: will
// Electron (Chromium) play it?
import { execFile } from 'node:child_process';
import { probeContainer, type MediaStreams } from './container-probe.js';

export type { MediaStreams };

export interface PlayVerdict {
  verdict: 'plays' | 'may-not-play' | 'wont-play';
  /** Why, in both languages, when it is not 'plays'. */
  reasons: { ko: string; en: string }[];
}

// FIELD-NOTES: Electron plays H.264/AAC/MP3 in MP4, VP8/VP9/AV1, Opus, Vorbis, FLAC; not AC3/DTS,
// not AVI; HEVC only with hardware support; MKV only with supported codecs inside.
const VIDEO_PLAYS = new Set(['h264', 'vp8', 'vp9', 'av1']);
const VIDEO_MAYBE: Record<string, { ko: string; en: string }> = {
  hevc: { ko: 'HEVC(H.265)는 그 컴퓨터의 하드웨어가 지원할 때만 재생됩니다', en: 'HEVC (H.265) plays only where the PC’s hardware decodes it' },
  theora: { ko: 'Theora는 최근 Chromium에서 빠졌습니다', en: 'Theora has been dropped from recent Chromium' },
};
const AUDIO_PLAYS = new Set(['aac', 'mp3', 'opus', 'vorbis', 'flac']);
const CONTAINER_PLAYS = new Set(['mp4', 'webm', 'matroska']);

export function playVerdict(s: MediaStreams): PlayVerdict {
  const reasons: { ko: string; en: string }[] = [];
  let worst: PlayVerdict['verdict'] = 'plays';
  const wont = (ko: string, en: string) => {
    worst = 'wont-play';
    reasons.push({ ko, en });
  };
  const maybe = (ko: string, en: string) => {
    if (worst === 'plays') worst = 'may-not-play';
    reasons.push({ ko, en });
  };
  if (s.encrypted) wont('암호화된(DRM) 영상입니다', 'the video is encrypted (DRM)');
  if (s.container === 'avi') wont('AVI 형식은 재생되지 않습니다 (MP4로 바꾸세요)', 'AVI does not play (convert to MP4)');
  else if (s.container === 'quicktime') maybe('MOV 형식은 재생되지 않을 수 있습니다 (MP4로 바꾸세요)', 'MOV may not play (remux to MP4)');
  else if (!CONTAINER_PLAYS.has(s.container) && s.container !== 'ogg') wont(`${s.container} 형식은 재생되지 않습니다`, `the ${s.container} container does not play`);
  if (CONTAINER_PLAYS.has(s.container) && s.video.length === 0 && s.audio.length === 0) maybe('영상이나 소리 흐름을 찾지 못했습니다', 'no video or audio stream was found');
  for (const v of s.video) {
    if (VIDEO_PLAYS.has(v)) continue;
    const m = VIDEO_MAYBE[v];
    if (m) maybe(m.ko, m.en);
    else wont(`영상 코덱 ${v}은(는) 재생되지 않습니다 (H.264로 바꾸세요)`, `video codec ${v} does not play (re-encode to H.264)`);
  }
  for (const a of s.audio) {
    if (AUDIO_PLAYS.has(a)) continue;
    if (a.startsWith('pcm')) maybe(`소리 코덱 ${a}은(는) 재생되지 않을 수 있습니다`, `audio codec ${a} may not play`);
    else wont(`소리 코덱 ${a}은(는) 재생되지 않습니다 (AAC로 바꾸세요)`, `audio codec ${a} does not play (re-encode to AAC)`);
  }
  return { verdict: worst, reasons };
}

let ffprobeAvailable: Promise<boolean> | undefined;

export function hasFfprobe(): Promise<boolean> {
  ffprobeAvailable ??= new Promise((resolve) => {
    execFile('ffprobe', ['-version'], { timeout: 10_000, windowsHide: true }, (error) => resolve(!error));
  });
  return ffprobeAvailable;
}

export { probeContainer };

export async function probeMedia(absPath: string, options: { ffprobe?: boolean } = {}): Promise<MediaStreams> {
  if (options.ffprobe !== false && (await hasFfprobe())) {
    const viaFfprobe = await probeWithFfprobe(absPath).catch(() => undefined);
    if (viaFfprobe) return viaFfprobe;
  }
  return probeContainer(absPath);
}

interface FfprobeJson {
  streams?: { codec_type?: string; codec_name?: string; codec_tag_string?: string; disposition?: { attached_pic?: number } }[];
  format?: { format_name?: string; duration?: string };
}

function probeWithFfprobe(absPath: string): Promise<MediaStreams> {
  return new Promise((resolve, reject) => {
    execFile(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,codec_tag_string:stream_disposition=attached_pic:format=format_name,duration', '-of', 'json', absPath],
      { timeout: 60_000, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (error, stdout) => {
        if (error) return reject(error);
        let j: FfprobeJson;
        try {
          j = JSON.parse(stdout) as FfprobeJson;
        } catch (e) {
          return reject(e);
        }
        // A cover picture inside the file shows up as a video stream: it is not the film.
        const streams = (j.streams ?? []).filter((s) => s.disposition?.attached_pic !== 1);
        const of = (type: string) => streams.filter((s) => s.codec_type === type).map((s) => s.codec_name ?? s.codec_tag_string ?? 'unknown');
        const duration = Number(j.format?.duration);
        resolve({
          container: containerFromFormat(j.format?.format_name ?? '', absPath),
          video: of('video'),
          audio: of('audio'),
          subtitles: of('subtitle'),
          ...(Number.isFinite(duration) && duration > 0 ? { durationSeconds: duration } : {}),
          via: 'ffprobe',
        });
      },
    );
  });
}

function containerFromFormat(format: string, absPath: string): string {
  if (format.includes('matroska')) return /\.webm$/i.test(absPath) ? 'webm' : 'matroska';
  if (format.startsWith('mov')) return /\.mov$/i.test(absPath) ? 'quicktime' : 'mp4';
  if (format === 'avi') return 'avi';
  if (format === 'ogg') return 'ogg';
  return format.split(',')[0] || 'unknown';
}
