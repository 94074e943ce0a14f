// A React app using @tandem/react: typed props, and `on…` props for the widgets' events.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TandemConfig, TandemEventRsvp, TandemLessonViewer, TandemMessageBox, TandemResourceCard, TandemSurvey } from '@tandem/react';

function App() {
  const [activity, setActivity] = useState<string[]>([]);
  const note = (line: string) => setActivity((lines) => [...lines, line]);
  const [lang, setLang] = useState('en');

  return (
    <>
      <h1>Tandem widgets in a React app</h1>
      <label>
        Language of the widgets{' '}
        <select value={lang} onChange={(event) => setLang(event.target.value)}>
          <option value="en">English</option>
          <option value="es">Español</option>
          <option value="ar">العربية</option>
        </select>
      </label>

      {/* Every widget inside TandemConfig talks to the server that serves this page. */}
      <TandemConfig backend="/">
        <section aria-labelledby="survey-heading">
          <h2 id="survey-heading">Family survey</h2>
          <TandemSurvey
            surveyId="lincoln-family-survey"
            lang={lang}
            onTandemSubmitted={(event) => note(`Survey answers saved (response ${event.detail.responseId}).`)}
            onTandemError={(event) => note(`Problem: ${event.detail.message}`)}
          />
        </section>
        <section aria-labelledby="event-heading">
          <h2 id="event-heading">Family Math Night</h2>
          <TandemEventRsvp
            eventId="lincoln-family-math-night"
            lang={lang}
            onTandemRsvpChanged={(event) => note(`RSVP ${event.detail.cancelled ? 'cancelled' : event.detail.status}.`)}
          />
        </section>
        <section aria-labelledby="resource-heading">
          <h2 id="resource-heading">Food shelf</h2>
          <TandemResourceCard
            resourceId="lincoln-res-food-shelf"
            lang={lang}
            onTandemFeedbackSent={(event) => note(`Resource feedback sent: ${event.detail.helpful ? 'helpful' : 'not helpful'}.`)}
          />
        </section>
        <section aria-labelledby="lesson-heading">
          <h2 id="lesson-heading">Learning at home</h2>
          <TandemLessonViewer
            lessonId="lincoln-kitchen-math"
            lang={lang}
            onTandemLessonCompleted={(event) => note(`Lesson tried, read in ${event.detail.locale}.`)}
          />
        </section>
        <section aria-labelledby="messages-heading">
          <h2 id="messages-heading">Message the school</h2>
          <TandemMessageBox
            lang={lang}
            onTandemSignedIn={(event) => note(`Signed in as ${event.detail.name}.`)}
            onTandemMessageSent={() => note('Message sent to the school.')}
          />
        </section>
      </TandemConfig>

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">What the widgets told this app</h2>
        <ul id="activity" aria-live="polite">
          {activity.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
