/** Button and wheel reports (1000) in SGR form (1006): no motion reports, and Shift still selects text in most terminals. */
export const mouseOn = '\u001B[?1000h\u001B[?1006h';

/** Stops those reports: on exit, and while another program has the terminal. */
export const mouseOff = '\u001B[?1000l\u001B[?1006l';
