/** The stream client on its own, with a fake EventSource: resume from the last id, fresh ticket per connect, duplicates dropped, backoff. */
import { expect } from '@open-wc/testing';
import type { Message, ReadReceipt } from '@tandem/protocol';
import { StreamClient } from '../src/client/stream-client.js';
import type { EventSourceLike } from '../src/client/messaging-backend.js';

class FakeSource extends EventTarget implements EventSourceLike {
  readyState = 0;
  closed = false;
  open(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  send(type: string, id: number, data: unknown): void {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data), lastEventId: String(id) }));
  }
  fail(): void {
    this.readyState = 2;
    this.dispatchEvent(new Event('error'));
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
}

const message = (id: string, seq: number) => ({ id, seq, conversationId: 'c1' }) as unknown as Message;

describe('StreamClient', () => {
  it('resumes after the last event id with a fresh connection, drops duplicates, and backs off between failures', async () => {
    const opened: (number | undefined)[] = [];
    const sources: FakeSource[] = [];
    const timers: { run: () => void; ms: number }[] = [];
    const got: string[] = [];
    const reads: ReadReceipt[] = [];
    const client = new StreamClient({
      open: async (lastEventId) => {
        opened.push(lastEventId);
        const source = new FakeSource();
        sources.push(source);
        return source;
      },
      handlers: { onMessage: (m) => got.push(m.id), onRead: (r) => reads.push(r) },
      baseDelayMs: 1000,
      setTimer: (run, ms) => timers.push({ run, ms }),
      clearTimer: () => undefined,
    });
    client.start();
    await Promise.resolve();
    await Promise.resolve();
    sources[0]!.open();
    sources[0]!.send('message', 5, message('m5', 5));
    sources[0]!.send('message', 5, message('m5', 5));
    sources[0]!.send('read', 6, { conversationId: 'c1', readerKind: 'staff', lastReadSeq: 5, readAt: '' });
    sources[0]!.fail();
    expect(sources[0]!.closed, 'the used connection is closed, not left to reconnect with its spent ticket').to.equal(true);
    expect(timers).to.have.length(1);
    expect(timers[0]!.ms).to.be.within(500, 1000);
    timers[0]!.run();
    await Promise.resolve();
    await Promise.resolve();
    expect(opened).to.deep.equal([undefined, 6]);
    sources[1]!.fail();
    expect(timers[1]!.ms, 'waits longer after a second failure').to.be.within(1000, 2000);
    timers[1]!.run();
    await Promise.resolve();
    await Promise.resolve();
    sources[2]!.open();
    // Replayed by a server that resumed a little early: the old ones are dropped.
    sources[2]!.send('message', 5, message('m5', 5));
    sources[2]!.send('message', 7, message('m7', 7));
    expect(got).to.deep.equal(['m5', 'm7']);
    expect(reads).to.have.length(1);
    expect(client.lastEventId).to.equal(7);
    client.stop();
    expect(sources[2]!.closed).to.equal(true);
  });

  it('reconnects at once when the browser comes back online', async () => {
    let opens = 0;
    const timers: (() => void)[] = [];
    const client = new StreamClient({
      open: async () => {
        opens++;
        throw new Error('offline');
      },
      handlers: { onMessage: () => undefined, onRead: () => undefined },
      setTimer: (run) => timers.push(run),
      clearTimer: () => undefined,
    });
    client.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(opens).to.equal(1);
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    expect(opens).to.equal(2);
    client.stop();
  });

  it('stopped and started again while connecting (a language switch), it still ends up connected', async () => {
    const pending: { resolve: (source: FakeSource) => void }[] = [];
    const sources: FakeSource[] = [];
    const client = new StreamClient({
      open: () =>
        new Promise<EventSourceLike>((resolve) => {
          pending.push({
            resolve: (source) => {
              sources.push(source);
              resolve(source);
            },
          });
        }),
      handlers: { onMessage: () => undefined, onRead: () => undefined },
      setTimer: () => undefined,
      clearTimer: () => undefined,
    });
    client.start();
    client.stop();
    client.start();
    pending[0]!.resolve(new FakeSource());
    await new Promise((r) => setTimeout(r, 0));
    expect(sources[0]!.closed, 'the connection opened for the stopped run is closed').to.equal(true);
    expect(pending, 'the new run opens its own connection').to.have.length(2);
    pending[1]!.resolve(new FakeSource());
    await new Promise((r) => setTimeout(r, 0));
    sources[1]!.open();
    expect(client.connected).to.equal(true);
    client.stop();
  });

  it('resumes from where the server said the stream started, even when no message came before the drop', async () => {
    const opened: (number | undefined)[] = [];
    const sources: FakeSource[] = [];
    const timers: (() => void)[] = [];
    const client = new StreamClient({
      open: async (lastEventId) => {
        opened.push(lastEventId);
        const source = new FakeSource();
        sources.push(source);
        return source;
      },
      handlers: { onMessage: () => undefined, onRead: () => undefined },
      setTimer: (run) => timers.push(run),
      clearTimer: () => undefined,
    });
    client.start();
    await new Promise((r) => setTimeout(r, 0));
    sources[0]!.open();
    sources[0]!.send('ready', 41, {});
    sources[0]!.fail();
    timers[0]!();
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).to.deep.equal([undefined, 41]);
    client.stop();
  });
});
