import { describe, expect, it } from 'vitest';
import { bytes, samples } from './fixtures/image-bytes';
import { imageSize } from './image-size';

describe('imageSize', () => {
  it('reads the size of PNG, GIF, JPEG and WebP files from their first bytes', () => {
    expect(imageSize(samples.png(800, 600))).toEqual({ width: 800, height: 600 });
    expect(imageSize(samples.gif(320, 200))).toEqual({ width: 320, height: 200 });
    expect(imageSize(samples.jpeg(1200, 1500))).toEqual({ width: 1200, height: 1500 });
    expect(imageSize(samples.webpLossy(640, 480))).toEqual({ width: 640, height: 480 });
    expect(imageSize(samples.webpExtended(4000, 3000))).toEqual({ width: 4000, height: 3000 });
  });
  it('knows a WebP lossless header', () => {
    const bits = (300 - 1) | ((200 - 1) << 14);
    const b = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8L', [0, 0, 0, 0], [0x2f], [bits & 255, (bits >>> 8) & 255, (bits >>> 16) & 255, (bits >>> 24) & 255]);
    expect(imageSize(b)).toEqual({ width: 300, height: 200 });
  });
  it('says nothing about bytes that are not an image it knows, or are cut short', () => {
    expect(imageSize(bytes('<!DOCTYPE html><html>'))).toBeUndefined();
    expect(imageSize(samples.png(800, 600).subarray(0, 20))).toBeUndefined();
    expect(imageSize(samples.jpeg(10, 10).subarray(0, 12))).toBeUndefined();
    expect(imageSize(new Uint8Array())).toBeUndefined();
  });
});
