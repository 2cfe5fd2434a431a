// npm run sample: (re)writes content-sample/, the small real library used for demos and tests.
// Deterministic: the same bytes on every run with the same Node and ffmpeg (fixed zip dates, DOS
// timestamps only, pictures drawn by code, ffmpeg in bit-exact single-thread mode). Films and the
// JPEG need ffmpeg; without it the committed copies are kept. Files the script no longer makes are
// removed.
//
//   npm run sample                   make everything
//   npm run sample -- --keep-videos  keep existing MP4s instead of re-encoding them
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeArticleImages, writeArticles } from './sample/articles.js';
import { writeBooks } from './sample/books.js';
import { writeFilms } from './sample/films.js';
import { titanicPng } from './sample/images.js';
import { Media } from './sample/media.js';
import { writeLibraryJson, writeSources } from './sample/sources.js';
import { OUR_PICTURE, Output } from './sample/util.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'content-sample');

async function main(): Promise<void> {
  const keepVideos = process.argv.includes('--keep-videos');
  mkdirSync(ROOT, { recursive: true });
  const out = new Output(ROOT);
  const media = new Media(out, { keepVideos });
  console.log(`Writing ${path.relative(process.cwd(), ROOT) || ROOT}/ ${media.available ? `(${media.version})` : '(ffmpeg not found)'}`);

  writeLibraryJson(out);
  writeArticleImages(out);
  media.jpeg('articles/history/titanic.jpg', titanicPng(), 'JPEG picture of the Titanic and an iceberg at night, used by 타이타닉호의-마지막-밤.html', `${OUR_PICTURE} (PNG drawn by code, converted to JPEG by ffmpeg)`);
  writeArticles(out);
  await writeBooks(out);
  writeFilms(out, media);
  writeSources(out);

  for (const rel of out.sweep()) console.log(`  removed stale ${rel}`);
  console.log(`Done: ${out.made.length} files.`);
  if (media.missing.length) {
    console.warn(`Incomplete: ${media.missing.join(', ')} could not be made without ffmpeg.`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
