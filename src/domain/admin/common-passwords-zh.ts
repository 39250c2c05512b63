// Passwords and password parts that Chinese users choose far more often than the English-
// speaking users whose leaks fill zxcvbn's lists: number puns (520 我爱你, 1314 一生一世, 7758521
// 亲亲我吧我爱你), pinyin phrases, QQ-era habits. From the published analyses of the large
// Chinese leaks (Li, Han and Xu, "A Large-Scale Empirical Analysis of Chinese Web Passwords",
// USENIX Security 2014; Wang et al., "The Tangled Web of Password Reuse" and their Chinese
// datasets): most frequent first, as zxcvbn ranks a dictionary by position.
// prettier-ignore
export const commonPasswordsZh: readonly string[] = [
  "123456", "123456789", "111111", "5201314", "12345678", "123123", "000000", "11111111",
  "woaini1314", "qq123456", "a123456", "123321", "1314520", "666666", "888888", "7758521",
  "woaini", "147258369", "159357", "147258", "123456a", "a123456789", "112233", "654321",
  "1qaz2wsx", "qwe123", "123qwe", "aaaaaa", "abc123", "zxcvbnm", "iloveyou", "woaini520",
  "5201314520", "1314521", "521521", "520520", "woaiwojia", "nihao", "nihao123", "aini1314",
  "aini", "wobuzhidao", "asd123", "qwer1234", "asdfghjkl", "88888888", "66666666", "168168",
  "woshishui", "zhongguo", "beijing", "shanghai", "chengdu", "wuhan", "shenzhen", "guangzhou",
  "tianya", "baobao", "laopo", "laogong", "wodemima", "mima", "mima123", "zhangsan", "lisi",
  "qq", "qqqqqq", "admin", "linli", "shequ",
];

// The most frequent surnames (the hundred most frequent cover about 85 % of people, and
// these are their distinct pinyin spellings); they start many Chinese passwords (wang1985,
// zhangwei888).
export const commonSurnamesPinyin: readonly string[] = [
  "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu",
  "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng",
  "cao", "peng", "zeng", "xiao", "tian", "dong", "yuan", "pan", "yu", "jiang", "cai", "du", "ye", "cheng",
  "su", "wei", "lv", "ding", "ren", "shen", "yao", "lu", "cui", "zhong", "tan", "fan", "jin", "shi", "liao",
  "jia", "xia", "fu", "fang", "bai", "zou", "meng", "xiong", "qin", "qiu", "yin", "xue", "yan", "duan",
  "lei", "hou", "long", "tao", "gu", "mao", "hao", "gong", "shao", "wan", "qian", "dai", "mo", "kong",
  "xiang", "chang",
];
