import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, normalize } from 'node:path';
// @ts-expect-error js-yaml (installed with electron-builder) ships no types; it is only read as data here.
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The packaging configuration checked as data: packaging itself needs the Electron download.

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: string[];
  linux?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string };
}

const config = load(readFileSync('build/electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  productName: string;
  scripts: Record<string, string>;
};

describe('build/electron-builder.yml', () => {
  it('parses, with the app id and product name set', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Contribution Calculator');
    expect(pkg.productName).toBe(config.productName);
  });

  it('writes packages outside build/ (build resources only)', () => {
    const out = normalize(config.directories!.output!);
    expect(isAbsolute(out)).toBe(false);
    expect(out.startsWith('build')).toBe(false);
    expect(config.directories!.buildResources).toBe('build');
  });

  it('targets AppImage and deb, NSIS and dmg, with an icon that exists', () => {
    expect(config.linux!.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win!.target).toContain('nsis');
    expect(config.mac!.target).toContain('dmg');
    for (const icon of [config.linux!.icon, config.win!.icon, config.mac!.icon]) {
      expect(existsSync(icon!)).toBe(true);
      expect(readFileSync(icon!).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('packs the built shell and renderer the package main points at', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(pkg.scripts.dist).toMatch(/electron-builder --config build\/electron-builder\.yml/);
  });
});
