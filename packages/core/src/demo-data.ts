/** Demo surveys for MemoryBackend: every question type over two pages, in English, Spanish and some Hmong. */
import type { PublicSurvey } from '@tandem/protocol';

const school = { id: 'lincoln', name: 'Lincoln Elementary' };

/**
 * Fresh copies each call. Hmong is deliberately incomplete (the long-text question, the rating's end
 * labels and the second page's title have none) so the "shown in English" fallback can be seen.
 */
export function demoSurveys(): PublicSurvey[] {
  const demo: PublicSurvey = {
    id: 'demo',
    title: {
      en: 'Family feedback: how is the school year going?',
      es: 'Opinión de las familias: ¿cómo va el año escolar?',
      hmn: 'Tsev neeg cov lus xav: xyoo kawm ntawv mus li cas lawm?',
    },
    description: {
      en: 'Five minutes, anonymous. Your answers help us plan.',
      es: 'Cinco minutos, anónimo. Sus respuestas nos ayudan a planificar.',
      hmn: 'Tsib feeb xwb, tsis qhia npe. Koj cov lus teb pab peb npaj.',
    },
    defaultLocale: 'en',
    locales: ['en', 'es', 'hmn'],
    status: 'published',
    school,
    sections: [
      {
        id: 'your-child',
        title: { en: 'Your child', es: 'Su hijo o hija', hmn: 'Koj tus menyuam' },
        questions: [
          {
            id: 'grade',
            type: 'single-choice',
            required: true,
            prompt: { en: 'What grade is your child in?', es: '¿En qué grado está su hijo o hija?', hmn: 'Koj tus menyuam kawm qib twg?' },
            options: [
              { id: 'k', label: { en: 'Kindergarten', es: 'Kínder', hmn: 'Qib me' } },
              { id: '1-2', label: { en: 'Grade 1 or 2', es: '1.º o 2.º grado', hmn: 'Qib 1 los yog 2' } },
              { id: '3-5', label: { en: 'Grade 3, 4 or 5', es: '3.º, 4.º o 5.º grado', hmn: 'Qib 3, 4 los yog 5' } },
            ],
          },
          {
            id: 'happy',
            type: 'rating',
            required: true,
            scale: 5,
            prompt: {
              en: 'How happy is your child at school?',
              es: '¿Qué tan feliz está su hijo o hija en la escuela?',
              hmn: 'Koj tus menyuam zoo siab npaum li cas nyob tom tsev kawm ntawv?',
            },
            lowLabel: { en: 'Not happy', es: 'Nada feliz' },
            highLabel: { en: 'Very happy', es: 'Muy feliz' },
          },
          {
            id: 'homework-help',
            type: 'yes-no',
            required: false,
            prompt: {
              en: 'Would you like help with homework at home?',
              es: '¿Le gustaría recibir ayuda con las tareas en casa?',
              hmn: 'Koj puas xav tau kev pab ua homework hauv tsev?',
            },
            help: { en: 'We run a free homework club on Tuesdays.', es: 'Tenemos un club de tareas gratuito los martes.' },
          },
        ],
      },
      {
        id: 'school',
        title: { en: 'Our school', es: 'Nuestra escuela' },
        questions: [
          {
            id: 'contact',
            type: 'multiple-choice',
            required: false,
            maxSelected: 2,
            prompt: {
              en: 'How would you like us to contact you?',
              es: '¿Cómo prefiere que nos comuniquemos con usted?',
              hmn: 'Koj xav kom peb tiv tauj koj li cas?',
            },
            help: { en: 'Choose up to two.', es: 'Elija hasta dos.', hmn: 'Xaiv tau ob yam xwb.' },
            options: [
              { id: 'text', label: { en: 'Text message', es: 'Mensaje de texto', hmn: 'Xov tooj ntawv' } },
              { id: 'phone', label: { en: 'Phone call', es: 'Llamada telefónica', hmn: 'Hu xov tooj' } },
              { id: 'email', label: { en: 'Email', es: 'Correo electrónico', hmn: 'Email' } },
              { id: 'paper', label: { en: 'Paper note home', es: 'Nota en papel', hmn: 'Daim ntawv xa mus tsev' } },
            ],
          },
          {
            id: 'language',
            type: 'short-text',
            required: false,
            maxLength: 60,
            prompt: {
              en: 'Which language do you prefer at meetings?',
              es: '¿Qué idioma prefiere en las reuniones?',
              hmn: 'Koj nyiam hais lus twg thaum sib tham?',
            },
          },
          {
            id: 'ideas',
            type: 'long-text',
            required: false,
            prompt: {
              en: 'What could the school do better for your family?',
              es: '¿Qué podría hacer mejor la escuela por su familia?',
            },
          },
          {
            id: 'events',
            type: 'rating',
            required: false,
            scale: 10,
            prompt: {
              en: 'How likely are you to come to a family event this year?',
              es: '¿Qué tan probable es que venga a un evento familiar este año?',
            },
            lowLabel: { en: 'Not likely', es: 'Poco probable' },
            highLabel: { en: 'Very likely', es: 'Muy probable' },
          },
        ],
      },
    ],
  };
  const closed: PublicSurvey = {
    id: 'closed-demo',
    title: { en: 'Fall picnic: what should we bring?', es: 'Pícnic de otoño: ¿qué llevamos?' },
    defaultLocale: 'en',
    locales: ['en', 'es'],
    status: 'closed',
    school,
    sections: [
      {
        id: 'picnic',
        questions: [
          {
            id: 'dish',
            type: 'short-text',
            required: true,
            prompt: { en: 'What dish would you like to bring?', es: '¿Qué plato le gustaría traer?' },
          },
        ],
      },
    ],
  };
  return [demo, closed];
}
