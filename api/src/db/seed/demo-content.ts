import { OutcomeKind, PerformanceCategory } from '../../modules/portfolio/portfolio.enums.js';

/**
 * What the demo's students, teachers and staff write: course outcomes per subject, teachers' reasons for not
 * certifying, diverse performances, counseling sessions. All of it fictional, each 簡述 within the platform's 100
 * characters. Reasons for not certifying are about whose work it is and which course it belongs to, never its
 * quality (DOMAIN.md §3, certification is not grading).
 */

export interface OutcomeIdea {
  kind: OutcomeKind;
  /** The file's name without the extension. */
  file: string;
  description: string;
}

/** The subjects the demo's courses teach, with their name in the generated files (which carry Latin text only). */
export const SUBJECT_NAMES_IN_FILES: Record<string, string> = {
  國文: 'Chinese',
  英文: 'English',
  數學: 'Mathematics',
  物理: 'Physics',
  自然科學探究與實作: 'Science Inquiry and Practice',
  專題研究: 'Independent Research Project',
};

const OTHER = OutcomeKind.OTHER;

export const OUTCOME_IDEAS: Record<string, OutcomeIdea[]> = {
  國文: [
    {
      kind: OTHER,
      file: '赤壁賦讀書心得',
      description: '閱讀〈赤壁賦〉後的讀書心得，比較蘇軾前後心境的轉變，附小組討論紀錄。',
    },
    { kind: OTHER, file: '老街散文創作', description: '以家鄉老街為題的散文創作，經兩次修改，附初稿與修改說明。' },
    { kind: OTHER, file: '現代詩仿作', description: '現代詩仿作三首與創作說明，練習意象的經營與分行。' },
  ],
  英文: [
    {
      kind: OTHER,
      file: 'MyDreamJob講稿',
      description: '英文短講「My Dream Job」的講稿與準備歷程，練習口語表達與簡報技巧。',
    },
    { kind: OTHER, file: 'Wonder閱讀日誌', description: '英文小說 Wonder 的閱讀日誌，整理角色的成長與故事主題。' },
    { kind: OTHER, file: '姊妹校自我介紹信', description: '寫給姊妹校學生的英文自我介紹信，附兩次修改的歷程。' },
  ],
  數學: [
    {
      kind: OTHER,
      file: '通勤時間統計',
      description: '以統計方法分析全班通勤時間的小研究，包含資料蒐集、圖表與結論。',
    },
    { kind: OTHER, file: '二次函數探索學習單', description: '用 GeoGebra 探索二次函數圖形平移的學習單與心得。' },
    { kind: OTHER, file: '分期付款與數列', description: '數列與級數的生活應用報告：以分期付款為例計算利息與總額。' },
  ],
  物理: [
    {
      kind: OTHER,
      file: '自由落體實驗報告',
      description: '以手機慢動作攝影測量重力加速度的實驗報告，並討論誤差來源。',
    },
    { kind: OTHER, file: '簡易電動機實作', description: '製作簡易電動機的實作紀錄與原理說明，附改良前後的比較。' },
  ],
  自然科學探究與實作: [
    {
      kind: OTHER,
      file: '鹽水濃度與綠豆發芽',
      description: '探究不同濃度鹽水對綠豆發芽率的影響，含實驗設計、數據與結論。',
    },
    { kind: OTHER, file: '校園水質檢測', description: '採樣校園三處水池，比較酸鹼值與濁度，並提出改善建議。' },
  ],
  專題研究: [
    {
      kind: OutcomeKind.PROJECT,
      file: '睡眠與專注度專題',
      description: '專題研究：高中生睡眠時間與上課專注度的問卷調查與分析，附研究計畫與成果簡報。',
    },
    {
      kind: OutcomeKind.PROJECT,
      file: '校園減塑專題',
      description: '專題研究：統計校內一次性餐具用量，設計減塑方案並試行兩週。',
    },
  ],
};

/** Why a teacher did not certify an outcome: it is not the student's own, or not this course's. */
export const REJECTION_REASONS = [
  '檔案是其他科目的作業，不屬於本課程，請改傳本課程的學習成果。',
  '檔案只有封面一頁，看不到內容，無法確認是本課程的成果，請上傳完整的檔案。',
  '這份報告是小組共同作品，請在簡述註明您負責的部分後重新上傳。',
];

/** A diverse performance as the student records it, on a given day of the year (YYYY-MM-DD dates before it). */
export interface PerformanceIdea {
  category: PerformanceCategory;
  title: string;
  description: string;
  details: (dayBefore: (days: number) => string) => Record<string, string>;
  /** Whether it usually comes with a document (a certificate, a photo) or a link. */
  file: 'pdf' | 'png' | null;
  link?: string;
}

const {
  CADRE,
  COMPETITION,
  CERTIFICATE,
  SERVICE_LEARNING,
  FLEXIBLE_LEARNING,
  GROUP_ACTIVITY,
  WORK,
  ADVANCED_COURSE,
  WORKPLACE_LEARNING,
} = PerformanceCategory;

export const PERFORMANCE_IDEAS: PerformanceIdea[] = [
  {
    category: COMPETITION,
    title: '臺北市高級中等學校英語演講比賽',
    description: '代表學校參加英語演講比賽，從擬稿、錄音練習到上台，學會控制時間與臨場應變。',
    details: (before) => ({
      item: '英語演講',
      level: '縣市',
      award: '第三名',
      awardKind: '第三名或銅牌',
      resultDate: before(20),
      participation: '個人',
    }),
    file: 'png',
  },
  {
    category: COMPETITION,
    title: '校內科學展覽',
    description: '與同學合作研究紙飛機翼型與滯空時間，負責實驗設計與數據整理。',
    details: (before) => ({
      item: '物理科',
      level: '校內',
      award: '第一名',
      awardKind: '第一名或金牌',
      resultDate: before(35),
      participation: '團體',
    }),
    file: 'pdf',
  },
  {
    category: CERTIFICATE,
    title: '全民英檢中級初試',
    description: '準備半年通過全民英檢中級初試，固定每週練習聽力與閱讀。',
    details: (before) => ({
      certificateKind: '語文能力檢定',
      issuer: '財團法人語言訓練測驗中心',
      obtainedOn: before(28),
      score: '通過',
    }),
    file: 'png',
  },
  {
    category: CERTIFICATE,
    title: 'APCS 大學程式設計先修檢測',
    description: '自學 Python 後參加 APCS 檢測，實作題取得 3 級分。',
    details: (before) => ({
      certificateKind: '資訊能力檢定',
      issuer: '大學程式設計先修檢測推動委員會',
      obtainedOn: before(40),
      score: '觀念 3 級分、實作 3 級分',
    }),
    file: 'pdf',
  },
  {
    category: SERVICE_LEARNING,
    title: '社區淨灘服務',
    description: '參與淨灘並記錄垃圾種類，發現塑膠瓶蓋最多，回校後在班上分享減塑做法。',
    details: (before) => ({
      organization: '新北市海洋環境保護協會',
      hours: '4',
      startsOn: before(45),
      endsOn: before(45),
    }),
    file: 'png',
  },
  {
    category: SERVICE_LEARNING,
    title: '圖書館志工',
    description: '每週兩次午休在圖書館整理書架與協助借還書，學會圖書分類。',
    details: (before) => ({ organization: '本校圖書館', hours: '12', startsOn: before(90), endsOn: before(10) }),
    file: null,
  },
  {
    category: FLEXIBLE_LEARNING,
    title: '自主學習：用 Python 分析天氣資料',
    description: '利用彈性學習時間下載氣象開放資料，用 Python 畫出一年氣溫變化並撰寫報告。',
    details: () => ({ kind: '自主學習', content: '自主學習計畫', hours: '18' }),
    file: 'pdf',
    link: 'https://example.com/demo/weather-notebook',
  },
  {
    category: GROUP_ACTIVITY,
    title: '熱音社',
    description: '擔任熱音社鼓手，參與期末成果發表，負責排練進度安排。',
    details: () => ({ activity: '社團活動', hours: '30' }),
    file: null,
    link: 'https://example.com/demo/band-concert',
  },
  {
    category: GROUP_ACTIVITY,
    title: '班際合唱比賽',
    description: '擔任班上合唱比賽的伴奏，和指揮一起安排練習時間。',
    details: () => ({ activity: '班級活動', hours: '8' }),
    file: null,
  },
  {
    category: WORK,
    title: '校刊投稿〈雨後的操場〉',
    description: '散文作品刊登於校刊，描寫雨後操場的景象與心情。',
    details: (before) => ({ completedOn: before(30) }),
    file: 'pdf',
  },
  {
    category: CADRE,
    title: '學生會活動部幹事',
    description: '籌備校慶園遊會的攤位配置與動線，學會與各班協調。',
    details: (before) => ({ unit: '學生會', cadreKind: '校級幹部', startsOn: before(100), endsOn: before(5) }),
    file: null,
  },
  {
    category: ADVANCED_COURSE,
    title: '大學先修課程：微積分（一）',
    description: '修習大學線上先修課程微積分，完成每週作業與期末考。',
    details: (before) => ({ university: '國立示範大學', credits: '2', startsOn: before(110), endsOn: before(15) }),
    file: 'pdf',
  },
  {
    category: WORKPLACE_LEARNING,
    title: '暑期職場體驗：社區藥局',
    description: '在社區藥局體驗一週，協助整理藥品與衛教單張，了解藥師如何向長輩說明用藥。',
    details: (before) => ({
      workplace: '示範社區藥局',
      learningKind: '職場體驗',
      position: '藥品整理與衛教協助',
      hours: '30',
      startsOn: before(70),
      endsOn: before(66),
    }),
    file: 'pdf',
  },
  {
    category: PerformanceCategory.OTHER,
    title: '模擬聯合國會議',
    description: '擔任模擬聯合國會議的代表，撰寫立場文件並參與三天的議事討論。',
    details: (before) => ({ startsOn: before(60), endsOn: before(58) }),
    file: 'pdf',
  },
];

export interface CounselingIdea {
  topic: string;
  content: string;
}

export const COUNSELING_IDEAS: CounselingIdea[] = [
  {
    topic: '高二選課：自然組或社會組',
    content: '說明兩類群的加深加廣選修與升學路徑，學生對生物與心理學都有興趣，建議先修探究課程再決定。',
  },
  {
    topic: '學習歷程檔案：課程學習成果的挑選',
    content: '一起檢視上學期已認證的成果，討論哪幾件最能呈現學習歷程，提醒勾選期限。',
  },
  {
    topic: '彈性學習時間的自主學習計畫',
    content: '協助擬定自主學習計畫的題目與每週進度，建議每次寫下學習紀錄，期末整理成成果。',
  },
  {
    topic: '多元選修課程說明',
    content: '介紹下學期開設的多元選修與跨領域課程，說明選課系統操作與注意事項。',
  },
];

/** 校內幹部 the 訓育組 records for a class each term: the position and its level (1–3). */
export const CLASS_CADRES: { position: string; level: number }[] = [
  { position: '班長', level: 1 },
  { position: '副班長', level: 2 },
  { position: '學藝股長', level: 3 },
];
