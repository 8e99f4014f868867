// The packaged app's Electron fuses, as electron-builder reads them from package.json ("build"): the binary
// cannot be run as plain Node, takes no NODE_OPTIONS and no --inspect, and loads only its own, checked app.asar.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { build?: { asar?: unknown; electronFuses?: Record<string, boolean>; files?: string[] } };

describe('packaging configuration', () => {
  it('turns RunAsNode, NODE_OPTIONS and the inspector off and ASAR integrity on', () => {
    expect(pkg.build?.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
  it('packs the app into an asar archive whose integrity is embedded, from the built files only', () => {
    expect(pkg.build?.asar).toBe(true); // an object with disableIntegrity would leave the fuse nothing to check
    expect(pkg.build?.files).toEqual(['out/**', 'package.json']);
  });
});
