/** The header that carries an RSVP's edit token on change and cancel. */
export const RSVP_TOKEN_HEADER = 'X-Rsvp-Token';
