/**
 * Machine-translation marks as content is created and edited: only marks that still describe a text are kept, an
 * edit that sends marks replaces them, and one that does not keeps them except on the texts a person changed.
 */
import { keptMarks, marksAfterEdit, type MachineTranslated, type TextsByKey } from '@tandem/protocol';

type Marked = { machineTranslated?: MachineTranslated | undefined };

/** `content` carrying `marks` as far as they describe its texts; without the field when none are left. */
export function withKeptMarks<T extends Marked>(content: T, marks: MachineTranslated | undefined, texts: TextsByKey): T {
  const { machineTranslated: _dropped, ...rest } = content;
  const kept = keptMarks(marks, texts);
  return (kept ? { ...rest, machineTranslated: kept } : rest) as T;
}

/** The marks after an edit: the ones it sent, or the stored ones minus those on texts the edit changed. */
export function editedMarks(
  sent: MachineTranslated | undefined,
  stored: MachineTranslated | undefined,
  before: TextsByKey,
  after: TextsByKey,
): MachineTranslated | undefined {
  return sent !== undefined ? keptMarks(sent, after) : marksAfterEdit(stored, before, after);
}
