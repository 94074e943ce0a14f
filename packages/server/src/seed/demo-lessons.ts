/** The demo school's take-home lessons, written for Tandem in English, Spanish and Hmong (RPA). */
import type { LessonInput } from '@tandem/protocol';

export const BEDTIME_READING_ID = 'lincoln-bedtime-reading';
export const KITCHEN_MATH_ID = 'lincoln-kitchen-math';
export const CONFERENCE_QUESTIONS_ID = 'lincoln-conference-questions';

export const bedtimeReading: LessonInput = {
  schoolIds: [],
  defaultLocale: 'en',
  gradeBand: 'k-2',
  subject: 'reading',
  minutes: 15,
  title: {
    en: 'Reading together at bedtime',
    es: 'Leer juntos a la hora de dormir',
    hmn: 'Nyeem ntawv ua ke thaum yuav mus pw',
  },
  summary: {
    en: 'Fifteen quiet minutes with a book, in any language, help your child love reading and sleep well.',
    es: 'Quince minutos tranquilos con un libro, en cualquier idioma, ayudan a su hijo a amar la lectura y a dormir bien.',
    hmn: 'Kaum tsib feeb nrog ib phau ntawv, txawm yog hais lus dab tsi los xij, pab koj tus menyuam nyiam nyeem ntawv thiab pw tsaug zog zoo.',
  },
  sections: [
    {
      id: 'why',
      heading: { en: 'Why it matters', es: 'Por qué es importante', hmn: 'Vim li cas thiaj tseem ceeb' },
      body: {
        en: 'Children who hear stories every day learn more words, and words are what reading is built on.\n\nYou do not need to read English to help. **Reading in your own language counts just as much.** Your child learns how stories work, how to listen, and that books are something your family enjoys together.',
        es: 'Los niños que escuchan cuentos todos los días aprenden más palabras, y las palabras son la base de la lectura.\n\nNo necesita leer en inglés para ayudar. **Leer en su propio idioma cuenta igual.** Su hijo aprende cómo funcionan los cuentos, a escuchar y que los libros son algo que su familia disfruta junta.',
        hmn: 'Cov menyuam uas tau mloog dab neeg txhua hnub kawm tau ntau lo lus, thiab lo lus yog lub hauv paus ntawm kev nyeem ntawv.\n\nKoj tsis tas yuav paub nyeem lus Askiv los pab tau. **Nyeem ua koj hom lus los pab tau ib yam nkaus.** Koj tus menyuam kawm tias dab neeg mus li cas, kawm mloog, thiab kawm tias phau ntawv yog ib yam uas koj tsev neeg nyiam ua ke.',
      },
    },
    {
      id: 'how',
      heading: { en: 'How to read together', es: 'Cómo leer juntos', hmn: 'Yuav nyeem ua ke li cas' },
      body: {
        en: '- Sit close, somewhere calm, with the lights low.\n- Let your child choose the book, even if it is the same one again.\n- Point to the pictures and *wonder out loud*: "What do you think will happen?"\n- Stop before your child gets tired. Ending happy makes tomorrow easier.',
        es: '- Siéntense juntos en un lugar tranquilo, con poca luz.\n- Deje que su hijo elija el libro, aunque sea el mismo otra vez.\n- Señale los dibujos y *pregúntese en voz alta*: "¿Qué crees que va a pasar?"\n- Paren antes de que su hijo se canse. Terminar contentos hace que mañana sea más fácil.',
        hmn: '- Zaum ze ua ke, nyob rau ib qho chaw ntsiag to, tua teeb kom tsaus me ntsis.\n- Cia koj tus menyuam xaiv phau ntawv, txawm yog phau qub dua los tau.\n- Taw rau cov duab thiab *nug nrov nrov*: "Koj xav tias yuav muaj dab tsi tshwm sim?"\n- Nres ua ntej koj tus menyuam nkees. Xaus thaum tseem zoo siab ces tag kis yuav yooj yim dua.',
      },
    },
    {
      id: 'no-books',
      heading: {
        en: 'No books at home? No problem',
        es: '¿No tiene libros en casa? No hay problema',
        hmn: 'Tsis muaj phau ntawv nyob tsev? Tsis ua li cas',
      },
      body: {
        en: 'Tell a story from your own childhood, or make one up together. You can also borrow books for free at the Saint Paul Public Library, in many languages: [sppl.org](https://sppl.org). Ask the school office for a library card form.',
        es: 'Cuente una historia de su propia infancia o inventen una juntos. También puede pedir libros prestados gratis en la Biblioteca Pública de Saint Paul, en muchos idiomas: [sppl.org](https://sppl.org). Pida en la oficina de la escuela un formulario para la tarjeta de la biblioteca.',
        hmn: 'Qhia ib zaj dab neeg txog thaum koj tseem yau, los sis sib pab tsim ib zaj tshiab. Koj kuj qiv tau phau ntawv dawb ntawm Saint Paul Public Library, muaj ntau hom lus: [sppl.org](https://sppl.org). Nug lub chaw ua haujlwm ntawm tsev kawm ntawv kom muab daim ntawv thov daim npav qiv ntawv rau koj.',
      },
    },
  ],
  steps: [
    {
      en: 'Pick the same time every night, for example right after brushing teeth.',
      es: 'Elija la misma hora todas las noches, por ejemplo justo después de cepillarse los dientes.',
      hmn: 'Xaiv tib lub sijhawm txhua hmo, piv txwv li tom qab txhuam hniav tas.',
    },
    {
      en: 'Let your child choose a book or ask for a story.',
      es: 'Deje que su hijo elija un libro o le pida un cuento.',
      hmn: 'Cia koj tus menyuam xaiv ib phau ntawv los sis thov kom koj qhia ib zaj dab neeg.',
    },
    {
      en: 'Read slowly, using different voices for different characters.',
      es: 'Lea despacio y use voces distintas para cada personaje.',
      hmn: 'Nyeem maj mam, siv ntau lub suab sib txawv rau txhua tus neeg hauv zaj dab neeg.',
    },
    {
      en: 'Pause once or twice to ask a question and listen to the answer.',
      es: 'Haga una o dos pausas para hacer una pregunta y escuchar la respuesta.',
      hmn: 'Nres ib zaug los sis ob zaug nug ib lo lus nug thiab mloog nws teb.',
    },
    {
      en: 'Finish with a hug and one sentence about your favourite part.',
      es: 'Terminen con un abrazo y una frase sobre la parte que más le gustó.',
      hmn: 'Xaus nrog ib qho puag thiab hais ib kab lus txog qhov koj nyiam tshaj.',
    },
  ],
  questions: [
    {
      en: 'Who was your favourite person in the story? Why?',
      es: '¿Quién fue tu personaje favorito del cuento? ¿Por qué?',
      hmn: 'Leej twg yog tus koj nyiam tshaj hauv zaj dab neeg? Vim li cas?',
    },
    {
      en: 'How do you think they felt at the end?',
      es: '¿Cómo crees que se sintió al final?',
      hmn: 'Koj xav tias thaum kawg nws xav li cas?',
    },
    { en: 'What would you have done instead?', es: '¿Qué habrías hecho tú en su lugar?', hmn: 'Yog koj, koj yuav ua li cas?' },
    {
      en: 'Does this story remind you of something that happened to you?',
      es: '¿Este cuento te recuerda algo que te pasó a ti?',
      hmn: 'Zaj dab neeg no puas ua rau koj nco txog ib yam uas tau tshwm sim rau koj?',
    },
  ],
  tip: {
    en: 'Keep a basket of books next to the bed. When books are easy to reach, reading becomes a habit.',
    es: 'Tenga una canasta de libros junto a la cama. Cuando los libros están a la mano, leer se vuelve un hábito.',
    hmn: 'Muab ib lub pob tawb ntim phau ntawv tso ze ntawm txaj. Thaum phau ntawv nyob ze, kev nyeem ntawv yuav dhau los ua ib tug cwj pwm.',
  },
};

export const kitchenMath: LessonInput = {
  schoolIds: [],
  defaultLocale: 'en',
  gradeBand: '3-5',
  subject: 'math',
  minutes: 20,
  title: { en: 'Math in the kitchen', es: 'Matemáticas en la cocina', hmn: 'Lej hauv chav ua noj' },
  summary: {
    en: 'Cooking together is real math: counting, measuring, fractions and time, with something tasty at the end.',
    es: 'Cocinar juntos es matemática de verdad: contar, medir, fracciones y tiempo, con algo rico al final.',
    hmn: 'Ua noj ua ke yog lej tiag tiag: suav, ntsuas, feem thiab sijhawm, thiab thaum kawg muaj ib yam qab qab noj.',
  },
  sections: [
    {
      id: 'why',
      heading: { en: 'Why the kitchen?', es: '¿Por qué la cocina?', hmn: 'Vim li cas yog chav ua noj?' },
      body: {
        en: 'In class your child learns fractions and measuring on paper. In the kitchen they can **see and touch** them: two half cups really do fill one cup.\n\nAny recipe works, from rice to tortillas to a fruit salad. Use the dishes your family already loves.',
        es: 'En clase su hijo aprende fracciones y medidas en papel. En la cocina puede **verlas y tocarlas**: dos medias tazas de verdad llenan una taza.\n\nSirve cualquier receta, desde arroz hasta tortillas o una ensalada de frutas. Usen los platillos que su familia ya disfruta.',
        hmn: 'Hauv chav kawm, koj tus menyuam kawm txog feem thiab kev ntsuas rau hauv daim ntawv. Hauv chav ua noj, nws **pom thiab kov tau** tiag: ob lub ib nrab khob puv tau ib khob tiag tiag.\n\nUa zaub mov dab tsi los tau, txawm yog hau mov, ua ncuav los sis ua txiv hmab txiv ntoo sib xyaw. Siv cov zaub mov uas koj tsev neeg twb nyiam lawm.',
      },
    },
    {
      id: 'math-to-look-for',
      heading: { en: 'Math to look for', es: 'Matemáticas que puede encontrar', hmn: 'Lej uas nrhiav tau' },
      body: {
        en: '1. **Counting:** How many eggs, spoons or tortillas do we need?\n2. **Measuring:** Fill a cup, then fill it halfway. Which holds more?\n3. **Fractions:** Cut a fruit into halves, then quarters. How many pieces now?\n4. **Time:** If the rice cooks for 20 minutes and starts at 5:10, when is it ready?',
        es: '1. **Contar:** ¿Cuántos huevos, cucharas o tortillas necesitamos?\n2. **Medir:** Llene una taza y luego llénela hasta la mitad. ¿Cuál tiene más?\n3. **Fracciones:** Corte una fruta en mitades y luego en cuartos. ¿Cuántos pedazos hay ahora?\n4. **Tiempo:** Si el arroz se cocina 20 minutos y empieza a las 5:10, ¿a qué hora estará listo?',
        hmn: '1. **Suav:** Peb xav tau pes tsawg lub qe, rab diav los sis daim ncuav?\n2. **Ntsuas:** Hliv kom puv ib khob, ces hliv ib nrab khob. Lub twg ntim tau ntau dua?\n3. **Feem:** Txiav ib lub txiv ua ob daim, ces ua plaub daim. Tam sim no muaj pes tsawg daim?\n4. **Sijhawm:** Yog hau mov 20 feeb thiab pib thaum 5:10, thaum twg mov thiaj siav?',
      },
    },
  ],
  steps: [
    {
      en: 'Choose a simple recipe together and read the list of ingredients out loud.',
      es: 'Elijan juntos una receta sencilla y lean en voz alta la lista de ingredientes.',
      hmn: 'Sib pab xaiv ib yam zaub mov yooj yim thiab nyeem nrov nrov tej khoom yuav siv.',
    },
    {
      en: 'Ask your child to count out everything you need and set it on the table.',
      es: 'Pida a su hijo que cuente todo lo que necesitan y lo ponga en la mesa.',
      hmn: 'Hais kom koj tus menyuam suav txhua yam uas xav tau thiab muab tso rau saum rooj.',
    },
    {
      en: 'Let your child do the measuring with cups and spoons while you hold the bowl.',
      es: 'Deje que su hijo mida con tazas y cucharas mientras usted sostiene el recipiente.',
      hmn: 'Cia koj tus menyuam siv khob thiab diav ntsuas, koj tuav lub tais.',
    },
    {
      en: 'Cut something into equal parts and name the fraction: halves, thirds, quarters.',
      es: 'Corten algo en partes iguales y nombren la fracción: mitades, tercios, cuartos.',
      hmn: 'Txiav ib yam ua ntau daim sib luag thiab hais lub npe ntawm feem: ib nrab, ib feem peb, ib feem plaub.',
    },
    {
      en: 'Set a timer together and check how many minutes are left.',
      es: 'Pongan juntos un temporizador y revisen cuántos minutos faltan.',
      hmn: 'Sib pab teem sijhawm thiab saib seb tseem tshuav pes tsawg feeb.',
    },
  ],
  questions: [
    {
      en: 'If we wanted to cook for twice as many people, how much of each thing would we need?',
      es: 'Si quisiéramos cocinar para el doble de personas, ¿cuánto necesitaríamos de cada cosa?',
      hmn: 'Yog peb xav ua noj rau ob npaug neeg, peb yuav xav tau txhua yam ntau npaum li cas?',
    },
    {
      en: 'Which is bigger: half of the pizza or a quarter of it? How do you know?',
      es: '¿Qué es más grande: la mitad de la pizza o un cuarto? ¿Cómo lo sabes?',
      hmn: 'Qhov twg loj dua: ib nrab ntawm lub ncuav los sis ib feem plaub? Koj paub li cas?',
    },
    {
      en: 'Where else do we use numbers at home?',
      es: '¿En qué otros lugares de la casa usamos números?',
      hmn: 'Peb siv zauv rau qhov twg ntxiv hauv tsev?',
    },
  ],
  tip: {
    en: 'Talk about the math while you cook, not after. "We need three more spoons, how many is that altogether?" is a math lesson.',
    es: 'Hablen de las matemáticas mientras cocinan, no después. "Necesitamos tres cucharadas más, ¿cuántas son en total?" ya es una clase de matemáticas.',
    hmn: 'Tham txog lej thaum nej tab tom ua noj, tsis yog tom qab. "Peb xav tau peb diav ntxiv, tag nrho yog pes tsawg diav?" twb yog ib zaj lej lawm.',
  },
};

export const conferenceQuestions: LessonInput = {
  schoolIds: [],
  defaultLocale: 'en',
  gradeBand: 'all',
  subject: 'school-and-family',
  minutes: 15,
  title: {
    en: 'Preparing questions for a parent–teacher conference',
    es: 'Preparar preguntas para la reunión con la maestra o el maestro',
    hmn: 'Npaj lus nug rau rooj sib tham nrog xib fwb',
  },
  summary: {
    en: 'A conference is short. A few questions written down before you go help you learn what matters most about your child.',
    es: 'La reunión es corta. Unas cuantas preguntas escritas antes de ir le ayudan a saber lo más importante sobre su hijo.',
    hmn: 'Rooj sib tham tsis ntev. Sau ob peb lo lus nug ua ntej koj mus yuav pab koj paub tej yam tseem ceeb tshaj txog koj tus menyuam.',
  },
  sections: [
    {
      id: 'you-are-the-expert',
      heading: {
        en: 'You know your child best',
        es: 'Usted es quien mejor conoce a su hijo',
        hmn: 'Koj yog tus paub koj tus menyuam zoo tshaj',
      },
      body: {
        en: 'Teachers want to hear from you. What your child loves, what worries them and how they learn at home helps the teacher help them.\n\nYou can ask for an **interpreter** for free. Tell the school office which language you need when you get your conference time.',
        es: 'Los maestros quieren escucharle. Lo que a su hijo le gusta, lo que le preocupa y cómo aprende en casa ayuda al maestro a apoyarlo.\n\nPuede pedir un **intérprete** gratis. Cuando le den la hora de su reunión, diga en la oficina de la escuela qué idioma necesita.',
        hmn: 'Cov xib fwb xav mloog koj hais. Yam koj tus menyuam nyiam, yam ua rau nws txhawj thiab nws kawm li cas nyob tsev pab tau tus xib fwb pab nws.\n\nKoj thov tau ib tug **neeg txhais lus** dawb. Thaum lawv muab sijhawm sib tham rau koj, qhia rau lub chaw ua haujlwm ntawm tsev kawm ntawv tias koj xav tau hom lus twg.',
      },
    },
    {
      id: 'questions-to-ask',
      heading: { en: 'Questions you might ask', es: 'Preguntas que puede hacer', hmn: 'Cov lus nug uas koj nug tau' },
      body: {
        en: '- What is my child doing well?\n- What is hard for my child right now?\n- How are they getting along with other children?\n- What can we do at home to help?\n- What is the best way to reach you?',
        es: '- ¿Qué está haciendo bien mi hijo?\n- ¿Qué se le hace difícil ahora?\n- ¿Cómo se lleva con los demás niños?\n- ¿Qué podemos hacer en casa para ayudar?\n- ¿Cuál es la mejor manera de comunicarme con usted?',
        hmn: '- Kuv tus menyuam ua tau zoo rau yam twg?\n- Tam sim no yam twg nyuaj rau kuv tus menyuam?\n- Nws nrog lwm cov menyuam sib raug zoo li cas?\n- Peb ua tau dab tsi nyob tsev los pab?\n- Kuv yuav tiv tauj koj li cas thiaj yooj yim tshaj?',
      },
    },
    {
      id: 'after',
      heading: { en: 'After the conference', es: 'Después de la reunión', hmn: 'Tom qab rooj sib tham' },
      body: {
        en: 'Share one good thing the teacher said with your child *the same day*. Then pick one idea to try at home this week.',
        es: 'Cuéntele a su hijo una cosa buena que dijo el maestro *ese mismo día*. Luego elija una idea para probar en casa esta semana.',
        hmn: 'Qhia ib yam zoo uas tus xib fwb hais rau koj tus menyuam *hnub ntawd*. Ces xaiv ib lub tswv yim los sim nyob tsev lub lim tiam no.',
      },
    },
  ],
  steps: [
    {
      en: 'Ask your child: "What do you want your teacher to know about you?"',
      es: 'Pregúntele a su hijo: "¿Qué quieres que tu maestro sepa de ti?"',
      hmn: 'Nug koj tus menyuam: "Koj xav kom koj tus xib fwb paub dab tsi txog koj?"',
    },
    {
      en: 'Write down two or three questions, in any language.',
      es: 'Escriba dos o tres preguntas, en cualquier idioma.',
      hmn: 'Sau ob los sis peb lo lus nug, siv hom lus twg los tau.',
    },
    {
      en: 'Put the most important question first, in case time runs short.',
      es: 'Ponga primero la pregunta más importante, por si el tiempo no alcanza.',
      hmn: 'Muab lo lus nug tseem ceeb tshaj tso ua ntej, tsam sijhawm tsis txaus.',
    },
    {
      en: 'Bring your list and a pen, and write down what the teacher says.',
      es: 'Lleve su lista y una pluma, y apunte lo que dice el maestro.',
      hmn: 'Nqa koj daim ntawv teev lus nug thiab ib tug cwj mem, thiab sau tej yam tus xib fwb hais.',
    },
  ],
  questions: [
    {
      en: 'What are you proud of at school this year?',
      es: '¿De qué estás orgulloso en la escuela este año?',
      hmn: 'Xyoo no koj zoo siab txog yam twg ntawm tsev kawm ntawv?',
    },
    {
      en: 'Is there anything that feels hard or unfair at school?',
      es: '¿Hay algo en la escuela que se te haga difícil o injusto?',
      hmn: 'Puas muaj ib yam dab tsi ntawm tsev kawm ntawv uas nyuaj los sis tsis ncaj ncees rau koj?',
    },
    {
      en: 'Who do you like to sit with or play with?',
      es: '¿Con quién te gusta sentarte o jugar?',
      hmn: 'Koj nyiam nrog leej twg zaum los sis ua si?',
    },
  ],
  tip: {
    en: 'If a conference time does not work for you, ask for another time or a phone call. Teachers would rather move the time than miss you.',
    es: 'Si la hora de la reunión no le funciona, pida otra hora o una llamada por teléfono. Los maestros prefieren cambiar la hora a no verle.',
    hmn: 'Yog lub sijhawm sib tham tsis haum rau koj, thov lwm lub sijhawm los sis thov kom lawv hu xov tooj rau koj. Cov xib fwb xav hloov sijhawm dua li tsis tau nrog koj tham.',
  },
};

/** Every demo lesson by id, in the order the demo lists them. */
export const demoLessons: [string, LessonInput][] = [
  [BEDTIME_READING_ID, bedtimeReading],
  [KITCHEN_MATH_ID, kitchenMath],
  [CONFERENCE_QUESTIONS_ID, conferenceQuestions],
];
