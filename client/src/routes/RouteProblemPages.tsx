import { Link } from 'react-router';

/** An address that names no page: say so, and offer the way home. */
export function NotFoundPage() {
  return (
    <section>
      <h1>找不到這個頁面</h1>
      <p>網址可能打錯了，或頁面已經移動。</p>
      <p>
        <Link to="/">回到首頁</Link>
      </p>
    </section>
  );
}

/** A page that exists but is not this person's to open (a student at 稽核紀錄, a teacher at 提交主控台). */
export function ForbiddenPage() {
  return (
    <section>
      <h1>您沒有權限開啟這個頁面</h1>
      <p>這個頁面屬於其他角色或處室。如果您認為應該可以開啟，請洽學校的資訊組。</p>
      <p>
        <Link to="/">回到首頁</Link>
      </p>
    </section>
  );
}
