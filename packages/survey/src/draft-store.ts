/** Keeps a family's unsent answers on the device, per survey, so a reload or a crash loses nothing. */
import type { Answers } from '@tandem/protocol';

export interface Draft {
  answers: Answers;
  page: number;
}

const PREFIX = 'tandem:survey-draft:';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Some privacy modes throw on access; the survey still works, only without drafts.
    return undefined;
  }
}

export function draftKey(backendKey: string, surveyId: string): string {
  return `${PREFIX}${backendKey}|${surveyId}`;
}

export function loadDraft(key: string): Draft | undefined {
  const raw = storage()?.getItem(key);
  if (!raw) return undefined;
  try {
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.answers !== 'object' || draft.answers === null) return undefined;
    return { answers: draft.answers, page: typeof draft.page === 'number' ? draft.page : 0 };
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // A full or blocked storage must not stop the family from answering.
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}
