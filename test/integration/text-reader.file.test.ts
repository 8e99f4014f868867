// File store only: the thread that reads day files at start-up.
// The second-thread reader used at start-up must give exactly the text a plain read gives, and fall back
// to reading on this thread when its worker cannot run.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openParallelReader, readTextHere } from '../../electron/backend/store/text-reader';
import { tempDir } from '../helpers/backend';

async function sampleFiles(dir: string): Promise<string[]> {
  const contents: (string | Buffer)[] = [
    '{"text":"قطعی برق روستای ورسک؛ درخواست پیگیری فوری","code":"0500400061"}',
    `\uFEFF${'آب شرب '.repeat(50_000)}`, // a BOM and a file larger than the worker's first buffer
    'ASCII only, with "quotes" and \\ backslashes',
    'emoji 👍🏽 and CJK 中文 and Arabic كي with ZWNJ می‌خواهم',
    Buffer.from([0x7b, 0xd8, 0xa2, 0xff, 0xfe, 0xd8, 0x7d, 0xe2, 0x82]), // broken UTF-8: replaced as a plain read replaces it
    '',
  ];
  const files: string[] = [];
  for (const [i, c] of contents.entries()) {
    const f = path.join(dir, `f${i}.json`);
    await fs.writeFile(f, c);
    files.push(f);
  }
  return files;
}

describe('parallel text reader', () => {
  it('reads every file exactly as a read on this thread does, and null for a missing file', async () => {
    const dir = await tempDir();
    const files = await sampleFiles(dir);
    const reader = openParallelReader();
    try {
      expect(await reader.started).toBe(true);
      const texts = await Promise.all([...files, ...files].map((f) => reader.read(f))); // twice: buffers are reused
      const expected = await Promise.all(files.map((f) => fs.readFile(f, 'utf8')));
      expect(texts).toEqual([...expected, ...expected]);
      expect(texts[1]!.startsWith('\uFEFFآب شرب')).toBe(true);
      expect(await reader.read(path.join(dir, 'missing.json'))).toBeNull();
      await expect(reader.read(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    } finally {
      await reader.close();
    }
  });

  it('finishes the reads still waiting on the thread when it is closed', async () => {
    const dir = await tempDir();
    const files = await sampleFiles(dir);
    const reader = openParallelReader();
    expect(await reader.started).toBe(true);
    const reads = files.map((f) => reader.read(f));
    await reader.close();
    expect(await Promise.all(reads)).toEqual(await Promise.all(files.map((f) => readTextHere(f))));
    expect(await reader.read(files[0]!)).toBe(await fs.readFile(files[0]!, 'utf8')); // and later ones here
  });

  it('falls back to this thread when the worker dies on a file too large for its heap', async () => {
    const dir = await tempDir();
    const files = await sampleFiles(dir);
    const big = path.join(dir, 'big.json');
    await fs.writeFile(big, 'شرح درخواست '.repeat(2_000_000)); // ~46 MB of text in a worker capped at 8 MB
    const reader = openParallelReader({ maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 });
    try {
      expect(await reader.started).toBe(true);
      const texts = await Promise.all([big, ...files].map((f) => reader.read(f)));
      expect(texts[0]).toBe(await fs.readFile(big, 'utf8'));
      expect(texts.slice(1)).toEqual(await Promise.all(files.map((f) => readTextHere(f))));
      // the worker is gone: later reads are done here
      expect(await reader.read(files[0]!)).toBe(await fs.readFile(files[0]!, 'utf8'));
    } finally {
      await reader.close();
    }
  });
});
