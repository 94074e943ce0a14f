/**
 * Shared pieces of the console's content screens (Surveys, Events, Resources, Lessons). Import from the module
 * you need, or from here:
 * - localized-text.ts: LocalizedText helpers (keptText, requiredText, withOptional), machine-translation marks
 *   (MachineMarks, markMachineTranslated, markReviewed, marksFor), ownName/dirOf, localesWithText, newId, moveItem.
 * - localized-field.ts: renderLocalizedField (a text in the default language with its translation beside it,
 *   lang/dir per control, error, "Mark reviewed"), renderLanguagePickers (#default-locale / #second-locale).
 * - translate-missing.ts: translateMissing / hasMissing over TranslatableField[] + the notices to show after.
 * - content-list.ts: renderContentList (heading + New + loading/empty/error + table) and cell helpers.
 * - confirm-box.ts: renderConfirm (inline "Publish this …?" box, #confirm-heading).
 * - preview-panel.ts: renderPreviewPanel (language select, Show/Refresh, RTL frame around the real widget).
 * - embed-snippets.ts: embedSnippets / copySnippet / renderEmbed (script + iframe code with one-click Copy).
 * - content-words.ts: Draft/Published, Saved., Your changes are still here.
 * - content.styles.ts: contentStyles, after ScreenElement's (or base/button/field-error) styles, before your own.
 * - content-screen.ts: ContentScreen, the base class of the four screens (editing state, focusLater, announce,
 *   the beforeunload guard).
 */
export * from './confirm-box.js';
export * from './content-list.js';
export * from './content-screen.js';
export * from './content-words.js';
export * from './embed-snippets.js';
export * from './localized-field.js';
export * from './localized-text.js';
export * from './preview-panel.js';
export * from './translate-missing.js';
export { contentStyles } from './content.styles.js';
