// The pictures of the sample library: PNGs drawn with ./png.ts and SVGs written by hand.
import { Canvas, hex } from './png.js';

/** Jeju sea with a diver's float (테왁) and net (망사리), for the haenyeo article. 480×300. */
export function haenyeoPng(): Buffer {
  const c = new Canvas(480, 300);
  c.gradient(0, 0, 480, 120, hex('#bfe3f2'), hex('#eaf6fb'));
  c.circle(400, 50, 26, hex('#fff3c4'));
  c.polygon([[0, 120], [60, 96], [130, 108], [190, 90], [240, 112], [0, 112]], hex('#6f8f7a'));
  c.polygon([[0, 120], [0, 104], [70, 100], [150, 116]], hex('#4d6b57'));
  c.gradient(0, 118, 480, 182, hex('#2f7fb0'), hex('#0d3552'));
  for (let i = 0; i < 7; i++) {
    const y = 135 + i * 22;
    for (let x = -20; x < 500; x += 60) c.line(x, y + (i % 2) * 4, x + 34, y - 3 + (i % 2) * 4, 2.2, hex('#8fc6e4'), 0.45);
  }
  // The float and its net hanging below.
  c.ellipse(250, 160, 34, 24, hex('#f07c1b'));
  c.ellipse(242, 152, 12, 7, hex('#ffb066'));
  for (let k = 0; k < 5; k++) c.line(226 + k * 12, 178, 236 + k * 8, 250, 1.6, hex('#d9d2b0'), 0.8);
  for (let k = 0; k < 4; k++) c.line(228, 192 + k * 15, 272, 192 + k * 15, 1.4, hex('#d9d2b0'), 0.7);
  // A diver's head and arm breaking the surface.
  c.circle(330, 168, 13, hex('#1b1b1f'));
  c.ellipse(326, 166, 6, 4, hex('#3a3a40'));
  c.line(342, 170, 364, 150, 7, hex('#1b1b1f'));
  c.circle(310, 170, 4, hex('#ffffff'), 0.7);
  c.circle(302, 165, 3, hex('#ffffff'), 0.6);
  return c.png();
}

/** Rows of bronze type sorts, for the article on Korean metal type. 480×300. */
export function metalTypePng(): Buffer {
  const c = new Canvas(480, 300);
  c.fill(hex('#3b2a1e'));
  c.rect(20, 20, 440, 260, hex('#5a4330'));
  for (let row = 0; row < 6; row++) {
    for (let col = 0; col < 10; col++) {
      const x = 34 + col * 42, y = 32 + row * 41;
      const tone = (row * 7 + col * 3) % 5;
      c.rect(x, y, 34, 34, hex(['#a8783f', '#b98a4b', '#9c6d38', '#c29656', '#8f6231'][tone] ?? '#a8783f'));
      c.rect(x + 3, y + 3, 28, 28, hex('#6e4b25'), 0.35);
      // A stroke pattern standing in for a raised character, different on every sort.
      const seed = (row * 10 + col) * 37;
      c.line(x + 8, y + 9 + (seed % 7), x + 26, y + 9 + (seed % 5), 3, hex('#e4c48a'));
      c.line(x + 10 + (seed % 11), y + 7, x + 12 + (seed % 9), y + 27, 3, hex('#e4c48a'));
      if (seed % 3 === 0) c.line(x + 8, y + 24, x + 26, y + 20, 3, hex('#e4c48a'));
    }
  }
  return c.png();
}

/** The Titanic at night beside an iceberg (turned into a JPEG by ffmpeg). 480×270. */
export function titanicPng(): Buffer {
  const c = new Canvas(480, 270);
  c.gradient(0, 0, 480, 170, hex('#05070f'), hex('#18233b'));
  const stars = [[30, 20], [80, 55], [140, 18], [200, 40], [260, 12], [320, 60], [380, 25], [440, 48], [460, 100], [110, 95], [20, 120], [350, 110]];
  for (const [x, y] of stars) c.circle(x ?? 0, y ?? 0, 1.3, hex('#ffffff'), 0.9);
  c.gradient(0, 170, 480, 100, hex('#0b1424'), hex('#02050a'));
  // Iceberg.
  c.polygon([[20, 172], [60, 110], [85, 128], [110, 96], [150, 172]], hex('#dfe9f2'));
  c.polygon([[110, 96], [150, 172], [118, 172], [100, 130]], hex('#a9bccb'));
  // Hull, superstructure, four funnels, lit portholes.
  c.polygon([[190, 170], [200, 140], [470, 140], [455, 170]], hex('#0a0a0a'));
  c.rect(215, 126, 210, 14, hex('#e8e1d0'));
  for (let i = 0; i < 4; i++) {
    c.polygon([[235 + i * 48, 126], [239 + i * 48, 92], [259 + i * 48, 92], [255 + i * 48, 126]], hex('#d98a2b'));
    c.rect(239 + i * 48, 92, 20, 7, hex('#111111'));
  }
  for (let x = 210; x < 450; x += 9) c.circle(x, 150, 1.6, hex('#ffe7a0'));
  for (let x = 222; x < 420; x += 11) c.rect(x, 130, 5, 4, hex('#ffd66b'));
  c.rect(190, 171, 270, 3, hex('#ffe7a0'), 0.15);
  return c.png();
}

/** The water cycle: sun, sea, mountain, cloud, rain, river. 560×360. */
export function waterCyclePng(): Buffer {
  const c = new Canvas(560, 360);
  c.gradient(0, 0, 560, 250, hex('#8ecdf0'), hex('#e6f5fc'));
  c.circle(80, 70, 38, hex('#ffd23f'));
  for (let a = 0; a < 12; a++) {
    const t = (a / 12) * Math.PI * 2;
    c.line(80 + Math.cos(t) * 48, 70 + Math.sin(t) * 48, 80 + Math.cos(t) * 62, 70 + Math.sin(t) * 62, 4, hex('#ffd23f'));
  }
  c.polygon([[300, 250], [420, 110], [470, 160], [520, 120], [560, 170], [560, 250]], hex('#6b8e5a'));
  c.polygon([[405, 128], [420, 110], [436, 128], [428, 134], [420, 126], [412, 134]], hex('#ffffff'));
  c.gradient(0, 250, 330, 110, hex('#2d7db3'), hex('#124a73'));
  c.polygon([[330, 250], [560, 250], [560, 360], [300, 360]], hex('#8a6f4d'));
  // A river running down from the mountain into the sea.
  c.polygon([[470, 170], [480, 172], [420, 260], [330, 300], [320, 290], [410, 250]], hex('#3d8fc6'));
  // Cloud and rain over the mountain.
  for (const [x, y, r] of [[380, 60, 28], [410, 48, 34], [445, 60, 28], [420, 70, 26], [395, 72, 22]] as const) c.circle(x, y, r, hex('#f4f6f8'));
  for (let i = 0; i < 9; i++) c.line(378 + i * 9, 98, 372 + i * 9, 118, 2, hex('#3d8fc6'));
  // Evaporation arrows rising from the sea.
  for (const x of [130, 190, 250]) {
    c.line(x, 240, x, 170, 4, hex('#ffffff'), 0.9);
    c.polygon([[x - 9, 178], [x + 9, 178], [x, 160]], hex('#ffffff'), 0.9);
  }
  // Arrow from sea clouds towards the mountain.
  c.line(200, 110, 330, 70, 4, hex('#ffffff'), 0.9);
  c.polygon([[322, 62], [336, 68], [326, 80]], hex('#ffffff'), 0.9);
  return c.png();
}

/** Cover of 동백꽃: yellow blossoms of the 생강나무 ("동백" in Gangwon speech) on bare branches. 400×600. */
export function dongbaekCoverPng(): Buffer {
  const c = new Canvas(400, 600, 2);
  c.gradient(0, 0, 400, 600, hex('#f6efd9'), hex('#e8d9b0'));
  c.rect(0, 420, 400, 180, hex('#8c6a3f'), 0.18);
  const brown = hex('#5b3b22');
  const branches: Array<[number, number, number, number, number]> = [
    [20, 560, 160, 330, 10], [160, 330, 230, 180, 7], [230, 180, 300, 90, 5], [160, 330, 320, 300, 6],
    [320, 300, 380, 240, 4], [200, 250, 110, 160, 4], [110, 160, 70, 90, 3], [230, 180, 340, 160, 3],
  ];
  for (const [x0, y0, x1, y1, w] of branches) c.line(x0, y0, x1, y1, w, brown);
  const yellow = hex('#f2c230'), deep = hex('#d99a12');
  const clusters: Array<[number, number]> = [
    [300, 90], [340, 160], [380, 240], [320, 300], [70, 90], [110, 160], [230, 180], [200, 250], [160, 330], [265, 315], [195, 215], [90, 125],
  ];
  clusters.forEach(([x, y], i) => {
    for (let k = 0; k < 7; k++) {
      const t = (k / 7) * Math.PI * 2 + i;
      c.circle(x + Math.cos(t) * 11, y + Math.sin(t) * 9, 6, k % 2 ? yellow : deep);
    }
    c.circle(x, y, 5, hex('#fff1a8'));
  });
  // The story's two fighting roosters: 점순네 big red one and our small dark one.
  c.ellipse(110, 520, 40, 28, hex('#a8452a'));
  c.circle(146, 494, 14, hex('#a8452a'));
  c.polygon([[140, 478], [146, 466], [152, 478], [158, 468], [160, 482]], hex('#d42b1e'));
  c.polygon([[158, 494], [172, 498], [158, 502]], hex('#e0a526'));
  c.polygon([[72, 510], [48, 480], [60, 520]], hex('#3c2a1c'));
  c.line(100, 545, 96, 568, 3, hex('#e0a526'));
  c.line(120, 545, 124, 568, 3, hex('#e0a526'));
  c.ellipse(292, 530, 30, 21, hex('#3b2c25'));
  c.circle(263, 508, 11, hex('#3b2c25'));
  c.polygon([[258, 498], [262, 490], [266, 498], [270, 492], [271, 501]], hex('#d42b1e'));
  c.polygon([[253, 506], [240, 510], [253, 514]], hex('#e0a526'));
  c.polygon([[318, 522], [342, 496], [330, 530]], hex('#1f1712'));
  c.line(285, 550, 282, 570, 3, hex('#e0a526'));
  c.line(300, 550, 303, 570, 3, hex('#e0a526'));
  return c.png();
}

/** Timeline of the 1929 Wonsan general strike (North Korean spelling in its labels). */
export function wonsanTimelineSvg(): string {
  const events: Array<[number, string, string]> = [
    [60, '1928년 9월', '문평에서 감독의 폭행'],
    [220, '1929년 1월', '원산 총파업 시작'],
    [380, '1929년 2~3월', '전국에서 온 동정 편지'],
    [540, '1929년 4월', '로동자들 일터로 돌아감'],
  ];
  const marks = events
    .map(
      ([x, when, what]) =>
        `  <circle cx="${x}" cy="90" r="9" fill="#b23a2e"/>\n` +
        `  <text x="${x}" y="60" text-anchor="middle" font-size="16" font-weight="bold">${when}</text>\n` +
        `  <text x="${x}" y="125" text-anchor="middle" font-size="14">${what}</text>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="160" viewBox="0 0 600 160" font-family="'Noto Sans CJK KR', 'Malgun Gothic', sans-serif">
  <title>원산 총파업 년표</title>
  <rect width="600" height="160" fill="#fbf7ee"/>
  <line x1="30" y1="90" x2="570" y2="90" stroke="#555" stroke-width="3"/>
${marks}
  <text x="300" y="152" text-anchor="middle" font-size="12" fill="#666">원산 로동자들의 력사 — 1928~1929년</text>
</svg>
`;
}

/** The Moon turning once per orbit, so one face always points at the Earth. */
export function earthMoonSvg(): string {
  const moons = [0, 1, 2, 3, 4, 5, 6, 7]
    .map((i) => {
      const a = (i / 8) * Math.PI * 2;
      const x = (250 + Math.cos(a) * 160).toFixed(1), y = (200 + Math.sin(a) * 160).toFixed(1);
      const fx = (250 + Math.cos(a) * 146).toFixed(1), fy = (200 + Math.sin(a) * 146).toFixed(1);
      return `  <circle cx="${x}" cy="${y}" r="18" fill="#c9c9c9" stroke="#777"/>\n  <circle cx="${fx}" cy="${fy}" r="5" fill="#b23a2e"/>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="500" height="400" viewBox="0 0 500 400" font-family="sans-serif">
  <title>The Moon keeps one face toward the Earth</title>
  <rect width="500" height="400" fill="#0b1020"/>
  <circle cx="250" cy="200" r="160" fill="none" stroke="#56607a" stroke-dasharray="6 6"/>
  <circle cx="250" cy="200" r="42" fill="#2f6fb0"/>
  <path d="M225 185 q15 -20 35 -5 q10 15 -5 25 q-20 5 -30 -20z" fill="#5f9a52"/>
  <text x="250" y="262" text-anchor="middle" fill="#dfe6f5" font-size="15">Earth</text>
${moons}
  <text x="250" y="388" text-anchor="middle" fill="#dfe6f5" font-size="14">The red mark (the near side) always faces the Earth.</text>
</svg>
`;
}

/** Finding Polaris from the Big Dipper and Cassiopeia (Korean labels). */
export function northStarsSvg(): string {
  const dipper: Array<[number, number]> = [[90, 300], [150, 290], [200, 300], [245, 320], [255, 380], [330, 385], [330, 320]];
  const cass: Array<[number, number]> = [[380, 90], [420, 130], [455, 95], [495, 135], [530, 90]];
  const star = ([x, y]: [number, number], r = 4) => `<circle cx="${x}" cy="${y}" r="${r}" fill="#fff6d0"/>`;
  const path = (pts: Array<[number, number]>) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="440" viewBox="0 0 600 440" font-family="'Noto Sans CJK KR', 'Malgun Gothic', sans-serif">
  <title>북두칠성과 카시오페이아자리로 북극성 찾기</title>
  <rect width="600" height="440" fill="#0b1020"/>
  <path d="${path(dipper)}" fill="none" stroke="#5d6b8f" stroke-width="1.5"/>
  <path d="${path(cass)}" fill="none" stroke="#5d6b8f" stroke-width="1.5"/>
  <line x1="330" y1="385" x2="330" y2="320" stroke="#e0b84a" stroke-width="1"/>
  <line x1="330" y1="320" x2="330" y2="200" stroke="#e0b84a" stroke-width="1.5" stroke-dasharray="5 5"/>
  ${dipper.map((p) => star(p)).join('\n  ')}
  ${cass.map((p) => star(p)).join('\n  ')}
  ${star([330, 200], 6)}
  <text x="345" y="205" fill="#ffe08a" font-size="18">북극성</text>
  <text x="150" y="420" fill="#c7d0e8" font-size="15">북두칠성</text>
  <text x="420" y="60" fill="#c7d0e8" font-size="15">카시오페이아자리</text>
  <text x="345" y="270" fill="#e0b84a" font-size="13">국자 끝 두 별 사이의 다섯 배</text>
</svg>
`;
}

/**
 * A shield picture that is itself hostile: an SVG with a script and an onload handler. Shown
 * through <img> it must stay inert; opened on its own it must never run.
 */
export function hostileShieldSvg(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="220" viewBox="0 0 200 220" onload="window.__changmunPwned = true">
  <title>방패 / Shield</title>
  <script type="text/javascript">window.__changmunPwned = true;</script>
  <path d="M100 10 L180 40 Q180 150 100 210 Q20 150 20 40 Z" fill="#2f6f4f" stroke="#1b3f2d" stroke-width="6"/>
  <path d="M65 110 L92 138 L140 80" fill="none" stroke="#ffffff" stroke-width="14" stroke-linecap="round" stroke-linejoin="round"/>
  <image x="0" y="0" width="1" height="1" xlink:href="https://example.com/tracker.png"/>
</svg>
`;
}
