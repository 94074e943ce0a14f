/** What a lesson keeps on the device: the last good copy (IndexedDB, for reading offline) and the family's progress (localStorage). */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { PublicLesson } from '@tandem/protocol';

let store: UseStore | undefined;
// Opened on first use so importing the widget never touches IndexedDB.
const db = () => (store ??= createStore('tandem-lessons', 'copies'));

/** Names the server and the lesson, so two schools' lessons with one id never mix. */
export const lessonKey = (backendKey: string, lessonId: string) => `${backendKey}|lesson|${lessonId}`;

/* Blocked storage (private modes, sandboxed frames) must not break reading: the widget just keeps less. */

export async function loadSavedLesson(key: string): Promise<PublicLesson | undefined> {
  try {
    return await get<PublicLesson>(key, db());
  } catch {
    return undefined;
  }
}

/** Keeps `lesson` unless the copy on the device is already this version. */
export async function saveLesson(key: string, lesson: PublicLesson): Promise<void> {
  try {
    const saved = await get<PublicLesson>(key, db());
    if (saved?.updatedAt !== lesson.updatedAt) await set(key, lesson, db());
  } catch (error) {
    console.warn('Tandem: could not keep the lesson for reading offline', error);
  }
}

export async function forgetLesson(key: string): Promise<void> {
  try {
    await del(key, db());
  } catch {
    // Nothing to forget where storage is blocked.
  }
}

export interface LessonProgress {
  /** Sections the family marked as read (or listened to the end of). */
  read: string[];
  /** The section the family was reading last, to offer "continue where you left off". */
  at?: string;
}

const progressKey = (key: string) => `tandem:lesson-progress:${key}`;

export function loadProgress(key: string): LessonProgress {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(progressKey(key)) ?? 'null') as Partial<LessonProgress> | null;
    const read = Array.isArray(value?.read) ? value.read.filter((id): id is string => typeof id === 'string') : [];
    return typeof value?.at === 'string' ? { read, at: value.at } : { read };
  } catch {
    return { read: [] };
  }
}

export function saveProgress(key: string, progress: LessonProgress): void {
  try {
    globalThis.localStorage?.setItem(progressKey(key), JSON.stringify(progress));
  } catch {
    // Not remembering is acceptable; failing to read the lesson is not.
  }
}
