import { AccountsPage } from '../pages/AccountsPage';
import { useSignedIn } from './viewer-context';

export function Accounts() {
  return <AccountsPage bureau={useSignedIn().viewer.kind === 'BUREAU'} />;
}
