/**
 * Demo community resources for MemoryBackend, stories and component tests (school `lincoln-elementary`): varied categories,
 * languages spoken, schedules (weekday, late-night, none, a closure) and one resource written first in Arabic.
 */
import type { PublicResource } from '@tandem/protocol';

const updatedAt = '2026-11-01T12:00:00.000Z';
const weekdays = (opensAt: string, closesAt: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }));
const everyDay = (opensAt: string, closesAt: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt, closesAt }));

/** Fresh copies each call. */
export function demoResources(): PublicResource[] {
  return [
    {
      id: 'demo-food-shelf',
      schoolIds: [],
      name: { en: 'Eastside Community Food Shelf', es: 'Banco de Alimentos Comunitario Eastside', hmn: 'Chaw Muab Zaub Mov Eastside' },
      organizationName: 'Eastside Neighbors',
      description: {
        en: 'Free groceries once a week for any family in the school district. Fresh produce on Tuesdays.',
        es: 'Comestibles gratis una vez por semana para cualquier familia del distrito. Frutas y verduras frescas los martes.',
        hmn: 'Zaub mov dawb ib lub lim tiam ib zaug rau txhua tsev neeg. Muaj zaub thiab txiv hmab txiv ntoo tshiab txhua hnub Tuesday.',
      },
      category: 'food',
      languages: ['en', 'es', 'hmn'],
      eligibility: {
        en: 'Anyone who lives in the district. No ID needed.',
        es: 'Cualquier persona que viva en el distrito. No se pide identificación.',
      },
      fees: { en: 'Free', es: 'Gratis', hmn: 'Dawb' },
      phones: [{ number: '651-555-0110', type: 'voice' }],
      url: 'https://food.example.org/',
      location: { address: '880 Payne Ave', city: 'Saint Paul', region: 'MN', postalCode: '55130' },
      timeZone: 'America/Chicago',
      schedule: { regular: weekdays('10:00', '18:00') },
      defaultLocale: 'en',
      locales: ['en', 'es', 'hmn'],
      updatedAt,
    },
    {
      id: 'demo-homework-help',
      schoolIds: ['lincoln-elementary'],
      name: { en: 'Homework Help Club', es: 'Club de Ayuda con la Tarea' },
      organizationName: 'Lincoln Elementary',
      description: {
        en: 'Teachers and volunteers help with homework after school in the library. A snack is provided.',
        es: 'Maestros y voluntarios ayudan con la tarea después de clases en la biblioteca. Se ofrece un refrigerio.',
      },
      category: 'tutoring',
      categories: ['after-school'],
      languages: ['en', 'es', 'so'],
      fees: { en: 'Free', es: 'Gratis' },
      phones: [{ number: '651-555-0120', type: 'voice' }],
      timeZone: 'America/Chicago',
      schedule: { regular: [1, 2, 3, 4].map((weekday) => ({ weekday, opensAt: '14:45', closesAt: '16:30' })) },
      defaultLocale: 'en',
      locales: ['en', 'es'],
      updatedAt,
    },
    {
      // Open late, past midnight: "closes at 2:00 AM" while open, and a night owl's test of overnight hours.
      id: 'demo-family-helpline',
      schoolIds: [],
      name: { en: 'Family Support Line', es: 'Línea de Apoyo Familiar', so: 'Khadka Taageerada Qoyska', ar: 'خط دعم الأسرة' },
      organizationName: 'Ramsey County Family Services',
      description: {
        en: 'Talk or text with a trained counselor about stress, worry or a family crisis. Interpreters on request.',
        es: 'Hable o escriba con un consejero capacitado sobre estrés, preocupaciones o una crisis familiar. Intérpretes a pedido.',
        so: 'La hadal ama u qor lataliye tababaran oo ku saabsan walaac ama dhibaato qoys. Turjubaan waa la heli karaa.',
        ar: 'تحدث أو راسل مستشارًا مدربًا بشأن الضغط أو القلق أو أزمة عائلية. يتوفر مترجمون عند الطلب.',
      },
      category: 'mental-health',
      languages: ['en', 'es', 'so', 'ar'],
      fees: { en: 'Free and confidential', es: 'Gratis y confidencial', so: 'Bilaash iyo qarsoodi', ar: 'مجاني وسري' },
      phones: [
        { number: '651-555-0130', type: 'voice' },
        { number: '651-555-0131', type: 'text', description: { en: 'Text line', es: 'Mensajes de texto' } },
      ],
      url: 'https://helpline.example.org/',
      timeZone: 'America/Chicago',
      schedule: { regular: everyDay('16:00', '02:00') },
      defaultLocale: 'en',
      locales: ['en', 'es', 'so', 'ar'],
      updatedAt,
    },
    {
      id: 'demo-family-clinic',
      schoolIds: ['lincoln-elementary'],
      name: { en: 'Westside Family Clinic', es: 'Clínica Familiar Westside', so: 'Rugta Qoyska Westside' },
      organizationName: 'Westside Community Health',
      description: {
        en: 'Checkups, vaccines and sick visits for children and parents. Walk-ins welcome on Saturday mornings.',
        es: 'Chequeos, vacunas y consultas por enfermedad para niños y padres. Sin cita los sábados por la mañana.',
        so: 'Baaritaan, tallaal iyo booqasho bukaan oo loogu talagalay carruurta iyo waalidiinta.',
      },
      category: 'health',
      languages: ['en', 'es', 'so'],
      eligibility: {
        en: 'Families with or without insurance.',
        es: 'Familias con o sin seguro médico.',
      },
      fees: {
        en: 'Sliding fee based on income; no one is turned away.',
        es: 'Tarifa según ingresos; atendemos a todos.',
      },
      phones: [
        { number: '651-555-0140', type: 'voice' },
        { number: '651-555-0149', type: 'fax' },
      ],
      email: 'front-desk@clinic.example.org',
      location: {
        address: '153 Cesar Chavez St',
        city: 'Saint Paul',
        region: 'MN',
        postalCode: '55107',
        mapUrl: 'https://www.openstreetmap.org/?mlat=44.9318&mlon=-93.0808',
      },
      timeZone: 'America/Chicago',
      schedule: {
        regular: [...weekdays('08:00', '17:00'), { weekday: 6, opensAt: '09:00', closesAt: '13:00' }],
        closures: [{ date: '2026-11-26', note: { en: 'Thanksgiving', es: 'Día de Acción de Gracias' } }],
      },
      defaultLocale: 'en',
      locales: ['en', 'es', 'so'],
      updatedAt,
    },
    {
      // No schedule at all: the card must say nothing about hours rather than "closed".
      id: 'demo-winter-coats',
      schoolIds: ['lincoln-elementary'],
      name: { en: 'Winter Coat Closet', es: 'Ropero de Abrigos de Invierno', hmn: 'Chaw Muab Tsho Tiv No' },
      organizationName: 'Lincoln Elementary PTA',
      description: {
        en: 'Warm coats, boots, hats and mittens for students. Ask the front office or send an email to pick a time.',
        es: 'Abrigos, botas, gorros y guantes para estudiantes. Pregunte en la oficina o envíe un correo para elegir una hora.',
        hmn: 'Tsho tiv no, khau looj, kaus mom thiab hnab looj tes rau cov tub ntxhais kawm ntawv.',
      },
      category: 'clothing',
      languages: ['en', 'es', 'hmn'],
      eligibility: { en: 'Any Lincoln student.', es: 'Cualquier estudiante de Lincoln.', hmn: 'Txhua tus menyuam kawm ntawv Lincoln.' },
      fees: { en: 'Free', es: 'Gratis', hmn: 'Dawb' },
      phones: [],
      email: 'pta@lincoln.example.org',
      timeZone: 'America/Chicago',
      defaultLocale: 'en',
      locales: ['en', 'es', 'hmn'],
      updatedAt,
    },
    {
      // Written first in Arabic: its default language is `ar`, so other families see Arabic fallback text right to left.
      id: 'demo-immigration-legal',
      schoolIds: [],
      name: { ar: 'المساعدة القانونية للمهاجرين', en: 'Immigrant Legal Help' },
      organizationName: 'Twin Cities Legal Aid',
      description: {
        ar: 'استشارات قانونية مجانية حول الهجرة والسكن وحقوق العمل. يرجى الاتصال لحجز موعد.',
        en: 'Free legal advice about immigration, housing and workers’ rights. Please call to book an appointment.',
      },
      category: 'legal',
      categories: ['housing'],
      languages: ['ar', 'en', 'so'],
      eligibility: { ar: 'الأسر ذات الدخل المحدود.', en: 'Families with low income.' },
      fees: { ar: 'مجاني', en: 'Free' },
      phones: [{ number: '612-555-0150', type: 'voice' }],
      url: 'https://legal.example.org/',
      location: { address: '2500 Central Ave NE', city: 'Minneapolis', region: 'MN', postalCode: '55418' },
      timeZone: 'America/Chicago',
      schedule: { regular: [2, 4].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '17:00' })) },
      defaultLocale: 'ar',
      locales: ['ar', 'en'],
      updatedAt,
    },
  ];
}
