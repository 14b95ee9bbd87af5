import { createApp, t, uploadFile } from 'typefast'

const Metadata = t.Object({ tags: t.Array(t.String()), public: t.Boolean() }, { $id: 'Metadata' })

// multipart/form-data: files, plain fields and a JSON-typed field in one form.
export const app = createApp({ formLimits: { fileSize: 10 * 1024 * 1024, files: 5 } }).post(
  '/documents',
  {
    form: t.Object({
      title: t.String(),
      document: uploadFile(),
      metadata: Metadata,
      // FastAPI's `list[UploadFile] | None = None`: it may be left out.
      attachments: t.Optional(t.Union([t.Array(uploadFile()), t.Null()])),
    }),
    status: 201,
  },
  async function uploadDocument({ form }) {
    const text = await form.document.text()
    return {
      title: form.title,
      filename: form.document.filename,
      contentType: form.document.contentType,
      size: form.document.size,
      lines: text.split('\n').length,
      attachments: (form.attachments ?? []).map((file) => file.filename),
      tags: form.metadata.tags,
    }
  },
)
