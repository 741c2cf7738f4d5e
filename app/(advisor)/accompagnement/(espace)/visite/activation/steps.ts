/** The assisted activation's steps in progress (httpOnly cookies), kept apart from a person's own online activation. */
export const ASSISTED_ENROLMENT = 'mes_fs_activation';
export const ASSISTED_CHALLENGE = 'mes_fs_activation_otp';
