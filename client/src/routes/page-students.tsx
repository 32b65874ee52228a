import { useParams } from 'react-router';
import { StudentsPage } from '../pages/StudentsPage';

/** 學生名單, of one class when the address names it (`/classes/:classId/students`). */
export function Students() {
  return <StudentsPage classId={useParams().classId ?? null} />;
}
