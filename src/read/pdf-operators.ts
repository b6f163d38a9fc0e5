/**
 * Content-stream operators as numbers (their bytes, big-endian), so the scanners switch on a
 * number instead of making a string for every operator they meet.
 */

/** The operator of `len` bytes at `i`; −1 for one longer than three bytes (none we read). */
export function operatorAt(b: Uint8Array, i: number, len: number): number {
  if (len === 1) return b[i]!;
  if (len === 2) return b[i]! * 256 + b[i + 1]!;
  if (len === 3) return (b[i]! * 256 + b[i + 1]!) * 256 + b[i + 2]!;
  return -1;
}

function code(op: string): number {
  let v = 0;
  for (let k = 0; k < op.length; k++) v = v * 256 + op.charCodeAt(k);
  return v;
}

export const OP_DQUOTE = code('"');
export const OP_QUOTE = code("'");
export const OP_B = code('B');
export const OP_BSTAR = code('B*');
export const OP_BDC = code('BDC');
export const OP_BI = code('BI');
export const OP_BMC = code('BMC');
export const OP_BT = code('BT');
export const OP_Do = code('Do');
export const OP_EMC = code('EMC');
export const OP_F = code('F');
export const OP_Q = code('Q');
export const OP_S = code('S');
export const OP_TSTAR = code('T*');
export const OP_TD = code('TD');
export const OP_TJ = code('TJ');
export const OP_TL = code('TL');
export const OP_Tc = code('Tc');
export const OP_Td = code('Td');
export const OP_Tf = code('Tf');
export const OP_Tj = code('Tj');
export const OP_Tm = code('Tm');
export const OP_Ts = code('Ts');
export const OP_Tw = code('Tw');
export const OP_Tz = code('Tz');
export const OP_b = code('b');
export const OP_bSTAR = code('b*');
export const OP_c = code('c');
export const OP_cm = code('cm');
export const OP_f = code('f');
export const OP_fSTAR = code('f*');
export const OP_gs = code('gs');
export const OP_h = code('h');
export const OP_l = code('l');
export const OP_m = code('m');
export const OP_n = code('n');
export const OP_q = code('q');
export const OP_re = code('re');
export const OP_s = code('s');
export const OP_v = code('v');
export const OP_y = code('y');
