/**
 * The bare GraphQL baseline of issue 22's `{ __typename }` ratio, run by ratios.bench.ts as its own process: the
 * platform's own versions of Apollo Server 5, its Express 5 integration (@as-integrations/express5), Express 5 with
 * the same JSON body parser, and a type-graphql schema of one constant resolver. Nothing else: no context, no
 * session, no transaction, no plugins. Run with NODE_ENV=production like the platform, so Apollo's defaults match.
 * Prints `listening <port>` once it accepts requests.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSchema, Query, Resolver } from 'type-graphql';

@Resolver()
class ConstantResolver {
  @Query(() => String)
  hello(): string {
    return 'world';
  }
}

const schema = await buildSchema({ resolvers: [ConstantResolver], validate: false });
const app = express();
app.disable('x-powered-by');
const httpServer = createServer(app);
const apollo = new ApolloServer({ schema, csrfPrevention: true, stopOnTerminationSignals: false });
await apollo.start();
app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));

httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = httpServer.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  httpServer.close();
  void apollo.stop().then(() => process.exit(0));
});
