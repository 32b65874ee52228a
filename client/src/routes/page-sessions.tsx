import { SessionsPage } from '../pages/SessionsPage';
import { useSignedIn } from './viewer-context';

export function Sessions() {
  return <SessionsPage onSignedOut={useSignedIn().onLoggedOut} />;
}
