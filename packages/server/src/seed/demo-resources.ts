/**
 * The demo district's community resources in Saint Paul, MN: fictional organizations with plausible
 * addresses and 651-555-01xx numbers, described in English, Spanish and Hmong.
 */
import type { ResourceInput, WeeklyHours } from '@tandem/protocol';

const ZONE = 'America/Chicago';
const SAINT_PAUL = { city: 'Saint Paul', region: 'MN' };

/** The same hours on several ISO weekdays (1 = Monday). */
function hours(days: number[], opensAt: string, closesAt: string): WeeklyHours[] {
  return days.map((weekday) => ({ weekday, opensAt, closesAt }));
}
const WEEKDAYS = [1, 2, 3, 4, 5];

const FREE = { en: 'Free', es: 'Gratis', hmn: 'Dawb' };
/** School holidays of the demo year on which most places close. */
const WINTER_HOLIDAYS = [
  { date: '2026-12-24', note: { en: 'Closed for the holidays', es: 'Cerrado por las fiestas', hmn: 'Kaw vim yog hnub so' } },
  { date: '2026-12-25', note: { en: 'Closed for the holidays', es: 'Cerrado por las fiestas', hmn: 'Kaw vim yog hnub so' } },
];

export const demoResources: [string, ResourceInput][] = [
  [
    'lincoln-res-food-shelf',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: {
        en: 'East Side Family Food Shelf',
        es: 'Despensa Familiar del East Side',
        hmn: 'East Side Family Food Shelf (Chaw muab zaub mov)',
      },
      organizationName: 'East Side Neighbors Network',
      category: 'food',
      description: {
        en: 'Groceries for a week, fresh fruit and vegetables, and halal and rice options. Shop once a week; volunteers help you carry to the car or bus stop.',
        es: 'Comida para una semana, frutas y verduras frescas, y opciones halal y de arroz. Puede venir una vez por semana; los voluntarios le ayudan a llevar todo al auto o a la parada del autobús.',
        hmn: 'Zaub mov txaus noj ib lub lim tiam, txiv hmab txiv ntoo thiab zaub tshiab, muaj nqaij halal thiab mov. Tuaj tau ib lim tiam ib zaug; cov neeg pab dawb yuav pab koj nqa mus rau lub tsheb los sis chaw tos tsheb npav.',
      },
      eligibility: {
        en: 'Any family living in Saint Paul. No ID, proof of income or immigration papers needed.',
        es: 'Cualquier familia que viva en Saint Paul. No se necesita identificación, comprobante de ingresos ni papeles migratorios.',
        hmn: 'Txhua tsev neeg uas nyob hauv Saint Paul. Tsis tas muaj daim ID, daim ntawv pov thawj nyiaj khwv tau los sis ntaub ntawv nkag teb chaws.',
      },
      fees: FREE,
      languages: ['en', 'es', 'hmn', 'so'],
      phones: [{ number: '651-555-0101', type: 'voice' }],
      email: 'help@eastsidefoodshelf.example',
      url: 'https://eastsidefoodshelf.example',
      location: {
        address: '1120 Payne Ave',
        ...SAINT_PAUL,
        postalCode: '55130',
        mapUrl: 'https://www.openstreetmap.org/search?query=1120%20Payne%20Ave%20Saint%20Paul%20MN',
      },
      timeZone: ZONE,
      schedule: { regular: [...hours([2, 4], '10:00', '18:00'), ...hours([6], '09:00', '12:00')], closures: WINTER_HOLIDAYS },
    },
  ],
  [
    'lincoln-res-weekend-food-bags',
    {
      schoolIds: ['lincoln-elementary'],
      defaultLocale: 'en',
      name: {
        en: 'Lincoln Weekend Food Bags',
        es: 'Bolsas de comida para el fin de semana de Lincoln',
        hmn: 'Hnab zaub mov rau hnub so ntawm Lincoln',
      },
      organizationName: 'Lincoln Elementary',
      category: 'food',
      description: {
        en: 'A bag of easy meals and snacks for the weekend, sent home in your child’s backpack every Friday, or picked up at the front office.',
        es: 'Una bolsa con comidas fáciles y meriendas para el fin de semana, que se envía a casa en la mochila de su hijo cada viernes o se recoge en la oficina.',
        hmn: 'Ib lub hnab muaj zaub mov yooj yim ua thiab khoom noj txom ncauj rau hnub so, xa los tsev hauv koj tus menyuam lub hnab ris txhua hnub Friday, los sis tuaj khaws ntawm lub chaw ua haujlwm.',
      },
      eligibility: {
        en: 'Any Lincoln Elementary family. Sign up once with the family liaison; nobody else is told.',
        es: 'Cualquier familia de Lincoln Elementary. Inscríbase una sola vez con la persona de enlace familiar; nadie más se entera.',
        hmn: 'Txhua tsev neeg ntawm Lincoln Elementary. Sau npe ib zaug nrog tus neeg sib txuas lus rau tsev neeg; tsis muaj lwm tus paub.',
      },
      fees: FREE,
      languages: ['en', 'es', 'hmn', 'so'],
      phones: [
        {
          number: '651-555-0102',
          type: 'voice',
          description: { en: 'Family liaison', es: 'Enlace familiar', hmn: 'Tus neeg sib txuas lus rau tsev neeg' },
        },
      ],
      location: { address: '1560 Lincoln Ave', ...SAINT_PAUL, postalCode: '55105' },
      timeZone: ZONE,
      schedule: {
        regular: hours([5], '14:30', '16:00'),
        notes: {
          en: 'Front office pickup on Fridays after school.',
          es: 'Se recoge en la oficina los viernes después de clases.',
          hmn: 'Tuaj khaws ntawm lub chaw ua haujlwm hnub Friday tom qab tawm kawm ntawv.',
        },
      },
    },
  ],
  [
    'lincoln-res-community-clinic',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: {
        en: 'Rice Street Community Clinic',
        es: 'Clínica Comunitaria Rice Street',
        hmn: 'Rice Street Community Clinic (Tsev kho mob)',
      },
      organizationName: 'Rice Street Health Partners',
      category: 'health',
      categories: ['mental-health'],
      description: {
        en: 'Checkups, shots for school, dental cleanings and care when your child is sick. Interpreters at every visit.',
        es: 'Chequeos, vacunas para la escuela, limpiezas dentales y atención cuando su hijo está enfermo. Intérpretes en cada consulta.',
        hmn: 'Kuaj lub cev, txhaj tshuaj rau tsev kawm ntawv, ntxuav hniav thiab kho mob thaum koj tus menyuam mob. Muaj neeg txhais lus txhua zaus.',
      },
      eligibility: {
        en: 'Everyone, with or without insurance.',
        es: 'Todas las personas, con o sin seguro médico.',
        hmn: 'Txhua tus neeg, txawm muaj los tsis muaj ntawv pov hwm kho mob.',
      },
      fees: {
        en: 'Medical Assistance and MinnesotaCare accepted. Without insurance, you pay what you can on a sliding scale.',
        es: 'Se acepta Medical Assistance y MinnesotaCare. Sin seguro, paga lo que pueda según sus ingresos.',
        hmn: 'Txais Medical Assistance thiab MinnesotaCare. Yog tsis muaj ntawv pov hwm, koj them raws li koj muaj peev xwm.',
      },
      languages: ['en', 'es', 'hmn', 'so', 'vi'],
      phones: [
        { number: '651-555-0103', type: 'voice', description: { en: 'Appointments', es: 'Citas', hmn: 'Teem sijhawm' } },
        {
          number: '651-555-0113',
          type: 'voice',
          description: {
            en: 'Nurse line after hours',
            es: 'Línea de enfermería fuera de horario',
            hmn: 'Xov tooj rau kws saib mob thaum kaw lawm',
          },
        },
      ],
      url: 'https://ricestreetclinic.example',
      location: { address: '845 Rice St', ...SAINT_PAUL, postalCode: '55117' },
      timeZone: ZONE,
      schedule: { regular: [...hours(WEEKDAYS, '08:00', '18:00'), ...hours([6], '09:00', '13:00')], closures: WINTER_HOLIDAYS },
    },
  ],
  [
    'lincoln-res-family-counseling',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: {
        en: 'Harbor Family Counseling',
        es: 'Consejería Familiar Harbor',
        hmn: 'Harbor Family Counseling (Kev pab txog kev xav thiab lub siab)',
      },
      organizationName: 'Harbor Family Services',
      category: 'mental-health',
      description: {
        en: 'Counselors for children and parents dealing with stress, grief, worry or big changes. Sessions at the office, at school or by video.',
        es: 'Consejeros para niños y padres que enfrentan estrés, duelo, preocupaciones o cambios grandes. Sesiones en la oficina, en la escuela o por video.',
        hmn: 'Cov kws pab tham rau menyuam thiab niam txiv uas muaj kev ntxhov siab, kev tu siab, kev txhawj los sis kev hloov pauv loj. Tuaj tham tau ntawm lub chaw ua haujlwm, ntawm tsev kawm ntawv los sis hauv video.',
      },
      eligibility: {
        en: 'Children from age 3 and their families.',
        es: 'Niños desde los 3 años y sus familias.',
        hmn: 'Menyuam txij hnub nyoog 3 xyoos thiab lawv tsev neeg.',
      },
      fees: {
        en: 'Most insurance, including Medical Assistance. No one is turned away because they cannot pay.',
        es: 'La mayoría de los seguros, incluido Medical Assistance. A nadie se le niega la atención por no poder pagar.',
        hmn: 'Txais feem ntau ntawv pov hwm, suav nrog Medical Assistance. Tsis muaj leej twg raug tso tseg vim them tsis taus.',
      },
      languages: ['en', 'es', 'hmn'],
      phones: [{ number: '651-555-0104', type: 'voice' }],
      email: 'intake@harborfamily.example',
      location: { address: '470 University Ave W', ...SAINT_PAUL, postalCode: '55103' },
      timeZone: ZONE,
      schedule: { regular: [...hours([1, 2, 3, 4], '09:00', '19:00'), ...hours([5], '09:00', '17:00')] },
    },
  ],
  [
    'lincoln-res-crisis-line',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: { en: 'Family Crisis Line', es: 'Línea de Crisis para Familias', hmn: 'Xov tooj pab tsev neeg thaum muaj teeb meem ceev' },
      organizationName: 'Ramsey Family Support Collaborative',
      category: 'mental-health',
      description: {
        en: 'Call or text any time, day or night, if your child or anyone in your family is in crisis. A counselor answers and can come to you.',
        es: 'Llame o envíe un mensaje de texto a cualquier hora, de día o de noche, si su hijo o alguien de su familia está en crisis. Le atiende un consejero que puede ir a donde usted esté.',
        hmn: 'Hu los sis xa ntawv txhua lub sijhawm, nruab hnub los hmo ntuj, yog koj tus menyuam los sis leej twg hauv koj tsev neeg muaj teeb meem ceev. Ib tug kws pab tham yuav teb thiab tuaj tau cuag koj.',
      },
      eligibility: { en: 'Anyone.', es: 'Cualquier persona.', hmn: 'Txhua tus neeg.' },
      fees: FREE,
      languages: ['en', 'es', 'hmn', 'so'],
      phones: [
        { number: '651-555-0105', type: 'voice' },
        { number: '651-555-0115', type: 'text', description: { en: 'Text line', es: 'Línea de texto', hmn: 'Xa ntawv' } },
      ],
      timeZone: ZONE,
      schedule: {
        regular: hours([1, 2, 3, 4, 5, 6, 7], '00:00', '24:00'),
        notes: {
          en: 'Open 24 hours a day, every day. In an emergency call 911.',
          es: 'Abierto las 24 horas, todos los días. En una emergencia llame al 911.',
          hmn: 'Qhib 24 teev txhua hnub. Yog muaj xwm txheej ceev hu 911.',
        },
      },
    },
  ],
  [
    'lincoln-res-homework-help',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: {
        en: 'Payne-Phalen Homework Center',
        es: 'Centro de Tareas Payne-Phalen',
        hmn: 'Payne-Phalen Homework Center (Chaw pab ua homework)',
      },
      organizationName: 'East Side Learning Partners',
      category: 'tutoring',
      categories: ['after-school'],
      description: {
        en: 'Drop-in help with homework and reading from trained tutors, with computers and a quiet place to work. Snacks provided.',
        es: 'Ayuda sin cita con las tareas y la lectura, con tutores capacitados, computadoras y un lugar tranquilo para trabajar. Hay meriendas.',
        hmn: 'Tuaj tau txhua lub sijhawm qhib kom cov xib fwb qhia ntawv pab ua homework thiab nyeem ntawv, muaj computer thiab chaw ntsiag to ua haujlwm. Muaj khoom noj txom ncauj.',
      },
      eligibility: {
        en: 'Students in grades 1 to 8. Children under 10 come with an adult the first time.',
        es: 'Estudiantes de 1.º a 8.º grado. Los niños menores de 10 años vienen con un adulto la primera vez.',
        hmn: 'Cov tub ntxhais kawm qib 1 txog qib 8. Menyuam hnub nyoog qis dua 10 xyoo yuav tsum nrog ib tug neeg laus tuaj zaum thawj.',
      },
      fees: FREE,
      languages: ['en', 'es', 'hmn', 'so'],
      phones: [{ number: '651-555-0106', type: 'voice' }],
      url: 'https://eastsidelearning.example/homework',
      location: { address: '1290 Arcade St', ...SAINT_PAUL, postalCode: '55106' },
      timeZone: ZONE,
      schedule: { regular: hours([1, 2, 3, 4], '15:30', '19:00'), closures: WINTER_HOLIDAYS },
    },
  ],
  [
    'lincoln-res-housing-help',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: {
        en: 'Twin Rivers Housing Help Line',
        es: 'Línea de Ayuda para Vivienda Twin Rivers',
        hmn: 'Twin Rivers Housing Help Line (Pab txog tsev nyob)',
      },
      organizationName: 'Twin Rivers Housing Alliance',
      category: 'housing',
      categories: ['legal'],
      description: {
        en: 'Help if you are behind on rent, got an eviction notice, need a safe place tonight or are looking for an affordable apartment.',
        es: 'Ayuda si está atrasado con la renta, recibió un aviso de desalojo, necesita un lugar seguro esta noche o busca un apartamento accesible.',
        hmn: 'Pab yog koj them nqi tsev tsis tau, tau txais daim ntawv ntiab tawm, xav tau chaw nyob hmo no los sis nrhiav tsev xauj uas tus nqi tsis kim.',
      },
      eligibility: {
        en: 'Families living or working in Ramsey County.',
        es: 'Familias que viven o trabajan en el condado de Ramsey.',
        hmn: 'Cov tsev neeg uas nyob los sis ua haujlwm hauv Ramsey County.',
      },
      fees: FREE,
      languages: ['en', 'es', 'so'],
      phones: [{ number: '651-555-0107', type: 'voice' }],
      email: 'help@twinrivershousing.example',
      url: 'https://twinrivershousing.example',
      timeZone: ZONE,
      schedule: { regular: hours(WEEKDAYS, '09:00', '17:00'), closures: WINTER_HOLIDAYS },
    },
  ],
  [
    'lincoln-res-lions-club',
    {
      schoolIds: ['lincoln-elementary'],
      defaultLocale: 'en',
      name: {
        en: 'Lincoln Lions After-School Club',
        es: 'Club Después de Clases Lincoln Lions',
        hmn: 'Lincoln Lions After-School Club (Chaw zov menyuam tom qab kawm ntawv)',
      },
      organizationName: 'Lincoln Elementary Community Education',
      category: 'after-school',
      categories: ['childcare', 'tutoring'],
      description: {
        en: 'Homework time, art, soccer and a hot snack in the school building until 6:00 pm, so families who work late know their children are safe.',
        es: 'Tiempo para tareas, arte, fútbol y una merienda caliente en la escuela hasta las 6:00 p. m., para que las familias que trabajan tarde sepan que sus hijos están seguros.',
        hmn: 'Sijhawm ua homework, kos duab, ncaws pob thiab khoom noj sov nyob hauv tsev kawm ntawv txog 6:00 teev tsaus ntuj, kom cov tsev neeg uas ua haujlwm lig paub tias lawv cov menyuam nyob zoo.',
      },
      eligibility: {
        en: 'Lincoln Elementary students, kindergarten to grade 5.',
        es: 'Estudiantes de Lincoln Elementary, de kínder a 5.º grado.',
        hmn: 'Cov tub ntxhais kawm ntawm Lincoln Elementary, qib kindergarten txog qib 5.',
      },
      fees: {
        en: 'Sliding fee from $0 to $15 a week. Free for families who get free school meals.',
        es: 'Cuota según ingresos de $0 a $15 por semana. Gratis para familias con comidas escolares gratuitas.',
        hmn: 'Them raws li nyiaj khwv tau, txij $0 txog $15 ib lim tiam. Dawb rau cov tsev neeg uas tau noj mov dawb hauv tsev kawm ntawv.',
      },
      languages: ['en', 'es', 'hmn'],
      phones: [{ number: '651-555-0108', type: 'voice' }],
      location: { address: '1560 Lincoln Ave', ...SAINT_PAUL, postalCode: '55105' },
      timeZone: ZONE,
      schedule: { regular: hours(WEEKDAYS, '15:15', '18:00'), closures: WINTER_HOLIDAYS },
    },
  ],
  [
    'lincoln-res-clothing-closet',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: { en: 'Warm Hands Clothing Closet', es: 'Ropero Warm Hands', hmn: 'Warm Hands Clothing Closet (Chaw muab khaub ncaws)' },
      organizationName: 'Warm Hands Saint Paul',
      category: 'clothing',
      description: {
        en: 'Winter coats, boots, hats and mittens, school clothes and shoes for children and adults. Choose what fits; take what you need.',
        es: 'Abrigos de invierno, botas, gorros y guantes, ropa y zapatos para la escuela, para niños y adultos. Elija lo que le quede; lleve lo que necesite.',
        hmn: 'Tsho tiv no, khau looj, kaus mom thiab hnab looj tes, khaub ncaws thiab khau mus kawm ntawv rau menyuam thiab neeg laus. Xaiv qhov haum; nqa qhov koj xav tau.',
      },
      eligibility: {
        en: 'Anyone who needs clothing.',
        es: 'Cualquier persona que necesite ropa.',
        hmn: 'Txhua tus neeg uas xav tau khaub ncaws.',
      },
      fees: FREE,
      languages: ['en', 'es', 'so'],
      phones: [{ number: '651-555-0109', type: 'voice' }],
      location: { address: '655 Dale St N', ...SAINT_PAUL, postalCode: '55103' },
      timeZone: ZONE,
      schedule: { regular: [...hours([3], '15:00', '19:00'), ...hours([6], '10:00', '14:00')], closures: WINTER_HOLIDAYS },
    },
  ],
  [
    'lincoln-res-legal-clinic',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: {
        en: 'Neighborhood Legal Aid Clinic',
        es: 'Clínica de Ayuda Legal del Vecindario',
        hmn: 'Neighborhood Legal Aid Clinic (Pab txog kev cai lij choj)',
      },
      organizationName: 'Capitol City Legal Aid',
      category: 'legal',
      description: {
        en: 'Free advice from lawyers about housing, work, family, public benefits and immigration questions. Everything you say is kept private.',
        es: 'Asesoría gratuita de abogados sobre vivienda, trabajo, familia, beneficios públicos y preguntas de inmigración. Todo lo que diga es confidencial.',
        hmn: 'Cov kws lij choj pab tswv yim dawb txog tsev nyob, haujlwm, tsev neeg, kev pab los ntawm tsoomfwv thiab teeb meem nkag teb chaws. Txhua yam koj hais yuav khaws zais cia.',
      },
      eligibility: {
        en: 'Families with low income in Ramsey County. Walk in on Tuesday evenings or call for a time.',
        es: 'Familias de bajos ingresos del condado de Ramsey. Venga sin cita los martes por la tarde o llame para pedir una hora.',
        hmn: 'Cov tsev neeg uas khwv tau nyiaj tsawg hauv Ramsey County. Tuaj tsis tas teem sijhawm hnub Tuesday yav tsaus ntuj los sis hu teem sijhawm.',
      },
      fees: FREE,
      languages: ['en', 'es', 'so', 'hmn'],
      phones: [{ number: '651-555-0110', type: 'voice' }],
      url: 'https://capitolcitylegalaid.example',
      location: { address: '1085 Selby Ave', ...SAINT_PAUL, postalCode: '55104' },
      timeZone: ZONE,
      schedule: {
        regular: [...hours([2], '17:00', '20:00'), ...hours([4], '13:00', '17:00')],
        notes: {
          en: 'Interpreters for Hmong and Somali on request; call a day ahead.',
          es: 'Intérpretes de hmong y somalí si los pide; llame un día antes.',
          hmn: 'Muaj neeg txhais lus Hmoob thiab lus Somali yog koj thov; hu ib hnub ua ntej.',
        },
      },
    },
  ],
  [
    'lincoln-res-job-center',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: {
        en: 'Eastside Job and Career Center',
        es: 'Centro de Empleo y Carreras Eastside',
        hmn: 'Eastside Job and Career Center (Chaw pab nrhiav haujlwm)',
      },
      organizationName: 'Eastside Workforce Partners',
      category: 'employment',
      description: {
        en: 'Help finding a job, writing a résumé, practicing for interviews and signing up for free training and English classes.',
        es: 'Ayuda para buscar trabajo, escribir un currículum, practicar para entrevistas e inscribirse en capacitaciones y clases de inglés gratuitas.',
        hmn: 'Pab nrhiav haujlwm, sau daim ntawv qhia txog koj txoj kev ua haujlwm, xyaum teb lus nug thaum mus xam phaj thiab sau npe kawm ua haujlwm thiab kawm lus Askiv dawb.',
      },
      eligibility: {
        en: 'Adults 18 and older.',
        es: 'Personas adultas de 18 años o más.',
        hmn: 'Cov neeg laus hnub nyoog 18 xyoo rov saud.',
      },
      fees: FREE,
      languages: ['en', 'es', 'hmn', 'so'],
      phones: [{ number: '651-555-0111', type: 'voice' }],
      email: 'jobs@eastsideworkforce.example',
      location: { address: '975 E Seventh St', ...SAINT_PAUL, postalCode: '55106' },
      timeZone: ZONE,
      schedule: { regular: hours(WEEKDAYS, '09:00', '16:30'), closures: WINTER_HOLIDAYS },
    },
  ],
  [
    'lincoln-res-school-rides',
    {
      schoolIds: ['lincoln-elementary'],
      defaultLocale: 'en',
      name: {
        en: 'School Ride Connect',
        es: 'School Ride Connect: transporte escolar',
        hmn: 'School Ride Connect (Pab caij tsheb mus kawm ntawv)',
      },
      organizationName: 'Saint Paul Family Transit Program',
      category: 'transportation',
      description: {
        en: 'Free bus cards and rides to school, medical visits and school events for families without a car. Text or call a day ahead.',
        es: 'Tarjetas de autobús y viajes gratis a la escuela, a citas médicas y a eventos escolares para familias sin auto. Envíe un texto o llame un día antes.',
        hmn: 'Daim npav caij tsheb npav dawb thiab tsheb xa mus kawm ntawv, mus ntsib kws kho mob thiab mus koom tej kev ua si ntawm tsev kawm ntawv rau cov tsev neeg uas tsis muaj tsheb. Xa ntawv los sis hu ib hnub ua ntej.',
      },
      eligibility: {
        en: 'Families of Lincoln Elementary students.',
        es: 'Familias de estudiantes de Lincoln Elementary.',
        hmn: 'Cov tsev neeg uas muaj menyuam kawm ntawm Lincoln Elementary.',
      },
      fees: FREE,
      languages: ['en', 'es', 'hmn', 'so'],
      phones: [
        { number: '651-555-0112', type: 'voice' },
        {
          number: '651-555-0112',
          type: 'text',
          description: { en: 'Text to book a ride', es: 'Texto para pedir un viaje', hmn: 'Xa ntawv los thov tsheb' },
        },
      ],
      timeZone: ZONE,
      schedule: { regular: hours(WEEKDAYS, '06:30', '18:00') },
    },
  ],
  [
    'lincoln-res-little-sprouts',
    {
      schoolIds: [],
      defaultLocale: 'en',
      name: {
        en: 'Little Sprouts Child Care Center',
        es: 'Guardería Little Sprouts',
        hmn: 'Little Sprouts Child Care Center (Chaw zov menyuam yaus)',
      },
      organizationName: 'Little Sprouts Early Learning',
      category: 'childcare',
      description: {
        en: 'Licensed child care for babies and children up to age 5, with meals, outdoor play and teachers who speak Spanish and Hmong.',
        es: 'Cuidado infantil con licencia para bebés y niños de hasta 5 años, con comidas, juego al aire libre y maestras que hablan español y hmong.',
        hmn: 'Chaw zov menyuam uas muaj ntawv tso cai, rau cov me nyuam mos thiab menyuam txog 5 xyoos, muaj zaub mov, ua si sab nraum zoov thiab cov xib fwb uas hais tau lus Mev thiab lus Hmoob.',
      },
      eligibility: {
        en: 'Children from 6 weeks to 5 years old.',
        es: 'Niños de 6 semanas a 5 años.',
        hmn: 'Menyuam hnub nyoog txij 6 lub lim tiam txog 5 xyoos.',
      },
      fees: {
        en: 'Child Care Assistance (CCAP) and Early Learning Scholarships accepted. Ask about the waiting list.',
        es: 'Se aceptan el programa de asistencia para cuidado infantil (CCAP) y las becas de aprendizaje temprano. Pregunte por la lista de espera.',
        hmn: 'Txais Child Care Assistance (CCAP) thiab Early Learning Scholarships. Nug txog daim ntawv teev npe tos.',
      },
      languages: ['en', 'es', 'hmn'],
      phones: [{ number: '651-555-0114', type: 'voice' }],
      url: 'https://littlesprouts.example',
      location: { address: '1430 White Bear Ave N', ...SAINT_PAUL, postalCode: '55106' },
      timeZone: ZONE,
      schedule: { regular: hours(WEEKDAYS, '06:30', '18:00'), closures: WINTER_HOLIDAYS },
    },
  ],
];
