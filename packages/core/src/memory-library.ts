/**
 * Community resources and take-home lessons for MemoryBackend, with the reference server's rules: the
 * same list filters, validation of feedback and completions, and one record per Idempotency-Key.
 */
import {
  PROBLEM_TYPES,
  compareResourceNames,
  matchesResourceQuery,
  validateCompletion,
  validateFeedback,
  type FieldError,
  type LessonCompletionInput,
  type LessonCompletionReceipt,
  type PublicLesson,
  type PublicResource,
  type ResourceFeedbackInput,
  type ResourceFeedbackReceipt,
  type ResourceQuery,
} from '@tandem/protocol';
import { BackendError } from './backend.js';
import { newId } from './new-id.js';

const problem = (kind: BackendError['kind'], status: number, type: string, title: string, errors?: FieldError[]) =>
  new BackendError(kind, title, status, { type, title, status, ...(errors ? { errors } : {}) });

const notFound = (what: string) => problem('not-found', 404, PROBLEM_TYPES.notFound, what);
const invalid = (errors: FieldError[]) => problem('invalid', 422, PROBLEM_TYPES.validation, 'Some answers need attention', errors);

/** Records writes once per Idempotency-Key, replaying the first receipt as the server does. */
class Replays<R> {
  readonly #seen = new Map<string, { body: string; receipt: R }>();

  once(key: string, input: unknown, write: () => R): R {
    const body = JSON.stringify(input);
    const seen = this.#seen.get(key);
    if (seen) {
      if (seen.body !== body) throw problem('invalid', 422, PROBLEM_TYPES.idempotencyMismatch, 'Idempotency-Key reused');
      return structuredClone(seen.receipt);
    }
    const receipt = write();
    this.#seen.set(key, { body, receipt });
    return structuredClone(receipt);
  }
}

export class MemoryResources {
  private readonly resources = new Map<string, PublicResource>();
  private readonly feedback: (ResourceFeedbackInput & { resourceId: string })[] = [];
  readonly #replays = new Replays<ResourceFeedbackReceipt>();

  add(resource: PublicResource): void {
    this.resources.set(resource.id, structuredClone(resource));
  }

  /** Feedback families sent, oldest first (copies). */
  feedbackFor(resourceId: string): ResourceFeedbackInput[] {
    return structuredClone(this.feedback.filter((f) => f.resourceId === resourceId).map(({ resourceId: _, ...rest }) => rest));
  }

  list(query: ResourceQuery, now = new Date()): PublicResource[] {
    if (!query.school && !query.organization) {
      throw invalid([{ pointer: '/school', code: 'required', detail: 'Say whose resources: school or organization.' }]);
    }
    return [...this.resources.values()]
      .filter((r) => matchesResourceQuery(r, query, now))
      .sort(compareResourceNames)
      .map((r) => structuredClone(r));
  }

  get(resourceId: string): PublicResource {
    const resource = this.resources.get(resourceId);
    if (!resource) throw notFound(`No published resource "${resourceId}"`);
    return structuredClone(resource);
  }

  sendFeedback(resourceId: string, input: ResourceFeedbackInput, idempotencyKey: string): ResourceFeedbackReceipt {
    return this.#replays.once(idempotencyKey, { resourceId, input }, () => {
      this.get(resourceId);
      const errors = validateFeedback(input);
      if (errors.length > 0) throw invalid(errors);
      this.feedback.push({ ...structuredClone(input), resourceId });
      return { feedbackId: newId(), resourceId, receivedAt: new Date().toISOString() };
    });
  }
}

export class MemoryLessons {
  private readonly lessons = new Map<string, PublicLesson>();
  private readonly completions: (LessonCompletionInput & { lessonId: string })[] = [];
  readonly #replays = new Replays<LessonCompletionReceipt>();

  add(lesson: PublicLesson): void {
    this.lessons.set(lesson.id, structuredClone(lesson));
  }

  /** Completions families sent, oldest first (copies). */
  completionsOf(lessonId: string): LessonCompletionInput[] {
    return structuredClone(this.completions.filter((c) => c.lessonId === lessonId).map(({ lessonId: _, ...rest }) => rest));
  }

  get(lessonId: string): PublicLesson {
    const lesson = this.lessons.get(lessonId);
    if (!lesson) throw notFound(`No published lesson "${lessonId}"`);
    return structuredClone(lesson);
  }

  complete(lessonId: string, input: LessonCompletionInput, idempotencyKey: string): LessonCompletionReceipt {
    return this.#replays.once(idempotencyKey, { lessonId, input }, () => {
      this.get(lessonId);
      const errors = validateCompletion(input);
      if (errors.length > 0) throw invalid(errors);
      this.completions.push({ ...structuredClone(input), lessonId });
      return { completionId: newId(), lessonId, completedAt: new Date().toISOString() };
    });
  }
}
