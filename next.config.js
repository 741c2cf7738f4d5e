/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  ...(process.env.NODE_ENV === 'production' && (process.env.APP_URL ?? '').startsWith('https:')
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' }]
    : []),
];

const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project once (tsc); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Server-only packages with native code or dynamic requires stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pino', 'pg', 'bullmq', 'ioredis', 'nodemailer'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // DOC-3: a document's decrypted file is previewed in a frame of our own document page, nowhere else.
      { source: '/espace/documents/:id/contenu', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
    ];
  },
};

export default nextConfig;
