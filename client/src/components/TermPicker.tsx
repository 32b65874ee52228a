import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useSearchParam } from '../lib/use-search-param';
import { graphql } from '../gql';

const TermPickerQuery = graphql(`
  query TermPicker {
    me {
      id
      currentTerm {
        id
      }
    }
    terms(first: 100) {
      nodes {
        id
        key
        label
      }
    }
  }
`);

/**
 * The term a page works on: the term whose data an open window governs (`preferKey`, e.g. 1151 in February while
 * 115-1's outcomes are still uploaded), else the current term, unless the person picks another (a round of last term
 * may still be open in the first weeks of the next one). The pick lives in the address (`?term=1151`), so a link
 * names the term it shows. Returns the chosen id, null while loading, and the labelled select to render.
 */
export function useTermChoice(preferKey: string | null = null): {
  termId: string | null;
  termLabel: string;
  picker: ReactNode;
} {
  const { data } = useQuery(TermPickerQuery);
  const [termKey, setTermKey] = useSearchParam('term');
  const terms = data?.terms.nodes ?? [];
  const preferred = terms.find((term) => term.key === preferKey)?.id;
  const fallback = preferred ?? data?.me?.currentTerm?.id ?? terms.at(-1)?.id ?? null;
  const termId = terms.find((term) => term.key === termKey)?.id ?? fallback;
  const choose = (id: string) => setTermKey(terms.find((term) => term.id === id)?.key ?? null);
  const termLabel = terms.find((term) => term.id === termId)?.label ?? '';
  const picker =
    terms.length === 0 ? null : (
      <label className="term-pick">
        學期
        <select value={termId ?? ''} onChange={(event) => choose(event.target.value)}>
          {terms.map((term) => (
            <option key={term.id} value={term.id}>
              {term.label}
              {term.id === data?.me?.currentTerm?.id ? '（目前學期）' : ''}
            </option>
          ))}
        </select>
      </label>
    );
  return { termId, termLabel, picker };
}
