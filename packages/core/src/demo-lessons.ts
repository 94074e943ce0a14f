/**
 * Demo take-home lessons for MemoryBackend: `demo-lesson` (en, es, hmn), `bedtime-lesson` (a picture with
 * alt text and a Spanish recording of one part) and `conference-lesson` (with an Arabic translation, for
 * right-to-left stories and tests).
 */
import type { PublicLesson } from '@tandem/protocol';

function kitchenMath(): PublicLesson {
  return {
    id: 'demo-lesson',
    title: { en: 'Math in the kitchen', es: 'Matemáticas en la cocina', hmn: 'Kev ua lej hauv chav ua mov' },
    summary: {
      en: 'Count, measure and compare while you cook together.',
      es: 'Cuenten, midan y comparen mientras cocinan juntos.',
      hmn: 'Suav, ntsuas thiab sib piv thaum neb ua mov ua ke.',
    },
    gradeBand: 'k-2',
    subject: 'math',
    minutes: 15,
    defaultLocale: 'en',
    locales: ['en', 'es', 'hmn'],
    sections: [
      {
        id: 'why',
        heading: { en: 'Why it helps', es: 'Por qué ayuda', hmn: 'Vim li cas nws pab tau' },
        body: {
          en: 'Cooking uses numbers in a way children can **see and touch**. You do not need to be good at math to help.',
          es: 'Cocinar usa los números de una forma que los niños pueden **ver y tocar**. No necesita ser bueno en matemáticas para ayudar.',
          hmn: 'Kev ua mov siv tej lej uas menyuam **pom thiab kov tau**. Koj tsis tas yuav txawj lej los pab tau.',
        },
      },
      {
        id: 'words',
        heading: { en: 'Math words to use', es: 'Palabras de matemáticas para usar', hmn: 'Cov lus lej siv tau' },
        body: {
          en: '- *more* and *less*\n- *half* and *whole*\n- *first*, *next*, *last*\n\nMore ideas: [Vroom tips](https://www.vroom.org).',
          es: '- *más* y *menos*\n- *mitad* y *entero*\n- *primero*, *después*, *al final*\n\nMás ideas: [consejos de Vroom](https://www.vroom.org).',
          hmn: '- *ntau dua* thiab *tsawg dua*\n- *ib nrab* thiab *tag nrho*\n- *ua ntej*, *tom qab*, *kawg*\n\nLwm yam tswv yim: [Vroom](https://www.vroom.org).',
        },
      },
    ],
    steps: [
      {
        en: 'Ask your child to count the spoons.',
        es: 'Pida a su hijo que cuente las cucharas.',
        hmn: 'Hais kom koj tus menyuam suav cov diav.',
      },
      { en: 'Measure one cup of rice together.', es: 'Midan juntos una taza de arroz.', hmn: 'Nej ntsuas ib khob mov ua ke.' },
    ],
    questions: [{ en: 'Which bowl holds more?', es: '¿Qué tazón tiene más?', hmn: 'Lub tais twg tuav tau ntau dua?' }],
    tip: {
      en: 'Let your child make mistakes and try again.',
      es: 'Deje que su hijo se equivoque y vuelva a intentarlo.',
      hmn: 'Cia koj tus menyuam ua yuam kev thiab sim dua.',
    },
    updatedAt: '2026-11-01T12:00:00.000Z',
  };
}

function bedtimeReading(): PublicLesson {
  return {
    id: 'bedtime-lesson',
    title: { en: 'Reading together at bedtime', es: 'Leer juntos antes de dormir', hmn: 'Nyeem ntawv ua ke ua ntej mus pw' },
    summary: {
      en: 'A few quiet minutes with a story, in any language, every night.',
      es: 'Unos minutos tranquilos con un cuento, en cualquier idioma, cada noche.',
      hmn: 'Ob peb feeb ntsiag to nrog ib zaj dab neeg, txawm hom lus twg los xij, txhua hmo.',
    },
    gradeBand: 'pre-k',
    subject: 'reading',
    minutes: 10,
    defaultLocale: 'en',
    locales: ['en', 'es', 'hmn'],
    sections: [
      {
        id: 'why',
        heading: { en: 'Why it matters', es: 'Por qué es importante', hmn: 'Vim li cas thiaj tseem ceeb' },
        body: {
          en: 'Children who hear stories every day learn more words.\n\n**Reading in your own language counts just as much as reading in English.**',
          es: 'Los niños que escuchan cuentos todos los días aprenden más palabras.\n\n**Leer en su propio idioma cuenta tanto como leer en inglés.**',
          hmn: 'Cov menyuam uas mloog dab neeg txhua hnub kawm tau ntau lo lus.\n\n**Nyeem ua koj hom lus pab tau ib yam li nyeem ua lus Askiv.**',
        },
        audio: { es: 'https://tandem.example/audio/bedtime-why-es.mp3' },
        image: {
          url: 'https://tandem.example/images/bedtime-reading.jpg',
          alt: {
            en: 'A father and his daughter read a picture book together on her bed.',
            es: 'Un padre y su hija leen juntos un libro ilustrado en la cama de ella.',
            hmn: 'Ib tug txiv thiab nws tus ntxhais nyeem ib phau ntawv muaj duab ua ke saum nws lub txaj.',
          },
        },
      },
      {
        id: 'how',
        heading: { en: 'How to read together', es: 'Cómo leer juntos', hmn: 'Yuav nyeem ua ke li cas' },
        body: {
          en: '1. Sit close, somewhere calm.\n2. Let your child choose the book.\n3. Stop before your child gets tired.',
          es: '1. Siéntense juntos en un lugar tranquilo.\n2. Deje que su hijo elija el libro.\n3. Paren antes de que su hijo se canse.',
          hmn: '1. Zaum ze ua ke, nyob qhov chaw ntsiag to.\n2. Cia koj tus menyuam xaiv phau ntawv.\n3. Nres ua ntej koj tus menyuam nkees.',
        },
      },
    ],
    steps: [
      {
        en: 'Pick the same time every night.',
        es: 'Elija la misma hora todas las noches.',
        hmn: 'Xaiv tib lub sijhawm txhua hmo.',
      },
      {
        en: 'Read slowly, with a different voice for each character.',
        es: 'Lea despacio, con una voz distinta para cada personaje.',
        hmn: 'Nyeem maj mam, siv ib lub suab txawv rau txhua tus neeg hauv zaj dab neeg.',
      },
    ],
    questions: [
      {
        en: 'What was your favourite part?',
        es: '¿Cuál fue tu parte favorita?',
        hmn: 'Qhov twg koj nyiam tshaj plaws?',
      },
    ],
    tip: {
      en: 'No books at home? Tell a story from your own childhood.',
      es: '¿No hay libros en casa? Cuente una historia de su infancia.',
      hmn: 'Tsis muaj phau ntawv nyob tsev? Qhia ib zaj dab neeg txog thaum koj tseem yau.',
    },
    updatedAt: '2026-11-02T12:00:00.000Z',
  };
}

function conferenceQuestions(): PublicLesson {
  return {
    id: 'conference-lesson',
    title: {
      en: 'Questions for a parent–teacher conference',
      es: 'Preguntas para la reunión con la maestra',
      ar: 'أسئلة لاجتماع أولياء الأمور مع المعلم',
    },
    summary: {
      en: 'Come to the conference with two or three questions that matter to your family.',
      es: 'Venga a la reunión con dos o tres preguntas importantes para su familia.',
      ar: 'احضر الاجتماع ومعك سؤالان أو ثلاثة أسئلة تهم عائلتك.',
    },
    gradeBand: 'all',
    subject: 'school-and-family',
    minutes: 20,
    defaultLocale: 'en',
    locales: ['en', 'es', 'ar'],
    sections: [
      {
        id: 'before',
        heading: { en: 'Before the meeting', es: 'Antes de la reunión', ar: 'قبل الاجتماع' },
        body: {
          en: 'Ask your child what they enjoy at school and what feels hard.\n\nYou can ask for an **interpreter** for free. Call the school office a few days before.',
          es: 'Pregunte a su hijo qué le gusta de la escuela y qué le resulta difícil.\n\nPuede pedir un **intérprete** gratis. Llame a la oficina de la escuela unos días antes.',
          ar: 'اسأل طفلك عمّا يحبه في المدرسة وما يجده صعبًا.\n\nيمكنك طلب **مترجم** مجانًا. اتصل بمكتب المدرسة قبل الاجتماع ببضعة أيام.',
        },
      },
      {
        id: 'ask',
        heading: { en: 'Questions you can ask', es: 'Preguntas que puede hacer', ar: 'أسئلة يمكنك طرحها' },
        body: {
          en: '- What is my child good at?\n- Where does my child need help?\n- How can we help at home?',
          es: '- ¿En qué es bueno mi hijo?\n- ¿En qué necesita ayuda mi hijo?\n- ¿Cómo podemos ayudar en casa?',
          ar: '- ما الذي يُجيده طفلي؟\n- أين يحتاج طفلي إلى المساعدة؟\n- كيف يمكننا المساعدة في البيت؟',
        },
      },
    ],
    steps: [
      {
        en: 'Write down your questions on a piece of paper.',
        es: 'Escriba sus preguntas en una hoja de papel.',
        ar: 'اكتب أسئلتك على ورقة.',
      },
      {
        en: 'Bring the paper and take notes during the meeting.',
        es: 'Lleve la hoja y tome notas durante la reunión.',
        ar: 'أحضر الورقة ودوّن ملاحظاتك أثناء الاجتماع.',
      },
    ],
    questions: [
      {
        en: 'What would you like the teacher to know about your child?',
        es: '¿Qué le gustaría que la maestra supiera de su hijo?',
        ar: 'ما الذي تودّ أن يعرفه المعلم عن طفلك؟',
      },
    ],
    tip: {
      en: 'It is fine to say: "Please say that again more slowly."',
      es: 'Está bien decir: "Por favor, repítalo más despacio".',
      ar: 'لا بأس أن تقول: "من فضلك، أعد ذلك ببطء أكثر".',
    },
    updatedAt: '2026-11-03T12:00:00.000Z',
  };
}

/** Fresh copies each call. */
export function demoLessons(): PublicLesson[] {
  return [kitchenMath(), bedtimeReading(), conferenceQuestions()];
}
