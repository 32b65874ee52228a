import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { setLiveConnection } from './lib/live-connection';

/**
 * Queries and mutations go over HTTP with the httpOnly session cookie; subscriptions over graphql-ws on the same
 * path, where the browser sends the same cookie with the handshake.
 */
export function createApolloClient(): ApolloClient {
  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  const wsLink = new GraphQLWsLink(
    createClient({
      url: wsUrl,
      lazy: true,
      retryAttempts: Infinity,
      on: {
        connected: () => setLiveConnection('live'),
        closed: () => setLiveConnection('connecting'),
      },
    }),
  );
  return new ApolloClient({
    link: ApolloLink.split(({ query }) => isSubscriptionOperation(query), wsLink, httpLink),
    cache: new InMemoryCache(),
  });
}
