/** 标记为已编码的文章（议题 18）。 */
export default {
  markDone: '标记为已编码',
  unmarkDone: '已编码 ✓',
  markDoneHint: '将本文标记为你已编码（d）：即使没有高亮，一致性计算也会纳入本文',
  unmarkDoneHint: '你已将本文标记为已编码；点击（或按 d）取消标记',
  doneMark: '你已编码',
  marked: '已标记为已编码',
  unmarked: '已取消已编码标记',
};
