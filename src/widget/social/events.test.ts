// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventBus, type FanshopItemPayload } from './events';

const item: FanshopItemPayload = { productId: 'enamel-mug', variantId: null, quantity: 2, value: 24, currency: 'EUR' };

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('createEventBus', () => {
  it('calls the config.on handler of the event with the payload', () => {
    const addToCart = vi.fn();
    const search = vi.fn();
    createEventBus(new EventTarget(), { on: { add_to_cart: addToCart, search } }).emit('add_to_cart', item);
    expect(addToCart).toHaveBeenCalledExactlyOnceWith(item);
    expect(search).not.toHaveBeenCalled();
  });

  it('calls config.onEvent with the name and the payload', () => {
    const onEvent = vi.fn();
    createEventBus(new EventTarget(), { onEvent }).emit('view_item', item);
    expect(onEvent).toHaveBeenCalledExactlyOnceWith('view_item', item);
  });

  it('dispatches fanshop:<name> on the host with the payload as detail', () => {
    const host = document.createElement('div');
    const heard = vi.fn();
    host.addEventListener('fanshop:add_to_cart', (event) => heard((event as CustomEvent).detail));
    createEventBus(host, {}).emit('add_to_cart', item);
    expect(heard).toHaveBeenCalledExactlyOnceWith(item);
  });

  it('lets the DOM event bubble up to the document', () => {
    const host = document.body.appendChild(document.createElement('fanshop-shop'));
    const heard = vi.fn();
    const listening = new AbortController();
    document.addEventListener('fanshop:search', (event) => heard((event as CustomEvent).detail), { signal: listening.signal });
    createEventBus(host, {}).emit('search', { query: 'mug', categoryId: null, resultCount: 3 });
    listening.abort();
    expect(heard).toHaveBeenCalledExactlyOnceWith({ query: 'mug', categoryId: null, resultCount: 3 });
  });

  it('lets the DOM event leave a shadow root the host sits in', () => {
    const outer = document.body.appendChild(document.createElement('div'));
    const host = outer.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
    const heard = vi.fn();
    outer.addEventListener('fanshop:view_item', heard);
    createEventBus(host, {}).emit('view_item', item);
    expect(heard).toHaveBeenCalledOnce();
  });

  it('calls handlers subscribed with on() for that event only', () => {
    const bus = createEventBus(new EventTarget(), {});
    const added = vi.fn();
    const removed = vi.fn();
    bus.on('add_to_cart', added);
    bus.on('remove_from_cart', removed);
    bus.emit('add_to_cart', item);
    expect(added).toHaveBeenCalledExactlyOnceWith(item);
    expect(removed).not.toHaveBeenCalled();
  });

  it('stops calling a handler once it unsubscribes', () => {
    const bus = createEventBus(new EventTarget(), {});
    const first = vi.fn();
    const second = vi.fn();
    const stop = bus.on('add_to_cart', first);
    bus.on('add_to_cart', second);
    stop();
    bus.emit('add_to_cart', item);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it('delivers the event every way at once', () => {
    const host = new EventTarget();
    const calls: string[] = [];
    host.addEventListener('fanshop:add_to_cart', () => calls.push('dom'));
    const bus = createEventBus(host, { on: { add_to_cart: () => calls.push('on') }, onEvent: () => calls.push('onEvent') });
    bus.on('add_to_cart', () => calls.push('subscriber'));
    bus.emit('add_to_cart', item);
    expect(calls.sort()).toEqual(['dom', 'on', 'onEvent', 'subscriber']);
  });

  it('keeps delivering when a handler throws, and logs the error with the [fanshop] prefix', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const boom = new Error('host page bug');
    const host = new EventTarget();
    const dom = vi.fn();
    host.addEventListener('fanshop:add_to_cart', dom);
    const onEvent = vi.fn();
    const subscriber = vi.fn();
    const bus = createEventBus(host, {
      on: {
        add_to_cart: () => {
          throw boom;
        },
      },
      onEvent,
    });
    bus.on('add_to_cart', () => {
      throw boom;
    });
    bus.on('add_to_cart', subscriber);
    expect(() => bus.emit('add_to_cart', item)).not.toThrow();
    expect(onEvent).toHaveBeenCalledOnce();
    expect(dom).toHaveBeenCalledOnce();
    expect(subscriber).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^\[fanshop\] /), boom);
  });

  it('keeps delivering when config.onEvent throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const subscriber = vi.fn();
    const bus = createEventBus(new EventTarget(), {
      onEvent: () => {
        throw new Error('host page bug');
      },
    });
    bus.on('view_cart', subscriber);
    bus.emit('view_cart', { value: 0, currency: 'EUR', items: [] });
    expect(subscriber).toHaveBeenCalledOnce();
  });
});
