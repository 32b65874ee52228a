import { HomePage } from '../pages/HomePage';
import { useSignedIn } from './viewer-context';

export function Home() {
  return <HomePage me={useSignedIn().viewer} />;
}
