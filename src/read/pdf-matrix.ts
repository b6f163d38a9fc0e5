/** PDF transformation matrices [a b c d e f], shared by the text and ruling-line readers. */
export type Matrix = [number, number, number, number, number, number];

/** `n` applied first, then `m` — as `cm` pre-multiplies the current matrix. */
export function multiply(m: readonly number[], n: readonly number[]): Matrix {
  return [
    n[0]! * m[0]! + n[1]! * m[2]!,
    n[0]! * m[1]! + n[1]! * m[3]!,
    n[2]! * m[0]! + n[3]! * m[2]!,
    n[2]! * m[1]! + n[3]! * m[3]!,
    n[4]! * m[0]! + n[5]! * m[2]! + m[4]!,
    n[4]! * m[1]! + n[5]! * m[3]! + m[5]!,
  ];
}
