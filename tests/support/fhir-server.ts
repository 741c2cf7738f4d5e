import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as root from '@/app/api/fhir/r4/route';
import * as metadata from '@/app/api/fhir/r4/metadata/route';
import * as patientSearch from '@/app/api/fhir/r4/Patient/route';
import * as patientPostSearch from '@/app/api/fhir/r4/Patient/%5Fsearch/route';
import * as patientRead from '@/app/api/fhir/r4/Patient/[id]/route';
import * as documentType from '@/app/api/fhir/r4/DocumentReference/route';
import * as documentInstance from '@/app/api/fhir/r4/DocumentReference/[id]/route';
import * as binary from '@/app/api/fhir/r4/Binary/[id]/route';
import * as communicationType from '@/app/api/fhir/r4/Communication/route';
import * as communicationInstance from '@/app/api/fhir/r4/Communication/[id]/route';
import * as communicationAttachment from '@/app/api/fhir/r4/Communication/[id]/attachment/[attachmentId]/route';
import * as unknown from '@/app/api/fhir/r4/[...path]/route';

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;

const BASE = '/api/fhir/r4';

/** The app's file-system routes under /api/fhir/r4, matched as Next.js does (static segments first, then the catch-all). */
const ROUTES: [RegExp, RouteModule, (m: RegExpExecArray) => Record<string, unknown>][] = [
  [/^$/, root as RouteModule, () => ({})],
  [/^metadata$/, metadata as RouteModule, () => ({})],
  [/^Patient$/, patientSearch as RouteModule, () => ({})],
  [/^Patient\/_search$/, patientPostSearch as RouteModule, () => ({})],
  [/^Patient\/([^/]+)$/, patientRead as RouteModule, (m) => ({ id: decodeURIComponent(m[1]!) })],
  [/^DocumentReference$/, documentType as RouteModule, () => ({})],
  [/^DocumentReference\/([^/]+)$/, documentInstance as RouteModule, (m) => ({ id: decodeURIComponent(m[1]!) })],
  [/^Binary\/([^/]+)$/, binary as RouteModule, (m) => ({ id: decodeURIComponent(m[1]!) })],
  [/^Communication$/, communicationType as RouteModule, () => ({})],
  [/^Communication\/([^/]+)$/, communicationInstance as RouteModule, (m) => ({ id: decodeURIComponent(m[1]!) })],
  [/^Communication\/([^/]+)\/attachment\/([^/]+)$/, communicationAttachment as RouteModule,
    (m) => ({ id: decodeURIComponent(m[1]!), attachmentId: decodeURIComponent(m[2]!) })],
  [/^(.+)$/, unknown as RouteModule, (m) => ({ path: m[1]!.split('/').map(decodeURIComponent) })],
];

async function toRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' || !chunks.length ? undefined : Buffer.concat(chunks);
  return new Request(`http://${req.headers.host}${req.url}`, { method, headers, body });
}

async function serve(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (!path.startsWith(BASE)) return void res.writeHead(404).end();
  const rest = path.slice(BASE.length).replace(/^\//, '');
  const [match, module, paramsOf] = ROUTES.map(([re, mod, p]) => [re.exec(rest), mod, p] as const).find(([m]) => m)!;
  const handler = module[(req.method ?? 'GET') as keyof RouteModule];
  if (!handler) return void res.writeHead(405).end(); // as Next.js answers a method the route does not export
  const response = await handler(await toRequest(req), { params: Promise.resolve(paramsOf(match!)) });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => { headers[name] = value; });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * A real HTTP server, on a random local port, in front of the FHIR route handlers exactly as exported by
 * app/api/fhir/r4 (in-process: the same database and configuration as the test). `url` is the FHIR base.
 */
export async function startFhirServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      console.error('fhir test server:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
