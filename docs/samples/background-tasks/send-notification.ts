import { createApp, dependency, t } from 'typefast'

export const sent: string[] = []

async function sendEmail(to: string, message: string) {
  await new Promise((resolve) => setTimeout(resolve, 10)) // an SMTP call
  sent.push(`${to}: ${message}`)
}

// Dependencies can add tasks too: they run after the handler's, in the order added.
const auditLog = dependency(
  { query: t.Object({ q: t.Optional(t.Union([t.String(), t.Null()])) }) },
  ({ query, background }) => {
    if (query.q != null) background.add((q: string) => sent.push(`audit: ${q}`), query.q)
    return query.q
  },
)

export const app = createApp().post(
  '/send-notification/{email}',
  { deps: { q: auditLog } },
  function sendNotification({ params, background }) {
    // Runs after the response is sent: the client does not wait for the email.
    background.add(sendEmail, params.email, 'some notification')
    return { message: 'Notification sent in the background' }
  },
)
