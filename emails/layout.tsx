import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** Shared frame of every email: plain, readable, no tracking, no medical content (NOT-7). */
export function EmailLayout({ preview, title, children }: { preview: string; title: string; children: ReactNode }) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f6fa', fontFamily: 'Arial, Helvetica, sans-serif', color: '#1b1b35' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '600px' }}>
          <Text style={{ color: '#0b4f8a', fontWeight: 700, fontSize: '18px', margin: 0 }}>Mon espace santé</Text>
          <Heading as="h1" style={{ fontSize: '22px' }}>{title}</Heading>
          <Section>{children}</Section>
          <Hr />
          <Text style={{ fontSize: '12px', color: '#4a4a68' }}>
            Ce message vous est envoyé automatiquement, merci de ne pas y répondre. Mon espace santé ne vous demandera
            jamais votre mot de passe par courriel.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: '15px', lineHeight: '22px' } as const;
export const codeStyle = { fontSize: '26px', fontWeight: 700, letterSpacing: '4px', fontFamily: 'monospace' } as const;
