/** Articles marked "coded" (issue 18). */
export default {
  markDone: 'Mark coded',
  unmarkDone: 'Coded ✓',
  markDoneHint: 'Mark this article as coded by you (d): agreement then counts it even without highlights',
  unmarkDoneHint: 'You marked this article as coded; click (or d) to unmark it',
  doneMark: 'Coded by you',
  marked: 'Marked as coded',
  unmarked: 'No longer marked as coded',
};
