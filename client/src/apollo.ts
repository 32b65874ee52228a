import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { ALERT_REFRESHED_QUERIES, setLiveConnection } from './lib/live-connection';

/** A ping this often tells a dead connection (a laptop that slept, a dropped NAT entry) from a quiet one. */
const KEEP_ALIVE_MS = 20_000;
/** No pong within this long: the connection is gone, and is dropped so that a new one is made. */
const PONG_TIMEOUT_MS = 10_000;
const LONGEST_RETRY_WAIT_MS = 30_000;

/**
 * Waits before reconnecting: 1, 2, 4 … up to 30 s, plus up to 3 s at random, so the students of a restarting instance
 * (it closes their sockets with 1012) do not all come back in the same instant. graphql-ws's own wait keeps doubling
 * without a bound, which after an hour's outage would leave a page waiting longer than the outage lasted.
 */
function reconnectWait(retries: number): Promise<void> {
  const wait = Math.min(LONGEST_RETRY_WAIT_MS, 1000 * 2 ** retries) + 300 + Math.random() * 2700;
  return new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * Queries and mutations go over HTTP with the httpOnly session cookie; subscriptions over graphql-ws on the same
 * path, where the browser sends the same cookie with the handshake. When the socket drops (an instance restarting,
 * the network), graphql-ws reconnects and subscribes again by itself; what an alert would have refreshed meanwhile is
 * fetched once the socket is back, so nothing missed stays stale. The header shows 連線中… until then.
 */
export function createApolloClient(): ApolloClient {
  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const socket = createClient({
    url: wsUrl,
    lazy: true,
    // Every close but a fatal one (4401: the session ended) is retried, without end: alerts matter all day. Also a
    // failed attempt: while the server is away the browser reports an 'error' event, not a close, and graphql-ws's
    // default gives up on those — one refused reconnect would leave the page without alerts until it is reloaded.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: reconnectWait,
    keepAlive: KEEP_ALIVE_MS,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        setLiveConnection('live');
        if (wasRetry) void client.refetchQueries({ include: ALERT_REFRESHED_QUERIES });
      },
      closed: () => {
        clearTimeout(pongTimer);
        setLiveConnection('connecting');
      },
      ping: (received) => {
        if (!received) pongTimer = setTimeout(() => socket.terminate(), PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });
  const client = new ApolloClient({
    link: ApolloLink.split(({ query }) => isSubscriptionOperation(query), new GraphQLWsLink(socket), httpLink),
    cache: new InMemoryCache(),
  });
  return client;
}
