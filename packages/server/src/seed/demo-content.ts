/** The demo school's surveys and events, written in English, Spanish and Hmong. */
import type { EventContent } from '../store/events.js';
import type { SurveyContent } from '../store/surveys.js';

export const LINCOLN = { slug: 'lincoln', name: 'Lincoln Unified School District' };
export const LINCOLN_ELEMENTARY = { id: 'lincoln-elementary', name: 'Lincoln Elementary' };

export const FAMILY_SURVEY_ID = 'lincoln-family-survey';
export const PICNIC_SURVEY_ID = 'lincoln-fall-picnic-2025';

/**
 * The family survey. `q-improve` has no Hmong text on purpose: the widget must show the English
 * fallback and mark it, and the demo makes that visible.
 */
export const familySurvey: SurveyContent = {
  title: {
    en: 'How are we doing? Family survey 2026',
    es: '¿Cómo lo estamos haciendo? Encuesta para familias 2026',
    hmn: 'Peb ua tau li cas lawm? Daim ntawv nug tsev neeg xyoo 2026',
  },
  description: {
    en: 'Your answers help Lincoln Elementary serve every family better. It takes about five minutes, and your answers are anonymous.',
    es: 'Sus respuestas ayudan a Lincoln Elementary a servir mejor a todas las familias. Toma unos cinco minutos y sus respuestas son anónimas.',
    hmn: 'Koj cov lus teb pab tau Lincoln Elementary pab txhua tsev neeg kom zoo dua. Siv sijhawm li tsib feeb xwb, thiab tsis muaj leej twg paub tias yog koj teb.',
  },
  sections: [
    {
      id: 'about-family',
      title: { en: 'About your family', es: 'Sobre su familia', hmn: 'Hais txog koj tsev neeg' },
      questions: [
        {
          id: 'q-grade',
          type: 'single-choice',
          required: true,
          prompt: {
            en: 'Which grade is your child in?',
            es: '¿En qué grado está su hijo o hija?',
            hmn: 'Koj tus menyuam kawm qib twg?',
          },
          help: {
            en: 'If you have more than one child at Lincoln, answer for the youngest.',
            es: 'Si tiene más de un hijo o hija en Lincoln, responda pensando en el menor.',
            hmn: 'Yog koj muaj ntau tshaj ib tug menyuam kawm ntawm Lincoln, teb rau tus yau tshaj.',
          },
          options: [
            { id: 'kindergarten', label: { en: 'Kindergarten', es: 'Kínder', hmn: 'Qib Kindergarten' } },
            { id: 'grades-1-2', label: { en: 'Grades 1–2', es: '1.º o 2.º grado', hmn: 'Qib 1 los sis qib 2' } },
            { id: 'grades-3-4', label: { en: 'Grades 3–4', es: '3.º o 4.º grado', hmn: 'Qib 3 los sis qib 4' } },
            { id: 'grade-5', label: { en: 'Grade 5', es: '5.º grado', hmn: 'Qib 5' } },
          ],
        },
        {
          id: 'q-contact',
          type: 'multiple-choice',
          required: false,
          prompt: {
            en: 'How do you like to hear from the school?',
            es: '¿Cómo prefiere recibir noticias de la escuela?',
            hmn: 'Koj nyiam kom tsev kawm ntawv qhia xov rau koj li cas?',
          },
          help: { en: 'Choose all that apply.', es: 'Elija todas las opciones que correspondan.', hmn: 'Xaiv tau ntau yam.' },
          options: [
            { id: 'text', label: { en: 'Text message', es: 'Mensaje de texto', hmn: 'Xa ntawv hauv xov tooj' } },
            { id: 'email', label: { en: 'Email', es: 'Correo electrónico', hmn: 'Email' } },
            { id: 'phone', label: { en: 'Phone call', es: 'Llamada telefónica', hmn: 'Hu xov tooj' } },
            { id: 'paper', label: { en: 'Paper notes sent home', es: 'Notas en papel enviadas a casa', hmn: 'Daim ntawv xa los tsev' } },
            { id: 'app', label: { en: 'The school app', es: 'La aplicación de la escuela', hmn: 'Lub app ntawm tsev kawm ntawv' } },
          ],
        },
        {
          id: 'q-interpreter',
          type: 'yes-no',
          required: false,
          prompt: {
            en: 'Would you like an interpreter at school meetings?',
            es: '¿Le gustaría contar con un intérprete en las reuniones de la escuela?',
            hmn: 'Koj puas xav tau ib tug neeg txhais lus thaum muaj rooj sib tham ntawm tsev kawm ntawv?',
          },
        },
      ],
    },
    {
      id: 'experience',
      title: { en: 'Your experience', es: 'Su experiencia', hmn: 'Koj qhov kev pom' },
      description: {
        en: 'Think about this school year so far.',
        es: 'Piense en lo que va de este año escolar.',
        hmn: 'Xav txog xyoo kawm ntawv no txij thaum pib los txog niaj hnub no.',
      },
      questions: [
        {
          id: 'q-welcome',
          type: 'rating',
          scale: 5,
          required: true,
          prompt: {
            en: 'How welcome does your family feel at Lincoln Elementary?',
            es: '¿Qué tan bien recibida se siente su familia en Lincoln Elementary?',
            hmn: 'Koj tsev neeg xav tias Lincoln Elementary txais tos nej zoo npaum li cas?',
          },
          lowLabel: { en: 'Not welcome at all', es: 'Nada bien recibida', hmn: 'Tsis txais tos li' },
          highLabel: { en: 'Very welcome', es: 'Muy bien recibida', hmn: 'Txais tos zoo heev' },
        },
        {
          id: 'q-informed',
          type: 'rating',
          scale: 5,
          required: false,
          prompt: {
            en: "How well does the school keep you informed about your child's learning?",
            es: '¿Qué tan bien le informa la escuela sobre el aprendizaje de su hijo o hija?',
            hmn: 'Tsev kawm ntawv qhia rau koj txog koj tus menyuam txoj kev kawm zoo npaum li cas?',
          },
          lowLabel: { en: 'Not well', es: 'Nada bien', hmn: 'Tsis zoo' },
          highLabel: { en: 'Very well', es: 'Muy bien', hmn: 'Zoo heev' },
        },
        {
          id: 'q-teacher-contact',
          type: 'yes-no',
          required: true,
          prompt: {
            en: "Do you know how to reach your child's teacher?",
            es: '¿Sabe cómo comunicarse con el maestro o la maestra de su hijo o hija?',
            hmn: 'Koj puas paub yuav tiv tauj koj tus menyuam tus xib fwb li cas?',
          },
        },
      ],
    },
    {
      id: 'ideas',
      title: { en: 'Your ideas', es: 'Sus ideas', hmn: 'Koj cov tswv yim' },
      questions: [
        {
          id: 'q-going-well',
          type: 'short-text',
          required: false,
          maxLength: 200,
          prompt: {
            en: 'In a few words, what is the school doing well?',
            es: 'En pocas palabras, ¿qué está haciendo bien la escuela?',
            hmn: 'Hais luv luv xwb, tsev kawm ntawv ua dab tsi tau zoo?',
          },
        },
        {
          id: 'q-improve',
          type: 'long-text',
          required: false,
          prompt: {
            en: 'What is one thing we could do better for your family?',
            es: '¿Qué es algo que podríamos hacer mejor por su familia?',
          },
          help: {
            en: 'Big or small, every idea helps. Write in whichever language you prefer.',
            es: 'Grande o pequeña, toda idea ayuda. Escriba en el idioma que prefiera.',
          },
        },
      ],
    },
  ],
};

export const picnicSurvey: SurveyContent = {
  title: {
    en: 'Fall family picnic 2025: how did it go?',
    es: 'Picnic familiar de otoño 2025: ¿qué tal estuvo?',
    hmn: 'Kev noj mov sab nraum zoov caij nplooj zeeg 2025: zoo li cas?',
  },
  description: {
    en: 'Thank you for coming to the picnic! This survey is now closed.',
    es: '¡Gracias por venir al picnic! Esta encuesta ya está cerrada.',
    hmn: 'Ua tsaug uas koj tuaj koom kev noj mov! Daim ntawv nug no kaw lawm.',
  },
  sections: [
    {
      id: 'picnic',
      questions: [
        {
          id: 'q-enjoyed',
          type: 'rating',
          scale: 5,
          required: true,
          prompt: {
            en: 'How much did your family enjoy the picnic?',
            es: '¿Cuánto disfrutó su familia del picnic?',
            hmn: 'Koj tsev neeg nyiam kev noj mov no npaum li cas?',
          },
          lowLabel: { en: 'Not at all', es: 'Nada', hmn: 'Tsis nyiam li' },
          highLabel: { en: 'Very much', es: 'Muchísimo', hmn: 'Nyiam heev' },
        },
        {
          id: 'q-come-again',
          type: 'yes-no',
          required: false,
          prompt: {
            en: 'Would you come again next year?',
            es: '¿Volvería el próximo año?',
            hmn: 'Xyoo tom ntej koj puas yuav tuaj dua?',
          },
        },
      ],
    },
  ],
};

export const FAMILY_MATH_NIGHT_ID = 'lincoln-family-math-night';

/** Family Math Night: two sessions of 40 places, asking every family need. */
export const familyMathNight = {
  content: {
    title: { en: 'Family Math Night', es: 'Noche de Matemáticas en Familia', hmn: 'Hmo Kawm Lej Ua Tsev Neeg' },
    description: {
      en: 'Play math games with your child, meet the teachers and take home free activity kits. Dinner is provided. Come to either session.',
      es: 'Jueguen juntos juegos de matemáticas, conozcan a los maestros y llévense kits de actividades gratis. Habrá cena. Vengan a cualquiera de las dos sesiones.',
      hmn: 'Tuaj ua si kev ua lej nrog koj tus menyuam, ntsib cov xib fwb thiab nqa cov khoom ua si dawb mus tsev. Muaj hmo noj. Tuaj tau ib lub sijhawm twg los tau.',
    },
    place: {
      name: { en: 'Lincoln Elementary gym', es: 'Gimnasio de Lincoln Elementary', hmn: 'Chav ua si ntawm Lincoln Elementary' },
      address: '1200 Lincoln Ave, Saint Paul, MN 55105',
      mapUrl: 'https://www.openstreetmap.org/search?query=1200%20Lincoln%20Ave%20Saint%20Paul',
    },
    audience: { grades: ['K', '1', '2', '3', '4', '5'] },
    needsAsked: ['interpreter', 'childcare', 'transportation', 'accessibility'],
  } satisfies EventContent,
  timeZone: 'America/Chicago',
  sessions: [
    { id: 'early', startsAt: '2027-03-04T17:00:00-06:00', endsAt: '2027-03-04T18:15:00-06:00', capacity: 40 },
    { id: 'late', startsAt: '2027-03-04T18:30:00-06:00', endsAt: '2027-03-04T19:45:00-06:00', capacity: 40 },
  ],
};
