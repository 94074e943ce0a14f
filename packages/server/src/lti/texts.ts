/** The words of the LTI pages (server-rendered), in English and Spanish; other languages fall back to English. */

export type LtiFailure =
  | 'not-configured'
  | 'missing-parameters'
  | 'unknown-registration'
  | 'ambiguous-registration'
  | 'login-target'
  | 'state'
  | 'token-missing'
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'jwks'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'issued-at'
  | 'nonce'
  | 'replay'
  | 'deployment'
  | 'version'
  | 'message-type'
  | 'target-link'
  | 'content'
  | 'role'
  | 'deep-link-session'
  | 'accept-types'
  | 'storage';

export interface LtiTexts {
  lang: string;
  errorTitle: string;
  failures: Record<LtiFailure, string>;
  again: string;
  waitingTitle: string;
  waitingBody: string;
  registeredTitle: string;
  registeredBody: string;
  registrationFailedTitle: string;
  registrationFailedBody: string;
  close: string;
  connecting: string;
  needsJavaScript: string;
  pickerTitle: string;
  pickerIntro: string;
  groups: { surveys: string; events: string; resources: string; lessons: string; messages: string };
  messageBox: string;
  nothingPublished: string;
  add: string;
  chooseOne: string;
  sending: string;
  continue: string;
}

const en: LtiTexts = {
  lang: 'en',
  errorTitle: 'This LMS link could not be opened',
  failures: {
    'not-configured': 'This Tandem server has no public address set (TANDEM_PUBLIC_URL), so it cannot take LMS launches.',
    'missing-parameters': 'The LMS did not send what Tandem needs to start: its issuer and a login hint.',
    'unknown-registration': 'Tandem does not know this LMS (its issuer and client ID). An administrator has to register it first.',
    'ambiguous-registration': 'Several registrations match this LMS, and it did not say which client ID it uses.',
    'login-target': 'The LMS asked to open an address that is not part of Tandem.',
    state: 'This launch does not belong to a sign-in this browser started, or it took too long. Open the link from the LMS again.',
    'token-missing': 'The LMS did not send its signed launch message (the ID token).',
    malformed: 'The launch message from the LMS cannot be read.',
    algorithm: 'The launch message is not signed with RS256, the only signature Tandem accepts.',
    signature: "The launch message's signature does not match any key the LMS publishes.",
    jwks: "Tandem could not fetch the LMS's public keys to check the launch message.",
    issuer: 'The launch message comes from a different LMS than the one registered.',
    audience: "The launch message was meant for another tool: Tandem's client ID is not among its audience.",
    expired: 'The launch message has expired. Open the link from the LMS again.',
    'issued-at': "The launch message's time is missing or too far from now. Check the clocks of the LMS and of Tandem.",
    nonce: 'The launch message does not carry the one-time code of this sign-in (nonce).',
    replay: 'This launch message was already used once. Open the link from the LMS again.',
    deployment: 'This LMS deployment is not known to Tandem. An administrator has to connect it to Tandem first.',
    version: 'The launch is not LTI version 1.3.0.',
    'message-type': 'Tandem does not handle this kind of LTI message.',
    'target-link': 'The address in the launch message does not match the one the LMS started the sign-in with.',
    content: 'This link does not point at Tandem content that is published in this school.',
    role: 'Only instructors and staff can add Tandem content to a course.',
    'deep-link-session': 'This content picker has expired or was already used. Start again from the LMS.',
    'accept-types': 'The LMS does not accept links to Tandem content here.',
    storage: "The LMS's storage did not confirm this launch. Open the link from the LMS again.",
  },
  again: 'If this keeps happening, show this message to your Tandem administrator.',
  waitingTitle: 'Waiting for approval',
  waitingBody:
    'Tandem is installed in this LMS, but it is waiting for your Tandem administrator to approve it. Please try again once they have.',
  registeredTitle: 'Tandem is registered',
  registeredBody: 'Your Tandem administrator now has to approve this registration in the Tandem console before teachers can use it.',
  registrationFailedTitle: 'Tandem could not be registered',
  registrationFailedBody: 'The LMS registration did not complete:',
  close: 'You can close this window.',
  connecting: 'Connecting to Tandem…',
  needsJavaScript: 'This step needs JavaScript. Please turn it on and open the link again.',
  pickerTitle: 'Add Tandem content',
  pickerIntro: 'Choose what to add to your course.',
  groups: { surveys: 'Surveys', events: 'Events', resources: 'Resources', lessons: 'Lessons', messages: 'Messages' },
  messageBox: 'Message box: families write to the school',
  nothingPublished: 'Nothing published yet.',
  add: 'Add to course',
  chooseOne: 'Choose one item to add.',
  sending: 'Sending your choice back to the LMS…',
  continue: 'Continue',
};

const es: LtiTexts = {
  lang: 'es',
  errorTitle: 'No se pudo abrir este enlace del LMS',
  failures: {
    'not-configured':
      'Este servidor de Tandem no tiene una dirección pública configurada (TANDEM_PUBLIC_URL), así que no puede recibir lanzamientos del LMS.',
    'missing-parameters': 'El LMS no envió lo que Tandem necesita para empezar: su emisor y una pista de inicio de sesión.',
    'unknown-registration': 'Tandem no conoce este LMS (su emisor y su ID de cliente). Primero un administrador tiene que registrarlo.',
    'ambiguous-registration': 'Varios registros coinciden con este LMS y no indicó qué ID de cliente usa.',
    'login-target': 'El LMS pidió abrir una dirección que no forma parte de Tandem.',
    state:
      'Este lanzamiento no corresponde a un inicio de sesión que empezó este navegador, o tardó demasiado. Vuelva a abrir el enlace desde el LMS.',
    'token-missing': 'El LMS no envió su mensaje de lanzamiento firmado (el token de ID).',
    malformed: 'No se puede leer el mensaje de lanzamiento del LMS.',
    algorithm: 'El mensaje de lanzamiento no está firmado con RS256, la única firma que Tandem acepta.',
    signature: 'La firma del mensaje de lanzamiento no coincide con ninguna clave que publica el LMS.',
    jwks: 'Tandem no pudo obtener las claves públicas del LMS para comprobar el mensaje de lanzamiento.',
    issuer: 'El mensaje de lanzamiento viene de un LMS distinto del registrado.',
    audience: 'El mensaje de lanzamiento era para otra herramienta: el ID de cliente de Tandem no está entre sus destinatarios.',
    expired: 'El mensaje de lanzamiento ha caducado. Vuelva a abrir el enlace desde el LMS.',
    'issued-at': 'La hora del mensaje de lanzamiento falta o está demasiado lejos de la actual. Revise los relojes del LMS y de Tandem.',
    nonce: 'El mensaje de lanzamiento no lleva el código de un solo uso de este inicio de sesión (nonce).',
    replay: 'Este mensaje de lanzamiento ya se usó una vez. Vuelva a abrir el enlace desde el LMS.',
    deployment: 'Tandem no conoce esta implementación del LMS. Un administrador tiene que conectarla primero con Tandem.',
    version: 'El lanzamiento no es de la versión 1.3.0 de LTI.',
    'message-type': 'Tandem no maneja este tipo de mensaje LTI.',
    'target-link': 'La dirección del mensaje de lanzamiento no coincide con la que el LMS usó al iniciar la sesión.',
    content: 'Este enlace no lleva a contenido de Tandem publicado en esta escuela.',
    role: 'Solo los docentes y el personal pueden agregar contenido de Tandem a un curso.',
    'deep-link-session': 'Este selector de contenido caducó o ya se usó. Vuelva a empezar desde el LMS.',
    'accept-types': 'El LMS no acepta enlaces a contenido de Tandem aquí.',
    storage: 'El almacenamiento del LMS no confirmó este lanzamiento. Vuelva a abrir el enlace desde el LMS.',
  },
  again: 'Si esto sigue pasando, muestre este mensaje al administrador de Tandem.',
  waitingTitle: 'En espera de aprobación',
  waitingBody:
    'Tandem está instalado en este LMS, pero está esperando que el administrador de Tandem lo apruebe. Vuelva a intentarlo cuando lo haya hecho.',
  registeredTitle: 'Tandem está registrado',
  registeredBody:
    'Ahora el administrador de Tandem tiene que aprobar este registro en la consola de Tandem antes de que los docentes puedan usarlo.',
  registrationFailedTitle: 'No se pudo registrar Tandem',
  registrationFailedBody: 'El registro en el LMS no se completó:',
  close: 'Puede cerrar esta ventana.',
  connecting: 'Conectando con Tandem…',
  needsJavaScript: 'Este paso necesita JavaScript. Actívelo y vuelva a abrir el enlace.',
  pickerTitle: 'Agregar contenido de Tandem',
  pickerIntro: 'Elija qué agregar a su curso.',
  groups: { surveys: 'Encuestas', events: 'Eventos', resources: 'Recursos', lessons: 'Lecciones', messages: 'Mensajes' },
  messageBox: 'Buzón de mensajes: las familias escriben a la escuela',
  nothingPublished: 'Todavía no hay nada publicado.',
  add: 'Agregar al curso',
  chooseOne: 'Elija un elemento para agregar.',
  sending: 'Enviando su elección al LMS…',
  continue: 'Continuar',
};

/** Texts for an LTI locale (`es`, `es-MX`, `en-US`…); anything not Spanish reads English. */
export function ltiTexts(locale: string | undefined): LtiTexts {
  return locale?.toLowerCase().split(/[-_]/)[0] === 'es' ? es : en;
}
