import { useParams } from 'react-router';
import { StudentsPage } from '../pages/StudentsPage';
import { useSignedIn } from './viewer-context';

/** 學生名單, of one class when the address names it (`/classes/:classId/students`). */
export function Students() {
  const { viewer } = useSignedIn();
  return <StudentsPage classId={useParams().classId ?? null} canChooseClass={viewer.viewerCanListClasses} />;
}
