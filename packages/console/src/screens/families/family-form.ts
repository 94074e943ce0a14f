/** The "register a family" form's draft and its checks, in the staff member's language. */
import { msg } from '@lit/localize';
import type { FamilyInput } from '@tandem/protocol';
import type { Errors } from '../form-controls.js';

export interface StudentDraft {
  name: string;
  id: string;
}

export interface FamilyDraft {
  schoolId: string;
  name: string;
  email: string;
  locale: string;
  students: StudentDraft[];
}

export const emptyFamily = (schoolId: string, locale: string): FamilyDraft => ({
  schoolId,
  name: '',
  email: '',
  locale,
  students: [{ name: '', id: '' }],
});

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const MAX_STUDENTS = 20;

/** Errors keyed by field id: family-name, family-email, student-name-N, student-id-N. */
export function checkFamily(d: FamilyDraft): Errors {
  const errors: Errors = {};
  if (!d.name.trim()) errors['family-name'] = msg("Enter the family's name.", { id: 'console.families.nameRequired' });
  else if (d.name.trim().length > 200) errors['family-name'] = msg('Use at most 200 characters.', { id: 'console.families.nameTooLong' });
  if (d.email.trim() && !EMAIL.test(d.email.trim()))
    errors['family-email'] = msg('Enter an email address like name@school.org.', { id: 'console.error.emailFormat' });
  d.students.forEach((s, i) => {
    const named = s.name.trim();
    const numbered = s.id.trim();
    if (!named && !numbered) return;
    if (!named) errors[`student-name-${i}`] = msg("Enter the student's name.", { id: 'console.families.studentNameRequired' });
    if (!numbered) errors[`student-id-${i}`] = msg("Enter the school's student ID.", { id: 'console.families.studentIdRequired' });
  });
  return errors;
}

export function toFamilyInput(d: FamilyDraft): FamilyInput {
  return {
    schoolId: d.schoolId,
    name: d.name.trim(),
    ...(d.email.trim() ? { email: d.email.trim() } : {}),
    locale: d.locale,
    students: d.students
      .filter((s) => s.name.trim() && s.id.trim())
      .map((s) => ({ id: s.id.trim(), name: s.name.trim(), schoolId: d.schoolId })),
  };
}
