/** An in-memory MessagingBackend for stories and component tests: sessions, invite codes, threads, translations, office hours and live streams. */
import { BackendError, newId } from '@tandem/core';
import {
  MESSAGE_PAGE_SIZE,
  normalizeInviteCode,
  openStatus,
  PROBLEM_TYPES,
  STREAM_EVENTS,
  validateMessage,
  type Availability,
  type Conversation,
  type ConversationInput,
  type ConversationList,
  type EmailLinkRequest,
  type FamilyHome,
  type FamilySession,
  type FamilyStudent,
  type InviteSessionRequest,
  type LocalizedText,
  type Message,
  type MessageInput,
  type MessagePage,
  type MessageReceipt,
  type MessageTranslation,
  type OfficeHours,
  type ReadReceipt,
  type SenderKind,
} from '@tandem/protocol';
import type { EventSourceLike, MessagingBackend, PageRequest, StreamRequest } from './messaging-backend.js';

interface School {
  id: string;
  name: string;
  officeName: string;
  officeHours?: OfficeHours;
  emergencyNotice?: LocalizedText;
}
interface Staff {
  id: string;
  name: string;
  schoolId: string;
  token: string;
  role: 'admin' | 'teacher';
  locale: string;
  hours?: OfficeHours;
}
interface Family {
  id: string;
  name: string;
  locale: string;
  email?: string;
  schoolId: string;
  students: FamilyStudent[];
}
interface StoredConversation {
  id: string;
  schoolId: string;
  familyId: string;
  staffId: string | null;
  student?: { id: string; name: string };
  createdAt: string;
  lastRead: Record<SenderKind, number>;
}
type StoredMessage = Omit<Message, 'state' | 'translation'>;
type LogEntry = { seq: number; conversationId: string } & (
  { kind: 'message'; message: StoredMessage } | { kind: 'read'; receipt: ReadReceipt }
);

export type Translate = (text: string, from: string, to: string) => MessageTranslation;

export interface MemoryMessagingOptions {
  latencyMs?: number;
  /** How long access tokens live; tests shorten it to see refreshes. Default 15 minutes. */
  accessTtlMs?: number;
  translate?: Translate;
  /** Adds a conversation with this many messages (with Mr. Nguyen), for scrolling long threads. */
  longThread?: number;
}

const weekdays = (opensAt: string, closesAt: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }));

/** Demo translations: the memory backend has no translator, so the demo thread carries its own. */
const DEMO_TRANSLATIONS: Record<string, Record<string, string>> = {
  'Hi! Sofía did great on her reading test today.': {
    es: '¡Hola! Sofía salió muy bien en su examen de lectura hoy.',
    ar: 'مرحبًا! أبلت صوفيا بلاءً حسنًا في اختبار القراءة اليوم.',
  },
  '¡Gracias! ¿Necesita practicar algo en casa?': { en: 'Thank you! Does she need to practice anything at home?' },
  'Reading 20 minutes each night helps a lot. Here is a list of books: https://example.org/reading': {
    es: 'Leer 20 minutos cada noche ayuda mucho. Aquí hay una lista de libros: https://example.org/reading',
  },
};

export const demoTranslate: Translate = (text, _from, to) => {
  const translated = DEMO_TRANSLATIONS[text]?.[to];
  return translated ? { status: 'translated', locale: to, text: translated, provider: 'demo' } : { status: 'unavailable', locale: to };
};

/** A fake EventSource the memory backend feeds; `drop()` simulates a lost connection. */
export class MemoryEventSource extends EventTarget implements EventSourceLike {
  readyState = 0;
  constructor(readonly onClose: (source: MemoryEventSource) => void) {
    super();
  }
  emit(type: string, id: number, data: unknown): void {
    if (this.readyState !== 1) return;
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data), lastEventId: String(id) }));
  }
  drop(): void {
    if (this.readyState === 2) return;
    this.readyState = 2;
    this.dispatchEvent(new Event('error'));
    this.onClose(this);
  }
  close(): void {
    this.readyState = 2;
    this.onClose(this);
  }
}

interface Stream {
  source: MemoryEventSource;
  reader: { kind: SenderKind; familyId?: string; staff?: Staff; locale: string };
}

export class MemoryMessaging implements MessagingBackend {
  readonly key = 'memory';
  readonly calls: Record<string, number> = {};
  readonly schools = new Map<string, School>();
  readonly staff = new Map<string, Staff>();
  readonly families = new Map<string, Family>();
  readonly invites = new Map<string, { familyId?: string; className?: string; uses: number; maxUses: number }>();
  readonly emailLinks = new Map<string, string>();
  /** Addresses a sign-in link was "emailed" to (only known ones). */
  readonly sentLinks: string[] = [];
  readonly conversations = new Map<string, StoredConversation>();
  readonly log: LogEntry[] = [];
  readonly streams = new Set<Stream>();
  readonly #sessions = new Map<string, { familyId: string; sessionId: string; accessExpires: number }>();
  readonly #refresh = new Map<string, { familyId: string; sessionId: string; used: boolean }>();
  readonly #ended = new Set<string>();
  readonly #keys = new Map<string, { body: string; receipt: MessageReceipt }>();
  readonly #failures: BackendError[] = [];
  #offline = false;
  #seq = 0;
  readonly #latencyMs: number;
  readonly #accessTtlMs: number;
  readonly #translate: Translate;

  constructor(options: MemoryMessagingOptions = {}) {
    this.#latencyMs = options.latencyMs ?? 0;
    this.#accessTtlMs = options.accessTtlMs ?? 15 * 60_000;
    this.#translate = options.translate ?? demoTranslate;
  }

  /** Lincoln Elementary: the office, Ms. Rivera and Mr. Nguyen; the García family (Spanish), invite code DEMO-FAMILY. */
  static withDemoData(options: MemoryMessagingOptions = {}): MemoryMessaging {
    const m = new MemoryMessaging(options);
    m.schools.set('demo-school', {
      id: 'demo-school',
      name: 'Lincoln Elementary',
      officeName: 'Front office',
      officeHours: { timeZone: 'America/Chicago', schedule: { regular: weekdays('07:30', '16:00') } },
      emergencyNotice: {
        en: 'Messages are not for emergencies. In an emergency call 911. To report an absence, call the office at 555-0100.',
        es: 'Los mensajes no son para emergencias. En una emergencia llame al 911. Para reportar una ausencia, llame a la oficina al 555-0100.',
        ar: 'الرسائل ليست لحالات الطوارئ. في حالة الطوارئ اتصل بالرقم 911. للإبلاغ عن غياب، اتصل بالمكتب على 555-0100.',
      },
    });
    // Hours no one is ever inside of (a closed schedule far away), so "out of office" is predictable in tests.
    m.staff.set('staff-rivera', {
      id: 'staff-rivera',
      name: 'Ms. Rivera',
      schoolId: 'demo-school',
      token: 'demo-staff-token',
      role: 'admin',
      locale: 'en',
      hours: { timeZone: 'America/Chicago', schedule: { regular: weekdays('08:00', '15:00') } },
    });
    m.staff.set('staff-nguyen', {
      id: 'staff-nguyen',
      name: 'Mr. Nguyen',
      schoolId: 'demo-school',
      token: 'demo-teacher-token',
      role: 'teacher',
      locale: 'en',
    });
    m.families.set('family-garcia', {
      id: 'family-garcia',
      name: 'The García family',
      locale: 'es',
      email: 'garcia@example.org',
      schoolId: 'demo-school',
      students: [{ id: 'student-sofia', name: 'Sofía García', schoolId: 'demo-school' }],
    });
    m.invites.set('DEMOFAMILY', { familyId: 'family-garcia', uses: 0, maxUses: 1000 });
    m.invites.set('DEMOCLASS2', { className: 'Room 12', uses: 0, maxUses: 40 });
    m.emailLinks.set('demo-link-token', 'family-garcia');
    const rivera = m.#open('demo-school', 'family-garcia', 'staff-rivera', { id: 'student-sofia', name: 'Sofía García' });
    m.#append(rivera, 'staff', 'Hi! Sofía did great on her reading test today.', 'en');
    m.#append(rivera, 'family', '¡Gracias! ¿Necesita practicar algo en casa?', 'es');
    m.#append(rivera, 'staff', 'Reading 20 minutes each night helps a lot. Here is a list of books: https://example.org/reading', 'en');
    if (options.longThread) {
      const nguyen = m.#open('demo-school', 'family-garcia', 'staff-nguyen');
      for (let i = 1; i <= options.longThread; i++) {
        m.#append(nguyen, i % 3 === 0 ? 'family' : 'staff', `Message ${i} of ${options.longThread}`, 'en');
      }
    }
    return m;
  }

  /** Every call fails as a dropped connection would, until set back. */
  setOffline(offline: boolean): void {
    this.#offline = offline;
  }

  /** The next call fails with `error`. */
  failNext(error: BackendError): void {
    this.#failures.push(error);
  }

  /** Messages of a conversation, oldest first, as stored. */
  messages(conversationId: string): StoredMessage[] {
    return this.log.flatMap((e) => (e.kind === 'message' && e.conversationId === conversationId ? [e.message] : []));
  }

  /** The conversation between a family and a staff member (or the office, `null`). */
  conversationWith(familyId: string, staffId: string | null): StoredConversation | undefined {
    return [...this.conversations.values()].find((c) => c.familyId === familyId && c.staffId === staffId);
  }

  /** A staff member writes to a family (as the inbox would), streamed to whoever listens. */
  staffWrites(conversationId: string, body: string, locale = 'en'): StoredMessage {
    return this.#append(this.conversations.get(conversationId)!, 'staff', body, locale);
  }

  /** A reader marks the thread read (as the other side's widget would). */
  markReadAs(conversationId: string, kind: SenderKind): ReadReceipt {
    return this.#markRead(this.conversations.get(conversationId)!, kind);
  }

  /** Ends every open stream as a lost connection would. */
  dropStreams(): void {
    for (const stream of [...this.streams]) stream.source.drop();
  }

  /** Ends a family's session on "the server" (signed out elsewhere). */
  expireAccessTokens(): void {
    for (const session of this.#sessions.values()) session.accessExpires = 0;
  }

  // ---- MessagingBackend: sign-in -------------------------------------------------------------

  async signInWithIdentity(organization: string, identityToken: string): Promise<FamilySession> {
    await this.#io('signInWithIdentity');
    // The memory backend trusts a token of the form "family:<id>" for the demo organization.
    const familyId = organization === 'demo' && identityToken.startsWith('family:') ? identityToken.slice(7) : '';
    if (!this.families.has(familyId)) throw unauthorized('The identity token was not accepted for this organization.');
    return this.#startSession(familyId);
  }

  async signInWithInvite(input: InviteSessionRequest): Promise<FamilySession> {
    await this.#io('signInWithInvite');
    const invite = this.invites.get(normalizeInviteCode(input.code));
    if (!invite || invite.uses >= invite.maxUses)
      throw unauthorized('This invite code was not accepted: it is unknown, used up or expired.');
    let familyId = invite.familyId;
    if (!familyId) {
      if (!input.name) throw invalid([{ pointer: '/name', code: 'required', detail: 'A class code asks for your name.' }]);
      familyId = `family-${newId()}`;
      this.families.set(familyId, {
        id: familyId,
        name: input.name,
        locale: input.locale ?? 'en',
        schoolId: 'demo-school',
        students: input.studentName ? [{ id: `student-${newId()}`, name: input.studentName }] : [],
      });
    } else if (input.locale) this.families.get(familyId)!.locale = input.locale;
    invite.uses += 1;
    return this.#startSession(familyId);
  }

  async signInWithEmailLink(token: string): Promise<FamilySession> {
    await this.#io('signInWithEmailLink');
    const familyId = this.emailLinks.get(token);
    if (!familyId) throw unauthorized('This sign-in link was not accepted: it is unknown, used up or expired.');
    this.emailLinks.delete(token);
    return this.#startSession(familyId);
  }

  async requestEmailLink(input: EmailLinkRequest): Promise<void> {
    await this.#io('requestEmailLink');
    const family = [...this.families.values()].find((f) => f.email === input.email.trim().toLowerCase());
    if (family) {
      this.emailLinks.set(`link-${newId()}`, family.id);
      this.sentLinks.push(input.email);
    }
  }

  async refreshSession(refreshToken: string): Promise<FamilySession> {
    await this.#io('refreshSession');
    const entry = this.#refresh.get(refreshToken);
    if (!entry || this.#ended.has(entry.sessionId)) throw unauthorized('This refresh token is not valid or expired. Sign in again.');
    if (entry.used) {
      this.#end(entry.sessionId);
      throw unauthorized('This refresh token was already used, so the session was ended for safety. Sign in again.');
    }
    entry.used = true;
    return this.#issue(entry.familyId, entry.sessionId);
  }

  async signOut(accessToken: string): Promise<void> {
    await this.#io('signOut');
    this.#end(this.#family(accessToken).sessionId);
  }

  // ---- family --------------------------------------------------------------------------------

  async familyHome(accessToken: string): Promise<FamilyHome> {
    await this.#io('familyHome');
    const family = this.families.get(this.#family(accessToken).familyId)!;
    const school = this.schools.get(family.schoolId)!;
    return {
      family: { id: family.id, name: family.name, locale: family.locale, students: family.students },
      schools: [
        {
          id: school.id,
          name: school.name,
          ...(school.emergencyNotice ? { emergencyNotice: school.emergencyNotice } : {}),
          contacts: [
            { kind: 'office', name: school.officeName, availability: availabilityOf(school.officeHours) },
            ...[...this.staff.values()]
              .filter((s) => s.schoolId === school.id)
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((s) => ({ kind: 'staff' as const, id: s.id, name: s.name, availability: availabilityOf(s.hours) })),
          ],
        },
      ],
    };
  }

  async listFamilyConversations(accessToken: string, query: { lang: string; studentId?: string | undefined }): Promise<ConversationList> {
    await this.#io('listFamilyConversations');
    const { familyId } = this.#family(accessToken);
    const items = [...this.conversations.values()]
      .filter((c) => c.familyId === familyId && (query.studentId === undefined || c.student?.id === query.studentId))
      .map((c) => this.#present(c, 'family'))
      .sort((a, b) => (b.lastMessage?.seq ?? 0) - (a.lastMessage?.seq ?? 0));
    return { items };
  }

  async openFamilyConversation(accessToken: string, input: ConversationInput): Promise<Conversation> {
    await this.#io('openFamilyConversation');
    const family = this.families.get(this.#family(accessToken).familyId)!;
    if (input.schoolId !== family.schoolId)
      throw invalid([{ pointer: '/schoolId', code: 'invalid-option', detail: "Not one of this family's schools." }]);
    const student = input.studentId ? family.students.find((s) => s.id === input.studentId) : undefined;
    const existing = [...this.conversations.values()].find(
      (c) => c.familyId === family.id && c.staffId === (input.staffUserId ?? null) && c.student?.id === student?.id,
    );
    const conversation =
      existing ?? this.#open(input.schoolId, family.id, input.staffUserId ?? null, student && { id: student.id, name: student.name });
    return this.#present(conversation, 'family');
  }

  async listFamilyMessages(accessToken: string, conversationId: string, page: PageRequest): Promise<MessagePage> {
    await this.#io('listFamilyMessages');
    return this.#page(this.#ownConversation(accessToken, conversationId), 'family', page);
  }

  async sendFamilyMessage(
    accessToken: string,
    conversationId: string,
    input: MessageInput,
    idempotencyKey: string,
  ): Promise<MessageReceipt> {
    await this.#io('sendFamilyMessage');
    return this.#send(this.#ownConversation(accessToken, conversationId), 'family', input, idempotencyKey);
  }

  async markFamilyRead(accessToken: string, conversationId: string, upToSeq?: number): Promise<ReadReceipt> {
    await this.#io('markFamilyRead');
    return this.#markRead(this.#ownConversation(accessToken, conversationId), 'family', upToSeq);
  }

  async openFamilyStream(accessToken: string, request: StreamRequest): Promise<EventSourceLike> {
    await this.#io('openFamilyStream');
    const { familyId } = this.#family(accessToken);
    return this.#openStream({ kind: 'family', familyId, locale: request.lang }, request.lastEventId);
  }

  // ---- staff ---------------------------------------------------------------------------------

  async getInbox(staffToken: string, query: { lang: string; studentId?: string | undefined }): Promise<ConversationList> {
    await this.#io('getInbox');
    const staff = this.#staff(staffToken);
    const items = [...this.conversations.values()]
      .filter((c) => this.#staffSees(staff, c) && (query.studentId === undefined || c.student?.id === query.studentId))
      .map((c) => this.#present(c, 'staff'))
      .sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0) || (b.lastMessage?.seq ?? 0) - (a.lastMessage?.seq ?? 0));
    return { items };
  }

  async listStaffMessages(staffToken: string, conversationId: string, page: PageRequest): Promise<MessagePage> {
    await this.#io('listStaffMessages');
    return this.#page(this.#visible(staffToken, conversationId), 'staff', page);
  }

  async sendStaffMessage(staffToken: string, conversationId: string, input: MessageInput, idempotencyKey: string): Promise<MessageReceipt> {
    await this.#io('sendStaffMessage');
    const staff = this.#staff(staffToken);
    return this.#send(this.#visible(staffToken, conversationId), 'staff', input, idempotencyKey, staff);
  }

  async markStaffRead(staffToken: string, conversationId: string, upToSeq?: number): Promise<ReadReceipt> {
    await this.#io('markStaffRead');
    return this.#markRead(this.#visible(staffToken, conversationId), 'staff', upToSeq);
  }

  async openInboxStream(staffToken: string, request: StreamRequest): Promise<EventSourceLike> {
    await this.#io('openInboxStream');
    return this.#openStream({ kind: 'staff', staff: this.#staff(staffToken), locale: request.lang }, request.lastEventId);
  }

  async exportConversation(staffToken: string, conversationId: string): Promise<Blob> {
    await this.#io('exportConversation');
    const staff = this.#staff(staffToken);
    if (staff.role !== 'admin') throw new BackendError('unauthorized', 'Only an organization admin exports a thread.', 403);
    const conversation = this.#visible(staffToken, conversationId);
    const cell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;
    const rows = [
      ['Seq', 'Sent at', 'From', 'Name', 'Language', 'Message'],
      ...this.messages(conversation.id).map((m) => [String(m.seq), m.createdAt, m.sender.kind, m.sender.name, m.locale, m.body]),
    ];
    return new Blob(['\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  }

  // ---- internals -----------------------------------------------------------------------------

  async #io(method: string): Promise<void> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
    if (this.#offline) throw new BackendError('offline', 'No connection (memory backend is offline)');
    const failure = this.#failures.shift();
    if (failure) throw failure;
  }

  #startSession(familyId: string): FamilySession {
    return this.#issue(familyId, `session-${newId()}`);
  }

  #issue(familyId: string, sessionId: string): FamilySession {
    const accessToken = `fat_${newId()}`;
    const refreshToken = `frt_${newId()}`;
    const accessExpires = Date.now() + this.#accessTtlMs;
    this.#sessions.set(accessToken, { familyId, sessionId, accessExpires });
    this.#refresh.set(refreshToken, { familyId, sessionId, used: false });
    const family = this.families.get(familyId)!;
    return {
      accessToken,
      accessTokenExpiresAt: new Date(accessExpires).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      family: { id: family.id, name: family.name, locale: family.locale, students: family.students },
    };
  }

  #end(sessionId: string): void {
    this.#ended.add(sessionId);
    for (const [token, s] of this.#sessions) if (s.sessionId === sessionId) this.#sessions.delete(token);
  }

  #family(accessToken: string): { familyId: string; sessionId: string } {
    const session = this.#sessions.get(accessToken);
    if (!session || session.accessExpires <= Date.now() || this.#ended.has(session.sessionId)) {
      throw unauthorized('This access token is not valid, expired or was signed out; refresh the session or sign in again.');
    }
    return session;
  }

  #ownConversation(accessToken: string, id: string): StoredConversation {
    const { familyId } = this.#family(accessToken);
    const conversation = this.conversations.get(id);
    if (!conversation || conversation.familyId !== familyId) throw notFound();
    return conversation;
  }

  #staff(token: string): Staff {
    const staff = [...this.staff.values()].find((s) => s.token === token);
    if (!staff) throw unauthorized('This API token is not valid.');
    return staff;
  }

  #staffSees(staff: Staff, c: StoredConversation): boolean {
    return c.schoolId === staff.schoolId && (staff.role === 'admin' || c.staffId === null || c.staffId === staff.id);
  }

  #visible(token: string, id: string): StoredConversation {
    const staff = this.#staff(token);
    const conversation = this.conversations.get(id);
    if (!conversation || !this.#staffSees(staff, conversation)) throw notFound();
    return conversation;
  }

  #open(schoolId: string, familyId: string, staffId: string | null, student?: { id: string; name: string }): StoredConversation {
    const conversation: StoredConversation = {
      id: `conversation-${newId()}`,
      schoolId,
      familyId,
      staffId,
      ...(student ? { student } : {}),
      createdAt: new Date().toISOString(),
      lastRead: { family: 0, staff: 0 },
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  #append(c: StoredConversation, kind: SenderKind, body: string, locale: string, staff?: Staff, clientMessageId?: string): StoredMessage {
    const seq = ++this.#seq;
    const family = this.families.get(c.familyId)!;
    const sender =
      kind === 'family'
        ? { kind, id: family.id, name: family.name }
        : {
            kind,
            id: staff?.id ?? c.staffId ?? 'office',
            name: staff?.name ?? (c.staffId ? this.staff.get(c.staffId)!.name : this.schools.get(c.schoolId)!.officeName),
          };
    const message: StoredMessage = {
      id: `message-${seq}`,
      seq,
      conversationId: c.id,
      sender,
      body,
      locale,
      ...(clientMessageId ? { clientMessageId } : {}),
      createdAt: new Date().toISOString(),
    };
    this.#publish({ seq, conversationId: c.id, kind: 'message', message });
    return message;
  }

  #markRead(c: StoredConversation, kind: SenderKind, upToSeq?: number): ReadReceipt {
    const other: SenderKind = kind === 'family' ? 'staff' : 'family';
    const newest = Math.max(
      0,
      ...this.messages(c.id)
        .filter((m) => m.sender.kind === other)
        .map((m) => m.seq),
    );
    const target = Math.min(upToSeq ?? newest, newest);
    const receipt: ReadReceipt = {
      conversationId: c.id,
      readerKind: kind,
      lastReadSeq: Math.max(c.lastRead[kind], target),
      readAt: new Date().toISOString(),
    };
    if (target > c.lastRead[kind]) {
      c.lastRead[kind] = target;
      this.#publish({ seq: ++this.#seq, conversationId: c.id, kind: 'read', receipt });
    }
    return receipt;
  }

  #send(c: StoredConversation, kind: SenderKind, input: MessageInput, key: string, staff?: Staff): MessageReceipt {
    const body = JSON.stringify(input);
    const stored = this.#keys.get(`${kind}:${c.id}:${key}`);
    if (stored) {
      if (stored.body !== body)
        throw invalid([{ pointer: '', code: 'idempotency-mismatch', detail: 'This Idempotency-Key was used with a different body.' }]);
      return structuredClone(stored.receipt);
    }
    const errors = validateMessage(input);
    if (errors.length) throw invalid(errors);
    const message = this.#append(c, kind, input.body, input.locale, staff, input.clientMessageId);
    const school = this.schools.get(c.schoolId)!;
    const peerHours = c.staffId ? this.staff.get(c.staffId)?.hours : school.officeHours;
    const receipt: MessageReceipt = {
      message: { ...message, state: 'sent' },
      availability: availabilityOf(peerHours),
      ...(school.emergencyNotice ? { emergencyNotice: school.emergencyNotice } : {}),
    };
    this.#keys.set(`${kind}:${c.id}:${key}`, { body, receipt });
    return structuredClone(receipt);
  }

  #view(m: StoredMessage, reader: SenderKind, locale: string): Message {
    const c = this.conversations.get(m.conversationId)!;
    const other: SenderKind = m.sender.kind === 'family' ? 'staff' : 'family';
    const view: Message = { ...m, state: c.lastRead[other] >= m.seq ? 'read' : 'sent' };
    if (m.sender.kind !== reader && m.locale !== locale) view.translation = this.#translate(m.body, m.locale, locale);
    return view;
  }

  #page(c: StoredConversation, reader: SenderKind, page: PageRequest): MessagePage {
    const all = this.messages(c.id).filter((m) => page.before === undefined || m.seq < page.before);
    const slice = all.slice(-MESSAGE_PAGE_SIZE);
    const hasMore = all.length > slice.length;
    const items = slice.map((m) => this.#view(m, reader, page.lang));
    return { items, hasMore, ...(hasMore && items.length ? { before: items[0]!.seq } : {}) };
  }

  #present(c: StoredConversation, reader: SenderKind): Conversation {
    const family = this.families.get(c.familyId)!;
    const school = this.schools.get(c.schoolId)!;
    const messages = this.messages(c.id);
    const last = messages[messages.length - 1];
    const other: SenderKind = reader === 'family' ? 'staff' : 'family';
    const staff = c.staffId ? this.staff.get(c.staffId) : undefined;
    return {
      id: c.id,
      schoolId: c.schoolId,
      schoolName: school.name,
      ...(c.student ? { student: c.student } : {}),
      with: staff ? { kind: 'staff', id: staff.id, name: staff.name } : { kind: 'office', name: school.officeName },
      family: { id: family.id, name: family.name, locale: family.locale },
      unread: messages.filter((m) => m.sender.kind === other && m.seq > c.lastRead[reader]).length,
      ...(last
        ? { lastMessage: { seq: last.seq, preview: last.body.slice(0, 140), senderKind: last.sender.kind, createdAt: last.createdAt } }
        : {}),
      availability: availabilityOf(staff ? staff.hours : school.officeHours),
      createdAt: c.createdAt,
    };
  }

  #concerns(stream: Stream, entry: LogEntry): boolean {
    const c = this.conversations.get(entry.conversationId)!;
    return stream.reader.kind === 'family' ? c.familyId === stream.reader.familyId : this.#staffSees(stream.reader.staff!, c);
  }

  #deliver(stream: Stream, entry: LogEntry): void {
    if (!this.#concerns(stream, entry)) return;
    if (entry.kind === 'message')
      stream.source.emit(STREAM_EVENTS.message, entry.seq, this.#view(entry.message, stream.reader.kind, stream.reader.locale));
    else stream.source.emit(STREAM_EVENTS.read, entry.seq, entry.receipt);
  }

  #publish(entry: LogEntry): void {
    this.log.push(entry);
    // After the caller's answer, as a real server's stream lags its response a little.
    setTimeout(() => {
      for (const stream of this.streams) this.#deliver(stream, entry);
    }, this.#latencyMs + 1);
  }

  #openStream(reader: Stream['reader'], lastEventId: number | undefined): MemoryEventSource {
    const source = new MemoryEventSource((s) => {
      for (const stream of this.streams) if (stream.source === s) this.streams.delete(stream);
    });
    const stream: Stream = { source, reader };
    const from = lastEventId ?? this.#seq;
    setTimeout(() => {
      if (source.readyState === 2) return;
      source.readyState = 1;
      source.dispatchEvent(new Event('open'));
      for (const entry of this.log) if (entry.seq > from) this.#deliver(stream, entry);
      this.streams.add(stream);
    }, 0);
    return source;
  }
}

function availabilityOf(hours: OfficeHours | undefined, now = new Date()): Availability {
  if (!hours || hours.schedule.regular.length === 0) return { open: true, hoursSet: false };
  const status = openStatus(hours.schedule, hours.timeZone, now);
  return { open: status.open, hoursSet: true, timeZone: hours.timeZone, ...(status.opensAt ? { nextOpening: status.opensAt } : {}) };
}

const unauthorized = (detail: string) =>
  new BackendError('unauthorized', detail, 401, { type: PROBLEM_TYPES.unauthorized, title: 'Unauthorized', status: 401, detail });
const notFound = () =>
  new BackendError('not-found', 'No conversation with this id.', 404, { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404 });
const invalid = (errors: { pointer: string; code: string; detail: string; params?: Record<string, unknown> }[]) =>
  new BackendError('invalid', 'Some fields need attention', 422, {
    type: PROBLEM_TYPES.validation,
    title: 'Some fields need attention',
    status: 422,
    errors: errors as never,
  });
