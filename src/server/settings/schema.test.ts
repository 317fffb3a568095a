import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configFromEnv, type Settings } from './schema';
import { nodeAppOptions } from '../node-server';
import { workerOptions, type WorkerEnv } from '../worker-env';
import type { AppOptions } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import type { FanshopDataNamespace } from '../data/durable-object/stores';

const settings = (vars: Record<string, string | number | boolean | undefined>, runtime: 'node' | 'workers' = 'node'): Settings => {
  const result = configFromEnv(vars, runtime);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
};
const errors = (vars: Record<string, string | undefined>) => {
  const result = configFromEnv(vars, 'node');
  return result.ok ? [] : result.errors;
};

describe('configFromEnv', () => {
  it('gives every default when nothing is set', () => {
    expect(settings({})).toMatchObject({
      PORT: 8787,
      HOST: '0.0.0.0',
      FANSHOP_CHECKOUT_UI: 'hosted',
      FANSHOP_SHIPPING_COUNTRIES: ['DE', 'AT', 'CH', 'NL', 'FR', 'GB', 'US'],
      FANSHOP_PROMOTION_CODES: true,
      FANSHOP_MAX_QUANTITY: 99,
      FANSHOP_MAX_LINES: 50,
      FANSHOP_CHECKOUT_RATE_LIMIT: 20,
      FANSHOP_LIKES_RATE_LIMIT: 60,
      FANSHOP_TRUSTED_PROXIES: 0,
      FANSHOP_DATA_DIR: '.data',
    });
    expect(settings({}).STRIPE_SECRET_KEY).toBeUndefined();
    expect(settings({}).FANSHOP_ALLOWED_ORIGINS).toBeUndefined();
  });

  it('treats an empty or blank variable as unset (wrangler.jsonc lists vars as "")', () => {
    const blank = settings({ FANSHOP_MAX_QUANTITY: '  ', FANSHOP_ALLOWED_ORIGINS: '' });
    expect(blank.FANSHOP_MAX_QUANTITY).toBe(99);
    expect(blank.FANSHOP_ALLOWED_ORIGINS).toBeUndefined();
  });

  it('reads numbers and booleans the way wrangler.jsonc vars may hold them', () => {
    expect(settings({ FANSHOP_MAX_QUANTITY: 5, FANSHOP_PROMOTION_CODES: false }, 'workers')).toMatchObject({ FANSHOP_MAX_QUANTITY: 5, FANSHOP_PROMOTION_CODES: false });
  });

  it('normalises allowed origins to their origin and country codes to upper case', () => {
    expect(settings({ FANSHOP_ALLOWED_ORIGINS: ' https://Shop.Example/path , http://localhost:3000 ', FANSHOP_SHIPPING_COUNTRIES: 'de, at' })).toMatchObject({
      FANSHOP_ALLOWED_ORIGINS: ['https://shop.example', 'http://localhost:3000'],
      FANSHOP_SHIPPING_COUNTRIES: ['DE', 'AT'],
    });
  });

  it('takes an empty shipping list as "no shipping address"', () => {
    const result = configFromEnv({ FANSHOP_SHIPPING_COUNTRIES: ',' }, 'node');
    expect(result.ok && result.settings.FANSHOP_SHIPPING_COUNTRIES).toEqual([]);
  });

  it.each([
    ['FANSHOP_MAX_QUANTITY', '0', 'FANSHOP_MAX_QUANTITY="0" must be a whole number from 1 to 999'],
    ['FANSHOP_MAX_QUANTITY', '12.5', 'FANSHOP_MAX_QUANTITY="12.5" must be a whole number from 1 to 999'],
    ['FANSHOP_MAX_LINES', '101', 'FANSHOP_MAX_LINES="101" must be a whole number from 1 to 100'],
    ['FANSHOP_CHECKOUT_RATE_LIMIT', '-1', 'FANSHOP_CHECKOUT_RATE_LIMIT="-1" must be a whole number from 0 to 100000'],
    ['PORT', 'eighty', 'PORT="eighty" must be a whole number from 0 to 65535'],
    ['FANSHOP_PROMOTION_CODES', 'yes', 'FANSHOP_PROMOTION_CODES="yes" must be true or false'],
    ['FANSHOP_CHECKOUT_UI', 'popup', 'FANSHOP_CHECKOUT_UI="popup" must be hosted or embedded'],
    ['FANSHOP_ALLOWED_ORIGINS', 'shop.example', 'FANSHOP_ALLOWED_ORIGINS="shop.example" must be comma-separated http(s) origins such as https://www.example.com'],
    ['FANSHOP_SHIPPING_COUNTRIES', 'Germany', 'FANSHOP_SHIPPING_COUNTRIES="Germany" must be comma-separated two-letter country codes such as DE,AT'],
    ['STRIPE_API_BASE', 'localhost:12111', 'STRIPE_API_BASE="localhost:12111" must be an absolute http(s) URL'],
    ['STRIPE_PUBLISHABLE_KEY', 'sk_test_x', 'STRIPE_PUBLISHABLE_KEY="sk_test_x" must be a publishable key (pk_test_… or pk_live_…)'],
  ])('refuses %s=%s with one message naming it', (name, value, message) => {
    expect(errors({ [name]: value })).toEqual([`[fanshop] ${message}`]);
  });

  it('lists every bad variable at once, one message each', () => {
    expect(errors({ FANSHOP_MAX_QUANTITY: 'x', FANSHOP_MAX_LINES: 'y', PORT: '8787' })).toHaveLength(2);
  });

  it('never writes a secret into its message', () => {
    const [message] = errors({ STRIPE_SECRET_KEY: 'pk_live_oops_this_is_secret' });
    expect(message).toContain('STRIPE_SECRET_KEY');
    expect(message).not.toContain('oops_this_is_secret');
    expect(errors({ STRIPE_WEBHOOK_SECRET: 'nope-secret-value' })[0]).not.toContain('nope-secret-value');
  });

  it('ignores a variable of the other runtime, and says so', () => {
    const result = configFromEnv({ FANSHOP_TRUSTED_PROXIES: '1', FANSHOP_CATALOG_URL: 'https://cdn.example/catalog.json' }, 'workers');
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual(['[fanshop] FANSHOP_TRUSTED_PROXIES is read on Node only; it is ignored here']);
    expect(result.ok && result.settings.FANSHOP_CATALOG_URL?.href).toBe('https://cdn.example/catalog.json');
  });

  it('warns when only one half of the Conversions API is set', () => {
    expect(configFromEnv({ META_PIXEL_ID: '123' }, 'node').warnings).toEqual([expect.stringContaining('META_CAPI_TOKEN is not set')]);
  });
});

/** What options say, without the stores and functions each runtime supplies itself. */
function comparable(options: AppOptions) {
  return JSON.parse(
    JSON.stringify(options, (key, value: unknown) => {
      if (typeof value === 'function') return undefined;
      if (['store', 'orders', 'stock', 'catalog', 'stripe'].includes(key)) return typeof value;
      return value;
    }),
  ) as unknown;
}

describe('Node and Workers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanshop-settings-'));
  let data: InMemoryData;
  beforeAll(async () => {
    data = await inMemoryData();
  });
  afterAll(async () => {
    await data.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** The Worker's FANSHOP_DATA binding: options are made without calling it. */
  const FANSHOP_DATA: FanshopDataNamespace = {
    idFromName: () => {
      throw new Error('options are made without calling the Durable Object');
    },
    get: () => {
      throw new Error('options are made without calling the Durable Object');
    },
  };

  it('read the same variables into the same options', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const vars = {
      STRIPE_SECRET_KEY: 'sk_test_same',
      STRIPE_WEBHOOK_SECRET: 'whsec_same',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_same',
      FANSHOP_CHECKOUT_UI: 'embedded',
      FANSHOP_ALLOWED_ORIGINS: 'https://shop.example,https://www.example.com/',
      FANSHOP_SHIPPING_COUNTRIES: 'de,at',
      FANSHOP_PROMOTION_CODES: 'false',
      FANSHOP_MAX_QUANTITY: '5',
      FANSHOP_MAX_LINES: '7',
      FANSHOP_CHECKOUT_RATE_LIMIT: '0',
      FANSHOP_LIKES_RATE_LIMIT: '3',
      META_PIXEL_ID: '1234567890',
      META_CAPI_TOKEN: 'token',
      META_TEST_EVENT_CODE: 'TEST1',
      FB_APP_SECRET: 'fb-secret',
    };
    const node = nodeAppOptions(settings({ ...vars, FANSHOP_DATA_DIR: dir }), { port: 8787, clientDir: dir, data });
    const worker = workerOptions({ ...vars, ASSETS: { fetch: async () => new Response('{}') }, FANSHOP_DATA } as unknown as WorkerEnv, 'https://worker.example');
    expect(comparable(node)).toEqual(comparable(worker));
    expect(node.checkout).toMatchObject({ maxQuantity: 5, maxLines: 7, rateLimitPerMinute: 0, allowPromotionCodes: false, shippingCountries: ['DE', 'AT'], allowedOrigins: ['https://shop.example', 'https://www.example.com'] });
    expect(node.webhooks?.metaConversions).toEqual({ pixelId: '1234567890', accessToken: 'token', testEventCode: 'TEST1', graphApiBase: undefined });
  });

  it('default the allowed origins to each runtime’s own', async () => {
    const node = nodeAppOptions(settings({ STRIPE_SECRET_KEY: 'sk_test_x', FANSHOP_DATA_DIR: dir }), { port: 9000, clientDir: dir, data });
    expect(node.checkout?.allowedOrigins).toEqual(['http://localhost:9000', 'http://127.0.0.1:9000']);
    const worker = workerOptions({ STRIPE_SECRET_KEY: 'sk_test_x', ASSETS: { fetch: async () => new Response('{}') }, FANSHOP_DATA } as unknown as WorkerEnv, 'https://worker.example');
    expect(worker.checkout?.allowedOrigins).toEqual(['https://worker.example']);
  });
});
