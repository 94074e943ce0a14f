// Importing a package's define module registers its tag; the bundler keeps only the widgets imported here.
import '@tandem/core/tandem-config.js';
import '@tandem/survey/tandem-survey.js';
import '@tandem/event-rsvp/tandem-event-rsvp.js';
import '@tandem/resource-card/tandem-resource-card.js';
import '@tandem/lesson-viewer/tandem-lesson-viewer.js';
import '@tandem/message-box/tandem-message-box.js';

const activity = document.querySelector('#activity');

/** Widget events bubble out of their shadow roots (`composed`), so one listener on the document hears them all. */
const describe = {
  'tandem-submitted': (detail) => `Survey answers saved (response ${detail.responseId}).`,
  'tandem-rsvp-changed': (detail) => `RSVP ${detail.cancelled ? 'cancelled' : detail.status}.`,
  'tandem-feedback-sent': (detail) => `Resource feedback sent: ${detail.helpful ? 'helpful' : 'not helpful'}.`,
  'tandem-lesson-completed': (detail) => `Lesson tried, read in ${detail.locale}.`,
  'tandem-signed-in': (detail) => `Signed in as ${detail.name}.`,
  'tandem-message-sent': () => 'Message sent to the school.',
  'tandem-error': (detail) => `Problem: ${detail.message}`,
};

for (const [name, text] of Object.entries(describe)) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.dataset.event = name;
    item.textContent = text(event.detail);
    activity.append(item);
  });
}
