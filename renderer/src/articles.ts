// The treaty article behind a label, shown in its tooltip: users can look an article up, not a rule id (DOMAIN.md's
// R-numbers stay in the code). Paris and Locarno have the same provisions (Paris 16, Locarno 7).
export const ARTICLE = {
  /** R1 */
  classes: 'WIPO Convention Art. 11(4)(a): each state belongs to a class and pays on that class’s number of units',
  /** R4 */
  total: 'WIPO Convention Art. 11(4)(c): shares in proportion to units',
  /** R8 */
  due: 'WIPO Convention Art. 11(4)(d): contributions fall due on 1 January of each year',
  /** R13 */
  classChange: 'WIPO Convention Art. 11(4)(b): a move to a lower class is announced at an ordinary session and takes effect on 1 January of the year after it',
  /** R16, R17 */
  vote: 'WIPO Convention Art. 11(5): no vote when the arrears equal or exceed the contributions due for the two preceding full years',
  /** R19 */
  wcf: 'WIPO Convention Art. 11(8): the working capital fund is built from single payments, each a proportion of the member’s contribution',
  /** R20 */
  advances: 'WIPO Convention Art. 11(9): the host state grants advances when the working capital fund is insufficient; a denunciation takes effect three years after the end of the year it is notified',
} as const;
