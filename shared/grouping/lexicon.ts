// Word lists for grouping, in folded form (foldForSearch: no ZWNJ, «ا» for «آ», Persian «ی»/«ک»).
// General Persian and general intake vocabulary only: nothing here names a particular problem.

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Function words, auxiliaries, and words every intake text uses whatever the problem. */
export const STOPWORDS = words(`
  و در به از که این ان با را برای تا یا هم نیز اما ولی اگر چون چه چرا کی کجا هر همه هیچ یک دو سه
  چند بعد قبل پیش پس روی زیر بین بی بر نه ما من او انها ایشان شما خود خودش خودم خودشان همین همان
  است هست نیست بود بودند باشد باشند شد شده شدند میشود نمیشود شود نشده کرد کرده کردند میکند میکنند
  نمیکند نمیکنند کند کنند کنیم کرده‌اند دارد دارند داشت داشته ندارد ندارند نداشته میدهد میدهند
  داده دادند دهد دهند نمیدهد نمیدهند گرفته گفته میگوید میگویند میگن گفتند گویند باید نباید بتواند
  میتواند نمیتواند توان هنوز دیگر حالا الان اکنون سال ماه روز هفته ساعت بار مدت زمان طول حدود
  خیلی بسیار بیشتر کمتر فقط حتی حال وقتی زمانی جایی کسی چیزی طبق مورد موارد طریق جهت عنوان نظر
  متقاضی متقاضیان درخواست درخواستی خواستار خواهان مراجعه مراجعات پیگیری شکایت گلایه اعتراض مشکل
  مشکلات لطفا اهالی خانوار خانواده روستا روستاها روستای شهر شهرستان استان بخش دهستان محله اداره
  ادارات مسئولان مسئولین مسئول ایشان اقای خانم جناب سرکار اینجانب بنده ما نفر تومان میلیون هزار
  ریال ماهه ساله روزه کل تمام هیچکس شان اش ام ای ها های
`);

/** After these words comes a name or a place: the next token is masked. */
export const MASK_NEXT = words(`
  روستای اقای خانم جناب اقا اقایان اقازاده اهالی_روستای شهرستان شهر بخش دهستان محله خیابان کوچه
  منطقه ناحیه شهرک
`);

/** Bound morphemes a clerk may type as a separate word: joined to the next word. */
export const BOUND_BEFORE = words('می نمی');

/** Bound morphemes typed apart: joined to the previous word. */
export const BOUND_AFTER = words('ها های هایی هایش هایشان ای ام اش ات مان تان شان تر ترین اند ایم اید');

/** Common words that begin with «می» but are not verbs: the prefix stays. */
export const MI_WORDS = words(`
  میلیون میلیارد میوه میز میدان میراث میزان میان میانه میش میهمان مهمان میل میخ میگو میکروب میعاد
  میکده میهن میمون میسر میمنت میرزا میراب میرا میزبان
`);

/** Verb prefixes, longest first. */
export const PREFIXES = ['نمی', 'می'];

/** Inflectional suffixes, longest first; up to two are stripped while a stem of 3+ letters remains. */
export const SUFFIXES = [
  'هایشان', 'هایمان', 'هایش', 'هایی', 'های', 'ها', 'ترین', 'تر', 'شان', 'مان', 'تان', 'شون', 'مون',
  'اند', 'ایم', 'اید', 'ان', 'ات', 'اش', 'ام', 'ای', 'ند', 'یم', 'ید',
];

/** Then one final letter (ezafe «ی», «ه» of adjectives, colloquial plural «ا»). */
export const FINAL_LETTERS = ['ی', 'ه', 'ا'];
