/**
 * Sends messages written offline to conversations that are not open: one outbox sender per such
 * conversation. They take the same Web Lock as the thread's own sender, so each message still goes once.
 */
import type { ReactiveControllerHost } from 'lit';
import { outbox, OutboxController, type OutboxEntry } from '@tandem/core';
import type { MessageInput, MessageReceipt } from '@tandem/protocol';
import type { MessagingChannel } from './client/channel.js';

type Payload = Pick<MessageInput, 'body' | 'locale'>;

export class OutboxSweeper {
  readonly #senders = new Map<string, OutboxController<Payload, MessageReceipt>>();

  constructor(
    /** A getter: the apps create their sweeper before their host field is set. */
    private readonly host: () => ReactiveControllerHost,
    private readonly channel: () => MessagingChannel | undefined,
    private readonly onSent: (entry: OutboxEntry<Payload>, receipt: MessageReceipt) => void,
  ) {}

  /** Looks for waiting messages of this reader and starts a sender for each conversation that has some. */
  async sweep(): Promise<void> {
    const channel = this.channel();
    if (!channel) return;
    const entries = await outbox.list({ kind: 'message', backendKey: channel.outboxKey }).catch(() => []);
    for (const target of new Set(entries.map((e) => e.target))) {
      if (this.#senders.has(target)) continue;
      this.#senders.set(
        target,
        new OutboxController<Payload, MessageReceipt>(this.host(), {
          kind: 'message',
          target: () => target,
          backendKey: () => this.channel()?.outboxKey ?? '',
          send: (entry) => this.channel()!.send(entry.target, { ...entry.payload, clientMessageId: entry.id }, entry.id),
          onSent: this.onSent,
        }),
      );
    }
  }

  /** Signed out or another server: these senders stop. */
  clear(): void {
    for (const sender of this.#senders.values()) {
      sender.hostDisconnected();
      this.host().removeController(sender);
    }
    this.#senders.clear();
  }
}
