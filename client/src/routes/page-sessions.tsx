import { providerSignOutOf } from '../lib/single-sign-on';
import { SessionsPage } from '../pages/SessionsPage';
import { useSignedIn } from './viewer-context';

export function Sessions() {
  const { viewer, onLoggedOut } = useSignedIn();
  return <SessionsPage onSignedOut={(url) => onLoggedOut(providerSignOutOf(url, viewer.signedInWith))} />;
}
