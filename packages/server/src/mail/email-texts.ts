/**
 * The few emails the server sends, in the family's language. Short and plain: no message text is
 * copied into email (it may be private), only that something is waiting and where.
 */
import { matchSupportedLocale, type SupportedLocale } from '@tandem/protocol';

interface Texts {
  signInSubject: (school: string) => string;
  signInBody: (link: string) => string;
  replySubject: (staff: string) => string;
  replyBody: (staff: string, school: string) => string;
  promotedSubject: string;
  promotedBody: string;
}

const TEXTS: Record<SupportedLocale, Texts> = {
  en: {
    signInSubject: (school) => `Your sign-in link for ${school}`,
    signInBody: (link) =>
      `Open this link to sign in to messages with the school. It works once, for 15 minutes.\n\n${link}\n\nIf you did not ask for it, ignore this email.`,
    replySubject: (staff) => `New message from ${staff}`,
    replyBody: (staff, school) => `${staff} (${school}) sent you a message. Open the school's website to read and answer it.`,
    promotedSubject: 'A place opened for you',
    promotedBody: 'Good news: a place opened up and your RSVP is now confirmed.',
  },
  es: {
    signInSubject: (school) => `Su enlace para entrar a ${school}`,
    signInBody: (link) =>
      `Abra este enlace para entrar a los mensajes con la escuela. Funciona una vez, durante 15 minutos.\n\n${link}\n\nSi usted no lo pidió, ignore este correo.`,
    replySubject: (staff) => `Nuevo mensaje de ${staff}`,
    replyBody: (staff, school) => `${staff} (${school}) le envió un mensaje. Abra el sitio web de la escuela para leerlo y responder.`,
    promotedSubject: 'Se abrió un lugar para usted',
    promotedBody: 'Buenas noticias: se abrió un lugar y su confirmación de asistencia ya está confirmada.',
  },
  hmn: {
    signInSubject: (school) => `Koj txoj kab txuas nkag rau ${school}`,
    signInBody: (link) =>
      `Qhib txoj kab txuas no kom nkag mus rau cov lus nrog tsev kawm ntawv. Nws siv tau ib zaug xwb, hauv 15 feeb.\n\n${link}\n\nYog koj tsis tau thov, tsis txhob quav ntsej email no.`,
    replySubject: (staff) => `Muaj lus tshiab los ntawm ${staff}`,
    replyBody: (staff, school) =>
      `${staff} (${school}) xa ib tsab lus tuaj rau koj. Qhib lub vev xaib ntawm tsev kawm ntawv kom nyeem thiab teb.`,
    promotedSubject: 'Muaj ib qho chaw rau koj lawm',
    promotedBody: 'Xov zoo: muaj ib qho chaw khoob lawm thiab koj qhov RSVP tau lees paub lawm.',
  },
  vi: {
    signInSubject: (school) => `Liên kết đăng nhập của bạn cho ${school}`,
    signInBody: (link) =>
      `Mở liên kết này để đăng nhập vào tin nhắn với nhà trường. Liên kết dùng được một lần, trong 15 phút.\n\n${link}\n\nNếu bạn không yêu cầu, hãy bỏ qua email này.`,
    replySubject: (staff) => `Tin nhắn mới từ ${staff}`,
    replyBody: (staff, school) => `${staff} (${school}) đã gửi cho bạn một tin nhắn. Mở trang web của trường để đọc và trả lời.`,
    promotedSubject: 'Đã có chỗ cho bạn',
    promotedBody: 'Tin vui: đã có chỗ trống và đăng ký của bạn đã được xác nhận.',
  },
  so: {
    signInSubject: (school) => `Xiriirkaaga gelitaanka ee ${school}`,
    signInBody: (link) =>
      `Fur xiriirkan si aad u gasho fariimaha dugsiga. Hal mar ayuu shaqeeyaa, 15 daqiiqo gudahood.\n\n${link}\n\nHaddii aadan codsan, iska indho tir emailkan.`,
    replySubject: (staff) => `Fariin cusub oo ka timid ${staff}`,
    replyBody: (staff, school) => `${staff} (${school}) ayaa fariin kuu soo diray. Fur bogga dugsiga si aad u akhrido oo uga jawaabto.`,
    promotedSubject: 'Boos ayaa laguu furay',
    promotedBody: 'War wanaagsan: boos ayaa banaanaaday, ka qaybgalkaagana waa la xaqiijiyay.',
  },
  ar: {
    signInSubject: (school) => `رابط تسجيل الدخول إلى ${school}`,
    signInBody: (link) =>
      `افتح هذا الرابط لتسجيل الدخول إلى الرسائل مع المدرسة. يعمل مرة واحدة خلال 15 دقيقة.\n\n${link}\n\nإذا لم تطلبه، فتجاهل هذه الرسالة.`,
    replySubject: (staff) => `رسالة جديدة من ${staff}`,
    replyBody: (staff, school) => `أرسل إليك ${staff} (${school}) رسالة. افتح موقع المدرسة لقراءتها والرد عليها.`,
    promotedSubject: 'أصبح لك مكان',
    promotedBody: 'أخبار سارة: توفر مكان وأصبح حضورك مؤكدًا.',
  },
  'zh-Hans': {
    signInSubject: (school) => `${school} 的登录链接`,
    signInBody: (link) => `打开此链接即可登录与学校的消息。链接只能使用一次，15 分钟内有效。\n\n${link}\n\n如果您没有申请，请忽略此邮件。`,
    replySubject: (staff) => `来自 ${staff} 的新消息`,
    replyBody: (staff, school) => `${staff}（${school}）给您发了一条消息。请打开学校网站阅读并回复。`,
    promotedSubject: '您有名额了',
    promotedBody: '好消息：有空位了，您的报名已确认。',
  },
  ht: {
    signInSubject: (school) => `Lyen pou w konekte nan ${school}`,
    signInBody: (link) =>
      `Louvri lyen sa a pou w konekte nan mesaj ak lekòl la. Li mache yon sèl fwa, pandan 15 minit.\n\n${link}\n\nSi se pa ou ki te mande l, pa okipe imèl sa a.`,
    replySubject: (staff) => `Nouvo mesaj nan men ${staff}`,
    replyBody: (staff, school) => `${staff} (${school}) voye yon mesaj ba ou. Louvri sit entènèt lekòl la pou w li l epi reponn.`,
    promotedSubject: 'Gen yon plas pou ou',
    promotedBody: 'Bon nouvèl: yon plas libere epi RSVP ou konfime kounye a.',
  },
};

export function emailTexts(locale: string): Texts {
  return TEXTS[matchSupportedLocale(locale) ?? 'en'];
}
